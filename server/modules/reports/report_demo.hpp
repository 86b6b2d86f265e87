#pragma once

#include "core/clock.hpp"
#include "db/session.hpp"

namespace app::reports {

// The demo entry point's code and a demo receipt, printed by scripts/start.sh and named in the README so a
// visitor can try the worker's page: report through the QR code, look up a case with messages.
inline constexpr const char* kDemoEntryCode = "DEMO2026XW01";
inline constexpr const char* kDemoReceipt = "20261129000000000001";

// Demo worker reports (about 16) at enterprises of 玄武区 and 秦淮区 that have demo hazards: a QR code for
// each of those enterprises, reports in every W3 state (some overdue and escalated, some accepted into or
// merged with the enterprise's demo hazard — a closed one shows the worker RESOLVED), a few named, messages
// both ways. Times are whole hours, as for real reports. Called by the demo data command inside its
// transaction, after the demo hazards. Returns the number added.
int AddDemoReports(db::Session& session, EpochMillis now);

}  // namespace app::reports
