#include "reports/report_workflow.hpp"

#include "core/calendar_date.hpp"

#include <array>
#include <cstdio>
#include <utility>

namespace app::reports {
namespace {

struct EventInfo {
    ReportEventKind kind;
    std::string_view name;
};

constexpr std::array<EventInfo, 4> kEvents{{{ReportEventKind::kAcknowledge, "ACKNOWLEDGE"},
                                            {ReportEventKind::kAccept, "ACCEPT"},
                                            {ReportEventKind::kMerge, "MERGE"},
                                            {ReportEventKind::kReject, "REJECT"}}};

struct Label {
    std::string_view code;
    std::string_view zh;
    std::string_view en;
};

constexpr std::array<Label, 6> kStatusLabels{{{"SUBMITTED", "已提交，待受理", "Submitted"},
                                              {"UNDER_REVIEW", "已受理，核查中", "Under review"},
                                              {"ACCEPTED", "已立案为隐患", "Accepted as a hazard"},
                                              {"DUPLICATE", "已并入已有隐患", "Merged with a hazard"},
                                              {"REJECTED", "未予立案", "Rejected"},
                                              {"RESOLVED", "隐患已整改", "Hazard rectified"}}};

constexpr std::array<Label, 7> kEventLabels{{{"SUBMIT", "职工提交报告", "Report submitted"},
                                             {"ACKNOWLEDGE", "工会受理", "Acknowledged"},
                                             {"ACCEPT", "立案为隐患", "Accepted as a hazard"},
                                             {"MERGE", "并入已有隐患", "Merged with a hazard"},
                                             {"REJECT", "未予立案", "Rejected"},
                                             {"ESCALATE", "逾期未受理，已报上级工会", "Escalated (overdue)"},
                                             {"RESOLVE", "隐患已整改", "Hazard rectified"}}};

template <std::size_t N>
LocalizedText Find(const std::array<Label, N>& labels, std::string_view code) {
    for (const Label& label : labels) {
        if (label.code == code) return {std::string(label.zh), std::string(label.en)};
    }
    return {std::string(code), std::string(code)};
}

}  // namespace

std::optional<ReportEventKind> ParseEvent(std::string_view name) {
    for (const EventInfo& info : kEvents) {
        if (info.name == name) return info.kind;
    }
    return std::nullopt;
}

std::string_view EventName(ReportEventKind event) {
    for (const EventInfo& info : kEvents) {
        if (info.kind == event) return info.name;
    }
    return "";
}

std::optional<std::string> NextStatus(std::string_view status, ReportEventKind event) {
    const bool open = status == "SUBMITTED" || status == "UNDER_REVIEW";
    switch (event) {
        case ReportEventKind::kAcknowledge:
            if (status == "SUBMITTED") return "UNDER_REVIEW";
            return std::nullopt;
        case ReportEventKind::kAccept:
            if (open) return "ACCEPTED";
            return std::nullopt;
        case ReportEventKind::kMerge:
            if (open) return "DUPLICATE";
            return std::nullopt;
        case ReportEventKind::kReject:
            if (open) return "REJECTED";
            return std::nullopt;
    }
    return std::nullopt;
}

bool IsStatus(std::string_view status) {
    return status == "SUBMITTED" || status == "UNDER_REVIEW" || status == "ACCEPTED" ||
           status == "DUPLICATE" || status == "REJECTED";
}

bool IsAnonymity(std::string_view anonymity) {
    return anonymity == "ANONYMOUS" || anonymity == "NAMED";
}

bool IsMobileNumber(std::string_view phone) {
    if (phone.size() != 11 || phone[0] != '1' || phone[1] < '3' || phone[1] > '9') return false;
    for (const char c : phone) {
        if (c < '0' || c > '9') return false;
    }
    return true;
}

LocalizedText StatusLabel(std::string_view status) {
    return Find(kStatusLabels, status);
}
LocalizedText EventLabel(std::string_view event) {
    return Find(kEventLabels, event);
}

std::string WorkerFacingStatus(std::string_view status, std::string_view hazard_status) {
    if ((status == "ACCEPTED" || status == "DUPLICATE") && hazard_status == "CLOSED") return "RESOLVED";
    return std::string(status);
}

std::string ReportCode(std::int64_t id, std::int64_t at) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "JB%04d%06lld", dates::YearOf(dates::ShanghaiDateOf(at)),
                  static_cast<long long>(id));
    return buffer;
}

std::int64_t TruncateToHour(std::int64_t epoch_millis) {
    constexpr std::int64_t kHour = 60 * 60 * 1000;
    return epoch_millis - epoch_millis % kHour;
}

}  // namespace app::reports
