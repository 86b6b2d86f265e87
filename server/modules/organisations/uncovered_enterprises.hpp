#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/paging.hpp"
#include "core/principal.hpp"
#include "db/database.hpp"

namespace app::organisations {

// A union that could take in an uncovered enterprise: a joint base union, a regional or a sectoral
// federation in the enterprise's township (or beside it, under the same county).
struct CandidateUnion {
    std::int64_t organisation_id = 0;
    std::string name;
    std::string org_type;
    std::int64_t covered_enterprises = 0;  // how many enterprises it covers now: its current load
};

// Uncovered enterprises (no current coverage, or coverage NONE; active ones only) of one territorial
// organisation — usually a township or street union — with the unions that could take them in.
struct UncoveredTownship {
    std::int64_t organisation_id = 0;
    std::string organisation_name;
    std::string parent_name;  // the county, so a province-wide list reads without the tree
    std::int64_t enterprises = 0;
    std::int64_t workers = 0;
    std::int64_t non_public = 0;
    std::int64_t small_and_micro = 0;
    std::vector<CandidateUnion> candidates;
};

struct UncoveredEnterprise {
    std::int64_t enterprise_id = 0;
    std::string credit_code;
    std::string name;
    std::string economic_component;
    std::string size_class;
    std::int64_t headcount = 0;
    std::int64_t township_id = 0;
    std::string township_name;
    std::string candidates;  // the candidate unions' names, joined, for the export
};

// Where coverage is missing below an organisation, township by township, largest gap first. The data
// scope applies: an organisation outside the caller's subtree answers 404.
class UncoveredEnterpriseService {
public:
    explicit UncoveredEnterpriseService(db::Database& database) : database_(database) {}

    Page<UncoveredTownship> Townships(const RequestContext& context, std::int64_t organisation_id,
                                      PageRequest page) const;
    // Every uncovered enterprise of the subtree (at most kExportLimit), grouped by township, for export.
    std::vector<UncoveredEnterprise> ListForExport(const RequestContext& context,
                                                   std::int64_t organisation_id) const;

    static constexpr std::int64_t kExportLimit = 100'000;

private:
    db::Database& database_;
};

}  // namespace app::organisations
