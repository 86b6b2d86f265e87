#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

// The annual statistical report (统计年报, W11, ADR 0013): one per organisation and statistical year, its
// items (the indicator catalogue's counts and stocks) and its timeline.
namespace app::annual_reports {

inline constexpr const char* kDraft = "DRAFT";
inline constexpr const char* kSubmitted = "SUBMITTED";
inline constexpr const char* kReturned = "RETURNED";
inline constexpr const char* kApproved = "APPROVED";

// Whether an additive item is at least the sum of the children's submitted or approved reports.
enum class CheckResult { kNotChecked, kPassed, kFailed };

struct ReportItem {
    std::string code;
    std::int64_t system_value = 0;
    std::optional<std::int64_t> manual_value;  // replaces the system value when set (§12.4 rule 8)
    std::string note;
    // Additive items only: the sum of the direct children's submitted or approved reports' values.
    std::optional<std::int64_t> children_sum;

    std::int64_t Value() const { return manual_value.value_or(system_value); }
};

struct ReportEvent {
    std::string event;  // CREATE, UPDATE, REFRESH, SUBMIT, RETURN, APPROVE
    std::string from_status;
    std::string to_status;
    std::string comment;
    std::string actor;
    std::int64_t created_at = 0;
};

// What the caller may do with the report now (the web shows the buttons from it).
struct ReportActions {
    bool edit = false;    // save values, refresh, submit
    bool review = false;  // return or approve
};

struct StatisticalReport {
    std::int64_t id = 0;
    std::int64_t organisation_id = 0;
    std::string organisation_name;
    std::string organisation_path;
    std::int64_t organisation_level = 0;
    std::int64_t year = 0;
    std::string status;
    std::string period_from;  // YYYY-MM
    std::string period_to;
    std::string check_note;
    std::string return_comment;
    std::int64_t created_at = 0;
    std::int64_t updated_at = 0;
    std::int64_t refreshed_at = 0;
    std::optional<std::int64_t> submitted_at;
    std::string submitted_by_name;
    std::optional<std::int64_t> submitted_by;
    std::optional<std::int64_t> approved_at;
    std::string approved_by_name;

    // Detail only.
    std::vector<ReportItem> items;
    std::vector<ReportEvent> events;
    std::int64_t children = 0;           // active direct child organisations
    std::int64_t children_reported = 0;  // of which have submitted or had approved this year's report
    ReportActions actions;
};

// One direct child organisation and its report for the year (none yet: nullopt).
struct ChildReportStatus {
    std::int64_t organisation_id = 0;
    std::string name;
    std::int64_t level = 0;
    std::optional<StatisticalReport> report;
};

struct ReportOverview {
    std::int64_t year = 0;
    std::string period_from;
    std::string period_to;
    std::int64_t organisation_id = 0;
    std::string organisation_name;
    std::int64_t organisation_level = 0;
    std::optional<StatisticalReport> report;
    std::vector<ChildReportStatus> children;
    std::int64_t submitted = 0;  // children whose report is SUBMITTED or APPROVED
    std::int64_t approved = 0;   // children whose report is APPROVED
    bool can_create = false;     // the caller may create the organisation's report
};

// The largest manual value: 10^15 (fen of any budget, any count).
inline constexpr std::int64_t kMaxManualValue = 1'000'000'000'000'000;

// One item of a PUT: absent fields are left as they are; a null manual value clears it.
struct ItemInput {
    std::string code;
    bool set_manual = false;
    std::optional<std::int64_t> manual_value;
    std::optional<std::string> note;
};

}  // namespace app::annual_reports
