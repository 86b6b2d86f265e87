#include "system/log_service.hpp"

#include "auth/session_service.hpp"
#include "system/system_test_fixture.hpp"
#include "system/user_service.hpp"

namespace app::system {
namespace {
class LogServiceTest : public testing_support::TreeFixture {
protected:
    LogService logs_{database_.Get()};
    UserService users_{database_.Get(), clock_, auth::PasswordHashCost::kMinimal};
};
}  // namespace

TEST_F(LogServiceTest, AuditEntriesFollowTheDataScope) {
    const auto admin = ContextFor(admin_);
    users_.Create(admin, {"in.x", "X", "Welcome2026", town_, {RoleId("LP_CADRE")}, "", ""});
    users_.Create(admin, {"in.y", "Y", "Welcome2026", county_y_, {RoleId("LP_CADRE")}, "", ""});
    EXPECT_EQ(logs_.ListAudit(admin, {}, {1, 20}).total, 2);
    // Records belong to the organisation of the user they are about.
    const auto county_x = logs_.ListAudit(ContextFor(county_x_cadre_), {}, {1, 20});
    ASSERT_EQ(county_x.total, 1);
    EXPECT_EQ(county_x.items[0].entity_type, "user");
    EXPECT_NE(county_x.items[0].after_json->find("in.x"), std::string::npos);
    AuditFilter filter;
    filter.action = "delete";
    EXPECT_EQ(logs_.ListAudit(admin, filter, {1, 20}).total, 0);
}

TEST_F(LogServiceTest, LoginAttemptsFollowTheDataScope) {
    auth::SessionService sessions(database_.Get(), clock_,
                                  {.password_hash_cost = auth::PasswordHashCost::kMinimal});
    RequestContext anonymous;
    anonymous.client_address = "198.51.100.7";
    sessions.Login("county_y", "Ankang@2026", anonymous);
    EXPECT_THROW(sessions.Login("ghost", "Whatever1", anonymous), Error);
    const auto admin = logs_.ListLogins(ContextFor(admin_), {}, {1, 20});
    EXPECT_EQ(admin.total, 2);  // the root sees attempts on unknown names too
    EXPECT_EQ(logs_.ListLogins(ContextFor(county_x_cadre_), {}, {1, 20}).total, 0);
    LoginFilter failed;
    failed.success = false;
    const auto failures = logs_.ListLogins(ContextFor(admin_), failed, {1, 20});
    ASSERT_EQ(failures.total, 1);
    EXPECT_EQ(failures.items[0].reason, "unknown_user");
}

}  // namespace app::system
