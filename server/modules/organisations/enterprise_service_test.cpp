#include "organisations/enterprise_service.hpp"

#include "system/system_test_fixture.hpp"

namespace app::organisations {
namespace {

class EnterpriseServiceTest : public system::testing_support::TreeFixture {
protected:
    EnterpriseService enterprises_{database_.Get(), clock_};

    EnterpriseInput Valid(std::int64_t organisation, const std::string& code = "91110000802100433B") {
        return {code, "南京精密机械有限公司", organisation, "C",     "34", "21", "173", "SMALL",
                85,   "南京市玄武区",         "320102",     "ACTIVE"};
    }
};

using system::testing_support::CodeOf;

}  // namespace

TEST_F(EnterpriseServiceTest, CreatesWithACanonicalCreditCodeAndAudits) {
    EnterpriseInput input = Valid(town_);
    input.credit_code = " 91310000ma1fl1mmxl ";
    const Enterprise created = enterprises_.Create(ContextFor(county_x_cadre_), input);
    EXPECT_EQ(created.credit_code, "91310000MA1FL1MMXL");
    EXPECT_EQ(created.organisation_name, "新街口街道工会");
    EXPECT_FALSE(created.coverage);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE entity_type = 'enterprise' AND action = 'create'"),
              1);
}

TEST_F(EnterpriseServiceTest, BadInputNamesEveryFieldAndStoresNothing) {
    EnterpriseInput bad{
        "91110000802100433C", "x", county_y_, "Z", "99", "99", "17", "HUGE", 1, "", "1234", "GONE"};
    try {
        enterprises_.Create(ContextFor(county_x_cadre_), bad);
        FAIL();
    } catch (const Error& error) {
        for (const char* field : {"creditCode", "organisationId", "industrySection", "economicComponent",
                                  "sizeClass", "registrationType", "adminDivisionCode", "status"}) {
            EXPECT_TRUE(error.GetFieldErrors().count(field)) << field;
        }
    }
    EnterpriseInput wrong_division = Valid(town_);
    wrong_division.industry_division = "51";  // 批发业 is section F, not C
    try {
        enterprises_.Create(ContextFor(county_x_cadre_), wrong_division);
        FAIL();
    } catch (const Error& error) {
        EXPECT_TRUE(error.GetFieldErrors().count("industryDivision"));
    }
    EXPECT_EQ(Count("SELECT COUNT(*) FROM enterprises"), 0);
}

TEST_F(EnterpriseServiceTest, DuplicateCreditCodeIsAConflict) {
    enterprises_.Create(ContextFor(admin_), Valid(town_));
    try {
        enterprises_.Create(ContextFor(admin_), Valid(county_y_));
        FAIL();
    } catch (const Error& error) {
        EXPECT_EQ(error.GetCode(), ErrorCode::kConflict);
        EXPECT_TRUE(error.GetFieldErrors().count("creditCode"));
    }
}

TEST_F(EnterpriseServiceTest, ScopeHidesOtherCountiesEnterprises) {
    const Enterprise in_x = enterprises_.Create(ContextFor(admin_), Valid(town_, "91110000802100433B"));
    const Enterprise in_y = enterprises_.Create(ContextFor(admin_), Valid(county_y_, "91440300708461136T"));
    const auto county_x = ContextFor(county_x_cadre_);
    const auto listed = enterprises_.List(county_x, {}, {1, 50});
    ASSERT_EQ(listed.total, 1);
    EXPECT_EQ(listed.items[0].id, in_x.id);
    EXPECT_EQ(CodeOf([&] { enterprises_.Get(county_x, in_y.id); }), ErrorCode::kNotFound);
    EXPECT_EQ(CodeOf([&] { enterprises_.Update(county_x, in_y.id, Valid(town_, "91440300708461136T")); }),
              ErrorCode::kNotFound);
    EXPECT_EQ(
        CodeOf([&] {
            enterprises_.SetCoverage(county_x, in_y.id, {"NONE", std::nullopt, "2026-01-01", std::nullopt});
        }),
        ErrorCode::kNotFound);
    EXPECT_EQ(CodeOf([&] { enterprises_.CoverageHistory(county_x, in_y.id); }), ErrorCode::kNotFound);
    EXPECT_EQ(CodeOf([&] { enterprises_.Delete(county_x, in_y.id); }), ErrorCode::kNotFound);
    EXPECT_EQ(enterprises_.List(ContextFor(admin_), {}, {1, 50}).total, 2);
    // Moving an own enterprise into another county is refused.
    EXPECT_EQ(CodeOf([&] { enterprises_.Update(county_x, in_x.id, Valid(county_y_, in_x.credit_code)); }),
              ErrorCode::kInvalidInput);
}

TEST_F(EnterpriseServiceTest, FiltersCombine) {
    const auto admin = ContextFor(admin_);
    enterprises_.Create(admin, Valid(town_, "91110000802100433B"));
    EnterpriseInput state_owned = Valid(county_y_, "91440300708461136T");
    state_owned.name = "秦淮国有物流公司";
    state_owned.economic_component = "11";
    state_owned.industry_section = "G";
    state_owned.industry_division = "54";
    state_owned.size_class = "LARGE";
    enterprises_.Create(admin, state_owned);
    EnterpriseFilter filter;
    filter.economic_component = "21";
    EXPECT_EQ(enterprises_.List(admin, filter, {1, 50}).total, 1);
    filter = {};
    filter.keyword = "物流";
    EXPECT_EQ(enterprises_.List(admin, filter, {1, 50}).total, 1);
    filter.keyword = "9144030070";  // part of a credit code, any case
    EXPECT_EQ(enterprises_.List(admin, filter, {1, 50}).total, 1);
    filter = {};
    filter.organisation_id = county_x_;
    EXPECT_EQ(enterprises_.List(admin, filter, {1, 50}).total, 1);
    filter = {};
    filter.industry_section = "G";
    filter.size_class = "LARGE";
    EXPECT_EQ(enterprises_.List(admin, filter, {1, 50}).total, 1);
}

TEST_F(EnterpriseServiceTest, CoverageKeepsItsHistoryAndValidates) {
    const auto county_x = ContextFor(county_x_cadre_);
    const Enterprise enterprise = enterprises_.Create(county_x, Valid(town_));
    EnterpriseFilter uncovered;
    uncovered.coverage_type = "NONE";
    EXPECT_EQ(enterprises_.List(county_x, uncovered, {1, 50}).total, 1);  // never recorded counts as none

    try {
        enterprises_.SetCoverage(county_x, enterprise.id,
                                 {"JOINT_BASE_UNION", std::nullopt, "2026-02-30", county_y_});
        FAIL();
    } catch (const Error& error) {
        EXPECT_TRUE(error.GetFieldErrors().count("unionOrganisationId"));
        EXPECT_TRUE(error.GetFieldErrors().count("since"));
        EXPECT_TRUE(error.GetFieldErrors().count("supervisingOrganisationId"));
    }
    EXPECT_EQ(
        CodeOf([&] {
            enterprises_.SetCoverage(county_x, enterprise.id, {"NONE", town_, "2026-01-01", std::nullopt});
        }),
        ErrorCode::kInvalidInput);

    enterprises_.SetCoverage(county_x, enterprise.id, {"NONE", std::nullopt, "2025-06-01", county_x_});
    const Enterprise covered = enterprises_.SetCoverage(
        county_x, enterprise.id, {"JOINT_BASE_UNION", town_, "2026-03-01", std::nullopt});
    ASSERT_TRUE(covered.coverage);
    EXPECT_EQ(covered.coverage->coverage_type, "JOINT_BASE_UNION");
    EXPECT_EQ(covered.coverage->union_organisation_name, "新街口街道工会");
    EXPECT_EQ(enterprises_.List(county_x, uncovered, {1, 50}).total, 0);
    EXPECT_EQ(CodeOf([&] {
                  enterprises_.SetCoverage(county_x, enterprise.id,
                                           {"NONE", std::nullopt, "2026-01-01", std::nullopt});
              }),
              ErrorCode::kInvalidInput);  // before the current period's start

    const auto history = enterprises_.CoverageHistory(county_x, enterprise.id);
    ASSERT_EQ(history.size(), 2u);
    EXPECT_EQ(history[0].coverage_type, "JOINT_BASE_UNION");
    EXPECT_FALSE(history[0].until);
    EXPECT_EQ(history[1].coverage_type, "NONE");
    EXPECT_EQ(history[1].until, std::optional<std::string>("2026-03-01"));
    EXPECT_EQ(history[1].supervising_organisation_name, "玄武区总工会");
    EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'set_coverage'"), 2);
}

TEST_F(EnterpriseServiceTest, EnterprisePathsFollowTheirOrganisationWhenTheTreeMoves) {
    const Enterprise enterprise = enterprises_.Create(ContextFor(admin_), Valid(town_));
    database_->Write([&](db::Session& session) {
        const std::string county_y_path =
            session.Query("SELECT path FROM organisations WHERE id = $1", county_y_).Front().GetString(0);
        session.Execute(
            "UPDATE organisations SET parent_id = $1, path = $2 WHERE id = $3", county_y_,
            county_y_path + "/" + std::string(8 - std::to_string(town_).size(), '0') + std::to_string(town_),
            town_);
    });
    EXPECT_EQ(CodeOf([&] { enterprises_.Get(ContextFor(county_x_cadre_), enterprise.id); }),
              ErrorCode::kNotFound);
    EXPECT_EQ(enterprises_.Get(ContextFor(county_y_cadre_), enterprise.id).id, enterprise.id);
}

TEST(EnterpriseRulesTest, DivisionsAndDates) {
    EXPECT_TRUE(DivisionInSection("34", "C"));
    EXPECT_FALSE(DivisionInSection("51", "C"));
    EXPECT_TRUE(DivisionInSection("70", "K"));
    EXPECT_FALSE(DivisionInSection("7", "K"));
    EXPECT_FALSE(DivisionInSection("ab", "A"));
    EXPECT_TRUE(IsValidDate("2024-02-29"));
    EXPECT_FALSE(IsValidDate("2026-02-29"));
    EXPECT_FALSE(IsValidDate("2026-13-01"));
    EXPECT_FALSE(IsValidDate("2026-1-01"));
}

}  // namespace app::organisations
