#include "network/inspector_workflow.hpp"

#include <algorithm>
#include <array>
#include <utility>

namespace app::network {
namespace {

using enum InspectorStatus;

constexpr std::array<std::pair<InspectorStatus, std::string_view>, 12> kNames{{
    {kNominated, "NOMINATED"},
    {kTraining, "TRAINING"},
    {kPassed, "PASSED"},
    {kFailed, "FAILED"},
    {kClosed, "CLOSED"},
    {kAppointed, "APPOINTED"},
    {kActive, "ACTIVE"},
    {kSuspended, "SUSPENDED"},
    {kTermExpired, "TERM_EXPIRED"},
    {kRevoked, "REVOKED"},
    {kResigned, "RESIGNED"},
    {kRetired, "RETIRED"},
}};

}  // namespace

const std::vector<InspectorStatus>& AllInspectorStatuses() {
    static const std::vector<InspectorStatus> statuses = [] {
        std::vector<InspectorStatus> all;
        for (const auto& [status, name] : kNames) all.push_back(status);
        return all;
    }();
    return statuses;
}

std::string_view InspectorStatusName(InspectorStatus status) {
    for (const auto& [candidate, name] : kNames) {
        if (candidate == status) return name;
    }
    return "UNKNOWN";
}

bool ParseInspectorStatus(std::string_view name, InspectorStatus& status) {
    for (const auto& [candidate, candidate_name] : kNames) {
        if (candidate_name == name) {
            status = candidate;
            return true;
        }
    }
    return false;
}

const std::vector<InspectorStatus>& NextStatuses(InspectorStatus from) {
    static const std::vector<InspectorStatus> kNone;
    static const std::vector<InspectorStatus> kFromNominated{kTraining};
    static const std::vector<InspectorStatus> kFromTraining{kPassed, kFailed};
    static const std::vector<InspectorStatus> kFromFailed{kTraining, kClosed};
    static const std::vector<InspectorStatus> kFromPassed{kAppointed};
    static const std::vector<InspectorStatus> kFromAppointed{kActive};
    static const std::vector<InspectorStatus> kFromActive{kSuspended, kTermExpired, kRevoked, kResigned};
    static const std::vector<InspectorStatus> kFromSuspended{kActive, kRevoked};
    static const std::vector<InspectorStatus> kFromTermExpired{kActive, kRetired};
    switch (from) {
        case kNominated:
            return kFromNominated;
        case kTraining:
            return kFromTraining;
        case kFailed:
            return kFromFailed;
        case kPassed:
            return kFromPassed;
        case kAppointed:
            return kFromAppointed;
        case kActive:
            return kFromActive;
        case kSuspended:
            return kFromSuspended;
        case kTermExpired:
            return kFromTermExpired;
        case kClosed:
        case kRevoked:
        case kResigned:
        case kRetired:
            return kNone;
    }
    return kNone;
}

bool IsAllowedTransition(InspectorStatus from, InspectorStatus to) {
    const auto& next = NextStatuses(from);
    return std::find(next.begin(), next.end(), to) != next.end();
}

AppointmentKind AppointmentKindOf(InspectorStatus from, InspectorStatus to) {
    if (to == kAppointed) return AppointmentKind::kFirstAppointment;
    if (from == kTermExpired && to == kActive) return AppointmentKind::kReappointment;
    return AppointmentKind::kNone;
}

}  // namespace app::network
