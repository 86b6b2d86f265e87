#pragma once

#include <memory>
#include <string>

#include "core/clock.hpp"
#include "db/database.hpp"

namespace app::testing {

// A migrated, empty database for one test: private in-memory SQLite by default, or — when
// ANKANG_TEST_DATABASE_URL names a PostgreSQL server — a fresh schema there, dropped afterwards.
// The same tests therefore run on both databases.
class TestDatabase {
public:
    TestDatabase();
    ~TestDatabase();

    db::Database& Get() { return *database_; }
    db::Database* operator->() { return database_.get(); }
    db::Dialect GetDialect() const { return database_->GetDialect(); }
    static bool UsingPostgres();
    // The URL this database was opened with (PostgreSQL only: a private in-memory SQLite has none).
    const std::string& Url() const { return url_; }

private:
    std::unique_ptr<db::Database> database_;
    std::string admin_url_;
    std::string schema_;
    std::string url_;
};

// A clock tests move by hand.
class FixedClock final : public Clock {
public:
    explicit FixedClock(EpochMillis now = 1'767'225'600'000) : now_(now) {}  // 2026-01-01T00:00:00Z
    EpochMillis Now() const override { return now_; }
    void Advance(EpochMillis milliseconds) { now_ += milliseconds; }

private:
    EpochMillis now_;
};

}  // namespace app::testing
