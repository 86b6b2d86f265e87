#include "organisations/organisation_service.hpp"

#include "system/system_test_fixture.hpp"

namespace app::organisations {
namespace {
class OrganisationServiceTest : public system::testing_support::TreeFixture {
protected:
    OrganisationService organisations_{database_.Get()};
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
}

}  // namespace app::organisations
