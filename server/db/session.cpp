#include "db/session.hpp"

#include <spdlog/spdlog.h>

namespace app::db {

Transaction::Transaction(Session& session) : session_(session) {
    if (session_.transaction_depth == 0) {
        // SQLite: take the write lock up front so a read-then-write never fails with SQLITE_BUSY mid-way.
        session_.RunScript(session_.GetDialect() == Dialect::kSqlite ? "BEGIN IMMEDIATE" : "BEGIN");
    } else {
        savepoint_ = "ankang_savepoint_" + std::to_string(session_.transaction_depth);
        session_.RunScript("SAVEPOINT " + savepoint_);
    }
    ++session_.transaction_depth;
}

Transaction::~Transaction() {
    if (finished_) return;
    --session_.transaction_depth;
    try {
        if (savepoint_.empty()) {
            session_.RunScript("ROLLBACK");
        } else {
            session_.RunScript("ROLLBACK TO SAVEPOINT " + savepoint_);
            session_.RunScript("RELEASE SAVEPOINT " + savepoint_);
        }
    } catch (const std::exception& error) {
        spdlog::error("rollback failed: {}", error.what());
    }
}

void Transaction::Commit() {
    if (finished_) throw DatabaseError("transaction already finished");
    session_.RunScript(savepoint_.empty() ? "COMMIT" : "RELEASE SAVEPOINT " + savepoint_);
    finished_ = true;
    --session_.transaction_depth;
}

}  // namespace app::db
