#pragma once

#include <cstdint>
#include <string>

#include "core/clock.hpp"
#include "db/database.hpp"

namespace app::hazards {

struct SweepResult {
    std::int64_t examined = 0;     // open hazards with a deadline looked at
    std::int64_t reminders = 0;    // REMINDER actions taken
    std::int64_t overdue = 0;      // MARK_OVERDUE transitions
    std::int64_t escalations = 0;  // automatic ESCALATE transitions
    std::int64_t failures = 0;     // hazards whose transaction failed (logged; retried on the next run)

    std::string Summary() const;  // "examined 12, reminders 1, overdue 2, escalations 0, failures 0"
};

// The scheduler's job "hazard-deadlines" (ADR 0010): for each hazard waiting for the enterprise, in its own
// small transaction, on the Asia/Shanghai calendar day of clock.Now():
//   - a reminder (REMIND_REPLY / REMIND_RECTIFICATION) once per due date when today ≥ due −
//   REMINDER_BEFORE_DUE (today not after due): the handling
//     union's cadres get a DEADLINE_REMINDER message and a FOLLOW_UP_HAZARD to-do;
//   - MARK_OVERDUE once when today > reply_due (NOTIFIED → OVERDUE_REPLY) or > rectification_deadline
//     (RECTIFYING → OVERDUE_RECTIFICATION);
//   - ESCALATE once (automatic) when today ≥ the due date + ESCALATE_AFTER_OVERDUE (working days on the
//     working-day calendar): an escalation to the parent union, whose cadres get a HAZARD_ESCALATED message
//     and a HANDLE_ESCALATION to-do.
// Rules are those in force for the handling union (reminders: today; escalation: on the due date). Each
// action is claimed with scheduler::ClaimDeadlineAction in its transaction, so concurrent sweeps (threads,
// processes) act exactly once.
SweepResult RunHazardDeadlines(db::Database& database, const Clock& clock);

}  // namespace app::hazards
