#include "hazards/hazard_workflow.hpp"

#include <algorithm>
#include <array>
#include <utility>

#include "core/calendar_date.hpp"

namespace app::hazards {
namespace {

using enum HazardStatus;
using enum HazardEvent;

constexpr std::array<std::pair<HazardStatus, std::string_view>, 12> kStatusNames{{
    {kReported, "REPORTED"},
    {kTriaged, "TRIAGED"},
    {kRejected, "REJECTED"},
    {kEvacuationRecommended, "EVACUATION_RECOMMENDED"},
    {kNotified, "NOTIFIED"},
    {kRectifying, "RECTIFYING"},
    {kOverdueReply, "OVERDUE_REPLY"},
    {kDisputed, "DISPUTED"},
    {kPendingVerification, "PENDING_VERIFICATION"},
    {kOverdueRectification, "OVERDUE_RECTIFICATION"},
    {kEscalated, "ESCALATED"},
    {kClosed, "CLOSED"},
}};

constexpr std::array<std::pair<HazardEvent, std::string_view>, 14> kEventNames{{
    {kTriage, "TRIAGE"},
    {kReject, "REJECT"},
    {kRecommendEvacuation, "RECOMMEND_EVACUATION"},
    {kNotify, "NOTIFY"},
    {kEnterpriseAccept, "ENTERPRISE_ACCEPT"},
    {kEnterpriseDispute, "ENTERPRISE_DISPUTE"},
    {kReportRectified, "REPORT_RECTIFIED"},
    {kRecheck, "RECHECK"},
    {kAcceptDispute, "ACCEPT_DISPUTE"},
    {kMaintainPosition, "MAINTAIN_POSITION"},
    {kMarkOverdue, "MARK_OVERDUE"},
    {kEscalate, "ESCALATE"},
    {kAuthorityOrders, "AUTHORITY_ORDERS"},
    {kAuthorityCloses, "AUTHORITY_CLOSES"},
}};

// ADR 0010, "Hazard lifecycle (W2)": one row per (event, from). RECHECK's target is CLOSED when the recheck
// passed and `otherwise` (RECTIFYING) when it did not; every other row has one target.
struct Row {
    HazardEvent event;
    HazardStatus from;
    HazardStatus to;
    std::optional<HazardStatus> otherwise;
};

constexpr std::array<Row, 21> kTable{{
    {kTriage, kReported, kTriaged, std::nullopt},
    {kReject, kReported, kRejected, std::nullopt},
    {kRecommendEvacuation, kTriaged, kEvacuationRecommended, std::nullopt},
    {kNotify, kTriaged, kNotified, std::nullopt},
    {kNotify, kEvacuationRecommended, kNotified, std::nullopt},
    {kEnterpriseAccept, kNotified, kRectifying, std::nullopt},
    {kEnterpriseAccept, kOverdueReply, kRectifying, std::nullopt},
    {kEnterpriseDispute, kNotified, kDisputed, std::nullopt},
    {kEnterpriseDispute, kOverdueReply, kDisputed, std::nullopt},
    {kReportRectified, kRectifying, kPendingVerification, std::nullopt},
    {kReportRectified, kOverdueRectification, kPendingVerification, std::nullopt},
    {kReportRectified, kNotified, kPendingVerification, std::nullopt},
    {kRecheck, kPendingVerification, kClosed, kRectifying},
    {kAcceptDispute, kDisputed, kClosed, std::nullopt},
    {kMaintainPosition, kDisputed, kEscalated, std::nullopt},
    {kMarkOverdue, kNotified, kOverdueReply, std::nullopt},
    {kMarkOverdue, kRectifying, kOverdueRectification, std::nullopt},
    {kEscalate, kOverdueReply, kEscalated, std::nullopt},
    {kEscalate, kOverdueRectification, kEscalated, std::nullopt},
    {kAuthorityOrders, kEscalated, kRectifying, std::nullopt},
    {kAuthorityCloses, kEscalated, kClosed, std::nullopt},
}};

template <typename Enum, std::size_t N>
std::string_view NameOf(const std::array<std::pair<Enum, std::string_view>, N>& names, Enum value) {
    for (const auto& [candidate, name] : names) {
        if (candidate == value) return name;
    }
    return "UNKNOWN";
}

template <typename Enum, std::size_t N>
std::optional<Enum> Parse(const std::array<std::pair<Enum, std::string_view>, N>& names,
                          std::string_view text) {
    for (const auto& [candidate, name] : names) {
        if (name == text) return candidate;
    }
    return std::nullopt;
}

bool OneOf(std::string_view value, std::initializer_list<std::string_view> allowed) {
    return std::find(allowed.begin(), allowed.end(), value) != allowed.end();
}

const LocalizedText kDateFormat{"日期格式为 YYYY-MM-DD", "Use a date like 2026-11-29"};

bool IsDate(std::string_view text) {
    const auto parsed = dates::ParseDate(text);
    return parsed && dates::YearOf(*parsed) <= 2199;
}

// A deadline: required (or optional when empty is allowed), a real date, not before today.
void CheckDeadline(Error::FieldErrors& errors, const std::string& field, const std::string& value,
                   bool required, std::string_view today, const LocalizedText& missing) {
    if (value.empty()) {
        if (required) errors.emplace(field, missing);
        return;
    }
    if (!IsDate(value)) {
        errors.emplace(field, kDateFormat);
    } else if (value < today) {
        errors.emplace(field, LocalizedText{"期限不能早于今天", "The deadline cannot be in the past"});
    }
}

void RequireComment(Error::FieldErrors& errors, const TransitionInput& input, const LocalizedText& message) {
    if (input.comment.empty()) errors.emplace("comment", message);
}

void RequireEvidence(Error::FieldErrors& errors, const TransitionInput& input, const LocalizedText& message) {
    if (input.evidence_file_ids.empty()) errors.emplace("evidenceFileIds", message);
}

}  // namespace

const std::vector<HazardStatus>& AllHazardStatuses() {
    static const std::vector<HazardStatus> all = [] {
        std::vector<HazardStatus> statuses;
        for (const auto& [status, name] : kStatusNames) statuses.push_back(status);
        return statuses;
    }();
    return all;
}

const std::vector<HazardEvent>& AllHazardEvents() {
    static const std::vector<HazardEvent> all = [] {
        std::vector<HazardEvent> events;
        for (const auto& [event, name] : kEventNames) events.push_back(event);
        return events;
    }();
    return all;
}

std::string_view StatusName(HazardStatus status) {
    return NameOf(kStatusNames, status);
}
std::string_view EventName(HazardEvent event) {
    return NameOf(kEventNames, event);
}
std::optional<HazardStatus> ParseStatus(std::string_view name) {
    return Parse(kStatusNames, name);
}
std::optional<HazardEvent> ParseEvent(std::string_view name) {
    return Parse(kEventNames, name);
}

bool IsFinal(HazardStatus status) {
    return status == kClosed || status == kRejected;
}

std::optional<HazardStatus> Target(HazardStatus from, HazardEvent event, bool passed) {
    for (const Row& row : kTable) {
        if (row.event != event || row.from != from) continue;
        if (row.otherwise && !passed) return row.otherwise;
        return row.to;
    }
    return std::nullopt;
}

std::vector<HazardEvent> EventsFrom(HazardStatus from) {
    std::vector<HazardEvent> events;
    for (HazardEvent event : AllHazardEvents()) {
        if (Target(from, event)) events.push_back(event);
    }
    return events;
}

bool IsSchedulerOnly(HazardEvent event) {
    return event == kMarkOverdue;
}

bool IsGrade(std::string_view grade) {
    return grade == kGradeGeneral || grade == kGradeMajor;
}

bool IsCategory(std::string_view category) {
    return OneOf(category, {"UNSAFE_CONDITION", "UNSAFE_ACT", "MANAGEMENT_DEFECT", "OCCUPATIONAL_HEALTH",
                            "ENVIRONMENT"});
}

bool IsSource(std::string_view source) {
    return OneOf(source, {"UNION_INSPECTION", "GROUP_INSPECTOR_LOG", "MASS_SUPERVISOR", "WORKER_REPORT",
                          "ENTERPRISE_SELF_CHECK", "GOV_REFERRAL", "ACCIDENT_FOLLOWUP"});
}

bool IsVerificationType(std::string_view type) {
    return OneOf(type, {"UNION_RECHECK", "ENTERPRISE_SELF_ACCEPTANCE", "GOV_ACCEPTANCE"});
}

bool IsRecheckResult(std::string_view result) {
    return OneOf(result, {"PASSED", "FAILED", "PARTIAL"});
}

Error::FieldErrors CheckEventFields(HazardEvent event, const TransitionInput& input, std::string_view grade,
                                    std::string_view today) {
    Error::FieldErrors errors;
    const bool major = grade == kGradeMajor;
    switch (event) {
        case kTriage:
            if (input.grade && !IsGrade(*input.grade))
                errors.emplace("grade",
                               LocalizedText{"等级只能是一般或重大", "Grade must be GENERAL or MAJOR"});
            if (input.category && !IsCategory(*input.category))
                errors.emplace("category", LocalizedText{"未知的隐患类别", "Unknown hazard category"});
            CheckDeadline(errors, "rectificationDeadline", input.rectification_deadline, major, today,
                          {"重大隐患须规定整改期限", "A major hazard needs a rectification deadline"});
            break;
        case kReject:
            RequireComment(errors, input, {"请说明不予受理的理由", "Give the reason for rejecting"});
            break;
        case kNotify:
            CheckDeadline(errors, "replyDue", input.reply_due, false, today, {});
            break;
        case kEnterpriseAccept:
            CheckDeadline(
                errors, "rectificationDeadline", input.rectification_deadline, true, today,
                {"请填写企业承诺的整改期限", "Give the rectification deadline the enterprise accepted"});
            if (major && input.rectification_plan.empty()) {
                errors.emplace(
                    "rectificationPlan",
                    LocalizedText{"重大隐患须提交整改方案", "A major hazard needs a rectification plan"});
            }
            break;
        case kEnterpriseDispute:
            RequireComment(errors, input, {"请填写企业的异议理由", "Give the enterprise's reasons"});
            break;
        case kReportRectified:
            RequireEvidence(
                errors, input,
                {"请上传整改完成的佐证材料（至少一份）", "Attach at least one piece of evidence"});
            break;
        case kRecheck:
            if (!IsRecheckResult(input.result)) {
                errors.emplace("result", LocalizedText{"请选择复查结论：通过、未通过或部分通过",
                                                       "Choose PASSED, FAILED or PARTIAL"});
            }
            if (!input.verification_type.empty() && !IsVerificationType(input.verification_type)) {
                errors.emplace("verificationType",
                               LocalizedText{"未知的验收方式", "Unknown verification type"});
            }
            if (input.verifiers.empty())
                errors.emplace("verifiers", LocalizedText{"请填写复查人", "Name the verifiers"});
            if (input.verified_on.empty()) {
                errors.emplace("verifiedOn", LocalizedText{"请填写复查日期", "Give the date of the recheck"});
            } else if (!IsDate(input.verified_on)) {
                errors.emplace("verifiedOn", kDateFormat);
            } else if (input.verified_on > today) {
                errors.emplace("verifiedOn", LocalizedText{"复查日期不能晚于今天",
                                                           "The recheck date cannot be in the future"});
            }
            // A failed recheck may set a new rectification deadline.
            CheckDeadline(errors, "rectificationDeadline", input.rectification_deadline, false, today, {});
            if (input.result == "PASSED") {
                RequireEvidence(errors, input,
                                {"复查通过须上传佐证材料，没有佐证不能销号",
                                 "A passed recheck needs evidence: no hazard is closed without it"});
            }
            break;
        case kAcceptDispute:
            RequireComment(errors, input, {"请说明采纳企业异议的理由", "Give the reason for accepting"});
            break;
        case kMaintainPosition:
            RequireComment(errors, input,
                           {"请说明坚持意见的理由", "Give the reason for maintaining the position"});
            break;
        case kAuthorityOrders:
            CheckDeadline(errors, "rectificationDeadline", input.rectification_deadline, true, today,
                          {"请填写责令整改的期限", "Give the deadline the authority ordered"});
            break;
        case kAuthorityCloses:
            RequireEvidence(errors, input, {"核销须上传佐证材料", "Closing by the authority needs evidence"});
            break;
        case kRecommendEvacuation:
        case kMarkOverdue:
        case kEscalate:
            break;
    }
    return errors;
}

}  // namespace app::hazards
