#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

// Union documents (工会监督文书, domain model §3.2 UnionDocument, §4.1 workflow W4, ADR 0010): plain structs,
// no I/O. Calendar days are YYYY-MM-DD text (Asia/Shanghai); instants are milliseconds since the epoch.
namespace app::documents {

// The document types this module issues (ADR 0010).
inline constexpr const char* kHazardRectificationNotice = "HAZARD_RECTIFICATION_NOTICE";  // 隐患整改通知书
inline constexpr const char* kLpSupervisionOpinion = "LP_SUPERVISION_OPINION";  // 劳动保护监督检查意见书
inline constexpr const char* kRectificationRecommendation = "RECTIFICATION_RECOMMENDATION";  // 整改建议书

// A hazard named by a document, as the document shows it (read from the hazards module's table).
struct DocumentHazard {
    std::int64_t id = 0;
    std::string code;
    std::string title;
    std::string description;
    std::string location;
    std::string grade;
    std::string status;
    std::string rectification_deadline;
};

struct DocumentFile {
    std::int64_t id = 0;
    std::string purpose;  // ATTACHMENT, REPLY_EVIDENCE
    std::string media_type;
    std::string original_name;
    std::int64_t byte_size = 0;
    std::int64_t created_at = 0;
};

// The newest reply link of a document, without its token (which is never stored).
struct ReplyLinkInfo {
    std::int64_t id = 0;
    std::int64_t expires_at = 0;
    std::optional<std::int64_t> used_at;
    std::optional<std::int64_t> revoked_at;
    std::int64_t created_at = 0;
    std::string state;  // ACTIVE, USED, REVOKED, EXPIRED
};

struct Document {
    std::int64_t id = 0;
    std::int64_t organisation_id = 0;  // the issuing union
    std::string organisation_name;
    std::string organisation_path;  // scope and audit; not part of the API
    std::string organisation_type;  // org_type of the issuing union
    std::string document_type;
    std::optional<std::int64_t> year;    // set when issued
    std::optional<std::int64_t> serial;  // set when issued
    std::string document_no;             // e.g. 玄武区总工会劳保〔2026〕3号; empty until issued
    std::optional<std::int64_t> enterprise_id;
    std::string enterprise_name;
    std::string addressee;
    std::string title;
    std::string content;
    std::string requested_actions;
    std::string signed_by;
    std::string reply_due;
    std::string status;
    std::optional<std::int64_t> issued_at;
    std::optional<std::int64_t> served_at;
    std::string service_method;  // IN_PERSON, POST, ELECTRONIC
    std::optional<std::int64_t> reply_received_at;
    std::string reply_decision;  // ACCEPT, RECTIFIED, DISPUTE
    std::string reply_content;
    std::string reply_plan;
    std::string reply_contact;
    std::string reply_rectification_deadline;
    std::string review_note;
    std::string withdraw_reason;
    std::optional<std::int64_t> rule_set_version_id;  // set when reply_due came from the rule set
    std::int64_t created_at = 0;
    std::int64_t updated_at = 0;
    // Filled by Get only.
    std::vector<DocumentHazard> hazards;
    std::vector<DocumentFile> files;
    std::optional<ReplyLinkInfo> reply_link;
};

struct DocumentInput {
    std::string document_type;
    std::optional<std::int64_t> organisation_id;  // default: the caller's organisation
    std::optional<std::int64_t> enterprise_id;
    std::string addressee;
    std::string title;
    std::string content;
    std::string requested_actions;
    std::vector<std::int64_t> hazard_ids;
    std::string reply_due;  // empty: from the rule set (ENTERPRISE_REPLY / OPINION_REPLY)
};

struct DocumentFilter {
    std::string document_type;
    std::string status;
    std::optional<std::int64_t> year;
    std::optional<std::int64_t> enterprise_id;
    std::optional<std::int64_t> organisation_id;  // the issuing union's subtree
    std::string keyword;                          // document number, title or addressee
};

struct ServeInput {
    std::string service_method;
    std::string served_on;  // YYYY-MM-DD, not after today
};

struct ReviewInput {
    std::string decision;  // ACCEPT → CLOSED, REJECT → ESCALATED
    std::string note;
};

// What POST /documents/{id}/reply-links answers, once.
struct NewReplyLink {
    std::string token;
    std::string url;
    std::int64_t expires_at = 0;
};

// The enterprise's answer through its reply link.
struct ReplyInput {
    std::string decision;  // ACCEPT, RECTIFIED, DISPUTE
    std::string content;
    std::string plan;
    std::string rectification_deadline;
    std::string contact;
    std::vector<std::int64_t> evidence_file_ids;
};

}  // namespace app::documents
