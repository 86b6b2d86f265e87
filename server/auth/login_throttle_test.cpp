#include "auth/login_throttle.hpp"

#include <gtest/gtest.h>

namespace app::auth {

TEST(LoginThrottleTest, BlocksAnAccountAfterTooManyFailuresUntilTheWindowPasses) {
    LoginThrottle throttle({.failures_per_account = 3, .failures_per_address = 100, .window_ms = 60'000});
    for (int attempt = 0; attempt < 3; ++attempt) {
        EXPECT_EQ(throttle.RetryAfter("alice", "10.0.0.1", 1000 + attempt), 0);
        throttle.RecordFailure("alice", "10.0.0.1", 1000 + attempt);
    }
    EXPECT_GT(throttle.RetryAfter("alice", "10.0.0.2", 2000), 0);  // the account, from any address
    EXPECT_EQ(throttle.RetryAfter("bob", "10.0.0.1", 2000), 0);
    EXPECT_EQ(throttle.RetryAfter("alice", "10.0.0.1", 1000 + 60'001), 0);
}

TEST(LoginThrottleTest, BlocksAnAddressTryingManyAccounts) {
    LoginThrottle throttle({.failures_per_account = 100, .failures_per_address = 5, .window_ms = 60'000});
    for (int attempt = 0; attempt < 5; ++attempt)
        throttle.RecordFailure("user" + std::to_string(attempt), "10.0.0.9", 1000);
    EXPECT_GT(throttle.RetryAfter("someone-else", "10.0.0.9", 1001), 0);
    EXPECT_EQ(throttle.RetryAfter("someone-else", "10.0.0.8", 1001), 0);
}

TEST(LoginThrottleTest, SuccessClearsTheAccount) {
    LoginThrottle throttle({.failures_per_account = 2, .failures_per_address = 100, .window_ms = 60'000});
    throttle.RecordFailure("alice", "a", 1);
    throttle.RecordSuccess("alice");
    throttle.RecordFailure("alice", "a", 2);
    EXPECT_EQ(throttle.RetryAfter("alice", "a", 3), 0);
}

}  // namespace app::auth
