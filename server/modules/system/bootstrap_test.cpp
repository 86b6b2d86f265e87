#include "system/bootstrap.hpp"

#include <gtest/gtest.h>

#include "test_support/test_database.hpp"

namespace app::system {

TEST(BootstrapTest, CreatesRootAndAdminOnceWithAForcedPasswordChange) {
    testing::TestDatabase database;
    testing::FixedClock clock;
    const BootstrapOptions options{"测试省总工会", "First2026pw", auth::PasswordHashCost::kMinimal};
    EXPECT_TRUE(EnsureBootstrapped(database.Get(), clock, options));
    EXPECT_FALSE(EnsureBootstrapped(database.Get(), clock, options));
    database->Read([](db::Session& session) {
        EXPECT_EQ(session.Query("SELECT COUNT(*) FROM organisations").Front().GetInt64(0), 1);
        const auto admin = session.Query(
            "SELECT u.must_change_password, r.code FROM users u JOIN user_roles ur ON ur.user_id = u.id "
            "JOIN roles r ON r.id = ur.role_id WHERE u.username = 'admin'");
        ASSERT_EQ(admin.Size(), 1u);
        EXPECT_TRUE(admin.Front().GetBool(0));
        EXPECT_EQ(admin.Front().GetString(1), "PLATFORM_ADMIN");
    });
}

}  // namespace app::system
