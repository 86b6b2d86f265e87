#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/principal.hpp"
#include "db/session.hpp"
#include "hazards/hazard.hpp"

// The hazards module's API for other modules (documents, reports, the scheduler): they create a hazard or
// move one through W2 (ADR 0010) only through these functions, never by writing the hazard tables themselves.
namespace app::hazards {

struct ExternalEvent {
    std::string
        event;  // NOTIFY, ENTERPRISE_ACCEPT, ENTERPRISE_DISPUTE, REPORT_RECTIFIED, MARK_OVERDUE, ESCALATE
    std::string comment;
    std::string actor;  // shown in the timeline: a user's name, "企业（<name>）", "系统"
    std::optional<std::int64_t> user_id;          // empty for the enterprise's reply link and the scheduler
    std::string reply_due;                        // NOTIFY
    std::string rectification_deadline;           // ENTERPRISE_ACCEPT
    std::string rectification_plan;               // ENTERPRISE_ACCEPT
    std::vector<std::int64_t> evidence_file_ids;  // REPORT_RECTIFIED (stored as REPLY_EVIDENCE)
    std::optional<std::int64_t> document_id;      // the union document that caused it, if any
};

// Applies an event raised by another module (documents, the scheduler) inside the caller's transaction, with
// the same checks as the route: an illegal transition throws the 409 error and writes nothing. The caller has
// already decided that the hazard concerns it (documents: the hazard is linked to the document); no
// data-scope check is made here, so a context without a principal (the reply link, the scheduler) works.
// Missing or invalid fields throw Error(kInvalidInput) with the field named like the route's JSON field
// (replyDue, rectificationDeadline, rectificationPlan, evidenceFileIds, comment); an unknown hazard throws
// Error::NotFound.
void ApplyExternalEvent(db::Session& session, const RequestContext& context, std::int64_t hazard_id,
                        const ExternalEvent& event, EpochMillis now);

// Creates a hazard inside the caller's transaction with exactly the checks of POST /hazards for
// context.principal (enterprise and handling union in scope, fields, photos in scope): the reports module
// uses it when a worker report is accepted. Returns the hazard without its detail lists.
Hazard CreateHazard(db::Session& session, const RequestContext& context, const HazardInput& input,
                    EpochMillis now);

}  // namespace app::hazards
