#include "inspections/inspection_workflow.hpp"

#include <array>
#include <utility>

namespace app::inspections {
namespace {

struct Arrow {
    Status from;
    Event event;
    Status to;
};

constexpr std::array kArrows{
    Arrow{Status::kPlanned, Event::kStart, Status::kInProgress},
    Arrow{Status::kPlanned, Event::kCancel, Status::kCancelled},
    Arrow{Status::kInProgress, Event::kRecordFindings, Status::kFindingsRecorded},
    Arrow{Status::kFindingsRecorded, Event::kAcknowledge, Status::kAcknowledged},
    Arrow{Status::kFindingsRecorded, Event::kRefuseSignature, Status::kSignatureRefused},
    Arrow{Status::kAcknowledged, Event::kFollowUp, Status::kFollowUp},
    Arrow{Status::kSignatureRefused, Event::kFollowUp, Status::kFollowUp},
    Arrow{Status::kFollowUp, Event::kClose, Status::kClosed},
};

constexpr std::array<std::pair<Status, std::string_view>, 8> kStatusNames{{
    {Status::kPlanned, "PLANNED"},
    {Status::kInProgress, "IN_PROGRESS"},
    {Status::kFindingsRecorded, "FINDINGS_RECORDED"},
    {Status::kAcknowledged, "ACKNOWLEDGED"},
    {Status::kSignatureRefused, "SIGNATURE_REFUSED"},
    {Status::kFollowUp, "FOLLOW_UP"},
    {Status::kClosed, "CLOSED"},
    {Status::kCancelled, "CANCELLED"},
}};

constexpr std::array<std::pair<Event, std::string_view>, 7> kEventNames{{
    {Event::kStart, "START"},
    {Event::kRecordFindings, "RECORD_FINDINGS"},
    {Event::kAcknowledge, "ACKNOWLEDGE"},
    {Event::kRefuseSignature, "REFUSE_SIGNATURE"},
    {Event::kFollowUp, "FOLLOW_UP"},
    {Event::kClose, "CLOSE"},
    {Event::kCancel, "CANCEL"},
}};

}  // namespace

const std::vector<Status>& AllStatuses() {
    static const std::vector<Status> statuses = [] {
        std::vector<Status> all;
        for (const auto& [status, name] : kStatusNames) all.push_back(status);
        return all;
    }();
    return statuses;
}

const std::vector<Event>& AllEvents() {
    static const std::vector<Event> events = [] {
        std::vector<Event> all;
        for (const auto& [event, name] : kEventNames) all.push_back(event);
        return all;
    }();
    return events;
}

std::string_view StatusName(Status status) {
    for (const auto& [candidate, name] : kStatusNames) {
        if (candidate == status) return name;
    }
    return "";
}

std::string_view EventName(Event event) {
    for (const auto& [candidate, name] : kEventNames) {
        if (candidate == event) return name;
    }
    return "";
}

std::optional<Status> ParseStatus(std::string_view name) {
    for (const auto& [status, candidate] : kStatusNames) {
        if (candidate == name) return status;
    }
    return std::nullopt;
}

std::optional<Event> ParseEvent(std::string_view name) {
    for (const auto& [event, candidate] : kEventNames) {
        if (candidate == name) return event;
    }
    return std::nullopt;
}

std::optional<Status> Next(Status from, Event event) {
    for (const Arrow& arrow : kArrows) {
        if (arrow.from == from && arrow.event == event) return arrow.to;
    }
    return std::nullopt;
}

std::vector<Event> EventsFrom(Status from) {
    std::vector<Event> events;
    for (const Arrow& arrow : kArrows) {
        if (arrow.from == from) events.push_back(arrow.event);
    }
    return events;
}

}  // namespace app::inspections
