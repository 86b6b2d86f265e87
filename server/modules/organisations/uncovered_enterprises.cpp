#include "organisations/uncovered_enterprises.hpp"

#include "auth/data_scope.hpp"
#include "core/error.hpp"
#include "organisations/organisation_service.hpp"

namespace app::organisations {
namespace {

// Active enterprises of the subtree [$1, $2) without a union: no current coverage row, or one saying NONE.
constexpr std::string_view kUncoveredFrom =
    " FROM enterprises e LEFT JOIN union_coverage c ON c.enterprise_id = e.id AND c.until_date IS NULL";
constexpr std::string_view kUncoveredWhere =
    " WHERE e.organisation_path >= $1 AND e.organisation_path < $2 AND e.status = 'ACTIVE'"
    " AND (c.id IS NULL OR c.coverage_type = 'NONE')";

// Unions that take in small enterprises (工会法 Art 11: joint base unions; regional and sectoral
// federations), inside the township's subtree [$1, $2) or directly under its parent $3, and inside the
// caller's scope [$4, $5).
constexpr std::string_view kCandidates =
    "SELECT o.id, o.name, o.org_type,"
    " (SELECT COUNT(*) FROM union_coverage c WHERE c.union_organisation_id = o.id AND c.until_date IS NULL)"
    " FROM organisations o WHERE o.status = 'ACTIVE'"
    " AND o.org_type IN ('JOINT_BASE_UNION', 'REGIONAL_FED', 'SECTORAL_FED')"
    " AND ((o.path > $1 AND o.path < $2) OR o.parent_id = $3) AND o.path >= $4 AND o.path < $5"
    " ORDER BY o.path LIMIT 20";

std::vector<CandidateUnion> Candidates(db::Session& session, const Principal& principal,
                                       const std::string& township_path,
                                       std::optional<std::int64_t> township_parent) {
    const auto [scope_lower, scope_upper] = auth::ScopeRange(principal);
    std::vector<CandidateUnion> candidates;
    const db::Result rows = session.Query(kCandidates, township_path, auth::SubtreeUpperBound(township_path),
                                          township_parent.value_or(0), scope_lower, scope_upper);
    for (const db::Row row : rows) {
        candidates.push_back({row.GetInt64(0), row.GetString(1), row.GetString(2), row.GetInt64(3)});
    }
    return candidates;
}

Organisation NodeInScope(db::Session& session, const Principal& principal, std::int64_t organisation_id) {
    auto node = OrganisationService::FindInScope(session, principal, organisation_id);
    if (!node) throw Error::NotFound("organisation");
    return *node;
}

}  // namespace

Page<UncoveredTownship> UncoveredEnterpriseService::Townships(const RequestContext& context,
                                                              std::int64_t organisation_id,
                                                              PageRequest page) const {
    return database_.Read([&](db::Session& session) {
        const Organisation node = NodeInScope(session, context.principal, organisation_id);
        const std::string upper = auth::SubtreeUpperBound(node.path);
        Page<UncoveredTownship> result;
        // Per-organisation counts (organisation_statistics, ADR 0006): uncovered = all − covered.
        constexpr std::string_view kGapsFrom =
            " FROM organisation_statistics s JOIN organisations t ON t.id = s.organisation_id";
        constexpr std::string_view kGapsWhere =
            " WHERE t.path >= $1 AND t.path < $2 AND s.enterprises > s.covered";
        result.total =
            session
                .Query("SELECT COUNT(*)" + std::string(kGapsFrom) + std::string(kGapsWhere), node.path, upper)
                .Front()
                .GetInt64(0);
        const db::Result groups = session.Query(
            "SELECT t.id, t.name, COALESCE(p.name, ''), t.path, t.parent_id, s.enterprises - s.covered,"
            " s.workers - s.covered_workers, s.non_public - s.non_public_covered,"
            " s.small_and_micro - s.small_and_micro_covered" +
                std::string(kGapsFrom) + " LEFT JOIN organisations p ON p.id = t.parent_id" +
                std::string(kGapsWhere) +
                " ORDER BY s.enterprises - s.covered DESC, t.path LIMIT $3 OFFSET $4",
            node.path, upper, page.page_size, page.Offset());
        for (const db::Row group : groups) {
            UncoveredTownship township{
                group.GetInt64(0), group.GetString(1), group.GetString(2), group.GetInt64(5),
                group.GetInt64(6), group.GetInt64(7),  group.GetInt64(8),  {}};
            township.candidates =
                Candidates(session, context.principal, group.GetString(3), group.GetOptionalInt64(4));
            result.items.push_back(std::move(township));
        }
        return result;
    });
}

std::vector<UncoveredEnterprise> UncoveredEnterpriseService::ListForExport(
    const RequestContext& context, std::int64_t organisation_id) const {
    return database_.Read([&](db::Session& session) {
        const Organisation node = NodeInScope(session, context.principal, organisation_id);
        std::vector<UncoveredEnterprise> enterprises;
        const db::Result rows = session.Query(
            "SELECT e.id, e.credit_code, e.name, e.economic_component, e.size_class, e.headcount, t.id,"
            " t.name, t.path, t.parent_id" +
                std::string(kUncoveredFrom) + " JOIN organisations t ON t.id = e.organisation_id" +
                std::string(kUncoveredWhere) + " ORDER BY t.path, e.name LIMIT $3",
            node.path, auth::SubtreeUpperBound(node.path), kExportLimit);
        // One candidate lookup per township, not per enterprise.
        std::int64_t current_township = -1;
        std::string current_candidates;
        for (const db::Row row : rows) {
            if (row.GetInt64(6) != current_township) {
                current_township = row.GetInt64(6);
                current_candidates.clear();
                for (const CandidateUnion& candidate :
                     Candidates(session, context.principal, row.GetString(8), row.GetOptionalInt64(9))) {
                    current_candidates += (current_candidates.empty() ? "" : "、") + candidate.name;
                }
            }
            enterprises.push_back({row.GetInt64(0), row.GetString(1), row.GetString(2), row.GetString(3),
                                   row.GetString(4), row.GetInt64(5), row.GetInt64(6), row.GetString(7),
                                   current_candidates});
        }
        return enterprises;
    });
}

}  // namespace app::organisations
