#pragma once

#include "core/clock.hpp"
#include "db/session.hpp"

namespace app::hazards {

// Demo hazards (about 40) at enterprises of 南京市's townships — most in 玄武区, some in 秦淮区 and 鼓楼区 —
// handled by the county federation or the township union, over every W2 state with their timeline, a few
// MAJOR (their higher unions notified) and some overdue or escalated; open to-dos as the workflow leaves
// them. Dates count from `now`. Called by the demo data command inside its transaction. Returns the number
// added.
int AddDemoHazards(db::Session& session, EpochMillis now);

}  // namespace app::hazards
