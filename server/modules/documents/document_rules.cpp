#include "documents/document_rules.hpp"

#include <algorithm>
#include <map>

#include "documents/document.hpp"

namespace app::documents {
namespace {

struct Arrow {
    const char* from;
    DocumentAction action;
    const char* to;
};

// W4 without WITHDRAW (which leaves every state but CLOSED and WITHDRAWN).
constexpr Arrow kArrows[] = {
    {"DRAFT", DocumentAction::kIssue, "ISSUED"},
    {"ISSUED", DocumentAction::kServe, "SERVED"},
    {"SERVED", DocumentAction::kReply, "REPLIED"},
    {"OVERDUE", DocumentAction::kReply, "REPLIED"},
    {"REPLIED", DocumentAction::kReviewAccept, "CLOSED"},
    {"REPLIED", DocumentAction::kReviewReject, "ESCALATED"},
    {"ESCALATED", DocumentAction::kReviewAccept, "CLOSED"},
    {"SERVED", DocumentAction::kMarkOverdue, "OVERDUE"},
    {"SERVED", DocumentAction::kRefuse, "REFUSED"},
    {"OVERDUE", DocumentAction::kEscalate, "ESCALATED"},
    {"REFUSED", DocumentAction::kEscalate, "ESCALATED"},
};

const char* ActionName(DocumentAction action) {
    switch (action) {
        case DocumentAction::kIssue:
            return "issue";
        case DocumentAction::kServe:
            return "serve";
        case DocumentAction::kReply:
            return "reply";
        case DocumentAction::kReviewAccept:
        case DocumentAction::kReviewReject:
            return "review";
        case DocumentAction::kMarkOverdue:
            return "overdue";
        case DocumentAction::kRefuse:
            return "refused";
        case DocumentAction::kEscalate:
            return "escalate";
        case DocumentAction::kWithdraw:
            return "withdraw";
    }
    return "";
}

const char* ActionLabel(DocumentAction action) {
    switch (action) {
        case DocumentAction::kIssue:
            return "签发";
        case DocumentAction::kServe:
            return "送达";
        case DocumentAction::kReply:
            return "回复";
        case DocumentAction::kReviewAccept:
        case DocumentAction::kReviewReject:
            return "审查回复";
        case DocumentAction::kMarkOverdue:
            return "标记逾期";
        case DocumentAction::kRefuse:
            return "登记拒收";
        case DocumentAction::kEscalate:
            return "上报";
        case DocumentAction::kWithdraw:
            return "撤回";
    }
    return "";
}

bool EndsWith(std::string_view text, std::string_view suffix) {
    return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

}  // namespace

const std::vector<std::string>& DocumentStatuses() {
    static const std::vector<std::string> kStatuses{"DRAFT",   "ISSUED",    "SERVED", "REPLIED",  "OVERDUE",
                                                    "REFUSED", "ESCALATED", "CLOSED", "WITHDRAWN"};
    return kStatuses;
}

const std::vector<std::string>& DocumentTypes() {
    static const std::vector<std::string> kTypes{kHazardRectificationNotice, kLpSupervisionOpinion,
                                                 kRectificationRecommendation};
    return kTypes;
}

bool IsDocumentType(std::string_view type) {
    const auto& types = DocumentTypes();
    return std::find(types.begin(), types.end(), type) != types.end();
}

std::optional<std::string> NextStatus(std::string_view from, DocumentAction action) {
    if (action == DocumentAction::kWithdraw) {
        const auto& statuses = DocumentStatuses();
        if (from == "CLOSED" || from == "WITHDRAWN" ||
            std::find(statuses.begin(), statuses.end(), from) == statuses.end())
            return std::nullopt;
        return "WITHDRAWN";
    }
    for (const Arrow& arrow : kArrows) {
        if (arrow.from == from && arrow.action == action) return std::string(arrow.to);
    }
    return std::nullopt;
}

std::vector<std::string> AllowedActions(std::string_view status) {
    std::vector<std::string> actions;
    auto add = [&](DocumentAction action, const char* name) {
        if (NextStatus(status, action) && std::find(actions.begin(), actions.end(), name) == actions.end())
            actions.emplace_back(name);
    };
    if (status == "DRAFT") actions.emplace_back("edit");
    add(DocumentAction::kIssue, "issue");
    add(DocumentAction::kServe, "serve");
    if (status == "SERVED") actions.emplace_back("reply-links");
    add(DocumentAction::kReviewAccept, "review");
    add(DocumentAction::kRefuse, "refused");
    add(DocumentAction::kEscalate, "escalate");
    add(DocumentAction::kWithdraw, "withdraw");
    return actions;
}

LocalizedText IllegalTransition(std::string_view from, DocumentAction action) {
    return {"文书当前状态为“" + StatusLabel(from) + "”，不能" + ActionLabel(action),
            "A document in status " + std::string(from) + " cannot take the action " + ActionName(action)};
}

std::string ShortName(std::string_view organisation_name) {
    std::string_view name = organisation_name;
    if (EndsWith(name, "工会委员会")) name.remove_suffix(std::string_view("委员会").size());
    return std::string(name);
}

std::string DocumentNumber(std::string_view organisation_name, std::int64_t year, std::int64_t serial) {
    return ShortName(organisation_name) + "劳保〔" + std::to_string(year) + "〕" + std::to_string(serial) +
           "号";
}

bool MayIssueRecommendation(std::string_view org_type) {
    return org_type == "ACFTU" || org_type == "PROVINCIAL_FED" || org_type == "CITY_FED" ||
           org_type == "COUNTY_FED";
}

std::string ReplyRuleFor(std::string_view document_type) {
    return document_type == kHazardRectificationNotice ? "ENTERPRISE_REPLY" : "OPINION_REPLY";
}

std::string TypeLabel(std::string_view document_type) {
    if (document_type == kHazardRectificationNotice) return "隐患整改通知书";
    if (document_type == kLpSupervisionOpinion) return "劳动保护监督检查意见书";
    if (document_type == kRectificationRecommendation) return "整改建议书";
    return std::string(document_type);
}

std::string StatusLabel(std::string_view status) {
    static const std::map<std::string, std::string, std::less<>> kLabels{
        {"DRAFT", "草稿"},       {"ISSUED", "已签发"},    {"SERVED", "已送达"},
        {"REPLIED", "已回复"},   {"OVERDUE", "逾期未复"}, {"REFUSED", "拒收"},
        {"ESCALATED", "已上报"}, {"CLOSED", "已办结"},    {"WITHDRAWN", "已撤回"}};
    const auto found = kLabels.find(status);
    return found == kLabels.end() ? std::string(status) : found->second;
}

}  // namespace app::documents
