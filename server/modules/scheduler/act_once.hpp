#pragma once

#include <cstdint>
#include <string_view>

#include "core/clock.hpp"
#include "db/session.hpp"

namespace app::scheduler {

// Claims the right to perform one deadline action — a reminder, an overdue mark, an escalation — about one
// entity's one due date. Call it inside the transaction that performs the action, and act only when it returns
// true: the claim is a row under a unique key (deadline_actions_once), so of two processes racing over the same
// deadline exactly one gets true, and a rolled-back action releases its claim.
bool ClaimDeadlineAction(db::Session& session, std::string_view entity_type, std::int64_t entity_id,
                         std::string_view action, std::string_view due_date, EpochMillis now);

}  // namespace app::scheduler
