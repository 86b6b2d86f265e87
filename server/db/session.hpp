#pragma once

#include <array>
#include <string>
#include <string_view>

#include "db/connection.hpp"

namespace app::db {

// The handle use cases and repositories work with: a connection, possibly inside a transaction.
// SQL is written once with $1..$n placeholders and runs on both databases.
class Session {
public:
    explicit Session(Connection& connection) : connection_(&connection) {}

    template <typename... Arguments>
    Result Query(std::string_view sql, const Arguments&... arguments) {
        const std::array<Value, sizeof...(Arguments)> values{ToValue(arguments)...};
        return connection_->Run(sql, values);
    }

    // Runs a statement and returns the number of rows it changed.
    template <typename... Arguments>
    std::int64_t Execute(std::string_view sql, const Arguments&... arguments) {
        return Query(sql, arguments...).affected_rows;
    }

    Result QueryValues(std::string_view sql, std::span<const Value> values) {
        return connection_->Run(sql, values);
    }
    void RunScript(std::string_view sql) { connection_->RunScript(sql); }
    Dialect GetDialect() const { return connection_->GetDialect(); }

    // Nesting depth of Transaction objects on this session; the outermost uses BEGIN, inner ones SAVEPOINT.
    int transaction_depth = 0;

private:
    Connection* connection_;
};

// Rolls back unless Commit() is called. Nested transactions become savepoints, so a failing inner unit
// of work (for example one request inside a group commit) undoes only itself.
class Transaction {
public:
    explicit Transaction(Session& session);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

    void Commit();

private:
    Session& session_;
    std::string savepoint_;  // empty for the outermost transaction
    bool finished_ = false;
};

}  // namespace app::db
