#include "scheduler/act_once.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

#include "db/database.hpp"
#include "test_support/test_database.hpp"

namespace app::scheduler {
namespace {

TEST(ClaimDeadlineActionTest, OnlyTheFirstClaimOfAnActionWins) {
    testing::TestDatabase database;
    const auto claim = [&](std::string_view action, std::string_view due) {
        return database->Write([&](db::Session& session) {
            return ClaimDeadlineAction(session, "hazard", 1, action, due, 10);
        });
    };
    EXPECT_TRUE(claim("REMINDER", "2026-01-09"));
    EXPECT_FALSE(claim("REMINDER", "2026-01-09"));
    EXPECT_TRUE(claim("REMINDER", "2026-01-16"));  // a moved deadline is a new action
    EXPECT_TRUE(claim("ESCALATE", "2026-01-09"));
}

TEST(ClaimDeadlineActionTest, ARolledBackActionReleasesItsClaim) {
    testing::TestDatabase database;
    EXPECT_THROW(database->Write([&](db::Session& session) {
        ClaimDeadlineAction(session, "hazard", 1, "ESCALATE", "2026-01-09", 10);
        throw std::runtime_error("the action failed");
    }),
                 std::runtime_error);
    EXPECT_TRUE(database->Write([&](db::Session& session) {
        return ClaimDeadlineAction(session, "hazard", 1, "ESCALATE", "2026-01-09", 10);
    }));
}

TEST(ClaimDeadlineActionTest, ConcurrentClaimsFromManyThreadsWinOnce) {
    testing::TestDatabase database;
    std::atomic<int> wins{0};
    std::vector<std::thread> threads;
    for (int i = 0; i < 8; ++i) {
        threads.emplace_back([&] {
            const bool won = database->Write([&](db::Session& session) {
                return ClaimDeadlineAction(session, "document", 5, "MARK_OVERDUE", "2026-02-02", 10);
            });
            if (won) wins.fetch_add(1);
        });
    }
    for (auto& thread : threads) thread.join();
    EXPECT_EQ(wins.load(), 1);
}

}  // namespace
}  // namespace app::scheduler
