#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"

// Workflow W2 — the hazard lifecycle (domain model §3.4, ADR 0010): states, events and the only transitions
// allowed. Pure rules, no I/O. The table in hazard_workflow.cpp is the only statement of the workflow; the
// service refuses anything else with 409 and changes nothing.
namespace app::hazards {

enum class HazardStatus {
    kReported,
    kTriaged,
    kRejected,
    kEvacuationRecommended,
    kNotified,
    kRectifying,
    kOverdueReply,
    kDisputed,
    kPendingVerification,
    kOverdueRectification,
    kEscalated,
    kClosed,
};

enum class HazardEvent {
    kTriage,
    kReject,
    kRecommendEvacuation,
    kNotify,
    kEnterpriseAccept,
    kEnterpriseDispute,
    kReportRectified,
    kRecheck,
    kAcceptDispute,
    kMaintainPosition,
    kMarkOverdue,
    kEscalate,
    kAuthorityOrders,
    kAuthorityCloses,
};

const std::vector<HazardStatus>& AllHazardStatuses();
const std::vector<HazardEvent>& AllHazardEvents();
std::string_view StatusName(HazardStatus status);
std::string_view EventName(HazardEvent event);
std::optional<HazardStatus> ParseStatus(std::string_view name);
std::optional<HazardEvent> ParseEvent(std::string_view name);
// The final states: nothing leaves them.
bool IsFinal(HazardStatus status);

// Where `event` takes a hazard in `from`, or nullopt when W2 does not allow it. RECHECK is the one event with
// two targets: CLOSED when `passed`, RECTIFYING otherwise (FAILED, PARTIAL); `passed` is ignored elsewhere.
std::optional<HazardStatus> Target(HazardStatus from, HazardEvent event, bool passed = true);
// The events allowed from a state (the UI offers these).
std::vector<HazardEvent> EventsFrom(HazardStatus from);
// MARK_OVERDUE is raised by the scheduler only; the route refuses it.
bool IsSchedulerOnly(HazardEvent event);

inline constexpr std::string_view kGradeGeneral = "GENERAL";
inline constexpr std::string_view kGradeMajor = "MAJOR";
bool IsGrade(std::string_view grade);
bool IsCategory(std::string_view category);
bool IsSource(std::string_view source);
bool IsVerificationType(std::string_view type);
bool IsRecheckResult(std::string_view result);

// What a transition request carries (the route's JSON, or another module's ExternalEvent).
struct TransitionInput {
    std::string event;
    std::string comment;
    std::optional<std::string> grade;     // TRIAGE may correct it
    std::optional<std::string> category;  // TRIAGE may correct it
    std::string
        rectification_deadline;  // TRIAGE, ENTERPRISE_ACCEPT, AUTHORITY_ORDERS; RECHECK not passed: a new one
    std::string rectification_plan;
    std::string reply_due;
    std::string result;  // RECHECK: PASSED, FAILED, PARTIAL
    std::string
        verification_type;    // RECHECK: UNION_RECHECK (default), ENTERPRISE_SELF_ACCEPTANCE, GOV_ACCEPTANCE
    std::string verifiers;    // RECHECK: names
    std::string verified_on;  // RECHECK: YYYY-MM-DD
    std::vector<std::int64_t> evidence_file_ids;
};

// The required fields of an event (ADR 0010 "Needs"), given the hazard's grade after the event (a TRIAGE may
// change it): each problem named like the JSON field. Checks presence and form only; whether files exist, and
// defaults from the rule set (a GENERAL hazard's rectification deadline on TRIAGE, the reply due on NOTIFY),
// are the service's. `today` (YYYY-MM-DD) bounds the dates: deadlines are not in the past, verifiedOn is not
// in the future.
Error::FieldErrors CheckEventFields(HazardEvent event, const TransitionInput& input, std::string_view grade,
                                    std::string_view today);

}  // namespace app::hazards
