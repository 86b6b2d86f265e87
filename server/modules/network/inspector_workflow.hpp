#pragma once

#include <string_view>
#include <vector>

namespace app::network {

// Workflow W10 — appointment of a labour-protection inspector (domain model §2.4.1):
//
//   NOMINATED → TRAINING → EXAMINED {PASSED | FAILED}     FAILED → TRAINING | CLOSED
//   PASSED → APPOINTED → ACTIVE
//   ACTIVE → SUSPENDED → ACTIVE | REVOKED
//   ACTIVE → TERM_EXPIRED → ACTIVE (re-appointed) | RETIRED
//   ACTIVE → REVOKED | RESIGNED
//
// EXAMINED is not a state of its own: an examination ends in PASSED or FAILED, so those two are the states.
// The table below is the only statement of the workflow; the service refuses anything else with 409.
enum class InspectorStatus {
    kNominated,
    kTraining,
    kPassed,
    kFailed,
    kClosed,
    kAppointed,
    kActive,
    kSuspended,
    kTermExpired,
    kRevoked,
    kResigned,
    kRetired,
};

// Every status with its wire name, in workflow order.
const std::vector<InspectorStatus>& AllInspectorStatuses();
std::string_view InspectorStatusName(InspectorStatus status);
// False when the name is unknown.
bool ParseInspectorStatus(std::string_view name, InspectorStatus& status);

// The statuses an inspector may move to from `from` (empty for the final states).
const std::vector<InspectorStatus>& NextStatuses(InspectorStatus from);
bool IsAllowedTransition(InspectorStatus from, InspectorStatus to);

// Transitions that are an appointment by a higher union: they need the appointing organisation (a strict
// ancestor of the home organisation, inside the caller's scope) and the organisation:inspector:appoint key.
// APPOINTED is the first appointment; TERM_EXPIRED → ACTIVE is a re-appointment.
enum class AppointmentKind { kNone, kFirstAppointment, kReappointment };
AppointmentKind AppointmentKindOf(InspectorStatus from, InspectorStatus to);

}  // namespace app::network
