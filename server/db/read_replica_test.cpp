#include "db/read_replica.hpp"

#include <gtest/gtest.h>

#include <thread>

#include "test_support/test_database.hpp"

namespace app::db {
namespace {

void CreateProbe(Database& database, const std::string& name) {
    database.Write([&](Session& session) {
        session.RunScript("CREATE TABLE probe (name TEXT NOT NULL)");
        session.Execute("INSERT INTO probe (name) VALUES ($1)", name);
    });
}

std::string ProbeName(Database& database) {
    return database.Read(
        [](Session& session) { return session.Query("SELECT name FROM probe").Front().GetString(0); });
}

// Nothing listens on port 1 of the loopback: connecting fails at once.
constexpr const char* kUnreachable = "postgresql://postgres@127.0.0.1:1/none?connect_timeout=2";

}  // namespace

TEST(ReadReplicaTest, ReadsOnThePrimaryWhileTheStandbyCannotBeReached) {
    testing::TestDatabase primary;
    CreateProbe(primary.Get(), "primary");
    ReadReplicaDatabase statistics(primary.Get(), kUnreachable, {.read_connections = 1},
                                   std::chrono::seconds(3600));
    EXPECT_EQ(ProbeName(statistics), "primary");
    EXPECT_EQ(ProbeName(statistics), "primary");  // within the wait: not tried again
    EXPECT_EQ(statistics.Counts().on_standby, 0);
    EXPECT_EQ(statistics.Counts().on_primary, 2);
    EXPECT_EQ(statistics.GetDialect(), primary.GetDialect());
}

TEST(ReadReplicaTest, ASilentStandbyIsGivenUpAfterAFewSeconds) {
    testing::TestDatabase primary;
    // libpq waits for the operating system's connect timeout (minutes) unless told otherwise.
    const ReadReplicaDatabase plain(primary.Get(), "postgresql://reader@standby.internal/ankang", {});
    EXPECT_NE(plain.Describe().find("standby.internal/ankang?connect_timeout=3"), std::string::npos);
    const ReadReplicaDatabase with_query(primary.Get(), "postgresql://reader@standby/ankang?sslmode=require",
                                         {});
    EXPECT_NE(with_query.Describe().find("?sslmode=require&connect_timeout=3"), std::string::npos);
    const ReadReplicaDatabase chosen(primary.Get(), kUnreachable, {});
    EXPECT_NE(chosen.Describe().find("connect_timeout=2 "), std::string::npos);  // the operator's own value
}

TEST(ReadReplicaTest, RefusesWrites) {
    testing::TestDatabase primary;
    ReadReplicaDatabase statistics(primary.Get(), kUnreachable, {.read_connections = 1});
    EXPECT_THROW(
        statistics.Write([](Session& session) { session.RunScript("CREATE TABLE nothing (id INT)"); }),
        DatabaseError);
}

TEST(ReadReplicaTest, ReadsOnTheStandbyAndFallsBackWhenItsConnectionIsCut) {
    if (!testing::TestDatabase::UsingPostgres())
        GTEST_SKIP() << "needs PostgreSQL (ANKANG_TEST_DATABASE_URL)";
    // Two schemas stand in for the primary and its standby: the rows tell which one answered.
    testing::TestDatabase primary;
    testing::TestDatabase standby;
    CreateProbe(primary.Get(), "primary");
    CreateProbe(standby.Get(), "standby");
    ReadReplicaDatabase statistics(primary.Get(), standby.Url() + "&application_name=ankang_standby_test",
                                   {.read_connections = 1}, std::chrono::seconds(0));

    EXPECT_EQ(ProbeName(statistics), "standby");
    EXPECT_EQ(statistics.Counts().on_standby, 1);

    // The standby ends every session of ours (as on a restart or failover): the read in flight fails on its
    // cut connection (SQLSTATE 57P01) and is answered by the primary instead of failing the request.
    primary->Write([&](Session& session) {
        session.Query(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = "
            "'ankang_standby_test'");
    });
    for (int attempt = 0; attempt < 100; ++attempt) {  // until the backend has gone
        const auto left = primary->Read([](Session& session) {
            return session
                .Query("SELECT COUNT(*) FROM pg_stat_activity WHERE application_name = 'ankang_standby_test'")
                .Front()
                .GetInt64(0);
        });
        if (left == 0) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    EXPECT_EQ(ProbeName(statistics), "primary");
    EXPECT_EQ(statistics.Counts().on_primary, 1);
    // With no wait configured, the next read reconnects to the standby.
    EXPECT_EQ(ProbeName(statistics), "standby");
    EXPECT_EQ(statistics.Counts().on_standby, 2);
}

}  // namespace app::db
