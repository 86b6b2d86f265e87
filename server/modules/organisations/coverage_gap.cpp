#include "organisations/coverage_gap.hpp"

#include <map>

#include "auth/data_scope.hpp"
#include "organisations/organisation_service.hpp"

namespace app::organisations {

void CoverageCounts::Add(const CoverageCounts& other) {
    enterprises += other.enterprises;
    workers += other.workers;
    covered += other.covered;
    covered_workers += other.covered_workers;
    non_public += other.non_public;
    non_public_covered += other.non_public_covered;
    small_and_micro += other.small_and_micro;
    small_and_micro_covered += other.small_and_micro_covered;
    with_committee += other.with_committee;
    inspectors += other.inspectors;
}

namespace {

// $1/$2: the node's subtree range; $3: the length of a child's path (the node's path plus one segment). The
// counts come from organisation_statistics (one row per organisation, kept by triggers: ADR 0006), so the
// root of a province sums ~30,000 rows rather than reading 300,000 enterprises and 100,000 inspectors.
constexpr std::string_view kRollUp =
    "SELECT substr(o.path, 1, $3) AS child_path, SUM(s.enterprises), SUM(s.workers), SUM(s.covered),"
    " SUM(s.covered_workers), SUM(s.non_public), SUM(s.non_public_covered), SUM(s.small_and_micro),"
    " SUM(s.small_and_micro_covered), SUM(s.with_committee), SUM(s.inspectors)"
    " FROM organisation_statistics s JOIN organisations o ON o.id = s.organisation_id"
    " WHERE o.path >= $1 AND o.path < $2"
    " GROUP BY substr(o.path, 1, $3)";

}  // namespace

CoverageGapReport CoverageGapService::Report(const RequestContext& context,
                                             std::int64_t organisation_id) const {
    return database_.Read([&](db::Session& session) {
        const auto node = OrganisationService::FindInScope(session, context.principal, organisation_id);
        if (!node) throw Error::NotFound("organisation");
        CoverageGapReport report;
        report.organisation_id = node->id;
        report.organisation_name = node->name;

        // Children first, so those without a single enterprise still show as rows of zeros: the gap itself.
        std::map<std::string, std::size_t> row_by_path;
        const db::Result children = session.Query(
            "SELECT id, name, path FROM organisations WHERE parent_id = $1 ORDER BY code", node->id);
        for (const db::Row child : children) {
            row_by_path.emplace(child.GetString(2), report.rows.size());
            report.rows.push_back({child.GetInt64(0), child.GetString(1), {}});
        }

        const std::int64_t child_path_length = static_cast<std::int64_t>(node->path.size()) + 9;
        auto add = [&](const std::string& child_path, const CoverageCounts& counts) {
            report.total.Add(counts);
            const auto found = row_by_path.find(child_path);
            if (found != row_by_path.end()) {
                report.rows[found->second].counts.Add(counts);
            } else {
                // Records attached to the node itself (their path is the node's, shorter than a child's).
                report.rows.push_back({std::nullopt, node->name, counts});
                row_by_path.emplace(child_path, report.rows.size() - 1);
            }
        };
        const std::string upper = auth::SubtreeUpperBound(node->path);
        const db::Result groups = session.Query(kRollUp, node->path, upper, child_path_length);
        for (const db::Row group : groups) {
            CoverageCounts counts{group.GetInt64(1), group.GetInt64(2), group.GetInt64(3), group.GetInt64(4),
                                  group.GetInt64(5), group.GetInt64(6), group.GetInt64(7), group.GetInt64(8)};
            counts.with_committee = group.GetInt64(9);
            counts.inspectors = group.GetInt64(10);
            add(group.GetString(0), counts);
        }
        return report;
    });
}

}  // namespace app::organisations
