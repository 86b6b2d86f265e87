#include "auth/login_throttle.hpp"

#include <gtest/gtest.h>

#include "test_support/test_database.hpp"

namespace app::auth {
namespace {

class LoginThrottleTest : public ::testing::Test {
protected:
    void Attempt(const std::string& username, const std::string& address, std::int64_t at, bool success,
                 const std::string& reason = "wrong_password") {
        database_->Write([&](db::Session& session) {
            session.Execute(
                "INSERT INTO login_log (at, username, success, reason, client_address) VALUES ($1, $2, $3, "
                "$4, "
                "$5)",
                at, username, success, reason, address);
        });
    }
    std::int64_t RetryAfter(const LoginThrottle& throttle, const std::string& username,
                            const std::string& address, std::int64_t now) {
        return database_->Read(
            [&](db::Session& session) { return throttle.RetryAfter(session, username, address, now); });
    }

    testing::TestDatabase database_;
};

}  // namespace

TEST_F(LoginThrottleTest, BlocksAnAccountAfterTooManyFailuresUntilTheWindowPasses) {
    const LoginThrottle throttle(
        {.failures_per_account = 3, .failures_per_address = 100, .window_ms = 60'000});
    for (int attempt = 0; attempt < 3; ++attempt) {
        EXPECT_EQ(RetryAfter(throttle, "alice", "10.0.0.1", 1000 + attempt), 0);
        Attempt("alice", "10.0.0.1", 1000 + attempt, false);
    }
    EXPECT_EQ(RetryAfter(throttle, "alice", "10.0.0.2", 2000), 1000 + 60'000 - 2000);  // from any address
    EXPECT_EQ(RetryAfter(throttle, "bob", "10.0.0.1", 2000), 0);
    EXPECT_EQ(RetryAfter(throttle, "alice", "10.0.0.1", 1000 + 60'001), 0);
}

TEST_F(LoginThrottleTest, BlocksAnAddressTryingManyAccounts) {
    const LoginThrottle throttle(
        {.failures_per_account = 100, .failures_per_address = 5, .window_ms = 60'000});
    for (int attempt = 0; attempt < 5; ++attempt)
        Attempt("user" + std::to_string(attempt), "10.0.0.9", 1000, false);
    EXPECT_GT(RetryAfter(throttle, "someone-else", "10.0.0.9", 1001), 0);
    EXPECT_EQ(RetryAfter(throttle, "someone-else", "10.0.0.8", 1001), 0);
}

TEST_F(LoginThrottleTest, SuccessClearsTheAccountAndThrottledAttemptsDoNotCount) {
    const LoginThrottle throttle(
        {.failures_per_account = 2, .failures_per_address = 100, .window_ms = 60'000});
    Attempt("alice", "a", 1, false);
    Attempt("alice", "a", 2, true, "ok");
    Attempt("alice", "a", 3, false);
    Attempt("alice", "a", 4, false, "throttled");
    EXPECT_EQ(RetryAfter(throttle, "alice", "a", 5), 0);
    Attempt("alice", "a", 6, false);
    EXPECT_GT(RetryAfter(throttle, "alice", "a", 7), 0);
}

TEST(LoginThrottleWaitTest, WaitsUntilTheOldestCountedFailureLeavesTheWindow) {
    EXPECT_EQ(LoginThrottle::WaitFor({30, 20}, 3, 100, 40), 0);
    EXPECT_EQ(LoginThrottle::WaitFor({30, 20, 10}, 3, 100, 40), 70);
    EXPECT_EQ(LoginThrottle::WaitFor({30, 20, 10}, 2, 100, 40), 80);
}

}  // namespace app::auth
