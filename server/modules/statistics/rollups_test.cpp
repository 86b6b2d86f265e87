#include <map>

#include "auth/data_scope.hpp"
#include "core/calendar_date.hpp"
#include "organisations/organisation_service.hpp"
#include "statistics/indicators.hpp"
#include "statistics/months.hpp"
#include "statistics/statistics_service.hpp"
#include "system/system_test_fixture.hpp"

namespace app::statistics {
namespace {

// Roll-ups (ADR 0013) against a naive recount from the raw hazards and reports, at every organisation of the
// tree, after inserts, status changes, deletes, an enterprise's move and a township's move.
class RollupTest : public system::testing_support::TreeFixture {
protected:
    int serial_ = 0;
    std::vector<std::int64_t> enterprises_;
    const MonthRange year_{"2026-01", "2026-12"};
    const MonthRange spring_{"2026-03", "2026-05"};

    std::int64_t AddEnterprise(std::int64_t organisation) {
        ++serial_;
        return database_->Write([&](db::Session& session) {
            const std::int64_t id =
                session
                    .Query(
                        "INSERT INTO enterprises (credit_code, name, organisation_id, industry_section,"
                        " economic_component, size_class, headcount, created_at, updated_at)"
                        " VALUES ($1, $2, $3, 'C', '21', 'SMALL', 10, 0, 0) RETURNING id",
                        "CODE" + std::to_string(serial_), "企业" + std::to_string(serial_), organisation)
                    .Front()
                    .GetInt64(0);
            enterprises_.push_back(id);
            return id;
        });
    }

    static std::int64_t Millis(const std::string& date) {
        return dates::ShanghaiStartOf(*dates::ParseDate(date)) + 10LL * 3600 * 1000;
    }

    // A spread of hazards: months, grades, statuses, deadlines and closing days vary with the index.
    void AddHazards(std::int64_t enterprise, int count) {
        static const char* kStatuses[] = {"REPORTED", "NOTIFIED",   "CLOSED", "OVERDUE_RECTIFICATION",
                                          "REJECTED", "RECTIFYING", "CLOSED", "OVERDUE_REPLY"};
        database_->Write([&](db::Session& session) {
            for (int index = 0; index < count; ++index) {
                ++serial_;
                const std::string month = (serial_ % 7 < 2 ? "2025-" : "2026-") +
                                          std::string(serial_ % 12 < 9 ? "0" : "") +
                                          std::to_string(serial_ % 12 + 1);
                const std::string found_on = month + "-1" + std::to_string(serial_ % 9);
                const std::string status = kStatuses[serial_ % 8];
                std::optional<std::int64_t> closed_at;
                if (status == "CLOSED") closed_at = Millis(AddMonths(month, serial_ % 3) + "-20");
                const std::string deadline = serial_ % 5 == 0 ? "" : AddMonths(month, 1) + "-15";
                session.Execute(
                    "INSERT INTO hazards (organisation_id, enterprise_id, source, category, grade, title, "
                    "found_on,"
                    " rectification_deadline, status, status_changed_at, created_at, updated_at, closed_at)"
                    " VALUES ($1, $2, 'INSPECTION', 'EQUIPMENT', $3, '隐患', $4, $5, $6, 0, 0, 0, $7)",
                    root_, enterprise, serial_ % 6 == 0 ? "MAJOR" : "GENERAL", found_on, deadline, status,
                    closed_at);
            }
        });
    }

    void AddReports(std::int64_t enterprise, int count) {
        static const char* kStatuses[] = {"SUBMITTED", "UNDER_REVIEW", "ACCEPTED", "REJECTED", "DUPLICATE"};
        database_->Write([&](db::Session& session) {
            for (int index = 0; index < count; ++index) {
                ++serial_;
                const std::string day =
                    "2026-0" + std::to_string(serial_ % 9 + 1) + "-0" + std::to_string(serial_ % 9 + 1);
                const std::string status = kStatuses[serial_ % 5];
                std::optional<std::int64_t> acknowledged;
                if (status != "SUBMITTED") acknowledged = Millis(day) + (serial_ % 40) * 3600LL * 1000;
                session.Execute(
                    "INSERT INTO worker_reports (receipt_hash, enterprise_id, organisation_id, "
                    "organisation_path,"
                    " category, description, anonymity, status, submitted_at, submitted_on, acknowledge_due,"
                    " acknowledged_at, updated_at) VALUES ($1, $2, $3, '', 'OTHER', '报告', 'ANONYMOUS', $4, "
                    "$5, $6,"
                    " $6, $7, 0)",
                    "hash" + std::to_string(serial_), enterprise, root_, status, Millis(day), day,
                    acknowledged);
            }
        });
    }

    // The figures recounted from every raw row whose enterprise lies in the subtree of `path`.
    IndicatorValues Recount(const std::string& path, const MonthRange& months) {
        IndicatorValues values{{"SV03", 0},  {"SV04", 0},  {"SV05", 0}, {"SV05T", 0},
                               {"SV06N", 0}, {"H01", 0},   {"H02", 0},  {"H03", 0},
                               {"SV11", 0},  {"SV11A", 0}, {"R01", 0},  {"R01S", 0}};
        database_->Read([&](db::Session& session) {
            for (const db::Row row : session.Query("SELECT o.path, h.found_on, h.status, h.grade, "
                                                   "h.closed_at, h.rectification_deadline FROM hazards h"
                                                   " JOIN enterprises e ON e.id = h.enterprise_id JOIN "
                                                   "organisations o ON o.id = e.organisation_id")) {
                if (!auth::PathInSubtree(row.GetString(0), path)) continue;
                const std::string found_month = row.GetString(1).substr(0, 7);
                const std::string status = row.GetString(2);
                const bool major = row.GetString(3) == "MAJOR";
                std::string closed_day;
                if (status == "CLOSED")
                    closed_day = dates::FormatDate(dates::ShanghaiDateOf(*row.GetOptionalInt64(4)));
                const std::string closed_month =
                    closed_day.substr(0, std::min<std::size_t>(7, closed_day.size()));
                const bool in_period = found_month >= months.from && found_month <= months.to;
                if (in_period && status != "REJECTED") {
                    values["SV03"] += 1;
                    values["SV04"] += major;
                    if (!closed_month.empty() && closed_month <= months.to) values["SV06N"] += 1;
                }
                if (!closed_month.empty() && closed_month >= months.from && closed_month <= months.to) {
                    values["SV05"] += 1;
                    const std::string deadline = row.GetString(5);
                    values["SV05T"] += deadline.empty() || closed_day <= deadline;
                }
                if (status != "CLOSED" && status != "REJECTED") {
                    values["H01"] += 1;
                    values["H02"] += major;
                    values["H03"] += status == "OVERDUE_REPLY" || status == "OVERDUE_RECTIFICATION";
                }
            }
            for (const db::Row row : session.Query("SELECT o.path, r.submitted_on, r.status, r.submitted_at, "
                                                   "r.acknowledged_at FROM worker_reports r"
                                                   " JOIN enterprises e ON e.id = r.enterprise_id JOIN "
                                                   "organisations o ON o.id = e.organisation_id")) {
                if (!auth::PathInSubtree(row.GetString(0), path)) continue;
                const std::string month = row.GetString(1).substr(0, 7);
                if (month < months.from || month > months.to) continue;
                const std::string status = row.GetString(2);
                values["SV11"] += 1;
                values["SV11A"] += status == "ACCEPTED" || status == "DUPLICATE" || status == "RESOLVED";
                if (const auto acknowledged = row.GetOptionalInt64(4)) {
                    values["R01"] += 1;
                    values["R01S"] += (*acknowledged - row.GetInt64(3)) / 1000;
                }
            }
        });
        return values;
    }

    void ExpectEveryOrganisationMatches(const std::string& when) {
        const auto paths = database_->Read([](db::Session& session) {
            std::vector<std::string> all;
            for (const db::Row row : session.Query("SELECT path FROM organisations ORDER BY path")) {
                all.push_back(row.GetString(0));
            }
            return all;
        });
        for (const MonthRange& months : {year_, spring_}) {
            for (const std::string& path : paths) {
                const IndicatorValues expected = Recount(path, months);
                const IndicatorValues actual = database_->Read(
                    [&](db::Session& session) { return ComputeIndicators(session, path, months); });
                for (const auto& [code, value] : expected) {
                    EXPECT_EQ(actual.at(code), value) << when << ": " << code << " at " << path << " in "
                                                      << months.from << ".." << months.to;
                }
                // The dashboard's child table computes all children at once: the same figures as one by one.
                const auto children = database_->Read(
                    [&](db::Session& session) { return ComputeChildIndicators(session, path, months); });
                std::size_t child_count = 0;
                for (const std::string& child : paths) {
                    if (child.size() != path.size() + 9 || child.compare(0, path.size(), path) != 0) continue;
                    ++child_count;
                    const IndicatorValues one = database_->Read(
                        [&](db::Session& session) { return ComputeIndicators(session, child, months); });
                    ASSERT_TRUE(children.contains(child)) << when << ": child " << child << " of " << path;
                    EXPECT_EQ(children.at(child), one) << when << ": child " << child << " of " << path;
                }
                EXPECT_EQ(children.size(), child_count) << when << ": children of " << path;
            }
        }
    }
};

TEST_F(RollupTest, EveryLevelEqualsARecountAfterWritesAndMoves) {
    const std::int64_t in_town = AddEnterprise(town_);
    const std::int64_t in_county_x = AddEnterprise(county_x_);
    const std::int64_t in_county_y = AddEnterprise(county_y_);
    const std::int64_t in_city = AddEnterprise(city_);
    AddHazards(in_town, 30);
    AddHazards(in_county_x, 17);
    AddHazards(in_county_y, 23);
    AddHazards(in_city, 5);
    AddReports(in_town, 12);
    AddReports(in_county_y, 9);
    database_->Write([&](db::Session& session) {
        session.Execute(
            "INSERT INTO lp_committees (organisation_id, established_on, status, created_at, updated_at)"
            " VALUES ($1, '2025-01-01', 'ACTIVE', 0, 0), ($2, '2020-01-01', 'EXPIRED', 0, 0),"
            " ($3, '2024-01-01', 'ACTIVE', 0, 0)",
            town_, county_y_, county_x_);
        for (int index = 0; index < 7; ++index) {
            session.Execute(
                "INSERT INTO lp_volunteers (kind, name, organisation_id, appointed_on, status, created_at,"
                " updated_at) VALUES ($1, '志愿者', $2, '2026-01-01', $3, 0, 0)",
                std::string(index % 2 == 0 ? "GROUP_INSPECTOR" : "MASS_SUPERVISOR"),
                index % 3 == 0 ? town_ : county_y_, std::string(index == 5 ? "RETIRED" : "ACTIVE"));
        }
    });
    ExpectEveryOrganisationMatches("after inserts");
    // Not vacuous: the city's figures hold every kind of count.
    const IndicatorValues city = Recount(*database_->Read([&](db::Session& session) {
        return std::optional(
            session.Query("SELECT path FROM organisations WHERE id = $1", city_).Front().GetString(0));
    }),
                                         year_);
    for (const auto& [code, value] : city) EXPECT_GT(value, 0) << code;

    // Status changes, closing, regrading, a delete.
    database_->Write([&](db::Session& session) {
        session.Execute(
            "UPDATE hazards SET status = 'CLOSED', closed_at = $1 WHERE id IN"
            " (SELECT id FROM hazards WHERE status = 'NOTIFIED' ORDER BY id LIMIT 4)",
            Millis("2026-04-02"));
        session.Execute(
            "UPDATE hazards SET grade = 'MAJOR' WHERE id IN (SELECT id FROM hazards ORDER BY id LIMIT 3)");
        session.Execute("DELETE FROM hazards WHERE id IN (SELECT id FROM hazards ORDER BY id DESC LIMIT 2)");
        session.Execute(
            "UPDATE worker_reports SET status = 'ACCEPTED', acknowledged_at = submitted_at + 7200000"
            " WHERE status = 'SUBMITTED'");
        session.Execute(
            "DELETE FROM worker_reports WHERE id IN (SELECT id FROM worker_reports ORDER BY id LIMIT 1)");
    });
    ExpectEveryOrganisationMatches("after updates and deletes");

    // An enterprise moves from the town to county Y: its hazards and reports go with it.
    database_->Write([&](db::Session& session) {
        session.Execute("UPDATE enterprises SET organisation_id = $1 WHERE id = $2", county_y_, in_town);
    });
    ExpectEveryOrganisationMatches("after an enterprise moved");

    // The township moves (through the organisation service, as users do) under county Y, then back.
    AddHazards(AddEnterprise(town_), 11);
    organisations::OrganisationService organisations(database_.Get(), clock_);
    organisations.Move(ContextFor(admin_), town_, county_y_);
    ExpectEveryOrganisationMatches("after the township moved");
    organisations.Move(ContextFor(admin_), town_, county_x_);
    ExpectEveryOrganisationMatches("after the township moved back");

    // A rebuild from the raw rows gives the very same tables.
    const auto snapshot = [&] {
        return database_->Read([](db::Session& session) {
            std::map<std::string, std::int64_t> rows;
            for (const db::Row row : session.Query("SELECT organisation_id, found_month, closed_month, "
                                                   "major, state, on_time, hazards FROM hazard_rollups"
                                                   " WHERE hazards <> 0")) {
                rows[std::to_string(row.GetInt64(0)) + row.GetString(1) + row.GetString(2) +
                     std::to_string(row.GetInt64(3)) + row.GetString(4) + std::to_string(row.GetInt64(5))] =
                    row.GetInt64(6);
            }
            return rows;
        });
    };
    const auto totals = [&] {
        return database_->Read([](db::Session& session) {
            std::map<std::int64_t, std::string> rows;
            for (const db::Row row :
                 session.Query("SELECT organisation_id, enterprises, workers, covered, with_committee, "
                               "inspectors, committees,"
                               " group_inspectors, mass_supervisors FROM organisation_totals")) {
                std::string text;
                for (std::size_t column = 1; column < 9; ++column)
                    text += std::to_string(row.GetInt64(column)) + ",";
                if (text != "0,0,0,0,0,0,0,0,") rows[row.GetInt64(0)] = text;
            }
            return rows;
        });
    };
    const auto kept = snapshot();
    const auto kept_totals = totals();
    EXPECT_FALSE(kept_totals.empty());
    database_->Write([](db::Session& session) { RebuildRollups(session); });
    EXPECT_EQ(snapshot(), kept);
    EXPECT_EQ(totals(), kept_totals);
}

TEST_F(RollupTest, DashboardChildrenAddUpAndScopeHolds) {
    AddHazards(AddEnterprise(town_), 8);
    AddHazards(AddEnterprise(county_x_), 6);
    AddHazards(AddEnterprise(county_y_), 4);
    StatisticsService statistics(database_.Get(), clock_);
    const Dashboard city = statistics.Load(ContextFor(admin_), city_, year_);
    ASSERT_EQ(city.children.size(), 2u);  // the two counties; nothing attached to the city itself
    EXPECT_EQ(city.children[0].values.at("SV03") + city.children[1].values.at("SV03"),
              city.organisation.values.at("SV03"));
    EXPECT_GT(city.organisation.values.at("SV03"), 0);
    ASSERT_EQ(city.trend.size(), 12u);
    EXPECT_EQ(city.trend.front().month, "2026-01");
    std::int64_t trend_total = 0;
    for (const TrendPoint& point : city.trend) trend_total += point.values.at("SV03");
    EXPECT_EQ(trend_total, city.organisation.values.at("SV03"));

    // County X: the town's subtree, and what is attached to the county itself, in its own row.
    const Dashboard county = statistics.Load(ContextFor(county_x_cadre_), county_x_, year_);
    ASSERT_EQ(county.children.size(), 2u);
    EXPECT_FALSE(county.children[1].organisation_id);
    EXPECT_GT(county.children[1].values.at("SV03"), 0);
    ASSERT_EQ(county.breadcrumbs.size(), 1u);  // the cadre's scope starts at the county
    EXPECT_EQ(county.breadcrumbs[0].organisation_id, county_x_);

    // Outside the caller's scope: not found, for the dashboard and every drill-down.
    EXPECT_THROW(statistics.Load(ContextFor(county_x_cadre_), county_y_, year_), Error);
    EXPECT_THROW(statistics.Load(ContextFor(county_x_cadre_), city_, year_), Error);
    EXPECT_THROW(statistics.Enterprises(ContextFor(town_cadre_), county_x_, year_, "", {}), Error);
    EXPECT_THROW(statistics.CoverageCapacity(ContextFor(county_y_cadre_), town_, 2026), Error);
    EXPECT_THROW(statistics.Breakdown(ContextFor(town_cadre_), root_, BreakdownDimension::kSize), Error);

    const auto page = statistics.Enterprises(ContextFor(county_x_cadre_), county_x_, year_, "", {});
    EXPECT_EQ(page.total, 2);  // from the county's totals row
    EXPECT_EQ(page.items.size(), 2u);
    const auto searched = statistics.Enterprises(ContextFor(county_x_cadre_), county_x_, year_, "企业", {});
    EXPECT_EQ(searched.total, 2);  // counted
    EXPECT_EQ(statistics.Enterprises(ContextFor(county_x_cadre_), county_x_, year_, "没有这家", {}).total, 0);
}

TEST(MonthsTest, RangesAndPreviousPeriods) {
    EXPECT_EQ(ParseMonth("2026-11"), "2026-11");
    EXPECT_FALSE(ParseMonth("2026-13"));
    EXPECT_FALSE(ParseMonth("2026-1"));
    EXPECT_FALSE(ParseMonth("1999-12"));
    EXPECT_EQ(AddMonths("2026-01", -1), "2025-12");
    EXPECT_EQ(AddMonths("2025-12", 13), "2027-01");
    const MonthRange previous = PreviousRange({"2026-01", "2026-03"});
    EXPECT_EQ(previous.from, "2025-10");
    EXPECT_EQ(previous.to, "2025-12");
    EXPECT_EQ(StatisticalYear(2026).from, "2025-10");
    EXPECT_EQ(StatisticalYear(2026).to, "2026-09");
    EXPECT_EQ(MonthsOf({"2025-11", "2026-02"}).size(), 4u);
    // Months start at midnight in Shanghai: 2026-01-01T00:00+08:00 is 2025-12-31T16:00Z.
    EXPECT_EQ(RangeStartMillis({"2026-01", "2026-01"}), 1767196800000LL);
}

}  // namespace
}  // namespace app::statistics
