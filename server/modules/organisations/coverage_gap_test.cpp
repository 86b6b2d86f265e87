#include "organisations/coverage_gap.hpp"

#include <chrono>
#include <thread>

#include "auth/data_scope.hpp"
#include "organisations/enterprise_service.hpp"
#include "system/system_test_fixture.hpp"

namespace app::organisations {
namespace {

class CoverageGapTest : public system::testing_support::TreeFixture {
protected:
    EnterpriseService enterprises_{database_.Get(), clock_};
    CoverageGapService gaps_{database_.Get()};
    int serial_ = 0;

    static std::string Code(int serial) {
        std::string body =
            "91320102MA" + std::string(7 - std::to_string(serial).size(), '0') + std::to_string(serial);
        return body + CreditCodeCheck(body);
    }
    static char CreditCodeCheck(const std::string& body);

    // A spread of enterprises: ownership, size and coverage vary with the serial number.
    void AddEnterprises(std::int64_t organisation, int count) {
        const auto admin = ContextFor(admin_);
        for (int index = 0; index < count; ++index) {
            ++serial_;
            const std::string component = serial_ % 3 == 0 ? "11" : "21";
            const std::string size = serial_ % 4 == 0 ? "LARGE" : (serial_ % 2 == 0 ? "SMALL" : "MICRO");
            const Enterprise created = enterprises_.Create(
                admin, {Code(serial_), "企业" + std::to_string(serial_), organisation, "C", "", component, "",
                        size, 10 * serial_, "", "", serial_ % 7 == 0 ? "CLOSED" : "ACTIVE"});
            if (serial_ % 2 == 1) {
                enterprises_.SetCoverage(
                    admin, created.id,
                    {"JOINT_BASE_UNION", serial_ % 3 == 0 ? county_y_ : town_, "2026-01-01", std::nullopt});
            } else if (serial_ % 5 == 0) {
                enterprises_.SetCoverage(admin, created.id, {"NONE", std::nullopt, "2026-01-01", county_x_});
            }
        }
    }

    // Supervision committees (an ACTIVE one for the town, an EXPIRED one for county Y) and inspectors in
    // every W10 state spread over the tree, written as rows: the roll-up reads the tables, not the services.
    void AddNetwork() {
        database_->Write([&](db::Session& session) {
            session.Execute(
                "INSERT INTO lp_committees (organisation_id, established_on, status, created_at, updated_at) "
                "VALUES ($1, '2025-01-01', 'ACTIVE', 0, 0), ($2, '2020-01-01', 'EXPIRED', 0, 0)",
                town_, county_y_);
            const char* statuses[] = {"ACTIVE", "NOMINATED", "ACTIVE", "SUSPENDED",
                                      "ACTIVE", "RETIRED",   "ACTIVE"};
            const std::int64_t homes[] = {town_, county_x_, county_y_, city_, root_};
            for (int index = 0; index < 23; ++index) {
                session.Execute(
                    "INSERT INTO lp_inspectors (name, home_organisation_id, employment_mode, status, "
                    "created_at, "
                    "updated_at) VALUES ($1, $2, 'PARTTIME', $3, 0, 0)",
                    "检查员" + std::to_string(index), homes[index % 5], statuses[index % 7]);
            }
        });
    }

    // The same figures recomputed naively from every enterprise, by which child's subtree it lies in.
    std::map<std::int64_t, CoverageCounts> Recompute(std::int64_t node) {
        std::map<std::int64_t, CoverageCounts> expected;
        database_->Read([&](db::Session& session) {
            const auto children =
                session.Query("SELECT id, path FROM organisations WHERE parent_id = $1", node);
            const std::string node_path =
                session.Query("SELECT path FROM organisations WHERE id = $1", node).Front().GetString(0);
            const auto rows = session.Query(
                "SELECT e.organisation_id, e.headcount, e.economic_component, e.size_class, e.status, "
                "(SELECT coverage_type FROM union_coverage c WHERE c.enterprise_id = e.id AND c.until_date "
                "IS NULL), "
                "(SELECT union_organisation_id FROM union_coverage c WHERE c.enterprise_id = e.id AND "
                "c.until_date IS NULL) "
                "FROM enterprises e");
            // Which key (child id, 0 for the node itself) an organisation's path belongs to.
            auto key_of = [&](const std::string& path) {
                std::optional<std::int64_t> key;
                if (path == node_path) key = 0;
                for (const db::Row child : children) {
                    if (auth::PathInSubtree(path, child.GetString(1))) key = child.GetInt64(0);
                }
                return key;
            };
            const auto inspectors = session.Query(
                "SELECT o.path FROM lp_inspectors i JOIN organisations o ON o.id = i.home_organisation_id "
                "WHERE i.status = 'ACTIVE'");
            for (const db::Row inspector : inspectors) {
                if (const auto key = key_of(inspector.GetString(0))) expected[*key].inspectors += 1;
            }
            for (const db::Row enterprise : rows) {
                if (enterprise.GetString(4) != "ACTIVE") continue;
                const std::string path =
                    session.Query("SELECT path FROM organisations WHERE id = $1", enterprise.GetInt64(0))
                        .Front()
                        .GetString(0);
                // Key 0: enterprises attached to the node itself.
                std::optional<std::int64_t> key;
                if (path == node_path) key = 0;
                for (const db::Row child : children) {
                    if (auth::PathInSubtree(path, child.GetString(1))) key = child.GetInt64(0);
                }
                if (key) {
                    CoverageCounts& counts = expected[*key];
                    const bool covered = !enterprise.IsNull(5) && enterprise.GetString(5) != "NONE";
                    const bool non_public = enterprise.GetString(2).front() == '2';
                    const bool small =
                        enterprise.GetString(3) == "SMALL" || enterprise.GetString(3) == "MICRO";
                    counts.enterprises += 1;
                    counts.workers += enterprise.GetInt64(1);
                    counts.covered += covered;
                    counts.covered_workers += covered ? enterprise.GetInt64(1) : 0;
                    counts.non_public += non_public;
                    counts.non_public_covered += non_public && covered;
                    counts.small_and_micro += small;
                    counts.small_and_micro_covered += small && covered;
                    const bool union_has_committee = covered && !enterprise.IsNull(6) &&
                                                     !session
                                                          .Query(
                                                              "SELECT 1 FROM lp_committees WHERE "
                                                              "organisation_id = $1 AND status = 'ACTIVE'",
                                                              enterprise.GetInt64(6))
                                                          .Empty();
                    counts.with_committee += union_has_committee;
                }
            }
        });
        return expected;
    }

    CoverageGapReport ExpectMatchesRecomputation(std::int64_t node) {
        const CoverageGapReport report = gaps_.Report(ContextFor(admin_), node);
        const auto expected = Recompute(node);
        CoverageCounts total;
        for (const CoverageGapRow& row : report.rows) {
            const auto found = expected.find(row.organisation_id.value_or(0));
            const CoverageCounts want = found == expected.end() ? CoverageCounts{} : found->second;
            EXPECT_EQ(row.counts.enterprises, want.enterprises) << row.organisation_name;
            EXPECT_EQ(row.counts.workers, want.workers) << row.organisation_name;
            EXPECT_EQ(row.counts.covered, want.covered) << row.organisation_name;
            EXPECT_EQ(row.counts.covered_workers, want.covered_workers) << row.organisation_name;
            EXPECT_EQ(row.counts.non_public, want.non_public) << row.organisation_name;
            EXPECT_EQ(row.counts.non_public_covered, want.non_public_covered) << row.organisation_name;
            EXPECT_EQ(row.counts.small_and_micro, want.small_and_micro) << row.organisation_name;
            EXPECT_EQ(row.counts.small_and_micro_covered, want.small_and_micro_covered)
                << row.organisation_name;
            EXPECT_EQ(row.counts.with_committee, want.with_committee) << row.organisation_name;
            EXPECT_EQ(row.counts.inspectors, want.inspectors) << row.organisation_name;
            total.Add(want);
        }
        EXPECT_EQ(report.total.with_committee, total.with_committee);
        EXPECT_EQ(report.total.inspectors, total.inspectors);
        EXPECT_EQ(report.total.enterprises, total.enterprises);
        EXPECT_EQ(report.total.covered, total.covered);
        EXPECT_EQ(report.total.workers, total.workers);
        return report;
    }
};

char CoverageGapTest::CreditCodeCheck(const std::string& body) {
    static const std::string alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    static const int weights[] = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    int sum = 0;
    for (int index = 0; index < 17; ++index)
        sum += static_cast<int>(alphabet.find(body[index])) * weights[index];
    return alphabet[(31 - sum % 31) % 31];
}

}  // namespace

TEST_F(CoverageGapTest, RollUpEqualsARecomputationAtEveryLevelAndAfterAMove) {
    AddEnterprises(town_, 9);
    AddEnterprises(county_x_, 5);
    AddEnterprises(county_y_, 7);
    AddNetwork();
    const CoverageGapReport before = ExpectMatchesRecomputation(city_);
    // Not vacuous: some covered enterprises have a committee in their union, some do not, and inspectors
    // count.
    EXPECT_GT(before.total.with_committee, 0);
    EXPECT_LT(before.total.with_committee, before.total.covered);
    EXPECT_EQ(before.total.inspectors,
              10);  // 13 of the 23 are ACTIVE, 3 of those at the root (outside the city)
    ExpectMatchesRecomputation(county_x_);
    const CoverageGapReport city = gaps_.Report(ContextFor(admin_), city_);
    ASSERT_EQ(city.rows.size(), 3u);  // both counties, in code order, then the city's own inspectors
    EXPECT_EQ(city.rows[0].organisation_name, "玄武区总工会");
    EXPECT_FALSE(city.rows[2].organisation_id);
    EXPECT_EQ(city.rows[2].counts.enterprises, 0);
    EXPECT_GT(city.rows[2].counts.inspectors, 0);

    // Move the town, with its enterprises, from county X to county Y, as the organisation module will.
    database_->Write([&](db::Session& session) {
        const std::string county_y_path =
            session.Query("SELECT path FROM organisations WHERE id = $1", county_y_).Front().GetString(0);
        session.Execute("UPDATE organisations SET parent_id = $1, path = $2 WHERE id = $3", county_y_,
                        county_y_path + auth::PathSegment(town_), town_);
    });
    ExpectMatchesRecomputation(city_);
    ExpectMatchesRecomputation(county_y_);
    EXPECT_EQ(gaps_.Report(ContextFor(admin_), city_).total.enterprises, city.total.enterprises);
}

TEST_F(CoverageGapTest, EnterprisesOnTheNodeItselfAndEmptyChildrenShow) {
    AddEnterprises(county_x_, 3);
    const CoverageGapReport report = gaps_.Report(ContextFor(admin_), county_x_);
    ASSERT_EQ(report.rows.size(), 2u);
    EXPECT_TRUE(report.rows[0].organisation_id);  // the town: no enterprise, a row of zeros
    EXPECT_EQ(report.rows[0].counts.enterprises, 0);
    EXPECT_FALSE(report.rows[1].organisation_id);  // attached to the county itself
    EXPECT_EQ(report.rows[1].counts.enterprises, report.total.enterprises);
}

TEST_F(CoverageGapTest, OutsideTheScopeIsNotFound) {
    EXPECT_EQ(system::testing_support::CodeOf([&] { gaps_.Report(ContextFor(county_x_cadre_), county_y_); }),
              ErrorCode::kNotFound);
    EXPECT_EQ(system::testing_support::CodeOf([&] { gaps_.Report(ContextFor(county_x_cadre_), city_); }),
              ErrorCode::kNotFound);
    EXPECT_NO_THROW(gaps_.Report(ContextFor(county_x_cadre_), county_x_));
}

}  // namespace app::organisations

namespace app::organisations {

// The per-organisation counts behind the roll-up are kept by triggers (ADR 0006): every kind of change to an
// enterprise or its coverage must leave them equal to a recount from the raw rows.
TEST_F(CoverageGapTest, CountsFollowEveryKindOfChange) {
    AddEnterprises(town_, 6);
    AddEnterprises(county_y_, 4);
    const auto admin = ContextFor(admin_);
    const std::vector<Enterprise> all = enterprises_.ListForExport(admin, {});
    ASSERT_GE(all.size(), 6u);
    auto input_of = [](const Enterprise& enterprise) {
        return EnterpriseInput{enterprise.credit_code,         enterprise.name,
                               enterprise.organisation_id,     enterprise.industry_section,
                               enterprise.industry_division,   enterprise.economic_component,
                               enterprise.registration_type,   enterprise.size_class,
                               enterprise.headcount,           enterprise.address,
                               enterprise.admin_division_code, enterprise.status};
    };

    EnterpriseInput changed = input_of(all[0]);  // headcount, size and ownership
    changed.headcount += 500;
    changed.size_class = "MEDIUM";
    changed.economic_component = changed.economic_component == "21" ? "11" : "21";
    enterprises_.Update(admin, all[0].id, changed);
    ExpectMatchesRecomputation(city_);

    EnterpriseInput moved = input_of(all[1]);  // to the other county
    moved.organisation_id = moved.organisation_id == county_y_ ? town_ : county_y_;
    enterprises_.Update(admin, all[1].id, moved);
    ExpectMatchesRecomputation(city_);
    ExpectMatchesRecomputation(county_x_);

    EnterpriseInput closed = input_of(all[2]);  // closed, then active again
    closed.status = closed.status == "ACTIVE" ? "CLOSED" : "ACTIVE";
    enterprises_.Update(admin, all[2].id, closed);
    ExpectMatchesRecomputation(city_);
    closed.status = all[2].status;
    enterprises_.Update(admin, all[2].id, closed);
    ExpectMatchesRecomputation(city_);

    // Coverage: covered → none → covered again; each ends the current period and begins another.
    enterprises_.SetCoverage(admin, all[3].id, {"NONE", std::nullopt, "2026-02-01", county_x_});
    ExpectMatchesRecomputation(city_);
    enterprises_.SetCoverage(admin, all[3].id, {"OWN_UNION", town_, "2026-03-01", std::nullopt});
    ExpectMatchesRecomputation(city_);

    enterprises_.Delete(admin, all[4].id);
    ExpectMatchesRecomputation(city_);

    // The supervision network: a committee leaves office and another takes it; inspectors change status
    // and move home.
    AddNetwork();
    const CoverageGapReport with_committee = ExpectMatchesRecomputation(city_);
    ASSERT_GT(with_committee.total.with_committee, 0);
    database_->Write([&](db::Session& session) {
        session.Execute("UPDATE lp_committees SET status = 'DISSOLVED' WHERE organisation_id = $1", town_);
    });
    EXPECT_EQ(ExpectMatchesRecomputation(city_).total.with_committee, 0);
    database_->Write([&](db::Session& session) {
        session.Execute(
            "INSERT INTO lp_committees (organisation_id, established_on, status, created_at, updated_at) "
            "VALUES ($1, '2026-05-01', 'ACTIVE', 0, 0)",
            town_);
        session.Execute(
            "UPDATE lp_inspectors SET status = 'SUSPENDED' WHERE status = 'ACTIVE' AND id % 2 = 0");
        session.Execute("UPDATE lp_inspectors SET status = 'ACTIVE' WHERE status = 'NOMINATED'");
        session.Execute("UPDATE lp_inspectors SET home_organisation_id = $1 WHERE id % 3 = 0", county_y_);
        session.Execute("DELETE FROM lp_inspectors WHERE id % 5 = 0");
    });
    EXPECT_EQ(ExpectMatchesRecomputation(city_).total.with_committee, with_committee.total.with_committee);
    EXPECT_EQ(gaps_.Report(admin, city_).total.enterprises,
              Count("SELECT COUNT(*) FROM enterprises WHERE status = 'ACTIVE'"));
}

}  // namespace app::organisations

namespace app::organisations {

// PostgreSQL runs writers concurrently at READ COMMITTED: a committee taking office while another transaction
// records coverage by the same union must still leave the enterprise counted "with committee" (the triggers
// lock the union; without that, each refresh misses the other's uncommitted row). SQLite has one writer.
TEST_F(CoverageGapTest, ACommitteeAndACoverageWrittenAtOnceStillCount) {
    if (database_->GetDialect() != db::Dialect::kPostgres) GTEST_SKIP() << "one writer on SQLite";
    AddEnterprises(county_x_, 2);  // serials 1 (covered by the town) and 2 (no coverage)
    const std::int64_t enterprise = Count(
        "SELECT id FROM enterprises e WHERE NOT EXISTS (SELECT 1 FROM union_coverage c WHERE "
        "c.enterprise_id = e.id)");
    std::thread committee([&] {
        database_->Write([&](db::Session& session) {
            session.Execute(
                "INSERT INTO lp_committees (organisation_id, established_on, status, created_at, updated_at) "
                "VALUES ($1, '2026-01-01', 'ACTIVE', 0, 0)",
                town_);
            std::this_thread::sleep_for(std::chrono::milliseconds(400));  // commit late
        });
    });
    std::this_thread::sleep_for(std::chrono::milliseconds(150));  // the committee row exists, uncommitted
    database_->Write([&](db::Session& session) {
        session.Execute(
            "INSERT INTO union_coverage (enterprise_id, coverage_type, union_organisation_id, since_date, "
            "created_at) VALUES ($1, 'JOINT_BASE_UNION', $2, '2026-02-01', 0)",
            enterprise, town_);
    });
    committee.join();
    EXPECT_EQ(Count("SELECT with_committee FROM enterprises WHERE id = " + std::to_string(enterprise)), 1);
    ExpectMatchesRecomputation(city_);
}

}  // namespace app::organisations
