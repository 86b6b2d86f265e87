#include "organisations/organisation_service.hpp"

#include "auth/data_scope.hpp"
#include "system/system_test_fixture.hpp"

namespace app::organisations {
namespace {
class OrganisationServiceTest : public system::testing_support::TreeFixture {
protected:
    OrganisationService organisations_{database_.Get(), clock_};
};
}  // namespace

TEST_F(OrganisationServiceTest, PathsAreMaterialisedFromParents) {
    const auto admin = ContextFor(admin_);
    const Organisation town = organisations_.Get(admin, town_);
    const Organisation county = organisations_.Get(admin, county_x_);
    EXPECT_EQ(town.path.rfind(county.path + "/", 0), 0u);
    EXPECT_EQ(town.level, 4);
    EXPECT_TRUE(county.has_children);
    EXPECT_FALSE(town.has_children);
}

TEST_F(OrganisationServiceTest, ChildrenAndSearchStayInScope) {
    const auto county_x = ContextFor(county_x_cadre_);
    const auto children = organisations_.Children(county_x, county_x_);
    ASSERT_EQ(children.size(), 1u);
    EXPECT_EQ(children[0].name, "新街口街道工会");
    EXPECT_EQ(system::testing_support::CodeOf([&] { organisations_.Children(county_x, county_y_); }),
              ErrorCode::kNotFound);
    EXPECT_EQ(system::testing_support::CodeOf([&] { organisations_.Get(county_x, city_); }),
              ErrorCode::kNotFound);
    EXPECT_EQ(organisations_.Search(county_x, "总工会", {1, 20}).total, 1);  // only its own county
    EXPECT_EQ(organisations_.Search(ContextFor(admin_), "总工会", {1, 20}).total, 4);
    EXPECT_EQ(organisations_.Search(ContextFor(admin_), "320104", {1, 20}).total, 1);

    // A credit code (any case) finds the organisation of its enterprise, within the scope only.
    database_->Write([&](db::Session& session) {
        session.Execute(
            "INSERT INTO enterprises (credit_code, name, organisation_id, industry_section, "
            "economic_component,"
            " size_class, created_at, updated_at) VALUES ('91320104MA1XYZ0A3B', '秦淮企业', $1, 'C', '21',"
            " 'SMALL', 0, 0)",
            county_y_);
    });
    const Page<Organisation> found = organisations_.Search(ContextFor(admin_), "91320104ma1xyz0a3b", {1, 20});
    ASSERT_EQ(found.total, 1);
    EXPECT_EQ(found.items[0].id, county_y_);
    EXPECT_EQ(organisations_.Search(county_x, "91320104MA1XYZ0A3B", {1, 20}).total, 0);
}

}  // namespace app::organisations

namespace app::organisations {

TEST_F(OrganisationServiceTest, CreatesChildrenApprovedByTheParentWithinScope) {
    const auto county_x = ContextFor(county_x_cadre_);
    const Organisation created = organisations_.Create(
        county_x, {town_, "新街口联合工会", "320102003-J1", "JOINT_BASE_UNION", "ACTIVE", "2026-05-01"});
    EXPECT_EQ(created.level, 5);
    EXPECT_EQ(created.parent_id, std::optional<std::int64_t>(town_));
    EXPECT_EQ(Count("SELECT approved_by_organisation_id FROM organisations WHERE code = '320102003-J1'"),
              town_);
    try {
        organisations_.Create(county_x, {county_y_, "x", "bad code!", "NOPE", "GONE", "2026-13-01"});
        FAIL();
    } catch (const Error& error) {
        for (const char* field : {"parentId", "code", "orgType", "status", "approvalDate"}) {
            EXPECT_TRUE(error.GetFieldErrors().count(field)) << field;
        }
    }
    EXPECT_EQ(system::testing_support::CodeOf([&] {
                  organisations_.Create(county_x,
                                        {town_, "重复", "320102003-J1", "JOINT_BASE_UNION", "ACTIVE", ""});
              }),
              ErrorCode::kConflict);
    EXPECT_EQ(system::testing_support::CodeOf([&] {
                  organisations_.Update(county_x, county_y_, {0, "秦淮", "", "COUNTY_FED", "ACTIVE", ""});
              }),
              ErrorCode::kNotFound);
    const Organisation merged = organisations_.Update(
        county_x, created.id, {0, "新街口联合工会（已合并）", "", "JOINT_BASE_UNION", "MERGED", ""});
    EXPECT_EQ(merged.status, "MERGED");
    EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE entity_type = 'organisation'"), 2);
}

TEST_F(OrganisationServiceTest, MovingASubtreeRewritesPathsLevelsUsersAndRefusesCycles) {
    const auto admin = ContextFor(admin_);
    const Organisation group =
        organisations_.Create(admin, {town_, "新街口联合工会", "J1", "JOINT_BASE_UNION", "ACTIVE", ""});
    const Organisation moved = organisations_.Move(admin, town_, county_y_);
    const Organisation county_y = organisations_.Get(admin, county_y_);
    EXPECT_EQ(moved.path, county_y.path + auth::PathSegment(town_));
    EXPECT_EQ(moved.level, 4);
    const Organisation child = organisations_.Get(admin, group.id);
    EXPECT_EQ(child.path, moved.path + auth::PathSegment(group.id));
    EXPECT_EQ(child.level, 5);
    // The town's cadre now belongs to county Y's subtree.
    EXPECT_EQ(Count("SELECT COUNT(*) FROM users u JOIN organisations o ON o.id = u.organisation_id "
                    "WHERE u.organisation_path <> o.path"),
              0);
    EXPECT_EQ(
        system::testing_support::CodeOf([&] { organisations_.Get(ContextFor(county_x_cadre_), town_); }),
        ErrorCode::kNotFound);
    EXPECT_EQ(organisations_.Get(ContextFor(county_y_cadre_), town_).id, town_);

    EXPECT_EQ(system::testing_support::CodeOf([&] { organisations_.Move(admin, town_, group.id); }),
              ErrorCode::kInvalidInput);  // under its own child
    EXPECT_EQ(system::testing_support::CodeOf([&] { organisations_.Move(admin, root_, city_); }),
              ErrorCode::kConflict);
    // A county cadre cannot move things into another county.
    EXPECT_EQ(system::testing_support::CodeOf(
                  [&] { organisations_.Move(ContextFor(county_y_cadre_), town_, county_x_); }),
              ErrorCode::kInvalidInput);
}

}  // namespace app::organisations
