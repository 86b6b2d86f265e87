#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace app::inspections {

// Checklists and inspections (domain model §3.2–3.3, ADR 0011): plain structs, no I/O. Dates are YYYY-MM-DD
// text; instants are milliseconds since the Unix epoch.

// ---- checklist templates (检查表) ----

struct ChecklistItem {
    std::string code;
    std::string text;
    std::string basis_ref;  // the law article the item rests on, e.g. 《安全生产法》第四十五条
    std::int64_t max_score = 0;
    std::string answer_type = "PASS_FAIL_NA";
    bool requires_photo = false;            // a FAIL answer needs at least one photo
    bool requires_note = false;             // a FAIL or NA answer needs a note
    std::string severity_hint = "GENERAL";  // GENERAL, MAJOR (a failed item suggests a 重大事故隐患)
};

struct ChecklistSection {
    std::string title;
    std::vector<ChecklistItem> items;
};

struct ChecklistVersion {
    std::int64_t id = 0;
    std::int64_t template_id = 0;
    std::int64_t version = 0;
    std::string status;  // DRAFT, PUBLISHED
    std::string note;
    std::vector<ChecklistSection> sections;
    std::int64_t created_at = 0;
    std::int64_t updated_at = 0;
    std::optional<std::int64_t> published_at;

    std::int64_t ItemCount() const;
    std::int64_t MaxScore() const;
    const ChecklistItem* FindItem(const std::string& code) const;
};

struct VersionSummary {
    std::int64_t id = 0;
    std::int64_t version = 0;
    std::string status;
    std::string note;
    std::int64_t item_count = 0;
    std::optional<std::int64_t> published_at;
};

struct ChecklistTemplate {
    std::int64_t id = 0;
    std::string code;
    std::string name;
    std::string kind;    // STATUTORY, SEASONAL_CAMPAIGN, MAJOR_HAZARD_CRITERIA, CUSTOM
    std::string season;  // FLOOD, SUMMER, HOLIDAY, RESUMPTION or empty
    std::string description;
    std::optional<std::int64_t> organisation_id;  // nullopt: the provincial library
    std::string organisation_name;
    std::string organisation_path;  // scope and audit; empty for the library
    std::optional<std::int64_t> copied_from_id;
    std::string copied_from_name;
    std::optional<std::int64_t> copied_from_version;
    std::int64_t current_version = 0;  // the latest published version number, 0 before the first
    std::int64_t item_count = 0;       // of the current version
    bool has_draft = false;
    bool editable = false;  // whether the caller may change it (own subtree, or the library for the root)
    std::int64_t created_at = 0;
    std::int64_t updated_at = 0;
    // Detail only.
    std::optional<ChecklistVersion> current;
    std::optional<ChecklistVersion> draft;
    std::vector<VersionSummary> versions;
};

struct ChecklistFilter {
    std::string kind;
    std::string season;
    std::string keyword;  // code or name
    std::string owner;    // LIBRARY, OWN (caller's subtree), INHERITED (ancestors), or empty for all
};

struct TemplateInput {
    std::optional<std::int64_t> organisation_id;  // default: the caller's organisation
    std::string code;
    std::string name;
    std::string kind;
    std::string season;
    std::string description;
    std::vector<ChecklistSection> sections;  // the first draft, may be empty
};

struct TemplateUpdate {
    std::string name;
    std::string season;
    std::string description;
};

struct CopyInput {
    std::optional<std::int64_t> organisation_id;  // default: the caller's organisation
    std::string code;                             // default: the source's code
    std::string name;                             // default: the source's name
};

struct DraftInput {
    std::string note;
    std::vector<ChecklistSection> sections;
};

// ---- inspections (监督检查, W1) ----

struct TeamMember {
    std::optional<std::int64_t> inspector_id;  // a certified inspector (lp_inspectors), or a free-text member
    std::string name;
    std::string certificate_no;
    std::string inspector_status;
};

struct Answer {
    std::string item_code;
    std::string result;  // PASS, FAIL, NA
    std::string note;
    std::vector<std::int64_t> photo_file_ids;
    std::int64_t updated_at = 0;
};

struct LinkedHazard {
    std::int64_t id = 0;
    std::string code;
    std::string title;
    std::string grade;
    std::string status;
    std::string checklist_item_code;
    bool open = false;
};

struct InspectionEvent {
    std::int64_t id = 0;
    std::string event;
    std::string from_status;
    std::string to_status;
    std::string comment;
    std::string username;
    std::int64_t created_at = 0;
};

struct Inspection {
    std::int64_t id = 0;
    std::string code;
    std::int64_t organisation_id = 0;
    std::string organisation_name;
    std::string organisation_path;
    std::int64_t enterprise_id = 0;
    std::string enterprise_name;
    std::string enterprise_address;
    std::string mode;
    std::string authority_name;
    std::string topic;
    std::string planned_date;
    std::int64_t checklist_version_id = 0;
    std::int64_t checklist_template_id = 0;
    std::string checklist_name;
    std::int64_t checklist_version = 0;
    std::string status;
    std::int64_t item_count = 0;
    std::int64_t answered_count = 0;
    std::int64_t failed_count = 0;
    std::int64_t score = 0;
    std::int64_t max_score = 0;
    std::string signatory_name;
    std::string signatory_title;
    std::string refusal_note;
    std::string summary;
    std::string cancel_reason;
    std::optional<std::int64_t> started_at;
    std::optional<std::int64_t> findings_recorded_at;
    std::optional<std::int64_t> signed_at;
    std::optional<std::int64_t> closed_at;
    std::int64_t status_changed_at = 0;
    std::int64_t created_at = 0;
    std::int64_t updated_at = 0;
    std::vector<TeamMember> team;
    // Detail only.
    std::vector<Answer> answers;
    std::optional<ChecklistVersion> checklist;
    std::vector<LinkedHazard> hazards;
    std::vector<InspectionEvent> events;
};

struct InspectionFilter {
    std::optional<std::int64_t> organisation_id;  // organiser in that subtree
    std::optional<std::int64_t> enterprise_id;
    std::string status;
    std::string mode;
    std::string from;  // planned date range, inclusive
    std::string to;
    std::string keyword;  // code, topic or enterprise name
};

struct PlanInput {
    std::optional<std::int64_t> organisation_id;  // default: the caller's organisation
    std::int64_t enterprise_id = 0;
    std::string mode;
    std::string authority_name;  // JOINT_WITH_AUTHORITY: the department, e.g. 玄武区应急管理局
    std::string topic;
    std::string planned_date;
    std::int64_t checklist_id = 0;  // its current published version is pinned
    std::vector<std::int64_t> inspector_ids;
    std::vector<std::string> members;  // free-text members
};

struct AnswerInput {
    std::string item_code;
    std::optional<std::string> result;  // nullopt or "": clear the answer
    std::string note;
    std::vector<std::int64_t> photo_file_ids;
};

struct TransitionInput {
    std::string event;  // START, RECORD_FINDINGS, ACKNOWLEDGE, REFUSE_SIGNATURE, FOLLOW_UP, CLOSE, CANCEL
    std::string comment;
    std::optional<std::vector<std::int64_t>> inspector_ids;  // START: who is on site (replaces the team's)
    std::string signatory_name;                              // ACKNOWLEDGE (required), REFUSE_SIGNATURE
    std::string signatory_title;
    std::optional<std::string> summary;  // RECORD_FINDINGS
};

}  // namespace app::inspections
