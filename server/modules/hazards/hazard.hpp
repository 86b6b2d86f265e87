#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

// Hazards (事故隐患, domain model §3.2) and their W2 record: plain structs, no I/O. Dates are YYYY-MM-DD
// (Asia/Shanghai calendar days), instants are milliseconds since the Unix epoch.
namespace app::hazards {

struct HazardFile {
    std::int64_t file_id = 0;
    std::string purpose;  // PHOTO, REPLY_EVIDENCE, VERIFICATION_EVIDENCE
    std::optional<std::int64_t> event_id;
    std::string media_type;
    std::string original_name;
    bool has_thumbnail = false;
};

// One step of the case's timeline (hazard_events).
struct TimelineEntry {
    std::int64_t id = 0;
    std::string event;  // REPORT for the creation, else a W2 event
    std::string from_status;
    std::string to_status;
    std::string comment;
    std::optional<std::int64_t> user_id;
    std::string actor;
    std::int64_t created_at = 0;
};

struct Verification {
    std::int64_t id = 0;
    std::string verification_type;
    std::string result;
    std::string verifiers;
    std::string note;
    std::string verified_on;
    std::optional<std::int64_t> event_id;
    std::optional<std::int64_t> user_id;
    std::int64_t created_at = 0;
};

struct Escalation {
    std::int64_t id = 0;
    std::int64_t from_organisation_id = 0;
    std::string from_organisation_name;
    std::optional<std::int64_t> to_organisation_id;
    std::string to_organisation_name;
    std::string to_agency;
    std::string reason;  // OVERDUE, REFUSED
    std::string note;
    bool automatic = false;
    std::int64_t sent_at = 0;
    std::optional<std::int64_t> acknowledged_at;
    std::string outcome;
    std::optional<std::int64_t> user_id;
};

struct LinkedDocument {
    std::int64_t id = 0;
    std::string document_no;
    std::string document_type;
    std::string status;
    std::string title;
};

struct Hazard {
    std::int64_t id = 0;
    std::string code;                  // YH<year><6-digit id>
    std::int64_t organisation_id = 0;  // the handling union
    std::string organisation_name;
    std::string organisation_path;  // for scope and audit; not part of the API
    std::int64_t enterprise_id = 0;
    std::string enterprise_name;
    std::optional<std::int64_t> inspection_id;
    std::string checklist_item_code;
    std::string source;
    std::string category;
    std::string grade;
    std::optional<std::int64_t> major_subgrade;
    std::string major_criterion;
    std::string title;
    std::string description;
    std::string location;
    bool immediate_danger = false;
    std::string found_on;
    std::string found_by;
    std::string rectification_deadline;
    std::string reply_due;
    std::string recheck_due;
    std::string rectification_plan;
    std::string status;
    std::int64_t status_changed_at = 0;
    std::optional<std::int64_t> rule_set_version_id;
    std::optional<std::int64_t> created_by;
    std::int64_t created_at = 0;
    std::int64_t updated_at = 0;
    std::optional<std::int64_t> closed_at;
    bool overdue = false;  // a deadline has passed and the case is still open (see IsOverdue)

    // Filled by Get only.
    std::vector<HazardFile> files;
    std::vector<TimelineEntry> events;
    std::vector<Verification> verifications;
    std::vector<Escalation> escalations;
    std::vector<LinkedDocument> documents;
};

struct HazardInput {
    std::int64_t enterprise_id = 0;
    std::optional<std::int64_t> organisation_id;  // default: the caller's organisation
    std::optional<std::int64_t> inspection_id;
    std::string checklist_item_code;
    std::string source;
    std::string category;
    std::string grade;
    std::optional<std::int64_t> major_subgrade;
    std::string major_criterion;
    std::string title;
    std::string description;
    std::string location;
    bool immediate_danger = false;
    std::string found_on;
    std::string found_by;
    std::vector<std::int64_t> photo_file_ids;
};

struct HazardFilter {
    std::string keyword;                // code, title or enterprise name
    std::vector<std::string> statuses;  // any of these; empty: all
    std::string grade;
    std::string category;
    std::string source;
    std::optional<std::int64_t> enterprise_id;
    std::optional<std::int64_t> organisation_id;  // the handling organisation's subtree
    bool overdue = false;
    std::string found_from;  // YYYY-MM-DD, inclusive
    std::string found_to;    // YYYY-MM-DD, inclusive
    std::string sort;        // see HazardService::List
};

// Whether an open case has a passed deadline on `today`: marked overdue by the scheduler, or its reply or
// rectification deadline lies before today while it waits for that reply or rectification.
bool IsOverdue(const Hazard& hazard, const std::string& today);

}  // namespace app::hazards
