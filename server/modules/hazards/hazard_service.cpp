#include "hazards/hazard_service.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <map>
#include <set>

#include "auth/audit.hpp"
#include "auth/data_scope.hpp"
#include "core/calendar_date.hpp"
#include "core/text.hpp"
#include "hazards/hazard_events_api.hpp"
#include "hazards/hazard_internal.hpp"
#include "hazards/hazard_json.hpp"
#include "http/json.hpp"
#include "inbox/inbox_writer.hpp"
#include "organisations/organisation_service.hpp"
#include "rules/rules_service.hpp"

namespace app::hazards {
namespace {

using detail::kManagePermission;
using detail::kViewPermission;

constexpr std::string_view kColumns =
    "SELECT h.id, h.code, h.organisation_id, o.name, o.path, h.enterprise_id, e.name, h.inspection_id,"
    " h.checklist_item_code, h.source, h.category, h.grade, h.major_subgrade, h.major_criterion, h.title,"
    " h.description, h.location, h.immediate_danger, h.found_on, h.found_by, h.rectification_deadline,"
    " h.reply_due, h.recheck_due, h.rectification_plan, h.status, h.status_changed_at, h.rule_set_version_id,"
    " h.created_by, h.created_at, h.updated_at, h.closed_at";
constexpr std::string_view kFrom =
    " FROM hazards h JOIN organisations o ON o.id = h.organisation_id JOIN enterprises e ON e.id = "
    "h.enterprise_id";

// The overdue condition of IsOverdue in SQL; $n is today.
std::string OverdueSql(const std::string& today_placeholder) {
    const std::string& t = today_placeholder;
    return "(h.status IN ('OVERDUE_REPLY', 'OVERDUE_RECTIFICATION') OR (h.status NOT IN ('CLOSED', "
           "'REJECTED',"
           " 'PENDING_VERIFICATION') AND ((h.rectification_deadline <> '' AND h.rectification_deadline < " +
           t + ") OR (h.status = 'NOTIFIED' AND h.reply_due <> '' AND h.reply_due < " + t + "))))";
}

Hazard ReadHazard(const db::Row& row, const std::string& today) {
    Hazard hazard;
    hazard.id = row.GetInt64(0);
    hazard.code = row.GetString(1);
    hazard.organisation_id = row.GetInt64(2);
    hazard.organisation_name = row.GetString(3);
    hazard.organisation_path = row.GetString(4);
    hazard.enterprise_id = row.GetInt64(5);
    hazard.enterprise_name = row.GetString(6);
    hazard.inspection_id = row.GetOptionalInt64(7);
    hazard.checklist_item_code = row.GetString(8);
    hazard.source = row.GetString(9);
    hazard.category = row.GetString(10);
    hazard.grade = row.GetString(11);
    hazard.major_subgrade = row.GetOptionalInt64(12);
    hazard.major_criterion = row.GetString(13);
    hazard.title = row.GetString(14);
    hazard.description = row.GetString(15);
    hazard.location = row.GetString(16);
    hazard.immediate_danger = row.GetBool(17);
    hazard.found_on = row.GetString(18);
    hazard.found_by = row.GetString(19);
    hazard.rectification_deadline = row.GetString(20);
    hazard.reply_due = row.GetString(21);
    hazard.recheck_due = row.GetString(22);
    hazard.rectification_plan = row.GetString(23);
    hazard.status = row.GetString(24);
    hazard.status_changed_at = row.GetInt64(25);
    hazard.rule_set_version_id = row.GetOptionalInt64(26);
    hazard.created_by = row.GetOptionalInt64(27);
    hazard.created_at = row.GetInt64(28);
    hazard.updated_at = row.GetInt64(29);
    hazard.closed_at = row.GetOptionalInt64(30);
    hazard.overdue = IsOverdue(hazard, today);
    return hazard;
}

bool InRange(const std::string& path, const std::pair<std::string, std::string>& range) {
    return path >= range.first && path < range.second;
}

std::optional<Hazard> FindInScope(db::Session& session, const Principal& principal, std::int64_t id,
                                  const std::string& today) {
    auto hazard = detail::FindHazard(session, id, today);
    if (!hazard || !InRange(hazard->organisation_path, auth::ScopeRange(principal))) return std::nullopt;
    return hazard;
}

// `principal`: the caller, whose scope limits the linked documents listed (a document issued by a union
// above the caller's, e.g. the county's notice naming a township's hazard, stays invisible to the township).
void LoadDetail(db::Session& session, const Principal& principal, Hazard& hazard) {
    for (const db::Row row :
         session.Query("SELECT hf.file_id, hf.purpose, hf.event_id, f.media_type, f.original_name,"
                       " f.thumbnail_sha256 FROM hazard_files hf JOIN files f ON f.id = hf.file_id"
                       " WHERE hf.hazard_id = $1 ORDER BY hf.file_id, hf.purpose",
                       hazard.id)) {
        hazard.files.push_back({row.GetInt64(0), row.GetString(1), row.GetOptionalInt64(2), row.GetString(3),
                                row.GetString(4), !row.GetString(5).empty()});
    }
    for (const db::Row row :
         session.Query("SELECT id, event, from_status, to_status, comment, user_id, actor,"
                       " created_at FROM hazard_events WHERE hazard_id = $1 ORDER BY id",
                       hazard.id)) {
        hazard.events.push_back({row.GetInt64(0), row.GetString(1), row.GetString(2), row.GetString(3),
                                 row.GetString(4), row.GetOptionalInt64(5), row.GetString(6),
                                 row.GetInt64(7)});
    }
    for (const db::Row row : session.Query("SELECT id, verification_type, result, verifiers, note, "
                                           "verified_on, event_id, user_id, created_at"
                                           " FROM hazard_verifications WHERE hazard_id = $1 ORDER BY id",
                                           hazard.id)) {
        hazard.verifications.push_back({row.GetInt64(0), row.GetString(1), row.GetString(2), row.GetString(3),
                                        row.GetString(4), row.GetString(5), row.GetOptionalInt64(6),
                                        row.GetOptionalInt64(7), row.GetInt64(8)});
    }
    for (const db::Row row : session.Query(
             "SELECT x.id, x.from_organisation_id, f.name, x.to_organisation_id, t.name, x.to_agency, "
             "x.reason,"
             " x.note, x.automatic, x.sent_at, x.acknowledged_at, x.outcome, x.user_id FROM "
             "hazard_escalations x"
             " JOIN organisations f ON f.id = x.from_organisation_id"
             " LEFT JOIN organisations t ON t.id = x.to_organisation_id WHERE x.hazard_id = $1 ORDER BY x.id",
             hazard.id)) {
        Escalation escalation;
        escalation.id = row.GetInt64(0);
        escalation.from_organisation_id = row.GetInt64(1);
        escalation.from_organisation_name = row.GetString(2);
        escalation.to_organisation_id = row.GetOptionalInt64(3);
        escalation.to_organisation_name = row.GetOptionalString(4).value_or("");
        escalation.to_agency = row.GetString(5);
        escalation.reason = row.GetString(6);
        escalation.note = row.GetString(7);
        escalation.automatic = row.GetBool(8);
        escalation.sent_at = row.GetInt64(9);
        escalation.acknowledged_at = row.GetOptionalInt64(10);
        escalation.outcome = row.GetString(11);
        escalation.user_id = row.GetOptionalInt64(12);
        hazard.escalations.push_back(std::move(escalation));
    }
    const auto [scope_lower, scope_upper] = auth::ScopeRange(principal);
    for (const db::Row row : session.Query(
             "SELECT d.id, d.document_no, d.document_type, d.status, d.title FROM document_hazards dh"
             " JOIN union_documents d ON d.id = dh.document_id JOIN organisations o ON o.id = "
             "d.organisation_id WHERE dh.hazard_id = $1 AND o.path >= $2 AND o.path < $3 ORDER BY d.id",
             hazard.id, scope_lower, scope_upper)) {
        hazard.documents.push_back(
            {row.GetInt64(0), row.GetString(1), row.GetString(2), row.GetString(3), row.GetString(4)});
    }
}

// ORDER BY for a sort key (see HazardService::List); unknown keys are refused.
std::string OrderBy(const std::string& sort) {
    static const std::map<std::string, std::string> kKeys{
        {"id", "h.id"},
        {"foundOn", "h.found_on"},
        {"createdAt", "h.created_at"},
        {"deadline", "h.rectification_deadline"},
        {"code", "h.code"},
        {"status", "h.status"},
        {"grade", "h.grade"},
    };
    if (sort.empty()) return " ORDER BY h.id DESC";
    const bool descending = sort.front() == '-';
    const auto key = kKeys.find(descending ? sort.substr(1) : sort);
    if (key == kKeys.end()) {
        throw Error::InvalidField("sort", {"未知的排序字段",
                                           "Unknown sort key: use id, foundOn, createdAt, deadline,"
                                           " code, status or grade, with '-' for descending"});
    }
    return " ORDER BY " + key->second + (descending ? " DESC" : " ASC") + ", h.id DESC";
}

Page<Hazard> Query(db::Session& session, const RequestContext& context, const HazardFilter& filter,
                   std::int64_t limit, std::int64_t offset, const std::string& today) {
    const auto [scope_lower, scope_upper] = auth::ScopeRange(context.principal);
    const auto [filter_lower, filter_upper] =
        organisations::OrganisationService::SubtreeFilter(session, context.principal, filter.organisation_id);
    std::string statuses;
    for (const std::string& status : filter.statuses) statuses += (statuses.empty() ? "" : ",") + status;
    const std::string escaped = text::EscapeLike(filter.keyword);
    const std::string pattern = "%" + escaped + "%";
    std::string code_pattern = pattern;
    for (char& c : code_pattern) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    // $1/$2 scope, $3/$4 organisation filter, $5 statuses (comma list), $6 grade, $7 category, $8 source,
    // $9 enterprise (0: any), $10 overdue (0/1), $11 today, $12/$13 found on range, $14 keyword, $15/$16
    // patterns.
    const std::string where =
        " WHERE o.path >= $1 AND o.path < $2 AND ($3 = '' OR (o.path >= $3 AND o.path < $4))"
        " AND ($5 = '' OR (',' || $5 || ',') LIKE ('%,' || h.status || ',%')) AND ($6 = '' OR h.grade = $6)"
        " AND ($7 = '' OR h.category = $7) AND ($8 = '' OR h.source = $8) AND ($9 = 0 OR h.enterprise_id = "
        "$9)"
        " AND ($10 = 0 OR " +
        OverdueSql("$11") +
        ") AND ($12 = '' OR h.found_on >= $12) AND ($13 = '' OR h.found_on <= $13)"
        " AND ($14 = '' OR h.code LIKE $16 ESCAPE '\\' OR h.title LIKE $15 ESCAPE '\\'"
        " OR e.name LIKE $15 ESCAPE '\\')";
    const std::int64_t enterprise = filter.enterprise_id.value_or(0);
    const std::int64_t overdue = filter.overdue ? 1 : 0;
    Page<Hazard> page;
    SetCappedTotal(page, session
                             .Query(CappedCountSql(std::string(kFrom) + where), scope_lower, scope_upper,
                                    filter_lower, filter_upper, statuses, filter.grade, filter.category,
                                    filter.source, enterprise, overdue, today, filter.found_from,
                                    filter.found_to, filter.keyword, pattern, code_pattern)
                             .Front()
                             .GetInt64(0));
    // LIMIT bound when many match, literal when few (LimitOffsetSql).
    const std::string statement = std::string(kColumns) + std::string(kFrom) + where + OrderBy(filter.sort);
    const db::Result rows =
        page.total_capped
            ? session.Query(statement + " LIMIT $17 OFFSET $18", scope_lower, scope_upper, filter_lower,
                            filter_upper, statuses, filter.grade, filter.category, filter.source, enterprise,
                            overdue, today, filter.found_from, filter.found_to, filter.keyword, pattern,
                            code_pattern, limit, offset)
            : session.Query(statement + LimitOffsetSql(limit, offset), scope_lower, scope_upper, filter_lower,
                            filter_upper, statuses, filter.grade, filter.category, filter.source, enterprise,
                            overdue, today, filter.found_from, filter.found_to, filter.keyword, pattern,
                            code_pattern);
    for (const db::Row row : rows) page.items.push_back(ReadHazard(row, today));
    return page;
}

std::string AuditJson(const Hazard& hazard) {
    return http::Serialize(HazardToJson(hazard));
}

const LocalizedText kDateFormat{"日期格式为 YYYY-MM-DD", "Use a date like 2026-11-29"};

bool IsDate(const std::string& text) {
    const auto parsed = dates::ParseDate(text);
    return parsed && dates::YearOf(*parsed) <= 2199;
}

bool IsAncestorOrSelf(const std::string& ancestor_path, const std::string& path) {
    return path == ancestor_path || text::StartsWith(path, ancestor_path + "/");
}

// The inspection a hazard comes from must be one the caller may see. Inspections are another module's table
// (migration 0013): while it does not exist, the id is stored unchecked. The integrator adjusts this one
// function if that table names its organisation differently.
bool InspectionVisible(db::Session& session, const Principal& principal, std::int64_t inspection_id) {
    const bool exists =
        session.GetDialect() == db::Dialect::kSqlite
            ? !session.Query("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'inspections'")
                   .Empty()
            : !session.Query("SELECT 1 WHERE to_regclass('inspections') IS NOT NULL").Empty();
    if (!exists) return true;
    const db::Result rows = session.Query(
        "SELECT o.path FROM inspections i JOIN organisations o ON o.id = i.organisation_id WHERE i.id = $1",
        inspection_id);
    return !rows.Empty() && InRange(rows.Front().GetString(0), auth::ScopeRange(principal));
}

// Ids of stored files in the principal's scope (when given); the field's error otherwise.
void CheckFiles(db::Session& session, const Principal* principal, const std::vector<std::int64_t>& ids,
                const std::string& field, Error::FieldErrors& errors) {
    std::set<std::int64_t> seen;
    for (std::int64_t id : ids) {
        const db::Result rows = session.Query(
            "SELECT o.path FROM files f JOIN organisations o ON o.id = f.organisation_id WHERE f.id = $1",
            id);
        const bool visible =
            !rows.Empty() && (!principal || InRange(rows.Front().GetString(0), auth::ScopeRange(*principal)));
        if (!visible || !seen.insert(id).second) {
            errors.emplace(field,
                           LocalizedText{"文件 " + std::to_string(id) + " 不存在、不在您的管理范围内或重复",
                                         "File " + std::to_string(id) +
                                             " does not exist, is outside your scope or is repeated"});
            return;
        }
    }
}

std::string CodeFor(std::int64_t id, EpochMillis now) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "YH%04d%06lld", dates::YearOf(dates::ShanghaiDateOf(now)),
                  static_cast<long long>(id));
    return buffer;
}

// Strict ancestors of an organisation, nearest first.
std::vector<std::int64_t> AncestorsOf(const std::string& path) {
    std::vector<std::int64_t> ids = detail::PathIds(path);
    if (!ids.empty()) ids.pop_back();
    std::reverse(ids.begin(), ids.end());
    return ids;
}

void NotifyMajor(db::Session& session, const Hazard& hazard, EpochMillis now) {
    inbox::NotifyOrganisations(session, AncestorsOf(hazard.organisation_path), kViewPermission,
                               {"MAJOR_HAZARD", "重大隐患：" + hazard.enterprise_name + " " + hazard.title,
                                hazard.code + "（" + hazard.organisation_name + "办理）", "hazard", hazard.id,
                                hazard.organisation_id},
                               now);
}

void OpenTodo(db::Session& session, const Hazard& hazard, std::int64_t organisation_id,
              const std::string& kind, const std::string& title, const std::string& due, EpochMillis now) {
    inbox::OpenTodo(session,
                    {organisation_id, kManagePermission, std::nullopt, kind,
                     title + "：" + hazard.enterprise_name + " " + hazard.title, "hazard", hazard.id, due},
                    now);
}

struct DueFromRule {
    std::string due;
    std::int64_t version_id = 0;
};

// A day-unit rule's due date counted from `today` for the handling organisation, or nullopt.
std::optional<DueFromRule> DueFor(db::Session& session, const Hazard& hazard, std::string_view rule,
                                  const std::string& today) {
    const auto in_force = rules::RuleInForceFor(session, hazard.organisation_path, rule, today);
    if (!in_force || in_force->rule.unit == rules::Unit::kHours) return std::nullopt;
    const auto from = dates::ParseDate(today);
    return DueFromRule{
        dates::FormatDate(rules::DueDate(rules::LoadWorkingCalendar(session), in_force->rule, *from)),
        in_force->version_id};
}

// Error with a field and a code (409 naming `event`).
Error FieldError(ErrorCode code, const std::string& field, LocalizedText message) {
    Error::FieldErrors fields;
    fields.emplace(field, message);
    return Error(code, std::move(message), field, std::move(fields));
}

}  // namespace

bool IsOverdue(const Hazard& hazard, const std::string& today) {
    if (hazard.status == "OVERDUE_REPLY" || hazard.status == "OVERDUE_RECTIFICATION") return true;
    if (hazard.status == "CLOSED" || hazard.status == "REJECTED" || hazard.status == "PENDING_VERIFICATION")
        return false;
    if (!hazard.rectification_deadline.empty() && hazard.rectification_deadline < today) return true;
    return hazard.status == "NOTIFIED" && !hazard.reply_due.empty() && hazard.reply_due < today;
}

namespace detail {

std::optional<Hazard> FindHazard(db::Session& session, std::int64_t id, const std::string& today) {
    const db::Result rows =
        session.Query(std::string(kColumns) + std::string(kFrom) + " WHERE h.id = $1", id);
    if (rows.Empty()) return std::nullopt;
    return ReadHazard(rows.Front(), today);
}

std::vector<std::int64_t> PathIds(const std::string& path) {
    std::vector<std::int64_t> ids;
    std::size_t at = 0;
    while (at < path.size()) {
        const std::size_t start = at + 1;
        std::size_t end = path.find('/', start);
        if (end == std::string::npos) end = path.size();
        if (end > start) ids.push_back(std::stoll(path.substr(start, end - start)));
        at = end;
    }
    return ids;
}

std::string Today(EpochMillis now) {
    return dates::FormatDate(dates::ShanghaiDateOf(now));
}

Hazard ApplyEvent(db::Session& session, const RequestContext& context, const Hazard& before,
                  HazardEvent event, const TransitionInput& input, const Actor& actor, bool check_file_scope,
                  EpochMillis now) {
    const std::string today = Today(now);
    const std::string event_name(EventName(event));
    const auto from = ParseStatus(before.status);
    const auto to = from ? Target(*from, event, input.result == "PASSED") : std::nullopt;
    if (!to) {
        throw FieldError(ErrorCode::kConflict, "event",
                         {"隐患处于“" + before.status + "”状态，不能执行 " + event_name,
                          "A hazard in " + before.status + " does not allow " + event_name});
    }
    if (event == HazardEvent::kRecommendEvacuation && !before.immediate_danger) {
        throw FieldError(ErrorCode::kConflict, "event",
                         {"只有存在现实危险的隐患才能提出撤离建议",
                          "Only a hazard of immediate danger allows an evacuation recommendation"});
    }
    Hazard after = before;
    if (event == HazardEvent::kTriage) {
        if (input.grade) after.grade = *input.grade;
        if (input.category) after.category = *input.category;
    }
    // Evidence belongs to the events that report or verify a rectification; elsewhere it is ignored.
    const bool takes_evidence = event == HazardEvent::kReportRectified || event == HazardEvent::kRecheck ||
                                event == HazardEvent::kAuthorityCloses;
    const std::vector<std::int64_t> evidence =
        takes_evidence ? input.evidence_file_ids : std::vector<std::int64_t>{};
    Error::FieldErrors errors = CheckEventFields(event, input, after.grade, today);
    const Principal* scope = check_file_scope ? &context.principal : nullptr;
    if (evidence.size() > 20) {
        errors.emplace("evidenceFileIds", LocalizedText{"最多 20 份佐证材料", "At most 20 files"});
    } else if (!errors.count("evidenceFileIds")) {
        CheckFiles(session, scope, evidence, "evidenceFileIds", errors);
    }
    // Deadlines from the rule set in force today for the handling organisation, when not given.
    switch (event) {
        case HazardEvent::kTriage:
            if (!input.rectification_deadline.empty()) {
                after.rectification_deadline = input.rectification_deadline;
            } else if (!errors.count("rectificationDeadline")) {
                const auto due = DueFor(session, after, "GENERAL_RECTIFICATION", today);
                if (!due) {
                    errors.emplace("rectificationDeadline",
                                   LocalizedText{"没有生效的一般隐患整改期限规则，请填写整改期限",
                                                 "No rectification rule is in force: give the deadline"});
                } else {
                    after.rectification_deadline = due->due;
                    after.rule_set_version_id = due->version_id;
                }
            }
            break;
        case HazardEvent::kNotify:
            if (!input.reply_due.empty()) {
                after.reply_due = input.reply_due;
            } else if (!errors.count("replyDue")) {
                const auto due = DueFor(session, after, "ENTERPRISE_REPLY", today);
                if (!due) {
                    errors.emplace("replyDue",
                                   LocalizedText{"没有生效的企业答复期限规则，请填写答复期限",
                                                 "No reply rule is in force: give the reply date"});
                } else {
                    after.reply_due = due->due;
                    after.rule_set_version_id = due->version_id;
                }
            }
            break;
        case HazardEvent::kEnterpriseAccept:
            after.rectification_deadline = input.rectification_deadline;
            if (!input.rectification_plan.empty()) after.rectification_plan = input.rectification_plan;
            break;
        case HazardEvent::kAuthorityOrders:
            after.rectification_deadline = input.rectification_deadline;
            break;
        case HazardEvent::kRecheck:
            if (input.result != "PASSED" && !input.rectification_deadline.empty())
                after.rectification_deadline = input.rectification_deadline;
            break;
        case HazardEvent::kReportRectified:
            if (const auto due = DueFor(session, after, "RECHECK_AFTER_DONE", today)) {
                after.recheck_due = due->due;
                after.rule_set_version_id = due->version_id;
            }
            break;
        default:
            break;
    }
    if (!errors.empty()) throw Error::InvalidInput(errors);

    after.status = std::string(StatusName(*to));
    after.status_changed_at = now;
    after.updated_at = now;
    if (*to == HazardStatus::kClosed) after.closed_at = now;
    after.overdue = IsOverdue(after, today);
    // The status moves only from the one read: of two racing transitions, the second changes no row.
    const std::int64_t changed = session.Execute(
        "UPDATE hazards SET status = $1, status_changed_at = $2, updated_at = $2, grade = $3, category = $4,"
        " rectification_deadline = $5, reply_due = $6, recheck_due = $7, rectification_plan = $8,"
        " rule_set_version_id = $9, closed_at = $10 WHERE id = $11 AND status = $12",
        after.status, now, after.grade, after.category, after.rectification_deadline, after.reply_due,
        after.recheck_due, after.rectification_plan, after.rule_set_version_id, after.closed_at, before.id,
        before.status);
    if (changed != 1) {
        throw FieldError(
            ErrorCode::kConflict, "event",
            {"隐患状态已被他人改变，请刷新后重试", "The hazard changed meanwhile: reload and retry"});
    }
    const std::int64_t event_id = session
                                      .Query(
                                          "INSERT INTO hazard_events (hazard_id, event, from_status, "
                                          "to_status, comment, user_id, actor,"
                                          " created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
                                          before.id, event_name, before.status, after.status, input.comment,
                                          actor.user_id, actor.name, now)
                                      .Front()
                                      .GetInt64(0);
    const char* purpose = event == HazardEvent::kReportRectified ? "REPLY_EVIDENCE" : "VERIFICATION_EVIDENCE";
    for (std::int64_t file_id : evidence) {
        session.Execute(
            "INSERT INTO hazard_files (hazard_id, file_id, purpose, event_id) VALUES ($1, $2, $3, $4)"
            " ON CONFLICT DO NOTHING",
            before.id, file_id, std::string(purpose), event_id);
    }
    if (event == HazardEvent::kRecheck) {
        session.Execute(
            "INSERT INTO hazard_verifications (hazard_id, verification_type, result, verifiers, note, "
            "verified_on,"
            " event_id, user_id, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
            before.id,
            input.verification_type.empty() ? std::string("UNION_RECHECK") : input.verification_type,
            input.result, input.verifiers, input.comment, input.verified_on, event_id, actor.user_id, now);
    }

    // To-dos and messages.
    switch (event) {
        case HazardEvent::kTriage:
            inbox::CloseTodos(session, "hazard", before.id, "TRIAGE_HAZARD", now);
            OpenTodo(session, after, after.organisation_id, "SERVE_NOTICE", "送达隐患整改通知书", "", now);
            if (after.grade == kGradeMajor && before.grade != kGradeMajor) NotifyMajor(session, after, now);
            break;
        case HazardEvent::kNotify:
            inbox::CloseTodos(session, "hazard", before.id, "SERVE_NOTICE", now);
            break;
        case HazardEvent::kEnterpriseDispute:
            OpenTodo(session, after, after.organisation_id, "REVIEW_DISPUTE", "研究企业异议", "", now);
            break;
        case HazardEvent::kAcceptDispute:
            inbox::CloseTodos(session, "hazard", before.id, "REVIEW_DISPUTE", now);
            break;
        case HazardEvent::kReportRectified:
            OpenTodo(session, after, after.organisation_id, "RECHECK_HAZARD", "复查隐患整改",
                     after.recheck_due, now);
            break;
        case HazardEvent::kRecheck:
            inbox::CloseTodos(session, "hazard", before.id, "RECHECK_HAZARD", now);
            break;
        case HazardEvent::kAuthorityOrders:
        case HazardEvent::kAuthorityCloses:
            inbox::CloseTodos(session, "hazard", before.id, "HANDLE_ESCALATION", now);
            break;
        case HazardEvent::kEscalate:
        case HazardEvent::kMaintainPosition: {
            inbox::CloseTodos(session, "hazard", before.id, "REVIEW_DISPUTE", now);
            std::vector<std::int64_t> chain = PathIds(after.organisation_path);
            const std::optional<std::int64_t> parent =
                chain.size() >= 2 ? std::optional<std::int64_t>(chain[chain.size() - 2]) : std::nullopt;
            const std::string reason = event == HazardEvent::kEscalate ? "OVERDUE" : "REFUSED";
            session.Execute(
                "INSERT INTO hazard_escalations (hazard_id, from_organisation_id, to_organisation_id, "
                "reason, note,"
                " automatic, sent_at, user_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
                before.id, after.organisation_id, parent, reason, input.comment,
                static_cast<std::int64_t>(actor.automatic ? 1 : 0), now, actor.user_id);
            // The root has no higher union: its own cadres take the case to the authorities.
            const std::int64_t handler = parent.value_or(after.organisation_id);
            OpenTodo(session, after, handler, "HANDLE_ESCALATION", "处理上报的隐患", "", now);
            inbox::NotifyOrganisations(session, {handler}, kViewPermission,
                                       {"HAZARD_ESCALATED",
                                        std::string(actor.automatic ? "逾期自动上报：" : "隐患上报：") +
                                            after.enterprise_name + " " + after.title,
                                        after.code + "（" + after.organisation_name + "上报）", "hazard",
                                        after.id, after.organisation_id},
                                       now);
            break;
        }
        default:
            break;
    }
    // A deadline reminder's to-do lasts until the case moves on (an overdue mark keeps it open).
    if (event != HazardEvent::kMarkOverdue)
        inbox::CloseTodos(session, "hazard", before.id, "FOLLOW_UP_HAZARD", now);
    if (IsFinal(*to)) inbox::CloseTodos(session, "hazard", before.id, std::nullopt, now);

    // Callers without an account (the reply link, the scheduler) are recorded under a fixed name.
    RequestContext audit_context = context;
    if (audit_context.principal.user_id == 0 && audit_context.principal.username.empty()) {
        audit_context.principal.username = actor.automatic || !actor.document_id ? "system" : "reply-link";
    }
    boost::json::object before_json = HazardToJson(before);
    boost::json::object after_json = HazardToJson(after);
    after_json["event"] = event_name;
    if (actor.document_id) after_json["documentId"] = *actor.document_id;
    auth::RecordAudit(session, audit_context,
                      {"transition", "hazard", std::to_string(before.id), http::Serialize(before_json),
                       http::Serialize(after_json), after.organisation_path},
                      now);
    return after;
}

}  // namespace detail

Page<Hazard> HazardService::List(const RequestContext& context, const HazardFilter& filter,
                                 PageRequest page) const {
    const std::string today = detail::Today(clock_.Now());
    return database_.Read([&](db::Session& session) {
        return Query(session, context, filter, page.page_size, page.Offset(), today);
    });
}

std::vector<Hazard> HazardService::ListForExport(const RequestContext& context,
                                                 const HazardFilter& filter) const {
    const std::string today = detail::Today(clock_.Now());
    return database_.Read(
        [&](db::Session& session) { return Query(session, context, filter, kExportLimit, 0, today).items; });
}

Hazard HazardService::Get(const RequestContext& context, std::int64_t id) const {
    const std::string today = detail::Today(clock_.Now());
    return database_.Read([&](db::Session& session) {
        auto hazard = FindInScope(session, context.principal, id, today);
        if (!hazard) throw Error::NotFound("hazard");
        LoadDetail(session, context.principal, *hazard);
        return *hazard;
    });
}

Hazard HazardService::Create(const RequestContext& context, const HazardInput& input) {
    const EpochMillis now = clock_.Now();
    return database_.Write([&](db::Session& session) {
        Hazard created = CreateHazard(session, context, input, now);
        LoadDetail(session, context.principal, created);
        return created;
    });
}

Hazard CreateHazard(db::Session& session, const RequestContext& context, const HazardInput& input,
                    EpochMillis now) {
    const std::string today = detail::Today(now);
    const Principal& principal = context.principal;
    {
        Error::FieldErrors errors;
        const db::Result enterprise =
            session.Query("SELECT organisation_path FROM enterprises WHERE id = $1", input.enterprise_id);
        std::string enterprise_path;
        if (enterprise.Empty() || !InRange(enterprise.Front().GetString(0), auth::ScopeRange(principal))) {
            errors.emplace("enterpriseId",
                           LocalizedText{"企业不存在或不在您的管理范围内",
                                         "The enterprise does not exist or is outside your scope"});
        } else {
            enterprise_path = enterprise.Front().GetString(0);
        }
        const std::int64_t organisation_id = input.organisation_id.value_or(principal.organisation_id);
        const auto organisation =
            organisations::OrganisationService::FindInScope(session, principal, organisation_id);
        if (!organisation) {
            errors.emplace("organisationId",
                           LocalizedText{"办理单位不存在或不在您的管理范围内",
                                         "The organisation does not exist or is outside your scope"});
        } else if (!enterprise_path.empty() && !IsAncestorOrSelf(organisation->path, enterprise_path)) {
            errors.emplace("organisationId",
                           LocalizedText{"办理单位须是企业所在工会或其上级工会",
                                         "The handling union must be the enterprise's own union "
                                         "or one above it"});
        }
        if (!IsSource(input.source))
            errors.emplace("source", LocalizedText{"未知的隐患来源", "Unknown source"});
        if (!IsCategory(input.category))
            errors.emplace("category", LocalizedText{"未知的隐患类别", "Unknown hazard category"});
        if (!IsGrade(input.grade))
            errors.emplace("grade", LocalizedText{"等级只能是一般或重大", "Grade must be GENERAL or MAJOR"});
        if (input.major_subgrade &&
            (input.grade != kGradeMajor || *input.major_subgrade < 1 || *input.major_subgrade > 3)) {
            errors.emplace("majorSubgrade", LocalizedText{"重大隐患的分级为 1–3，一般隐患不填",
                                                          "1–3, for major hazards only"});
        }
        if (!IsDate(input.found_on)) {
            errors.emplace("foundOn", kDateFormat);
        } else if (input.found_on > today) {
            errors.emplace("foundOn",
                           LocalizedText{"发现日期不能晚于今天", "The date found cannot be in the future"});
        }
        if (input.inspection_id && !InspectionVisible(session, principal, *input.inspection_id)) {
            errors.emplace("inspectionId",
                           LocalizedText{"检查记录不存在或不在您的管理范围内",
                                         "The inspection does not exist or is outside your scope"});
        }
        CheckFiles(session, &principal, input.photo_file_ids, "photoFileIds", errors);
        if (!errors.empty()) throw Error::InvalidInput(errors);

        const std::int64_t id =
            session
                .Query(
                    "INSERT INTO hazards (organisation_id, enterprise_id, inspection_id, checklist_item_code,"
                    " source, category, grade, major_subgrade, major_criterion, title, description, location,"
                    " immediate_danger, found_on, found_by, status, status_changed_at, created_by, "
                    "created_at,"
                    " updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15,"
                    " 'REPORTED', $16, $17, $16, $16) RETURNING id",
                    organisation_id, input.enterprise_id, input.inspection_id, input.checklist_item_code,
                    input.source, input.category, input.grade, input.major_subgrade, input.major_criterion,
                    input.title, input.description, input.location,
                    static_cast<std::int64_t>(input.immediate_danger ? 1 : 0), input.found_on, input.found_by,
                    now,
                    principal.user_id > 0 ? std::optional<std::int64_t>(principal.user_id) : std::nullopt)
                .Front()
                .GetInt64(0);
        session.Execute("UPDATE hazards SET code = $1 WHERE id = $2", CodeFor(id, now), id);
        const std::int64_t event_id =
            session
                .Query(
                    "INSERT INTO hazard_events (hazard_id, event, from_status, to_status, comment, user_id,"
                    " actor, created_at) VALUES ($1, 'REPORT', '', 'REPORTED', '', $2, $3, $4) RETURNING id",
                    id, principal.user_id > 0 ? std::optional<std::int64_t>(principal.user_id) : std::nullopt,
                    principal.display_name.empty() ? principal.username : principal.display_name, now)
                .Front()
                .GetInt64(0);
        for (std::int64_t file_id : input.photo_file_ids) {
            session.Execute(
                "INSERT INTO hazard_files (hazard_id, file_id, purpose, event_id) VALUES ($1, $2, 'PHOTO', "
                "$3)",
                id, file_id, event_id);
        }
        Hazard created = *detail::FindHazard(session, id, today);
        OpenTodo(session, created, created.organisation_id, "TRIAGE_HAZARD", "研判隐患", "", now);
        if (created.grade == kGradeMajor) NotifyMajor(session, created, now);
        auth::RecordAudit(session, context,
                          {"create", "hazard", std::to_string(id), std::nullopt, AuditJson(created),
                           created.organisation_path},
                          now);
        return created;
    }
}

Hazard HazardService::Transition(const RequestContext& context, std::int64_t id,
                                 const TransitionInput& input) {
    const EpochMillis now = clock_.Now();
    const auto event = ParseEvent(input.event);
    if (!event)
        throw Error::InvalidField("event", {"未知的事件：" + input.event, "Unknown event: " + input.event});
    return database_.Write([&](db::Session& session) {
        const std::string today = detail::Today(now);
        const auto before = FindInScope(session, context.principal, id, today);
        if (!before) throw Error::NotFound("hazard");
        if (IsSchedulerOnly(*event)) {
            throw FieldError(ErrorCode::kConflict, "event",
                             {"逾期由系统按期限自动标记", "Only the scheduler marks a hazard overdue"});
        }
        const Principal& principal = context.principal;
        const detail::Actor actor{
            principal.user_id > 0 ? std::optional<std::int64_t>(principal.user_id) : std::nullopt,
            principal.display_name.empty() ? principal.username : principal.display_name, false,
            std::nullopt};
        Hazard after = detail::ApplyEvent(session, context, *before, *event, input, actor, true, now);
        LoadDetail(session, context.principal, after);
        return after;
    });
}

void ApplyExternalEvent(db::Session& session, const RequestContext& context, std::int64_t hazard_id,
                        const ExternalEvent& event, EpochMillis now) {
    const auto kind = ParseEvent(event.event);
    static const std::set<std::string> kAllowed{"NOTIFY",           "ENTERPRISE_ACCEPT", "ENTERPRISE_DISPUTE",
                                                "REPORT_RECTIFIED", "MARK_OVERDUE",      "ESCALATE"};
    if (!kind || !kAllowed.count(event.event)) {
        throw Error::InvalidField("event", {"其他模块不能执行此事件：" + event.event,
                                            "Other modules cannot raise this event: " + event.event});
    }
    const auto before = detail::FindHazard(session, hazard_id, detail::Today(now));
    if (!before) throw Error::NotFound("hazard");
    TransitionInput input;
    input.event = event.event;
    input.comment = event.comment;
    input.reply_due = event.reply_due;
    input.rectification_deadline = event.rectification_deadline;
    input.rectification_plan = event.rectification_plan;
    input.evidence_file_ids = event.evidence_file_ids;
    const bool automatic =
        !event.user_id && (*kind == HazardEvent::kMarkOverdue || *kind == HazardEvent::kEscalate);
    const detail::Actor actor{event.user_id, event.actor.empty() ? std::string("系统") : event.actor,
                              automatic, event.document_id};
    detail::ApplyEvent(session, context, *before, *kind, input, actor, context.principal.user_id > 0, now);
}

}  // namespace app::hazards
