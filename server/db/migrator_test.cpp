#include "db/migrator.hpp"

#include <gtest/gtest.h>

#include <map>
#include <set>
#include <sstream>

#include "test_support/test_database.hpp"

namespace app::db {

TEST(MigratorTest, BothDialectTreesShareOneNumbering) {
    const auto sqlite = EmbeddedMigrations(Dialect::kSqlite);
    const auto postgres = EmbeddedMigrations(Dialect::kPostgres);
    ASSERT_EQ(sqlite.size(), postgres.size());
    for (std::size_t index = 0; index < sqlite.size(); ++index) {
        EXPECT_EQ(sqlite[index].version, static_cast<int>(index + 1));
        EXPECT_EQ(sqlite[index].version, postgres[index].version);
        EXPECT_EQ(sqlite[index].name, postgres[index].name);
    }
}

TEST(MigratorTest, SecondRunAppliesNothing) {
    testing::TestDatabase database;  // already migrated once
    const MigrationReport again = Migrate(database.Get());
    EXPECT_TRUE(again.applied.empty());
    EXPECT_EQ(again.current_version, static_cast<int>(EmbeddedMigrations(database.GetDialect()).size()));
}

TEST(MigratorTest, ChangedMigrationStopsWithItsVersion) {
    testing::TestDatabase database;
    std::vector<Migration> changed(EmbeddedMigrations(database.GetDialect()).begin(),
                                   EmbeddedMigrations(database.GetDialect()).end());
    changed[0].sql = "SELECT 1";
    try {
        Migrate(database.Get(), changed);
        FAIL() << "expected a checksum error";
    } catch (const DatabaseError& error) {
        EXPECT_NE(std::string(error.what()).find("migration 1"), std::string::npos) << error.what();
    }
}

TEST(MigratorTest, DatabaseNewerThanBinaryIsRefused) {
    testing::TestDatabase database;
    const auto all = EmbeddedMigrations(database.GetDialect());
    std::vector<Migration> fewer(all.begin(), all.end() - 1);
    EXPECT_THROW(Migrate(database.Get(), fewer), DatabaseError);
}

// The two dialect trees must produce the same tables with the same columns. Column lists are read from
// each database's catalogue; this test runs on SQLite and, in CI, on PostgreSQL, comparing with the
// column list SQLite's tree produces (which is compiled in as the reference below).
namespace {
// Tables and views with their columns (information_schema.columns lists both on PostgreSQL).
std::map<std::string, std::set<std::string>> ReadSchema(Database& database) {
    std::map<std::string, std::set<std::string>> schema;
    database.Read([&](Session& session) {
        if (session.GetDialect() == Dialect::kSqlite) {
            const Result tables = session.Query(
                "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE "
                "'sqlite_%'");
            for (const Row table : tables) {
                const std::string name = table.GetString(0);
                const Result columns = session.Query("SELECT name FROM pragma_table_info($1)", name);
                for (const Row column : columns) schema[name].insert(column.GetString(0));
            }
        } else {
            const Result columns = session.Query(
                "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = "
                "current_schema()");
            for (const Row column : columns) schema[column.GetString(0)].insert(column.GetString(1));
        }
    });
    return schema;
}

std::string Describe(const std::map<std::string, std::set<std::string>>& schema) {
    std::ostringstream text;
    for (const auto& [table, columns] : schema) {
        text << table << ":";
        for (const auto& column : columns) text << " " << column;
        text << "\n";
    }
    return text.str();
}
}  // namespace

TEST(MigratorTest, BothDialectsProduceTheSameTablesAndColumns) {
    testing::TestDatabase database;
    const auto actual = ReadSchema(database.Get());
    // The reference is always SQLite's tree, applied here to a private in-memory database.
    auto reference_database = OpenDatabase("sqlite::memory:");
    Migrate(*reference_database);
    const auto reference = ReadSchema(*reference_database);
    EXPECT_EQ(Describe(actual), Describe(reference));
    EXPECT_GE(reference.size(), 10u);
}

}  // namespace app::db
