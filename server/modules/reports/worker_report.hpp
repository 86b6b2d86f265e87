#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

// Worker hazard reports (职工隐患随手拍, domain model §3.6, ADR 0012): plain structs, no I/O. Dates are
// YYYY-MM-DD (Asia/Shanghai calendar days), instants milliseconds since the Unix epoch.
namespace app::reports {

inline constexpr const char* kAnonymous = "ANONYMOUS";
inline constexpr const char* kNamed = "NAMED";

// A QR code on a wall: opens the report page for an enterprise (and optionally one site).
struct EntryPoint {
    std::int64_t id = 0;
    std::string code;
    std::int64_t enterprise_id = 0;
    std::string enterprise_name;
    std::string site_name;
    std::int64_t organisation_id = 0;  // the enterprise's organisation: the union that answers
    std::string organisation_name;
    std::string organisation_path;
    std::int64_t created_at = 0;
    std::optional<std::int64_t> revoked_at;
};

struct ReportEvent {
    std::string event;  // SUBMIT, ACKNOWLEDGE, ACCEPT, MERGE, REJECT, ESCALATE
    std::string from_status;
    std::string to_status;
    std::string comment;
    std::string actor;  // a cadre's name, the union's name, "职工" or "系统"
    std::int64_t created_at = 0;
};

struct ReportMessage {
    std::int64_t id = 0;
    std::string author;  // WORKER or UNION
    std::string body;
    std::string actor;  // the cadre who wrote it (staff only; the worker sees the union's name)
    std::int64_t created_at = 0;
};

struct ReportPhoto {
    std::int64_t file_id = 0;
    std::string media_type;
    bool has_thumbnail = false;
};

struct WorkerReport {
    std::int64_t id = 0;
    std::string code;  // JB<year><6-digit id>, the staff's reference (not the receipt)
    std::int64_t enterprise_id = 0;
    std::string enterprise_name;
    std::string site_name;
    std::int64_t organisation_id = 0;  // the union that answers
    std::string organisation_name;
    std::string organisation_path;
    std::string category;
    std::string description;
    std::string location;
    std::string anonymity;          // ANONYMOUS or NAMED
    std::string status;             // SUBMITTED, UNDER_REVIEW, ACCEPTED, DUPLICATE, REJECTED
    std::int64_t submitted_at = 0;  // truncated to the hour
    std::string submitted_on;
    std::string acknowledge_due;
    std::optional<std::int64_t> acknowledged_at;
    std::optional<std::int64_t> decided_at;
    std::optional<std::int64_t> overdue_at;
    std::optional<std::int64_t> escalated_to_organisation_id;
    std::string escalated_to_organisation_name;
    std::string reject_reason;
    std::optional<std::int64_t> hazard_id;
    std::string hazard_code;
    std::string hazard_status;
    std::optional<std::int64_t> hazard_closed_at;
    std::int64_t unread_worker_messages = 0;  // messages from the worker the union has not opened
    std::int64_t unread_union_messages = 0;   // messages from the union the worker has not looked up
    bool overdue = false;                     // still SUBMITTED after its acknowledge-due day

    // Filled by Get and the public view only.
    std::vector<ReportPhoto> photos;
    std::vector<ReportEvent> events;
    std::vector<ReportMessage> messages;
};

struct ReportFilter {
    std::string keyword;  // code, enterprise name, description
    std::vector<std::string> statuses;
    std::string anonymity;
    std::optional<std::int64_t> enterprise_id;
    std::optional<std::int64_t> organisation_id;  // subtree
    bool overdue = false;
    std::string submitted_from;  // YYYY-MM-DD inclusive
    std::string submitted_to;
    std::string sort;  // id, submittedAt, acknowledgeDue, status; '-' descending; default newest first
};

// What a worker sends through an entry point.
struct SubmitInput {
    std::string category;
    std::string description;
    std::string location;
    std::string anonymity;
    std::string reporter_name;
    std::string reporter_phone;
    std::vector<std::string> upload_tokens;
};

struct TransitionInput {
    std::string event;  // ACKNOWLEDGE, ACCEPT, MERGE, REJECT
    std::string comment;
    // ACCEPT: the hazard to create.
    std::string grade;
    std::string category;
    std::string title;
    std::string description;
    std::string rectification_deadline;
    // MERGE: the existing hazard this report duplicates.
    std::optional<std::int64_t> hazard_id;
    // REJECT: shown to the worker.
    std::string reason;
};

struct ReporterIdentity {
    std::string name;
    std::string phone;
};

}  // namespace app::reports
