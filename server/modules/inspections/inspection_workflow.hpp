#pragma once

#include <optional>
#include <string_view>
#include <vector>

namespace app::inspections {

// Workflow W1 — an inspection (domain model §3.3):
//
//   PLANNED ─START→ IN_PROGRESS ─RECORD_FINDINGS→ FINDINGS_RECORDED ─ACKNOWLEDGE→ ACKNOWLEDGED
//                                                                   ─REFUSE_SIGNATURE→ SIGNATURE_REFUSED
//   ACKNOWLEDGED | SIGNATURE_REFUSED ─FOLLOW_UP→ FOLLOW_UP ─CLOSE→ CLOSED (no open hazard of the inspection)
//   PLANNED ─CANCEL→ CANCELLED
//
// The table below is the only statement of the workflow; the service refuses anything else with 409.
enum class Status {
    kPlanned,
    kInProgress,
    kFindingsRecorded,
    kAcknowledged,
    kSignatureRefused,
    kFollowUp,
    kClosed,
    kCancelled,
};

enum class Event {
    kStart,
    kRecordFindings,
    kAcknowledge,
    kRefuseSignature,
    kFollowUp,
    kClose,
    kCancel,
};

const std::vector<Status>& AllStatuses();
const std::vector<Event>& AllEvents();
std::string_view StatusName(Status status);
std::string_view EventName(Event event);
std::optional<Status> ParseStatus(std::string_view name);
std::optional<Event> ParseEvent(std::string_view name);

// Where `event` leads from `from`, or nullopt when W1 does not allow it.
std::optional<Status> Next(Status from, Event event);
// The events allowed from a status, in the order above.
std::vector<Event> EventsFrom(Status from);

}  // namespace app::inspections
