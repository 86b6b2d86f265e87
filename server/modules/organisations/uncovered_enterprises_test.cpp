#include "organisations/uncovered_enterprises.hpp"

#include "organisations/credit_code.hpp"
#include "organisations/enterprise_service.hpp"
#include "system/system_test_fixture.hpp"

namespace app::organisations {
namespace {

class UncoveredEnterprisesTest : public system::testing_support::TreeFixture {
protected:
    EnterpriseService enterprises_{database_.Get(), clock_};
    UncoveredEnterpriseService uncovered_{database_.Get()};
    int serial_ = 0;

    enum class Covered { kNoRecord, kNone, kJointUnion };

    std::int64_t AddEnterprise(std::int64_t organisation, Covered covered, std::int64_t headcount,
                               const std::string& component = "21", const std::string& size = "SMALL") {
        ++serial_;
        const std::string body =
            "91320102MA" + std::string(7 - std::to_string(serial_).size(), '0') + std::to_string(serial_);
        const auto admin = ContextFor(admin_);
        const Enterprise created = enterprises_.Create(
            admin, {body + CreditCodeCheckCharacter(body), "企业" + std::to_string(serial_), organisation,
                    "C", "", component, "", size, headcount, "", "", "ACTIVE"});
        if (covered == Covered::kNone) {
            enterprises_.SetCoverage(admin, created.id, {"NONE", std::nullopt, "2026-01-01", county_x_});
        } else if (covered == Covered::kJointUnion) {
            enterprises_.SetCoverage(admin, created.id,
                                     {"JOINT_BASE_UNION", joint_, "2026-01-01", std::nullopt});
        }
        return created.id;
    }

    std::int64_t AddOrganisation(std::int64_t parent, const std::string& name, const std::string& code,
                                 const std::string& type, int level) {
        return database_->Write([&](db::Session& session) {
            return OrganisationService::Insert(session, {parent, name, code, type, level, ""}, 0);
        });
    }

    std::int64_t joint_ = 0;
};

}  // namespace

TEST_F(UncoveredEnterprisesTest, GroupsByTownshipLargestGapFirstWithCandidateUnions) {
    joint_ = AddOrganisation(town_, "新街口街道联合工会", "320102003J1", "JOINT_BASE_UNION", 5);
    const std::int64_t regional =
        AddOrganisation(county_x_, "玄武区商贸区域工会联合会", "320102R1", "REGIONAL_FED", 4);
    AddOrganisation(county_y_, "秦淮区区域工会联合会", "320104R1", "REGIONAL_FED", 4);  // another county
    AddEnterprise(town_, Covered::kNoRecord, 10);
    AddEnterprise(town_, Covered::kNone, 20, "11", "LARGE");
    AddEnterprise(town_, Covered::kNoRecord, 5, "21", "MICRO");
    AddEnterprise(town_, Covered::kJointUnion, 99);  // covered: not listed
    AddEnterprise(county_x_, Covered::kNoRecord, 7);
    AddEnterprise(county_y_, Covered::kNone, 8);

    const Page<UncoveredTownship> page = uncovered_.Townships(ContextFor(admin_), city_, {1, 20});
    ASSERT_EQ(page.total, 3);
    ASSERT_EQ(page.items.size(), 3u);
    const UncoveredTownship& town = page.items[0];  // three uncovered: the largest gap first
    EXPECT_EQ(town.organisation_id, town_);
    EXPECT_EQ(town.parent_name, "玄武区总工会");
    EXPECT_EQ(town.enterprises, 3);
    EXPECT_EQ(town.workers, 35);
    EXPECT_EQ(town.non_public, 2);
    EXPECT_EQ(town.small_and_micro, 2);
    ASSERT_EQ(town.candidates.size(), 2u);  // its joint union, and the county's regional federation beside it
    EXPECT_EQ(town.candidates[0].organisation_id, joint_);
    EXPECT_EQ(town.candidates[0].covered_enterprises, 1);
    EXPECT_EQ(town.candidates[1].organisation_id, regional);

    // Paging: the second page of one row each.
    const Page<UncoveredTownship> second = uncovered_.Townships(ContextFor(admin_), city_, {2, 1});
    EXPECT_EQ(second.total, 3);
    ASSERT_EQ(second.items.size(), 1u);
    EXPECT_EQ(second.items[0].enterprises, 1);

    const std::vector<UncoveredEnterprise> rows = uncovered_.ListForExport(ContextFor(admin_), county_x_);
    ASSERT_EQ(rows.size(), 4u);  // the county's own and the town's three; none of county Y
    for (const UncoveredEnterprise& row : rows) {
        // The town's joint union and the county's regional federation serve the town and the county alike.
        EXPECT_EQ(row.candidates, "新街口街道联合工会、玄武区商贸区域工会联合会");
        EXPECT_NE(row.township_id, county_y_);
    }
}

TEST_F(UncoveredEnterprisesTest, ScopeLimitsTheNodeAndTheCandidates) {
    joint_ = AddOrganisation(town_, "新街口街道联合工会", "320102003J1", "JOINT_BASE_UNION", 5);
    AddOrganisation(county_x_, "玄武区商贸区域工会联合会", "320102R1", "REGIONAL_FED", 4);
    AddEnterprise(town_, Covered::kNoRecord, 10);
    EXPECT_EQ(system::testing_support::CodeOf([&] {
                  uncovered_.Townships(ContextFor(county_y_cadre_), county_x_, {1, 20});
              }),
              ErrorCode::kNotFound);
    EXPECT_EQ(system::testing_support::CodeOf(
                  [&] { uncovered_.ListForExport(ContextFor(county_y_cadre_), town_); }),
              ErrorCode::kNotFound);
    // The town cadre sees the town's joint union but not the county's federation, outside their subtree.
    const Page<UncoveredTownship> page = uncovered_.Townships(ContextFor(town_cadre_), town_, {1, 20});
    ASSERT_EQ(page.items.size(), 1u);
    ASSERT_EQ(page.items[0].candidates.size(), 1u);
    EXPECT_EQ(page.items[0].candidates[0].organisation_id, joint_);
}

TEST_F(UncoveredEnterprisesTest, ACoveredEnterpriseLeavesTheListAndDissolvedUnionsAreNoCandidates) {
    joint_ = AddOrganisation(town_, "新街口街道联合工会", "320102003J1", "JOINT_BASE_UNION", 5);
    const std::int64_t enterprise = AddEnterprise(town_, Covered::kNone, 10);
    EXPECT_EQ(uncovered_.Townships(ContextFor(admin_), county_x_, {1, 20}).total, 1);
    enterprises_.SetCoverage(ContextFor(admin_), enterprise,
                             {"JOINT_BASE_UNION", joint_, "2026-03-01", std::nullopt});
    EXPECT_EQ(uncovered_.Townships(ContextFor(admin_), county_x_, {1, 20}).total, 0);

    AddEnterprise(town_, Covered::kNoRecord, 3);
    database_->Write([&](db::Session& session) {
        session.Execute("UPDATE organisations SET status = 'DISSOLVED' WHERE id = $1", joint_);
    });
    const Page<UncoveredTownship> page = uncovered_.Townships(ContextFor(admin_), county_x_, {1, 20});
    ASSERT_EQ(page.items.size(), 1u);
    EXPECT_TRUE(page.items[0].candidates.empty());
}

}  // namespace app::organisations

namespace app::organisations {

// The list reads "the" current coverage of an enterprise: the database keeps it to one period at a time.
TEST_F(UncoveredEnterprisesTest, AnEnterpriseHasOneCurrentCoveragePeriodAtMost) {
    const std::int64_t enterprise = AddEnterprise(town_, Covered::kNone, 10);
    EXPECT_THROW(database_->Write([&](db::Session& session) {
        session.Execute(
            "INSERT INTO union_coverage (enterprise_id, coverage_type, since_date, created_at) VALUES ($1, "
            "'NONE', '2026-04-01', 0)",
            enterprise);
    }),
                 db::ConstraintViolation);
    EXPECT_EQ(uncovered_.ListForExport(ContextFor(admin_), county_x_).size(), 1u);
}

}  // namespace app::organisations
