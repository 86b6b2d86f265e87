#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/principal.hpp"
#include "db/database.hpp"

namespace app::organisations {

// Counts behind the coverage-gap view for one group of enterprises (active ones only). Rates are computed
// from these totals at every level, never averaged from the rows below.
struct CoverageCounts {
    std::int64_t enterprises = 0;
    std::int64_t workers = 0;
    std::int64_t covered = 0;  // current coverage other than NONE
    std::int64_t covered_workers = 0;
    std::int64_t non_public = 0;  // economic component 2x (非公有)
    std::int64_t non_public_covered = 0;
    std::int64_t small_and_micro = 0;
    std::int64_t small_and_micro_covered = 0;
    // Covered enterprises whose covering union has an ACTIVE supervision committee (lp_committees).
    std::int64_t with_committee = 0;
    // ACTIVE labour-protection inspectors whose home organisation lies in the group (lp_inspectors).
    std::int64_t inspectors = 0;

    void Add(const CoverageCounts& other);
};

struct CoverageGapRow {
    std::optional<std::int64_t>
        organisation_id;  // a child organisation; nullopt for enterprises attached to the node itself
    std::string organisation_name;
    CoverageCounts counts;
};

struct CoverageGapReport {
    std::int64_t organisation_id = 0;
    std::string organisation_name;
    CoverageCounts total;              // the node's whole subtree
    std::vector<CoverageGapRow> rows;  // one per child organisation (children without enterprises too)
};

// Coverage of enterprises by union, for an organisation and each of its children, in one grouped pass over
// the enterprises of the subtree (GROUP BY the child's path prefix), plus one grouped pass over the active
// inspectors of the subtree by their home organisation's path prefix. 404 outside the caller's scope.
class CoverageGapService {
public:
    explicit CoverageGapService(db::Database& database) : database_(database) {}
    CoverageGapReport Report(const RequestContext& context, std::int64_t organisation_id) const;

private:
    db::Database& database_;
};

}  // namespace app::organisations
