#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"

// Pure rules of union documents: workflow W4, numbering, who may issue what. No I/O.
namespace app::documents {

// Workflow W4 (domain model §4.1, ADR 0010), the only statement of it; anything else answers 409:
//
//   DRAFT ─issue→ ISSUED ─serve→ SERVED ─reply→ REPLIED ─review ACCEPT→ CLOSED
//   SERVED ─reply_due passed (scheduler)→ OVERDUE ─escalate→ ESCALATED
//   SERVED ─refused→ REFUSED ─escalate→ ESCALATED
//   REPLIED ─review REJECT→ ESCALATED ─review ACCEPT (authority feedback)→ CLOSED
//   OVERDUE ─late reply→ REPLIED
//   any but CLOSED and WITHDRAWN ─withdraw→ WITHDRAWN
enum class DocumentAction {
    kIssue,
    kServe,
    kReply,
    kReviewAccept,
    kReviewReject,
    kMarkOverdue,
    kRefuse,
    kEscalate,
    kWithdraw
};

const std::vector<std::string>& DocumentStatuses();
const std::vector<std::string>& DocumentTypes();
bool IsDocumentType(std::string_view type);

// The status an action leads to from `from`, or nullopt when W4 does not allow it.
std::optional<std::string> NextStatus(std::string_view from, DocumentAction action);
// The route names of the actions allowed from a status ("issue", "serve", "review", "refused", "escalate",
// "withdraw", "reply-links"), for the UI.
std::vector<std::string> AllowedActions(std::string_view status);
// The 409 message for an action W4 does not allow from `from`.
LocalizedText IllegalTransition(std::string_view from, DocumentAction action);

// The short name in a document number: the organisation's name without a trailing 委员会 (a base union's
// "…工会委员会" reads "…工会"), so 玄武区总工会 numbers 玄武区总工会劳保〔2026〕3号.
std::string ShortName(std::string_view organisation_name);
std::string DocumentNumber(std::string_view organisation_name, std::int64_t year, std::int64_t serial);

// 整改建议书 go to a government department: only a local federation of county level or above (地方总工会:
// ACFTU, provincial, city and county federations) may issue one (domain model §4.1, Zhejiang Art 23).
bool MayIssueRecommendation(std::string_view org_type);

// The rule code of a type's default reply deadline: ENTERPRISE_REPLY for a notice, OPINION_REPLY otherwise.
std::string ReplyRuleFor(std::string_view document_type);

// Chinese name of a type (隐患整改通知书, …) and of a status (草稿, …).
std::string TypeLabel(std::string_view document_type);
std::string StatusLabel(std::string_view status);

}  // namespace app::documents
