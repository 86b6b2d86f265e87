#include "core/rate_limiter.hpp"

#include <gtest/gtest.h>

namespace app {
namespace {

TEST(RateLimiterTest, AllowsTheLimitThenAnswersTheWaitUntilTheOldestEventLeavesTheWindow) {
    RateLimiter limiter({3, 1'000});
    EXPECT_EQ(limiter.Acquire("a", 0), 0);
    EXPECT_EQ(limiter.Acquire("a", 100), 0);
    EXPECT_EQ(limiter.Acquire("a", 200), 0);
    EXPECT_EQ(limiter.Acquire("a", 300), 700);  // the event at 0 leaves at 1000
    EXPECT_EQ(limiter.Acquire("b", 300), 0) << "keys are counted apart";
    EXPECT_EQ(limiter.Acquire("a", 1'000), 0);
    EXPECT_EQ(limiter.Acquire("a", 1'001), 99);  // the refused attempt at 300 was not recorded
}

TEST(RateLimiterTest, RetryAfterRecordsNothingAndRecordCountsFailuresOnly) {
    RateLimiter limiter({2, 1'000});
    EXPECT_EQ(limiter.RetryAfter("a", 0), 0);
    EXPECT_EQ(limiter.RetryAfter("a", 0), 0);
    EXPECT_EQ(limiter.RetryAfter("a", 0), 0);
    limiter.Record("a", 10);
    EXPECT_EQ(limiter.RetryAfter("a", 20), 0);
    limiter.Record("a", 20);
    EXPECT_EQ(limiter.RetryAfter("a", 30), 980);
}

TEST(RateLimiterTest, ForgetsKeysWhoseWindowHasPassed) {
    RateLimiter limiter({5, 1'000});
    for (int i = 0; i < 100; ++i) limiter.Record("203.0.113." + std::to_string(i), 0);
    EXPECT_EQ(limiter.KeyCount(), 100U);
    limiter.Record("198.51.100.1", 5'000);
    EXPECT_EQ(limiter.KeyCount(), 1U) << "addresses are not kept beyond their window";
}

}  // namespace
}  // namespace app
