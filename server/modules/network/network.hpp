#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace app::network {

// The labour-protection supervision network (domain model §2.3, §2.4): plain structs, no I/O. Dates are
// YYYY-MM-DD text; an empty string means "not recorded".

// ---- 基层工会劳动保护监督检查委员会 (LPCommittee) ----

struct CommitteeMember {
    std::string name;
    std::string role;  // CHAIR, VICE_CHAIR, MEMBER
    std::string phone;
    std::string position;  // job or union post, e.g. 工会副主席
};

struct Committee {
    std::int64_t id = 0;
    std::int64_t organisation_id = 0;  // the union that set it up (usually a base union)
    std::string organisation_name;
    std::string organisation_path;  // for scope and audit; not part of the API
    std::string established_on;
    std::string approved_by;  // the union committee resolution that approved it
    std::string term_end;
    std::string status = "ACTIVE";  // ACTIVE, EXPIRED, DISSOLVED
    std::vector<CommitteeMember> members;
    std::int64_t created_at = 0;
    std::int64_t updated_at = 0;
};

struct CommitteeInput {
    std::int64_t organisation_id = 0;
    std::string established_on;
    std::string approved_by;
    std::string term_end;
    std::string status = "ACTIVE";
    std::vector<CommitteeMember> members;
};

struct CommitteeFilter {
    std::optional<std::int64_t> organisation_id;  // that organisation's subtree
    std::string status;
    std::string keyword;  // organisation name or a member's name
};

// Size rules of an ACTIVE committee. The 1985 regulation says 7–15 members, one chair and one or two
// vice-chairs; smaller unions appoint a single 委员 instead of a committee, so a size outside the range is
// refused rather than warned about. The range is a service parameter so a province can set its own.
struct CommitteeRules {
    int min_members = 7;
    int max_members = 15;
    int max_vice_chairs = 2;
};

// ---- 工会劳动保护监督检查员 (LPInspector) and workflow W10 ----

struct Inspector {
    std::int64_t id = 0;
    std::string name;
    std::string gender;  // MALE, FEMALE or empty
    std::string phone;
    std::int64_t home_organisation_id = 0;  // where the inspector works
    std::string home_organisation_name;
    std::string home_organisation_path;  // scope and audit
    std::optional<std::int64_t> appointing_organisation_id;
    std::string appointing_organisation_name;
    std::string certificate_no;    // empty until appointed
    std::string employment_mode;   // FULLTIME, PARTTIME, SPECIALLY_INVITED
    std::string appointment_date;  // set by the APPOINTED transition
    std::string term_end;
    std::string status = "NOMINATED";
    std::string notes;
    std::int64_t created_at = 0;
    std::int64_t updated_at = 0;
};

// What a form may change; the status, appointing organisation, certificate and appointment date change only
// through transitions.
struct InspectorInput {
    std::string name;
    std::string gender;
    std::string phone;
    std::int64_t home_organisation_id = 0;
    std::string employment_mode;
    std::string term_end;
    std::string notes;
};

struct InspectorFilter {
    std::optional<std::int64_t> organisation_id;  // home organisation in that subtree
    std::string status;
    std::string employment_mode;
    std::string keyword;  // name or certificate number
};

struct TransitionInput {
    std::string to;
    std::string date;
    std::string note;
    std::optional<std::int64_t> appointing_organisation_id;  // appointment and re-appointment
    std::string certificate_no;                              // appointment
    std::string term_end;                                    // appointment and re-appointment, optional
};

struct StatusChange {
    std::int64_t id = 0;
    std::string from_status;  // empty for the nomination that created the record
    std::string to_status;
    std::string date;
    std::string note;
    std::optional<std::int64_t> user_id;
    std::string username;
    std::int64_t created_at = 0;
};

// ---- 工会小组劳动保护检查员 and 群众安全生产监督员 (GroupInspector, MassSupervisor) ----

struct Volunteer {
    std::int64_t id = 0;
    std::string kind;     // GROUP_INSPECTOR, MASS_SUPERVISOR
    std::string subtype;  // mass supervisors: COAL_MASS_SUPERVISOR, SPECIAL_EQUIPMENT_WORKER_SUPERVISOR, …
    std::string name;
    std::string phone;
    std::int64_t organisation_id = 0;
    std::string organisation_name;
    std::string organisation_path;
    std::optional<std::int64_t> enterprise_id;
    std::string enterprise_name;
    std::string team;  // 班组 / 工会小组
    std::string appointed_on;
    std::string term_end;
    std::string status = "ACTIVE";  // ACTIVE, TERM_EXPIRED, LEFT
    std::int64_t created_at = 0;
    std::int64_t updated_at = 0;
};

struct VolunteerInput {
    std::string kind;
    std::string subtype;
    std::string name;
    std::string phone;
    std::int64_t organisation_id = 0;
    std::optional<std::int64_t> enterprise_id;
    std::string team;
    std::string appointed_on;
    std::string term_end;
    std::string status = "ACTIVE";
};

struct VolunteerFilter {
    std::optional<std::int64_t> organisation_id;
    std::string kind;
    std::string status;
    std::string keyword;  // name or team
};

// ---- 劳动保护机构与力量, 经费 (LPStaffing) ----

struct Staffing {
    std::int64_t id = 0;
    std::int64_t organisation_id = 0;
    std::string organisation_name;
    std::string organisation_path;
    std::int64_t year = 0;
    bool has_lp_department = false;
    std::string lp_department_name;
    std::int64_t fulltime_lp_cadres = 0;
    std::int64_t parttime_lp_cadres = 0;
    std::int64_t authorised_posts = 0;
    std::int64_t budget_planned_fen = 0;  // money in fen (分): exact, never floating point
    std::int64_t budget_spent_fen = 0;
    std::string notes;
    std::int64_t created_at = 0;
    std::int64_t updated_at = 0;
};

struct StaffingInput {
    std::int64_t organisation_id = 0;
    std::int64_t year = 0;
    bool has_lp_department = false;
    std::string lp_department_name;
    std::int64_t fulltime_lp_cadres = 0;
    std::int64_t parttime_lp_cadres = 0;
    std::int64_t authorised_posts = 0;
    std::int64_t budget_planned_fen = 0;
    std::int64_t budget_spent_fen = 0;
    std::string notes;
};

struct StaffingFilter {
    std::optional<std::int64_t> organisation_id;
    std::optional<std::int64_t> year;
};

// Sums over every row the filter matches (not only the page shown).
struct StaffingTotals {
    std::int64_t organisations = 0;
    std::int64_t with_department = 0;
    std::int64_t fulltime_lp_cadres = 0;
    std::int64_t parttime_lp_cadres = 0;
    std::int64_t authorised_posts = 0;
    std::int64_t budget_planned_fen = 0;
    std::int64_t budget_spent_fen = 0;
};

struct StaffingPage {
    std::vector<Staffing> items;
    std::int64_t total = 0;
    StaffingTotals totals;
};

}  // namespace app::network
