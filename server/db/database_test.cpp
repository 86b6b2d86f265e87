#include "db/database.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <thread>
#include <vector>

#include "db/sqlite/sqlite_database.hpp"
#include "test_support/test_database.hpp"

namespace app::db {
namespace {

void CreateTable(Database& database) {
    database.Write([](Session& session) {
        session.RunScript("CREATE TABLE probe (id BIGINT PRIMARY KEY, name TEXT NOT NULL UNIQUE, note TEXT)");
    });
}

std::int64_t CountRows(Database& database) {
    return database.Read(
        [](Session& session) { return session.Query("SELECT COUNT(*) FROM probe").Front().GetInt64(0); });
}

class TempDirectory {
public:
    TempDirectory() {
        path_ = std::filesystem::temp_directory_path() /
                ("ankang-db-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter_++));
        std::filesystem::create_directories(path_);
    }
    ~TempDirectory() { std::filesystem::remove_all(path_); }
    std::string File(const std::string& name) const { return (path_ / name).string(); }

private:
    static inline int counter_ = 0;
    std::filesystem::path path_;
};

}  // namespace

TEST(DatabaseTest, CommitsWritesAndRollsBackOnException) {
    testing::TestDatabase database;
    CreateTable(database.Get());
    database->Write(
        [](Session& session) { session.Execute("INSERT INTO probe (id, name) VALUES ($1, $2)", 1, "one"); });
    EXPECT_THROW(database->Write([](Session& session) {
        session.Execute("INSERT INTO probe (id, name) VALUES ($1, $2)", 2, "two");
        throw std::runtime_error("abandon");
    }),
                 std::runtime_error);
    EXPECT_EQ(CountRows(database.Get()), 1);
}

TEST(DatabaseTest, ConstraintViolationsAreOneErrorOnBothDatabases) {
    testing::TestDatabase database;
    CreateTable(database.Get());
    database->Write(
        [](Session& session) { session.Execute("INSERT INTO probe (id, name) VALUES (1, 'same')"); });
    try {
        database->Write(
            [](Session& session) { session.Execute("INSERT INTO probe (id, name) VALUES (2, 'same')"); });
        FAIL() << "expected a unique violation";
    } catch (const ConstraintViolation& violation) {
        EXPECT_EQ(violation.GetKind(), ConstraintViolation::Kind::kUnique);
        EXPECT_TRUE(violation.Mentions("name")) << violation.GetDetail();
    }
    try {
        database->Write(
            [](Session& session) { session.Execute("INSERT INTO probe (id, name) VALUES (3, NULL)"); });
        FAIL() << "expected a not-null violation";
    } catch (const ConstraintViolation& violation) {
        EXPECT_EQ(violation.GetKind(), ConstraintViolation::Kind::kNotNull);
    }
    EXPECT_EQ(CountRows(database.Get()), 1);
}

TEST(DatabaseTest, LargeIntegersAndSqlLookingTextRoundTripVerbatim) {
    testing::TestDatabase database;
    CreateTable(database.Get());
    const std::string text = "Robert'); DROP TABLE probe;-- 安康 $1 ?1";
    database->Write([&](Session& session) {
        session.Execute("INSERT INTO probe (id, name, note) VALUES ($1, $2, $3)",
                        std::int64_t{9'000'000'000'000'000'000}, text, std::optional<std::string>());
    });
    database->Read([&](Session& session) {
        const Row row = session.Query("SELECT id, name, note FROM probe").Front();
        EXPECT_EQ(row.GetInt64(0), 9'000'000'000'000'000'000);
        EXPECT_EQ(row.GetString(1), text);
        EXPECT_TRUE(row.IsNull(2));
    });
}

TEST(DatabaseTest, NestedTransactionsBecomeSavepoints) {
    testing::TestDatabase database;
    CreateTable(database.Get());
    database->Write([](Session& session) {
        session.Execute("INSERT INTO probe (id, name) VALUES (1, 'kept')");
        try {
            Transaction inner(session);
            session.Execute("INSERT INTO probe (id, name) VALUES (2, 'undone')");
            throw std::runtime_error("inner failure");
        } catch (const std::runtime_error&) {
        }
    });
    EXPECT_EQ(CountRows(database.Get()), 1);
}

// The SQLite writer commits several callers' work together; one failing unit must not take the others down.
TEST(SqliteGroupCommitTest, ConcurrentWritersAllCommitAndAFailingUnitIsIsolated) {
    TempDirectory directory;
    auto database = OpenDatabase("sqlite:" + directory.File("group.db"));
    CreateTable(*database);
    constexpr int kThreads = 8;
    constexpr int kWritesPerThread = 50;
    std::atomic<int> failures{0};
    std::vector<std::thread> threads;
    for (int thread = 0; thread < kThreads; ++thread) {
        threads.emplace_back([&, thread] {
            for (int write = 0; write < kWritesPerThread; ++write) {
                const int id = thread * 1000 + write;
                try {
                    database->Write([&](Session& session) {
                        session.Execute("INSERT INTO probe (id, name) VALUES ($1, $2)", id,
                                        "row" + std::to_string(id));
                        if (write % 10 == 9) throw std::runtime_error("deliberate failure");
                    });
                } catch (const std::runtime_error&) {
                    ++failures;
                }
            }
        });
    }
    for (auto& thread : threads) thread.join();
    EXPECT_EQ(failures.load(), kThreads * kWritesPerThread / 10);
    EXPECT_EQ(CountRows(*database), kThreads * kWritesPerThread * 9 / 10);
}

TEST(SqliteGroupCommitTest, NestedWriteFailsInsteadOfDeadlocking) {
    TempDirectory directory;
    auto database = OpenDatabase("sqlite:" + directory.File("nested.db"));
    EXPECT_THROW(database->Write([&](Session&) { database->Write([](Session&) {}); }), DatabaseError);
}

TEST(SqliteBackupTest, BackupIsAConsistentCopy) {
    TempDirectory directory;
    const std::string source = directory.File("source.db");
    {
        auto database = OpenDatabase("sqlite:" + source);
        CreateTable(*database);
        database->Write([](Session& session) {
            for (int id = 1; id <= 100; ++id)
                session.Execute("INSERT INTO probe (id, name) VALUES ($1, $2)", id, std::to_string(id));
        });
        BackupSqliteDatabase(source, directory.File("copy.db"));
    }
    auto copy = OpenDatabase("sqlite:" + directory.File("copy.db"));
    EXPECT_EQ(CountRows(*copy), 100);
}

TEST(DatabaseUrlTest, RejectsUnknownSchemesAndRedactsPasswords) {
    EXPECT_THROW(OpenDatabase("mysql://x"), DatabaseError);
    EXPECT_EQ(RedactUrl("postgresql://ankang:secret@127.0.0.1:5432/ankang"),
              "postgresql://ankang:***@127.0.0.1:5432/ankang");
    EXPECT_EQ(RedactUrl("sqlite:data/a.db"), "sqlite:data/a.db");
}

}  // namespace app::db
