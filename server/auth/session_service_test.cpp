#include "auth/session_service.hpp"

#include <gtest/gtest.h>

#include "auth/audit.hpp"
#include "auth/data_scope.hpp"
#include "test_support/test_database.hpp"

namespace app::auth {
namespace {

class SessionServiceTest : public ::testing::Test {
protected:
    SessionServiceTest()
        : sessions_(
              database_.Get(), clock_,
              {.session_lifetime_ms = 3'600'000,
               .password_hash_cost = PasswordHashCost::kMinimal,
               .throttle = {.failures_per_account = 3, .failures_per_address = 50, .window_ms = 900'000}}) {
        database_->Write([&](db::Session& session) {
            const auto org =
                session
                    .Query(
                        "INSERT INTO organisations (name, code, org_type, level, path, status, created_at, "
                        "updated_at) "
                        "VALUES ('测试县总工会', 'T1', 'COUNTY_FED', 3, 'p', 'ACTIVE', 0, 0) RETURNING id")
                    .Front()
                    .GetInt64(0);
            session.Execute("UPDATE organisations SET path = $1 WHERE id = $2", PathSegment(org), org);
            const auto user = session
                                  .Query(
                                      "INSERT INTO users (username, display_name, password_hash, "
                                      "organisation_id, status, must_change_password, "
                                      "created_at, updated_at) VALUES ('cadre', '干部', $1, $2, 'ACTIVE', 1, "
                                      "0, 0) RETURNING id",
                                      HashPassword("Initial123", PasswordHashCost::kMinimal), org)
                                  .Front()
                                  .GetInt64(0);
            session.Execute(
                "INSERT INTO user_roles (user_id, role_id) SELECT $1, id FROM roles WHERE code = 'LP_CADRE'",
                user);
        });
        context_.client_address = "192.0.2.1";
        context_.user_agent = "test";
    }

    std::int64_t LoginLogCount(const std::string& reason) {
        return database_->Read([&](db::Session& session) {
            return session.Query("SELECT COUNT(*) FROM login_log WHERE reason = $1", reason)
                .Front()
                .GetInt64(0);
        });
    }

    testing::TestDatabase database_;
    testing::FixedClock clock_;
    SessionService sessions_;
    RequestContext context_;
};

}  // namespace

TEST_F(SessionServiceTest, LoginIssuesASessionWhoseTokenIsStoredOnlyHashed) {
    const LoginResult result = sessions_.Login("cadre", "Initial123", context_);
    EXPECT_EQ(result.principal.username, "cadre");
    EXPECT_TRUE(result.principal.must_change_password);
    EXPECT_TRUE(result.principal.HasPermission("system:user:view"));
    EXPECT_FALSE(result.principal.HasPermission("system:user:delete"));
    EXPECT_EQ(result.principal.data_scope, DataScope::kSubtree);
    const auto stored = database_->Read([](db::Session& session) {
        return session.Query("SELECT token_hash FROM sessions").Front().GetString(0);
    });
    EXPECT_EQ(stored, HashToken(result.token));
    EXPECT_NE(stored, result.token);
    const auto principal = sessions_.Authenticate(result.token);
    ASSERT_TRUE(principal);
    EXPECT_EQ(principal->csrf_token, result.principal.csrf_token);
    EXPECT_EQ(LoginLogCount("ok"), 1);
}

TEST_F(SessionServiceTest, WrongPasswordAndUnknownUserGiveTheSameError) {
    std::string wrong_message;
    std::string unknown_message;
    try {
        sessions_.Login("cadre", "Wrong12345", context_);
    } catch (const Error& error) {
        EXPECT_EQ(error.GetCode(), ErrorCode::kUnauthenticated);
        wrong_message = error.GetMessage().zh;
    }
    try {
        sessions_.Login("nobody", "Wrong12345", context_);
    } catch (const Error& error) {
        unknown_message = error.GetMessage().zh;
    }
    EXPECT_FALSE(wrong_message.empty());
    EXPECT_EQ(wrong_message, unknown_message);
    EXPECT_EQ(LoginLogCount("wrong_password"), 1);
    EXPECT_EQ(LoginLogCount("unknown_user"), 1);
}

TEST_F(SessionServiceTest, ThrottlesRepeatedFailures) {
    for (int attempt = 0; attempt < 3; ++attempt)
        EXPECT_THROW(sessions_.Login("cadre", "Wrong12345", context_), Error);
    try {
        sessions_.Login("cadre", "Initial123", context_);  // even the right password waits
        FAIL();
    } catch (const Error& error) {
        EXPECT_EQ(error.GetCode(), ErrorCode::kTooManyRequests);
    }
    clock_.Advance(900'001);
    EXPECT_NO_THROW(sessions_.Login("cadre", "Initial123", context_));
}

TEST_F(SessionServiceTest, SessionsExpireAndLogoutRevokes) {
    const auto first = sessions_.Login("cadre", "Initial123", context_);
    const auto second = sessions_.Login("cadre", "Initial123", context_);
    RequestContext signed_in = context_;
    signed_in.principal = *sessions_.Authenticate(first.token);
    sessions_.Logout(signed_in);
    EXPECT_FALSE(sessions_.Authenticate(first.token));
    EXPECT_TRUE(sessions_.Authenticate(second.token));
    clock_.Advance(3'600'001);
    EXPECT_FALSE(sessions_.Authenticate(second.token));
    EXPECT_FALSE(sessions_.Authenticate("not-a-token"));
    sessions_.Login("cadre", "Initial123", context_);  // sweeps the expired session
    EXPECT_EQ(database_->Read([](db::Session& session) {
        return session.Query("SELECT COUNT(*) FROM sessions").Front().GetInt64(0);
    }),
              1);
}

TEST_F(SessionServiceTest, LogoutEverywhereEndsAllSessions) {
    const auto first = sessions_.Login("cadre", "Initial123", context_);
    const auto second = sessions_.Login("cadre", "Initial123", context_);
    RequestContext signed_in = context_;
    signed_in.principal = *sessions_.Authenticate(first.token);
    sessions_.LogoutEverywhere(signed_in);
    EXPECT_FALSE(sessions_.Authenticate(first.token));
    EXPECT_FALSE(sessions_.Authenticate(second.token));
}

TEST_F(SessionServiceTest, ChangingThePasswordClearsTheFlagAndOtherSessions) {
    const auto first = sessions_.Login("cadre", "Initial123", context_);
    const auto second = sessions_.Login("cadre", "Initial123", context_);
    RequestContext signed_in = context_;
    signed_in.principal = *sessions_.Authenticate(first.token);
    try {
        sessions_.ChangePassword(signed_in, "Initial123", "short");
        FAIL();
    } catch (const Error& error) {
        EXPECT_TRUE(error.GetFieldErrors().count("newPassword"));
    }
    try {
        sessions_.ChangePassword(signed_in, "Wrong12345", "Better2026x");
        FAIL();
    } catch (const Error& error) {
        EXPECT_TRUE(error.GetFieldErrors().count("currentPassword"));
    }
    sessions_.ChangePassword(signed_in, "Initial123", "Better2026x");
    const auto still = sessions_.Authenticate(first.token);
    ASSERT_TRUE(still);
    EXPECT_FALSE(still->must_change_password);
    EXPECT_FALSE(sessions_.Authenticate(second.token));
    EXPECT_NO_THROW(sessions_.Login("cadre", "Better2026x", context_));
}

}  // namespace app::auth

namespace app::auth {

// Two services on one database stand for two server processes: a cached session must not outlive a
// sign-out or a change of rights made through the other one.
TEST_F(SessionServiceTest, CachedSessionsFollowChangesMadeElsewhere) {
    SessionService other_process(database_.Get(), clock_, {.password_hash_cost = PasswordHashCost::kMinimal});
    const auto login = sessions_.Login("cadre", "Initial123", context_);
    ASSERT_TRUE(other_process.Authenticate(login.token));  // now cached there
    ASSERT_TRUE(other_process.Authenticate(login.token));  // served from the cache

    database_->Write([](db::Session& session) {
        session.Execute("DELETE FROM role_permissions WHERE permission = 'system:user:create'");
        BumpAuthEpoch(session);
    });
    const auto changed = other_process.Authenticate(login.token);
    ASSERT_TRUE(changed);
    EXPECT_FALSE(changed->HasPermission("system:user:create"));

    RequestContext signed_in = context_;
    signed_in.principal = *sessions_.Authenticate(login.token);
    sessions_.Logout(signed_in);
    EXPECT_FALSE(other_process.Authenticate(login.token));
}

}  // namespace app::auth
