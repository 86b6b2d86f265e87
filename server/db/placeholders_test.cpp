#include "db/placeholders.hpp"

#include <gtest/gtest.h>

#include "test_support/test_database.hpp"

namespace app::db {

TEST(PlaceholdersTest, RewritesNumberedPlaceholders) {
    EXPECT_EQ(RewritePlaceholdersForSqlite("SELECT $2 || '/' || $1"), "SELECT ?2 || '/' || ?1");
    EXPECT_EQ(RewritePlaceholdersForSqlite("WHERE a = $10 AND b = $1"), "WHERE a = ?10 AND b = ?1");
}

TEST(PlaceholdersTest, LeavesLiteralsIdentifiersAndCommentsAlone) {
    EXPECT_EQ(RewritePlaceholdersForSqlite("SELECT '$1', \"$2\" -- $3\n, $4 /* $5 */"),
              "SELECT '$1', \"$2\" -- $3\n, ?4 /* $5 */");
    EXPECT_EQ(RewritePlaceholdersForSqlite("SELECT 'it''s $1', $1"), "SELECT 'it''s $1', ?1");
}

// Found by the sql_placeholders fuzzer: '$' may be part of a name in both databases (CREATE TABLE t(a$1) is
// valid SQLite), and rewriting it made "a?1", a syntax error.
TEST(PlaceholdersTest, LeavesDollarSignsInsideNamesAlone) {
    EXPECT_EQ(RewritePlaceholdersForSqlite("SELECT a$1, b_$2, 表$3 FROM t WHERE c = $1"),
              "SELECT a$1, b_$2, 表$3 FROM t WHERE c = ?1");
    EXPECT_EQ(RewritePlaceholdersForSqlite("$1,($2)=$3"), "?1,(?2)=?3");
}

// Without the rewrite SQLite numbers $2 before $1 by first appearance and silently swaps the arguments.
TEST(PlaceholdersTest, OutOfOrderParametersBindCorrectlyOnEitherDatabase) {
    testing::TestDatabase database;
    const std::string joined = database->Read([](Session& session) {
        return session.Query("SELECT CAST($2 AS TEXT) || '/' || CAST($1 AS TEXT)", "first", "second")
            .Front()
            .GetString(0);
    });
    EXPECT_EQ(joined, "second/first");
}

}  // namespace app::db
