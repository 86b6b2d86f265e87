#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/principal.hpp"
#include "db/session.hpp"
#include "hazards/hazard.hpp"
#include "hazards/hazard_workflow.hpp"

// The one implementation of a W2 transition, shared by the route (HazardService), other modules
// (ApplyExternalEvent) and the deadline sweep. Not used outside the hazards module.
namespace app::hazards::detail {

inline constexpr const char* kViewPermission = "supervision:hazard:view";
inline constexpr const char* kManagePermission = "supervision:hazard:manage";

// A hazard by id, whatever the caller's scope (the caller checks it), without the detail lists.
std::optional<Hazard> FindHazard(db::Session& session, std::int64_t id, const std::string& today);

// Who acts: shown in the timeline; user_id empty for the reply link and the scheduler.
struct Actor {
    std::optional<std::int64_t> user_id;
    std::string name;
    bool automatic = false;                   // the scheduler: escalations are marked automatic
    std::optional<std::int64_t> document_id;  // the union document that caused the event, if any
};

// Applies `event` to `before` (read in this transaction) and returns the hazard after it. Throws 409 (and the
// caller's transaction rolls back) when W2 does not allow it or the status moved meanwhile, 400 naming the
// fields when a required one is missing or a file is unknown (or, when `check_file_scope`, outside the
// caller's scope).
Hazard ApplyEvent(db::Session& session, const RequestContext& context, const Hazard& before,
                  HazardEvent event, const TransitionInput& input, const Actor& actor, bool check_file_scope,
                  EpochMillis now);

// Organisation ids on a materialised path, root first ("/00000001/00000007" → 1, 7).
std::vector<std::int64_t> PathIds(const std::string& path);

// The Shanghai calendar day of an instant, YYYY-MM-DD.
std::string Today(EpochMillis now);

}  // namespace app::hazards::detail
