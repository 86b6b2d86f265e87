#include "system/role_service.hpp"

#include "system/system_test_fixture.hpp"

namespace app::system {
namespace {

class RoleServiceTest : public testing_support::TreeFixture {
protected:
    RoleService roles_{database_.Get(),
                       clock_,
                       {"system:user:view", "system:user:create", "system:user:update", "system:user:delete",
                        "system:user:export", "system:role:view", "system:role:create", "system:role:update",
                        "system:role:delete", "system:dict:view", "system:dict:update", "system:audit:view",
                        "system:loginlog:view", "organisation:org:view"}};
};

}  // namespace

TEST_F(RoleServiceTest, CreatesUpdatesAndDeletesWithAudit) {
    const auto context = ContextFor(admin_);
    Role role =
        roles_.Create(context, {"TOWN_VIEWER", "乡镇查看员", DataScope::kSelf, {"system:user:view"}, "只读"});
    EXPECT_EQ(role.permissions, std::vector<std::string>{"system:user:view"});
    role = roles_.Update(
        context, role.id,
        {"IGNORED", "乡镇查看员二", DataScope::kSubtree, {"system:user:view", "system:dict:view"}, ""});
    EXPECT_EQ(role.code, "TOWN_VIEWER");  // codes are stable
    EXPECT_EQ(role.permissions.size(), 2u);
    roles_.Delete(context, role.id);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE entity_type = 'role'"), 3);
}

TEST_F(RoleServiceTest, RefusesUnknownAndUnheldPermissionsAndBadCodes) {
    try {
        roles_.Create(ContextFor(admin_), {"bad code", "x", DataScope::kSelf, {"system:nothing:view"}, ""});
        FAIL();
    } catch (const Error& error) {
        EXPECT_TRUE(error.GetFieldErrors().count("code"));
        EXPECT_TRUE(error.GetFieldErrors().count("permissions"));
    }
    // A county cadre holds no role permissions beyond viewing; granting delete is an escalation.
    EXPECT_EQ(testing_support::CodeOf([&] {
                  roles_.Create(ContextFor(county_x_cadre_),
                                {"ESCALATE", "x", DataScope::kSubtree, {"system:user:delete"}, ""});
              }),
              ErrorCode::kInvalidInput);
}

TEST_F(RoleServiceTest, ASelfScopedCallerCannotGiveARoleTheSubtree) {
    const auto context = ContextFor(admin_);
    const Role keeper = roles_.Create(
        context,
        {"SELF_KEEPER", "本人角色管理", DataScope::kSelf, {"system:role:create", "system:role:update"}, ""});
    const std::int64_t self_keeper = database_->Write([&](db::Session& session) {
        return AddUser(session, "self_keeper", county_x_, "SELF_KEEPER", "unused");
    });
    const auto self_context = ContextFor(self_keeper);
    ASSERT_EQ(self_context.principal.data_scope, DataScope::kSelf);
    try {
        roles_.Create(self_context, {"WIDER", "更宽", DataScope::kSubtree, {"system:role:create"}, ""});
        FAIL() << "a SELF-scoped user made a SUBTREE role";
    } catch (const Error& error) {
        EXPECT_TRUE(error.GetFieldErrors().count("dataScope"));
    }
    // Nor by widening an existing role — their own included.
    EXPECT_EQ(testing_support::CodeOf([&] {
                  roles_.Update(self_context, keeper.id,
                                {"", "本人角色管理", DataScope::kSubtree, keeper.permissions, ""});
              }),
              ErrorCode::kInvalidInput);
    EXPECT_EQ(roles_.Get(context, keeper.id).data_scope, DataScope::kSelf);
    EXPECT_EQ(
        roles_.Create(self_context, {"NARROW", "本人", DataScope::kSelf, {"system:role:create"}, ""}).code,
        "NARROW");
}

TEST_F(RoleServiceTest, BuiltinAndAssignedRolesCannotBeDeleted) {
    const auto context = ContextFor(admin_);
    EXPECT_EQ(testing_support::CodeOf([&] { roles_.Delete(context, RoleId("LP_CADRE")); }),
              ErrorCode::kConflict);
    const Role custom = roles_.Create(context, {"CUSTOM", "自定义", DataScope::kSelf, {}, ""});
    database_->Write([&](db::Session& session) {
        session.Execute("INSERT INTO user_roles (user_id, role_id) VALUES ($1, $2)", county_y_cadre_,
                        custom.id);
    });
    EXPECT_EQ(testing_support::CodeOf([&] { roles_.Delete(context, custom.id); }), ErrorCode::kConflict);
}

TEST_F(RoleServiceTest, DuplicateCodeIsAConflict) {
    const auto context = ContextFor(admin_);
    EXPECT_EQ(testing_support::CodeOf([&] {
                  roles_.Create(context, {"LP_CADRE", "重复", DataScope::kSelf, {}, ""});
              }),
              ErrorCode::kConflict);
}

TEST_F(RoleServiceTest, ListsWithKeyword) {
    const auto page = roles_.List(ContextFor(admin_), "cadre", {1, 20});
    ASSERT_EQ(page.total, 1);
    EXPECT_EQ(page.items[0].code, "LP_CADRE");
    EXPECT_FALSE(page.items[0].permissions.empty());
}

}  // namespace app::system
