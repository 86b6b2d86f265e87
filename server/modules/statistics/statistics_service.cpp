#include "statistics/statistics_service.hpp"

#include <algorithm>
#include <array>
#include <map>

#include "auth/data_scope.hpp"
#include "core/calendar_date.hpp"
#include "core/error.hpp"
#include "core/text.hpp"
#include "db/session.hpp"
#include "organisations/organisation_service.hpp"
#include "statistics/months.hpp"

namespace app::statistics {
namespace {

using organisations::Organisation;
using organisations::OrganisationService;

constexpr std::size_t kSegment = 9;  // "/%08d": one level of a materialised path (ADR 0003)
constexpr int kCountyLevel = 3;

std::int64_t Int(const db::Row& row, std::size_t column) {
    return row.IsNull(column) ? 0 : row.GetInt64(column);
}

Organisation NodeInScope(db::Session& session, const RequestContext& context, std::int64_t organisation_id) {
    auto node = OrganisationService::FindInScope(session, context.principal, organisation_id);
    if (!node) throw Error::NotFound("organisation");
    return *node;
}

std::vector<Crumb> Breadcrumbs(db::Session& session, const Principal& principal, const std::string& path) {
    std::vector<Crumb> crumbs;
    const std::size_t scope_length = principal.organisation_path.size();
    for (std::size_t length = kSegment; length <= path.size(); length += kSegment) {
        if (length < scope_length) continue;
        const db::Result row =
            session.Query("SELECT id, name FROM organisations WHERE path = $1", path.substr(0, length));
        if (!row.Empty()) crumbs.push_back({row.Front().GetInt64(0), row.Front().GetString(1)});
    }
    return crumbs;
}

std::vector<TrendPoint> Trend(db::Session& session, std::int64_t organisation_id,
                              const std::string& last_month) {
    const MonthRange range{AddMonths(last_month, -11), last_month};
    std::vector<TrendPoint> trend;
    for (const std::string& month : MonthsOf(range))
        trend.push_back({month, {{"SV03", 0}, {"SV04", 0}, {"SV05", 0}, {"SV11", 0}}});
    auto point = [&](const std::string& month) -> IndicatorValues& {
        return trend.at(static_cast<std::size_t>(MonthsBetween(range.from, month))).values;
    };
    for (const db::Row row :
         session.Query("SELECT found_month, SUM(hazards), SUM(major * hazards) FROM hazard_rollups"
                       " WHERE organisation_id = $1 AND found_month >= $2 AND found_month <= $3"
                       " AND state <> 'REJECTED' GROUP BY found_month",
                       organisation_id, range.from, range.to)) {
        point(row.GetString(0))["SV03"] = Int(row, 1);
        point(row.GetString(0))["SV04"] = Int(row, 2);
    }
    for (const db::Row row :
         session.Query("SELECT closed_month, SUM(hazards) FROM hazard_rollups"
                       " WHERE organisation_id = $1 AND closed_month >= $2 AND closed_month <= $3"
                       " GROUP BY closed_month",
                       organisation_id, range.from, range.to)) {
        point(row.GetString(0))["SV05"] = Int(row, 1);
    }
    for (const db::Row row :
         session.Query("SELECT month, SUM(reports) FROM report_rollups"
                       " WHERE organisation_id = $1 AND month >= $2 AND month <= $3 GROUP BY month",
                       organisation_id, range.from, range.to)) {
        point(row.GetString(0))["SV11"] = Int(row, 1);
    }
    return trend;
}

}  // namespace

void LevelCapacity::Add(const LevelCapacity& other) {
    organisations += other.organisations;
    with_department += other.with_department;
    enterprises += other.enterprises;
    covered += other.covered;
    non_public += other.non_public;
    non_public_covered += other.non_public_covered;
    small_and_micro += other.small_and_micro;
    small_and_micro_covered += other.small_and_micro_covered;
    committees += other.committees;
    inspectors += other.inspectors;
    fulltime_cadres += other.fulltime_cadres;
    parttime_cadres += other.parttime_cadres;
    budget_planned_fen += other.budget_planned_fen;
    budget_spent_fen += other.budget_spent_fen;
}

MonthRange StatisticsService::DefaultRange() const {
    const std::string today = dates::FormatDate(dates::ShanghaiDateOf(clock_.Now()));
    return {today.substr(0, 4) + "-01", today.substr(0, 7)};
}

Dashboard StatisticsService::Load(const RequestContext& context, std::int64_t organisation_id,
                                  const MonthRange& months) const {
    return database_.Read([&](db::Session& session) {
        const Organisation node = NodeInScope(session, context, organisation_id);
        Dashboard dashboard;
        dashboard.generated_at = clock_.Now();
        dashboard.period = months;
        dashboard.previous_period = PreviousRange(months);
        dashboard.organisation = {node.id, node.name, node.level, node.has_children,
                                  ComputeIndicators(session, node.path, months)};
        dashboard.previous_values =
            ComputeIndicators(session, node.path, dashboard.previous_period, StockValues::kSkip);

        // Each child's subtree; what the children do not account for is attached to the node itself.
        IndicatorValues own = dashboard.organisation.values;
        const db::Result children = session.Query(
            "SELECT o.id, o.name, o.level, o.path, EXISTS (SELECT 1 FROM organisations c WHERE c.parent_id = "
            "o.id)"
            " FROM organisations o WHERE o.parent_id = $1 ORDER BY o.code, o.id",
            node.id);
        std::map<std::string, IndicatorValues> child_values =
            ComputeChildIndicators(session, node.path, months);
        for (const db::Row child : children) {
            NodeFigures figures{child.GetInt64(0), child.GetString(1), child.GetInt32(2), child.GetBool(4),
                                std::move(child_values[child.GetString(3)])};
            for (const auto& [code, value] : figures.values) own[code] -= value;
            dashboard.children.push_back(std::move(figures));
        }
        bool has_own = false;
        for (auto entry = own.begin(); entry != own.end();) {
            const IndicatorDefinition* definition = FindIndicator(entry->first);
            if (definition == nullptr || !definition->additive) {
                entry = own.erase(entry);
            } else {
                has_own = has_own || entry->second != 0;
                ++entry;
            }
        }
        if (has_own && !dashboard.children.empty()) {
            dashboard.children.push_back({std::nullopt, node.name, node.level, false, std::move(own)});
        }
        dashboard.trend = Trend(session, node.id, months.to);
        dashboard.breadcrumbs = Breadcrumbs(session, context.principal, node.path);
        return dashboard;
    });
}

std::vector<BreakdownRow> StatisticsService::Breakdown(const RequestContext& context,
                                                       std::int64_t organisation_id,
                                                       BreakdownDimension dimension) const {
    // The column and its dictionary come from this fixed table, never from the request.
    struct Source {
        std::string_view column;
        std::string_view dictionary;
    };
    constexpr std::array<Source, 3> kSources{{{"economic_component", "economic_component"},
                                              {"size_class", "size_class"},
                                              {"industry_section", "industry_section"}}};
    const Source source = kSources.at(static_cast<std::size_t>(dimension));
    return database_.Read([&](db::Session& session) {
        const Organisation node = NodeInScope(session, context, organisation_id);
        std::vector<BreakdownRow> rows;
        const std::string sql =
            "SELECT e." + std::string(source.column) +
            ", COUNT(*), SUM(e.headcount), SUM(e.covered), SUM(e.with_committee),"
            " MIN(d.label), MIN(d.label_en), MIN(d.sort_order)"
            " FROM enterprises e LEFT JOIN dictionary_items d ON d.dict_code = $3 AND d.code = e." +
            std::string(source.column) +
            " WHERE e.organisation_path >= $1 AND e.organisation_path < $2 AND e.status = 'ACTIVE'"
            " GROUP BY e." +
            std::string(source.column) + " ORDER BY MIN(d.sort_order), e." + std::string(source.column);
        for (const db::Row row : session.Query(sql, node.path, auth::SubtreeUpperBound(node.path),
                                               std::string(source.dictionary))) {
            const std::string key = row.GetString(0);
            rows.push_back(
                {key,
                 row.IsNull(5) ? key : row.GetString(5),
                 row.IsNull(6) ? key : row.GetString(6),
                 {{"E01", Int(row, 1)}, {"E02", Int(row, 2)}, {"E03", Int(row, 3)}, {"E09", Int(row, 4)}}});
        }
        return rows;
    });
}

Page<EnterpriseFigures> StatisticsService::Enterprises(const RequestContext& context,
                                                       std::int64_t organisation_id, const MonthRange& months,
                                                       const std::string& search,
                                                       const PageRequest& page) const {
    return database_.Read([&](db::Session& session) {
        const Organisation node = NodeInScope(session, context, organisation_id);
        const std::string upper = auth::SubtreeUpperBound(node.path);
        const std::string pattern = "%" + text::EscapeLike(search) + "%";
        constexpr std::string_view kWhere =
            " WHERE e.organisation_path >= $1 AND e.organisation_path < $2 AND e.status = 'ACTIVE'"
            " AND ($3 = '' OR e.name LIKE $4 ESCAPE '\\' OR e.credit_code LIKE $4 ESCAPE '\\')";
        Page<EnterpriseFigures> result;
        if (search.empty()) {
            // Every active enterprise of the subtree: the node's totals row (migration 0018) instead of
            // counting 300,000 rows at a province's root.
            const db::Result totals = session.Query(
                "SELECT enterprises FROM organisation_totals WHERE organisation_id = $1", node.id);
            result.total = totals.Empty() ? 0 : totals.Front().GetInt64(0);
        } else {
            SetCappedTotal(result, session
                                       .Query(CappedCountSql(" FROM enterprises e" + std::string(kWhere)),
                                              node.path, upper, search, pattern)
                                       .Front()
                                       .GetInt64(0));
        }
        const db::Result rows = session.Query(
            "SELECT e.id, e.name, e.credit_code, o.name, e.covered FROM enterprises e"
            " JOIN organisations o ON o.id = e.organisation_id" +
                std::string(kWhere) + " ORDER BY e.organisation_path, e.id" +
                LimitOffsetSql(page.page_size, page.Offset()),
            node.path, upper, search, pattern);
        const std::string first_day = months.from + "-01";
        const std::string after_last_day = AddMonths(months.to, 1) + "-01";
        for (const db::Row row : rows) {
            EnterpriseFigures figures{row.GetInt64(0),  row.GetString(1),     row.GetString(2),
                                      row.GetString(3), row.GetInt64(4) != 0, {}};
            const db::Row hazards =
                session
                    .Query(
                        "SELECT SUM(CASE WHEN found_on >= $2 AND found_on < $3 AND status <> 'REJECTED' THEN "
                        "1 ELSE 0 END),"
                        " SUM(CASE WHEN status NOT IN ('CLOSED', 'REJECTED') THEN 1 ELSE 0 END),"
                        " SUM(CASE WHEN status IN ('OVERDUE_REPLY', 'OVERDUE_RECTIFICATION') THEN 1 ELSE 0 "
                        "END)"
                        " FROM hazards WHERE enterprise_id = $1",
                        figures.id, first_day, after_last_day)
                    .Front();
            figures.values["SV03"] = Int(hazards, 0);
            figures.values["H01"] = Int(hazards, 1);
            figures.values["H03"] = Int(hazards, 2);
            figures.values["SV11"] = session
                                         .Query(
                                             "SELECT COUNT(*) FROM worker_reports WHERE enterprise_id = $1"
                                             " AND submitted_on >= $2 AND submitted_on < $3",
                                             figures.id, first_day, after_last_day)
                                         .Front()
                                         .GetInt64(0);
            result.items.push_back(std::move(figures));
        }
        return result;
    });
}

CoverageCapacityReport StatisticsService::CoverageCapacity(const RequestContext& context,
                                                           std::int64_t organisation_id, int year) const {
    return database_.Read([&](db::Session& session) {
        const Organisation node = NodeInScope(session, context, organisation_id);
        const std::string upper = auth::SubtreeUpperBound(node.path);
        CoverageCapacityReport report;
        report.organisation_id = node.id;
        report.organisation_name = node.name;
        report.organisation_level = node.level;
        report.year = year;

        // $4: what the rows are grouped by — the level, or the child's path prefix.
        auto grouped = [&](const std::string& group) {
            std::map<std::string, LevelCapacity> groups;
            const db::Result rows = session.Query(
                "SELECT " + group +
                    ", COUNT(*), SUM(CASE WHEN st.has_lp_department = 1 THEN 1 ELSE 0 END), "
                    "SUM(s.enterprises),"
                    " SUM(s.covered), SUM(s.non_public), SUM(s.non_public_covered), SUM(s.small_and_micro),"
                    " SUM(s.small_and_micro_covered), SUM(s.inspectors), SUM(st.fulltime_lp_cadres),"
                    " SUM(st.parttime_lp_cadres), SUM(st.budget_planned_fen), SUM(st.budget_spent_fen)"
                    " FROM organisations o LEFT JOIN organisation_statistics s ON s.organisation_id = o.id"
                    " LEFT JOIN lp_staffing st ON st.organisation_id = o.id AND st.year = $3"
                    " WHERE o.path >= $1 AND o.path < $2 GROUP BY " +
                    group,
                node.path, upper, static_cast<std::int64_t>(year));
            for (const db::Row row : rows) {
                LevelCapacity entry;
                entry.organisations = Int(row, 1);
                entry.with_department = Int(row, 2);
                entry.enterprises = Int(row, 3);
                entry.covered = Int(row, 4);
                entry.non_public = Int(row, 5);
                entry.non_public_covered = Int(row, 6);
                entry.small_and_micro = Int(row, 7);
                entry.small_and_micro_covered = Int(row, 8);
                entry.inspectors = Int(row, 9);
                entry.fulltime_cadres = Int(row, 10);
                entry.parttime_cadres = Int(row, 11);
                entry.budget_planned_fen = Int(row, 12);
                entry.budget_spent_fen = Int(row, 13);
                groups[row.GetString(0)] = entry;
            }
            for (const db::Row row : session.Query(
                     "SELECT " + group +
                         ", COUNT(*) FROM lp_committees k JOIN organisations o ON o.id = k.organisation_id"
                         " WHERE k.status = 'ACTIVE' AND o.path >= $1 AND o.path < $2 GROUP BY " +
                         group,
                     node.path, upper)) {
                groups[row.GetString(0)].committees = Int(row, 1);
            }
            return groups;
        };

        for (auto& [level_text, entry] : grouped("CAST(o.level AS TEXT)")) {
            entry.level = std::stoi(level_text);
            report.total.Add(entry);
            if (entry.level > kCountyLevel) report.below_county.Add(entry);
            report.levels.push_back(entry);
        }
        std::sort(
            report.levels.begin(), report.levels.end(),
            [](const LevelCapacity& left, const LevelCapacity& right) { return left.level < right.level; });

        const std::int64_t child_length = static_cast<std::int64_t>(node.path.size() + kSegment);
        auto by_child = grouped("substr(o.path, 1, " + std::to_string(child_length) + ")");
        for (const db::Row child : session.Query(
                 "SELECT id, name, level, path FROM organisations WHERE parent_id = $1 ORDER BY code, id",
                 node.id)) {
            LevelCapacity entry = by_child[child.GetString(3)];
            entry.organisation_id = child.GetInt64(0);
            entry.name = child.GetString(1);
            entry.level = child.GetInt32(2);
            report.children.push_back(entry);
        }
        return report;
    });
}

std::int64_t RebuildRollups(db::Session& session) {
    // The same statements as migration 0016 (both dialects read them alike: the views hide the differences).
    session.Execute("DELETE FROM hazard_rollups");
    session.Execute("DELETE FROM report_rollups");
    session.Execute(
        "INSERT INTO hazard_rollups (organisation_id, found_month, closed_month, major, state, on_time, "
        "hazards)"
        " SELECT a.ancestor_id, g.found_month, g.closed_month, g.major, g.state, g.on_time, SUM(g.hazards)"
        " FROM (SELECT e.organisation_id, f.found_month, f.closed_month, f.major, f.state, f.on_time,"
        " COUNT(*) AS hazards FROM hazard_rollup_facts f JOIN enterprises e ON e.id = f.enterprise_id"
        " GROUP BY e.organisation_id, f.found_month, f.closed_month, f.major, f.state, f.on_time) g"
        " JOIN organisation_ancestors a ON a.organisation_id = g.organisation_id"
        " GROUP BY a.ancestor_id, g.found_month, g.closed_month, g.major, g.state, g.on_time");
    session.Execute(
        "INSERT INTO report_rollups (organisation_id, month, state, acknowledged, acknowledge_seconds, "
        "reports)"
        " SELECT a.ancestor_id, g.month, g.state, g.acknowledged, SUM(g.acknowledge_seconds), SUM(g.reports)"
        " FROM (SELECT e.organisation_id, f.month, f.state, f.acknowledged,"
        " SUM(f.acknowledge_seconds) AS acknowledge_seconds, COUNT(*) AS reports"
        " FROM report_rollup_facts f JOIN enterprises e ON e.id = f.enterprise_id"
        " GROUP BY e.organisation_id, f.month, f.state, f.acknowledged) g"
        " JOIN organisation_ancestors a ON a.organisation_id = g.organisation_id"
        " GROUP BY a.ancestor_id, g.month, g.state, g.acknowledged");

    // Committees and volunteers in organisation_statistics (the rest of it is ADR 0006's), then the subtree
    // totals (migration 0018).
    session.Execute(
        "INSERT INTO organisation_statistics (organisation_id) SELECT DISTINCT organisation_id FROM ("
        " SELECT organisation_id FROM lp_committees WHERE status = 'ACTIVE' UNION"
        " SELECT organisation_id FROM lp_volunteers WHERE status = 'ACTIVE') network"
        " WHERE NOT EXISTS (SELECT 1 FROM organisation_statistics s WHERE s.organisation_id = "
        "network.organisation_id)");
    session.Execute(
        "UPDATE organisation_statistics SET"
        " committees = (SELECT COUNT(*) FROM lp_committees k"
        " WHERE k.organisation_id = organisation_statistics.organisation_id AND k.status = 'ACTIVE'),"
        " group_inspectors = (SELECT COUNT(*) FROM lp_volunteers v WHERE v.organisation_id ="
        " organisation_statistics.organisation_id AND v.status = 'ACTIVE' AND v.kind = 'GROUP_INSPECTOR'),"
        " mass_supervisors = (SELECT COUNT(*) FROM lp_volunteers v WHERE v.organisation_id ="
        " organisation_statistics.organisation_id AND v.status = 'ACTIVE' AND v.kind = 'MASS_SUPERVISOR')");
    session.Execute("DELETE FROM organisation_totals");
    session.Execute(
        "INSERT INTO organisation_totals (organisation_id, enterprises, workers, covered, covered_workers, "
        "non_public,"
        " non_public_covered, small_and_micro, small_and_micro_covered, with_committee, inspectors, "
        "committees,"
        " group_inspectors, mass_supervisors)"
        " SELECT a.ancestor_id, SUM(s.enterprises), SUM(s.workers), SUM(s.covered), SUM(s.covered_workers),"
        " SUM(s.non_public), SUM(s.non_public_covered), SUM(s.small_and_micro), "
        "SUM(s.small_and_micro_covered),"
        " SUM(s.with_committee), SUM(s.inspectors), SUM(s.committees), SUM(s.group_inspectors), "
        "SUM(s.mass_supervisors)"
        " FROM organisation_statistics s JOIN organisation_ancestors a ON a.organisation_id = "
        "s.organisation_id"
        " GROUP BY a.ancestor_id");
    return session
        .Query("SELECT (SELECT COUNT(*) FROM hazard_rollups) + (SELECT COUNT(*) FROM report_rollups)")
        .Front()
        .GetInt64(0);
}

}  // namespace app::statistics
