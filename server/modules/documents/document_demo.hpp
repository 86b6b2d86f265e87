#pragma once

#include "core/clock.hpp"
#include "db/session.hpp"

namespace app::documents {

// Demo union documents: one for each demo hazard past TRIAGED, in the W4 state that matches the hazard's (a
// NOTIFIED hazard's notice is SERVED, a RECTIFYING one's REPLIED or CLOSED, …), and a few more of
// 玄武区总工会 (a draft, an issued opinion, a refused one, a withdrawn notice, an escalated 建议书). Numbers run
// 1..n per issuing union and year in order of issue, and the counters match. Open to-dos as W4 leaves them.
// Called by the demo data command inside its transaction, after the demo hazards. Returns the number added.
int AddDemoDocuments(db::Session& session, EpochMillis now);

}  // namespace app::documents
