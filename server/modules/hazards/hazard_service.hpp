#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/paging.hpp"
#include "core/principal.hpp"
#include "db/database.hpp"
#include "hazards/hazard.hpp"
#include "hazards/hazard_workflow.hpp"

namespace app::hazards {

// Hazards handled by a union in the caller's scope (scope is the handling organisation's subtree; outside it
// a hazard answers 404), and their lifecycle W2 (hazards/hazard_workflow.hpp, ADR 0010).
//
// A hazard is reported for an enterprise in scope and handled by an organisation in scope that is the
// enterprise's own organisation or one above it (default: the caller's organisation). Every change writes a
// hazard_events row, an audit row, and opens or closes the to-dos it settles, in one transaction; a MAJOR
// hazard (created, or triaged as MAJOR) notifies every organisation above the handling one. A transition W2
// does not allow is 409 and changes nothing; two racing transitions cannot both apply (the status changes by
// a conditional UPDATE … WHERE status = <the status read>). Thread-safe.
class HazardService {
public:
    HazardService(db::Database& database, const Clock& clock) : database_(database), clock_(clock) {}

    // Sort keys: id, foundOn, createdAt, deadline (the rectification deadline), code, status, grade; a
    // leading
    // '-' sorts descending. Default: newest first.
    Page<Hazard> List(const RequestContext& context, const HazardFilter& filter, PageRequest page) const;
    std::vector<Hazard> ListForExport(const RequestContext& context, const HazardFilter& filter) const;
    // Everything: the timeline, photos and evidence, verifications, escalations and linked documents.
    Hazard Get(const RequestContext& context, std::int64_t id) const;
    Hazard Create(const RequestContext& context, const HazardInput& input);
    Hazard Transition(const RequestContext& context, std::int64_t id, const TransitionInput& input);

    static constexpr std::int64_t kExportLimit = 100'000;

private:
    db::Database& database_;
    const Clock& clock_;
};

}  // namespace app::hazards
