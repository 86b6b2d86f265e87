#pragma once

#include <cstdint>

#include "core/clock.hpp"
#include "db/database.hpp"

namespace app::documents {

struct DocumentDeadlineReport {
    std::int64_t reminders = 0;  // DEADLINE_REMINDER notifications sent (one per document and due date)
    std::int64_t overdue = 0;    // documents moved SERVED → OVERDUE
};

// The scheduler's document job (ADR 0010, Scheduler). For every SERVED document with a reply deadline:
//   - from REMINDER_BEFORE_DUE calendar days before the deadline (rule set of the issuing union, in force
//     today) up to the deadline itself, the issuing union's cadres get one DEADLINE_REMINDER;
//   - once the deadline day has passed (Asia/Shanghai), the document becomes OVERDUE, the issuing union is
//     notified (DOCUMENT_OVERDUE) and gets the ESCALATE_DOCUMENT to-do.
// Each action claims its deadline_actions row (scheduler::ClaimDeadlineAction) in the transaction that
// performs it, so two processes running this at once act once. Safe to run at any interval.
DocumentDeadlineReport RunDocumentDeadlines(db::Database& database, const Clock& clock);

}  // namespace app::documents
