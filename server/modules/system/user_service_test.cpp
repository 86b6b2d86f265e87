#include "system/user_service.hpp"

#include "auth/data_scope.hpp"
#include "system/system_test_fixture.hpp"

namespace app::system {
namespace {

class UserServiceTest : public testing_support::TreeFixture {
protected:
    UserService users_{database_.Get(), clock_, auth::PasswordHashCost::kMinimal};

    NewUser ValidUser(std::int64_t organisation) {
        return {"new.user",           "新用户",      "Welcome2026",   organisation,
                {RoleId("LP_CADRE")}, "13812345678", "new@example.cn"};
    }
};

}  // namespace

TEST_F(UserServiceTest, CreatesAndAuditsInOneTransaction) {
    const auto context = ContextFor(county_x_cadre_);
    const User created = users_.Create(context, ValidUser(town_));
    EXPECT_EQ(created.username, "new.user");
    EXPECT_EQ(created.organisation_name, "新街口街道工会");
    EXPECT_TRUE(created.must_change_password);
    ASSERT_EQ(created.role_names.size(), 1u);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'create' AND entity_type = 'user' AND "
                    "request_id = 'test-request'"),
              1);
    const auto after = database_->Read([](db::Session& session) {
        return session.Query("SELECT after_json FROM audit_log WHERE entity_type = 'user'")
            .Front()
            .GetString(0);
    });
    EXPECT_NE(after.find("new.user"), std::string::npos);
    EXPECT_EQ(after.find("password"), std::string::npos);
}

TEST_F(UserServiceTest, ListsOnlyTheCallersSubtree) {
    const auto county_x = users_.List(ContextFor(county_x_cadre_), {}, {1, 50});
    std::set<std::string> names;
    for (const auto& user : county_x.items) names.insert(user.username);
    EXPECT_EQ(names, (std::set<std::string>{"county_x", "town_t"}));
    EXPECT_EQ(county_x.total, 2);
    const auto past_the_end = users_.List(ContextFor(county_x_cadre_), {}, {5, 50});
    EXPECT_TRUE(past_the_end.items.empty());
    EXPECT_EQ(past_the_end.total, 2);
    const auto second_page = users_.List(ContextFor(admin_), {}, {2, 3});
    EXPECT_EQ(second_page.items.size(), 1u);
    EXPECT_EQ(second_page.total, 4);
    EXPECT_EQ(users_.List(ContextFor(admin_), {}, {1, 50}).total, 4);
    UserFilter filter;
    filter.keyword = "COUNTY";
    EXPECT_EQ(users_.List(ContextFor(admin_), filter, {1, 50}).total, 2);
    filter.keyword = "%";  // a literal percent, not a wildcard
    EXPECT_EQ(users_.List(ContextFor(admin_), filter, {1, 50}).total, 0);
    UserFilter by_organisation;
    by_organisation.organisation_id = county_y_;  // outside county X: filters to nothing
    EXPECT_EQ(users_.List(ContextFor(county_x_cadre_), by_organisation, {1, 50}).total, 0);
}

TEST_F(UserServiceTest, OtherCountysUsersAreNotFound) {
    const auto context = ContextFor(county_x_cadre_);
    EXPECT_EQ(testing_support::CodeOf([&] { users_.Get(context, county_y_cadre_); }), ErrorCode::kNotFound);
    EXPECT_EQ(testing_support::CodeOf([&] {
                  users_.Update(context, county_y_cadre_,
                                {"x", county_y_, {RoleId("LP_CADRE")}, "", "", UserStatus::kActive});
              }),
              ErrorCode::kNotFound);
    EXPECT_EQ(testing_support::CodeOf([&] { users_.Delete(context, county_y_cadre_); }),
              ErrorCode::kNotFound);
    EXPECT_EQ(testing_support::CodeOf([&] { users_.ResetPassword(context, county_y_cadre_, "Another2026"); }),
              ErrorCode::kNotFound);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log"), 0);
}

TEST_F(UserServiceTest, BadInputNamesEveryFieldAndStoresNothing) {
    NewUser bad{"1x", "", "short", county_y_, {}, "12345", "not-an-email"};
    try {
        users_.Create(ContextFor(county_x_cadre_), bad);
        FAIL();
    } catch (const Error& error) {
        const auto& fields = error.GetFieldErrors();
        for (const char* field : {"username", "password", "phone", "email", "organisationId", "roleIds"}) {
            EXPECT_TRUE(fields.count(field)) << field;
        }
    }
    EXPECT_EQ(Count("SELECT COUNT(*) FROM users"), 4);
}

TEST_F(UserServiceTest, DuplicateUsernameIsAConflictOnTheField) {
    const auto context = ContextFor(admin_);
    users_.Create(context, ValidUser(town_));
    try {
        users_.Create(context, ValidUser(county_y_));
        FAIL();
    } catch (const Error& error) {
        EXPECT_EQ(error.GetCode(), ErrorCode::kConflict);
        EXPECT_TRUE(error.GetFieldErrors().count("username"));
    }
    EXPECT_EQ(Count("SELECT COUNT(*) FROM users"), 5);
}

TEST_F(UserServiceTest, CannotGrantARoleWithPermissionsTheCallerLacks) {
    NewUser user = ValidUser(town_);
    user.role_ids = {RoleId("PLATFORM_ADMIN")};
    try {
        users_.Create(ContextFor(county_x_cadre_), user);
        FAIL();
    } catch (const Error& error) {
        EXPECT_TRUE(error.GetFieldErrors().count("roleIds"));
    }
}

TEST_F(UserServiceTest, ASelfScopedCallerCannotGrantTheSubtree) {
    // A county cadre whose role has the LP_CADRE keys but sees only their own records.
    const std::int64_t self_cadre = database_->Write([&](db::Session& session) {
        const std::int64_t role =
            session
                .Query(
                    "INSERT INTO roles (code, name, data_scope, builtin, remark, created_at, updated_at) "
                    "VALUES ('SELF_CADRE', '本人干部', 'SELF', 0, '', 0, 0) RETURNING id")
                .Front()
                .GetInt64(0);
        session.Execute(
            "INSERT INTO role_permissions (role_id, permission) SELECT $1, rp.permission FROM "
            "role_permissions rp JOIN roles r ON r.id = rp.role_id WHERE r.code = 'LP_CADRE'",
            role);
        return AddUser(session, "self_x", county_x_, "SELF_CADRE", "unused");
    });
    const auto context = ContextFor(self_cadre);
    ASSERT_EQ(context.principal.data_scope, DataScope::kSelf);
    // Not to themselves: the same keys with the SUBTREE scope would show the whole county.
    try {
        users_.Update(context, self_cadre,
                      {"x", county_x_, {RoleId("LP_CADRE")}, "", "", UserStatus::kActive});
        FAIL() << "a SELF-scoped user widened their own scope";
    } catch (const Error& error) {
        EXPECT_EQ(error.GetCode(), ErrorCode::kInvalidInput);
        EXPECT_TRUE(error.GetFieldErrors().count("roleIds"));
    }
    EXPECT_EQ(ContextFor(self_cadre).principal.data_scope, DataScope::kSelf);
    // Nor to an account they create (and whose password they know).
    NewUser user = ValidUser(county_x_);
    EXPECT_EQ(testing_support::CodeOf([&] { users_.Create(context, user); }), ErrorCode::kInvalidInput);
    // A role no wider than their own is fine — and the creator, who cannot see the new account (SELF),
    // still gets it back (it used to be read through the creator's scope: an empty optional dereferenced).
    user.role_ids = {RoleId("SELF_CADRE")};
    const User created = users_.Create(context, user);
    EXPECT_EQ(created.username, "new.user");
    EXPECT_EQ(created.role_names, std::vector<std::string>{"本人干部"});
    EXPECT_EQ(testing_support::CodeOf([&] { users_.Get(context, created.id); }), ErrorCode::kNotFound);
}

TEST_F(UserServiceTest, UpdateDisableAndDeleteAreAudited) {
    const auto context = ContextFor(admin_);
    const User created = users_.Create(context, ValidUser(town_));
    const User changed = users_.Update(
        context, created.id, {"改名", county_x_, {RoleId("AUDITOR")}, "", "", UserStatus::kDisabled});
    EXPECT_EQ(changed.display_name, "改名");
    EXPECT_EQ(changed.status, UserStatus::kDisabled);
    EXPECT_EQ(changed.role_names, std::vector<std::string>{"审计员"});
    users_.Delete(context, created.id);
    EXPECT_EQ(testing_support::CodeOf([&] { users_.Get(context, created.id); }), ErrorCode::kNotFound);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE entity_type = 'user'"), 3);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'update' AND before_json IS NOT NULL AND "
                    "after_json IS NOT NULL"),
              1);
}

TEST_F(UserServiceTest, CannotDisableOrDeleteOneself) {
    const auto context = ContextFor(county_x_cadre_);
    EXPECT_EQ(testing_support::CodeOf([&] {
                  users_.Update(context, county_x_cadre_,
                                {"x", county_x_, {RoleId("LP_CADRE")}, "", "", UserStatus::kDisabled});
              }),
              ErrorCode::kInvalidInput);
    EXPECT_EQ(testing_support::CodeOf([&] { users_.Delete(context, county_x_cadre_); }),
              ErrorCode::kConflict);
}

TEST_F(UserServiceTest, ValidatorsAcceptAndRejectTheRightShapes) {
    EXPECT_FALSE(CheckUsername("county_cadre"));
    EXPECT_TRUE(CheckUsername("王伟"));
    EXPECT_TRUE(CheckUsername("ab"));
    EXPECT_FALSE(CheckPhone(""));
    EXPECT_FALSE(CheckPhone("13912345678"));
    EXPECT_TRUE(CheckPhone("12912345678"));
    EXPECT_FALSE(CheckEmail("a@b.cn"));
    EXPECT_TRUE(CheckEmail("a@b"));
}

}  // namespace app::system

namespace app::system {

TEST_F(UserServiceTest, CannotResetChangeOrDeleteAUserWithMorePermissions) {
    const User administrator = users_.Create(
        ContextFor(admin_),
        {"xw.admin", "玄武管理员", "Start1234x", county_x_, {RoleId("PLATFORM_ADMIN")}, "", ""});
    const auto cadre = ContextFor(county_x_cadre_);
    EXPECT_EQ(testing_support::CodeOf([&] { users_.ResetPassword(cadre, administrator.id, "Taken1234x"); }),
              ErrorCode::kForbidden);
    EXPECT_EQ(testing_support::CodeOf([&] {
                  users_.Update(cadre, administrator.id,
                                {"降级", county_x_, {RoleId("LP_CADRE")}, "", "", UserStatus::kDisabled});
              }),
              ErrorCode::kForbidden);
    EXPECT_EQ(users_.Get(cadre, administrator.id).role_names, std::vector<std::string>{"系统管理员"});
}

TEST_F(UserServiceTest, UsernamesAreCaseInsensitive) {
    const auto context = ContextFor(admin_);
    NewUser user = ValidUser(town_);
    user.username = "Mixed.Case";
    EXPECT_EQ(users_.Create(context, user).username, "mixed.case");
    user.username = "MIXED.case";
    EXPECT_EQ(testing_support::CodeOf([&] { users_.Create(context, user); }), ErrorCode::kConflict);
}

}  // namespace app::system

namespace app::system {

// The copied organisation path on users follows inserts, changes of organisation and moves of the tree.
TEST_F(UserServiceTest, UserPathsFollowTheirOrganisation) {
    auto path_of = [&](std::int64_t user) {
        return database_->Read([&](db::Session& session) {
            return session
                .Query(
                    "SELECT u.organisation_path = o.path FROM users u JOIN organisations o ON o.id = "
                    "u.organisation_id WHERE u.id = $1",
                    user)
                .Front()
                .GetBool(0);
        });
    };
    EXPECT_TRUE(path_of(town_cadre_));
    database_->Write([&](db::Session& session) {
        // Move the town under county Y, as the organisation module's move will: rewrite the subtree's paths.
        const std::string county_y_path =
            session.Query("SELECT path FROM organisations WHERE id = $1", county_y_).Front().GetString(0);
        session.Execute("UPDATE organisations SET parent_id = $1, path = $2 WHERE id = $3", county_y_,
                        county_y_path + auth::PathSegment(town_), town_);
    });
    EXPECT_TRUE(path_of(town_cadre_));
    EXPECT_EQ(testing_support::CodeOf([&] { users_.Get(ContextFor(county_x_cadre_), town_cadre_); }),
              ErrorCode::kNotFound);
    EXPECT_EQ(users_.Get(ContextFor(county_y_cadre_), town_cadre_).username, "town_t");
    const User moved =
        users_.Update(ContextFor(admin_), town_cadre_,
                      {"town_t", county_x_, {RoleId("LP_CADRE")}, "", "", UserStatus::kActive});
    EXPECT_TRUE(path_of(moved.id));
    EXPECT_EQ(users_.Get(ContextFor(county_x_cadre_), town_cadre_).organisation_name, "玄武区总工会");
}

}  // namespace app::system
