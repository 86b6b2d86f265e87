#include "inspections/inspection_service.hpp"

#include <boost/json/array.hpp>
#include <map>
#include <set>

#include "auth/audit.hpp"
#include "auth/data_scope.hpp"
#include "core/calendar_date.hpp"
#include "core/text.hpp"
#include "http/json.hpp"
#include "inspections/checklist_service.hpp"
#include "inspections/inspection_workflow.hpp"
#include "inspections/inspections_json.hpp"
#include "organisations/organisation_service.hpp"

namespace app::inspections {
namespace {

constexpr std::string_view kColumns =
    "SELECT n.id, n.code, n.organisation_id, o.name, o.path, n.enterprise_id, e.name, e.address, n.mode,"
    " n.authority_name, n.topic, n.planned_date, n.checklist_version_id, v.template_id, t.name, v.version,"
    " n.status, n.item_count, n.answered_count, n.failed_count, n.score, n.max_score, n.signatory_name,"
    " n.signatory_title, n.refusal_note, n.summary, n.cancel_reason, n.started_at, n.findings_recorded_at,"
    " n.signed_at, n.closed_at, n.status_changed_at, n.created_at, n.updated_at";
constexpr std::string_view kFrom =
    " FROM inspections n JOIN organisations o ON o.id = n.organisation_id"
    " JOIN enterprises e ON e.id = n.enterprise_id JOIN checklist_versions v ON v.id = n.checklist_version_id"
    " JOIN checklist_templates t ON t.id = v.template_id";
// $1/$2 scope, $3/$4 organisation filter, $5 status, $6 mode, $7 enterprise (0: any), $8/$9 planned date
// range, $10 keyword, $11 its lower-case pattern.
constexpr std::string_view kFilter =
    " WHERE o.path >= $1 AND o.path < $2 AND ($3 = '' OR (o.path >= $3 AND o.path < $4))"
    " AND ($5 = '' OR n.status = $5) AND ($6 = '' OR n.mode = $6) AND ($7 = 0 OR n.enterprise_id = $7)"
    " AND ($8 = '' OR n.planned_date >= $8) AND ($9 = '' OR n.planned_date <= $9)"
    " AND ($10 = '' OR LOWER(n.code) LIKE $11 ESCAPE '\\' OR LOWER(n.topic) LIKE $11 ESCAPE '\\'"
    " OR LOWER(e.name) LIKE $11 ESCAPE '\\')";

const LocalizedText kOrganisationOutOfScope{"组织不存在或不在您的管理范围内",
                                            "The organisation does not exist or is outside your scope"};
const LocalizedText kDateFormat{"日期格式为 YYYY-MM-DD", "Use a date like 2026-11-29"};

bool InRange(const std::string& path, const std::pair<std::string, std::string>& range) {
    return path >= range.first && path < range.second;
}

// Whether `ancestor` is the organisation at `path` or one above it.
bool IsAncestorOrSelf(const std::string& ancestor, const std::string& path) {
    return !ancestor.empty() && path.compare(0, ancestor.size(), ancestor) == 0 &&
           (path.size() == ancestor.size() || path[ancestor.size()] == '/');
}

std::optional<std::int64_t> UserOf(const RequestContext& context) {
    return context.principal.user_id > 0 ? std::optional<std::int64_t>(context.principal.user_id)
                                         : std::nullopt;
}

Inspection ReadInspection(const db::Row& row) {
    Inspection inspection;
    inspection.id = row.GetInt64(0);
    inspection.code = row.GetString(1);
    inspection.organisation_id = row.GetInt64(2);
    inspection.organisation_name = row.GetString(3);
    inspection.organisation_path = row.GetString(4);
    inspection.enterprise_id = row.GetInt64(5);
    inspection.enterprise_name = row.GetString(6);
    inspection.enterprise_address = row.GetString(7);
    inspection.mode = row.GetString(8);
    inspection.authority_name = row.GetString(9);
    inspection.topic = row.GetString(10);
    inspection.planned_date = row.GetString(11);
    inspection.checklist_version_id = row.GetInt64(12);
    inspection.checklist_template_id = row.GetInt64(13);
    inspection.checklist_name = row.GetString(14);
    inspection.checklist_version = row.GetInt64(15);
    inspection.status = row.GetString(16);
    inspection.item_count = row.GetInt64(17);
    inspection.answered_count = row.GetInt64(18);
    inspection.failed_count = row.GetInt64(19);
    inspection.score = row.GetInt64(20);
    inspection.max_score = row.GetInt64(21);
    inspection.signatory_name = row.GetString(22);
    inspection.signatory_title = row.GetString(23);
    inspection.refusal_note = row.GetString(24);
    inspection.summary = row.GetString(25);
    inspection.cancel_reason = row.GetString(26);
    inspection.started_at = row.GetOptionalInt64(27);
    inspection.findings_recorded_at = row.GetOptionalInt64(28);
    inspection.signed_at = row.GetOptionalInt64(29);
    inspection.closed_at = row.GetOptionalInt64(30);
    inspection.status_changed_at = row.GetInt64(31);
    inspection.created_at = row.GetInt64(32);
    inspection.updated_at = row.GetInt64(33);
    return inspection;
}

std::vector<TeamMember> LoadTeam(db::Session& session, std::int64_t id) {
    std::vector<TeamMember> team;
    for (const db::Row row :
         session.Query("SELECT m.inspector_id, m.name, COALESCE(i.certificate_no, ''), COALESCE(i.status, '')"
                       " FROM inspection_team m LEFT JOIN lp_inspectors i ON i.id = m.inspector_id"
                       " WHERE m.inspection_id = $1 ORDER BY m.position",
                       id)) {
        team.push_back({row.GetOptionalInt64(0), row.GetString(1), row.GetString(2), row.GetString(3)});
    }
    return team;
}

std::vector<Answer> LoadAnswers(db::Session& session, std::int64_t id) {
    std::vector<Answer> answers;
    std::map<std::string, std::size_t> index;
    for (const db::Row row : session.Query(
             "SELECT item_code, result, note, updated_at FROM inspection_answers WHERE inspection_id = $1"
             " ORDER BY item_code",
             id)) {
        index.emplace(row.GetString(0), answers.size());
        answers.push_back({row.GetString(0), row.GetString(1), row.GetString(2), {}, row.GetInt64(3)});
    }
    for (const db::Row row : session.Query("SELECT item_code, file_id FROM inspection_answer_files"
                                           " WHERE inspection_id = $1 ORDER BY item_code, position",
                                           id)) {
        const auto found = index.find(row.GetString(0));
        if (found != index.end()) answers[found->second].photo_file_ids.push_back(row.GetInt64(1));
    }
    return answers;
}

// The hazards found by an inspection; with `principal`, only those whose handling union is in its scope (a
// hazard handled by a union above the inspecting one is not the inspecting union's to see).
std::vector<LinkedHazard> LoadHazards(db::Session& session, std::int64_t id,
                                      const Principal* principal = nullptr) {
    std::vector<LinkedHazard> hazards;
    const auto scope =
        principal ? auth::ScopeRange(*principal) : std::pair<std::string, std::string>{"", "~"};
    for (const db::Row row : session.Query(
             "SELECT h.id, h.code, h.title, h.grade, h.status, h.checklist_item_code FROM hazards h JOIN "
             "organisations o ON o.id = h.organisation_id WHERE h.inspection_id = $1 AND o.path >= $2 AND "
             "o.path < $3 ORDER BY h.id",
             id, scope.first, scope.second)) {
        const std::string status = row.GetString(4);
        hazards.push_back({row.GetInt64(0), row.GetString(1), row.GetString(2), row.GetString(3), status,
                           row.GetString(5), status != "CLOSED" && status != "REJECTED"});
    }
    return hazards;
}

std::vector<InspectionEvent> LoadEvents(db::Session& session, std::int64_t id) {
    std::vector<InspectionEvent> events;
    for (const db::Row row : session.Query(
             "SELECT e.id, e.event, e.from_status, e.to_status, e.comment, COALESCE(u.username, ''), "
             "e.created_at"
             " FROM inspection_events e LEFT JOIN users u ON u.id = e.user_id WHERE e.inspection_id = $1"
             " ORDER BY e.id",
             id)) {
        events.push_back({row.GetInt64(0), row.GetString(1), row.GetString(2), row.GetString(3),
                          row.GetString(4), row.GetString(5), row.GetInt64(6)});
    }
    return events;
}

// Takes the inspection's row lock (PostgreSQL; SQLite's write lock does it already) before its status and
// answers are read, so answers saved and a transition (RECORD_FINDINGS checks completeness) cannot
// interleave: without it, answers could change after the findings were recorded on a stale IN_PROGRESS read.
void LockInspection(db::Session& session, std::int64_t id) {
    session.Execute("UPDATE inspections SET updated_at = updated_at WHERE id = $1", id);
}

std::optional<Inspection> FindInScope(db::Session& session, const Principal& principal, std::int64_t id) {
    const db::Result rows =
        session.Query(std::string(kColumns) + std::string(kFrom) + " WHERE n.id = $1", id);
    if (rows.Empty()) return std::nullopt;
    Inspection inspection = ReadInspection(rows.Front());
    if (!InRange(inspection.organisation_path, auth::ScopeRange(principal))) return std::nullopt;
    inspection.team = LoadTeam(session, id);
    return inspection;
}

Inspection Detail(db::Session& session, const Principal& principal, Inspection inspection) {
    inspection.answers = LoadAnswers(session, inspection.id);
    inspection.checklist = ChecklistService::LoadVersion(session, inspection.checklist_version_id);
    inspection.hazards = LoadHazards(session, inspection.id, &principal);
    inspection.events = LoadEvents(session, inspection.id);
    return inspection;
}

Page<Inspection> Query(db::Session& session, const RequestContext& context, const InspectionFilter& filter,
                       std::int64_t limit, std::int64_t offset) {
    const auto scope = auth::ScopeRange(context.principal);
    const auto [filter_lower, filter_upper] =
        organisations::OrganisationService::SubtreeFilter(session, context.principal, filter.organisation_id);
    const std::string pattern = "%" + text::ToLowerAscii(text::EscapeLike(filter.keyword)) + "%";
    const std::int64_t enterprise = filter.enterprise_id.value_or(0);
    Page<Inspection> page;
    page.total = session
                     .Query("SELECT COUNT(*)" + std::string(kFrom) + std::string(kFilter), scope.first,
                            scope.second, filter_lower, filter_upper, filter.status, filter.mode, enterprise,
                            filter.from, filter.to, filter.keyword, pattern)
                     .Front()
                     .GetInt64(0);
    const db::Result rows =
        session.Query(std::string(kColumns) + std::string(kFrom) + std::string(kFilter) +
                          " ORDER BY n.planned_date DESC, n.id DESC LIMIT $12 OFFSET $13",
                      scope.first, scope.second, filter_lower, filter_upper, filter.status, filter.mode,
                      enterprise, filter.from, filter.to, filter.keyword, pattern, limit, offset);
    for (const db::Row row : rows) page.items.push_back(ReadInspection(row));
    for (Inspection& inspection : page.items) inspection.team = LoadTeam(session, inspection.id);
    return page;
}

std::string AuditJson(const Inspection& inspection) {
    return http::Serialize(InspectionToJson(inspection));
}

bool IsMode(const std::string& mode) {
    return mode == "UNION_INDEPENDENT" || mode == "JOINT_WITH_AUTHORITY" || mode == "JOINT_WITH_MANAGEMENT" ||
           mode == "COMMITTEE_ROUTINE" || mode == "SPECIAL_CAMPAIGN" || mode == "SPOT_CHECK";
}

bool OnDuty(const std::string& inspector_status) {
    return inspector_status == "APPOINTED" || inspector_status == "ACTIVE";
}

// Team inspectors: appointed or active inspectors of the caller's subtree, or of an organisation at or above
// the organiser. Problems are named inspectorIds[i].
std::vector<TeamMember> CheckInspectors(db::Session& session, const Principal& principal,
                                        const std::string& organiser_path,
                                        const std::vector<std::int64_t>& ids, Error::FieldErrors& errors) {
    std::vector<TeamMember> team;
    std::set<std::int64_t> seen;
    const auto scope = auth::ScopeRange(principal);
    for (std::size_t index = 0; index < ids.size(); ++index) {
        const std::string field = "inspectorIds[" + std::to_string(index) + "]";
        const db::Result rows = session.Query(
            "SELECT i.id, i.name, COALESCE(i.certificate_no, ''), i.status, h.path FROM lp_inspectors i"
            " JOIN organisations h ON h.id = i.home_organisation_id WHERE i.id = $1",
            ids[index]);
        if (rows.Empty() || !(InRange(rows.Front().GetString(4), scope) ||
                              IsAncestorOrSelf(rows.Front().GetString(4), organiser_path))) {
            errors.emplace(field, LocalizedText{"监督检查员不存在或不在您的管理范围内",
                                                "The inspector does not exist or is outside your scope"});
            continue;
        }
        const db::Row row = rows.Front();
        if (!seen.insert(ids[index]).second) {
            errors.emplace(field, LocalizedText{"监督检查员重复", "The inspector appears twice"});
            continue;
        }
        if (!OnDuty(row.GetString(3))) {
            errors.emplace(field,
                           LocalizedText{row.GetString(1) + " 不是在岗的监督检查员（须已任命或在岗）",
                                         row.GetString(1) + " is not an appointed or active inspector"});
            continue;
        }
        team.push_back({row.GetInt64(0), row.GetString(1), row.GetString(2), row.GetString(3)});
    }
    return team;
}

void WriteTeam(db::Session& session, std::int64_t id, const std::vector<TeamMember>& team) {
    session.Execute("DELETE FROM inspection_team WHERE inspection_id = $1", id);
    std::int64_t position = 0;
    for (const TeamMember& member : team) {
        session.Execute(
            "INSERT INTO inspection_team (inspection_id, position, inspector_id, name) VALUES ($1, $2, $3, "
            "$4)",
            id, ++position, member.inspector_id, member.name);
    }
}

void RecordEvent(db::Session& session, const RequestContext& context, std::int64_t id,
                 const std::string& event, const std::string& from, const std::string& to,
                 const std::string& comment, std::int64_t now) {
    session.Execute(
        "INSERT INTO inspection_events (inspection_id, event, from_status, to_status, comment, user_id, "
        "created_at)"
        " VALUES ($1, $2, $3, $4, $5, $6, $7)",
        id, event, from, to, comment, UserOf(context), now);
}

// Recomputes the progress and the score from the stored answers: PASS earns the item's max score, NA leaves
// the item out of the maximum.
void UpdateTotals(db::Session& session, std::int64_t id, const ChecklistVersion& version, std::int64_t now) {
    std::int64_t answered = 0, failed = 0, score = 0, max_score = version.MaxScore();
    for (const Answer& answer : LoadAnswers(session, id)) {
        const ChecklistItem* item = version.FindItem(answer.item_code);
        if (!item) continue;
        ++answered;
        if (answer.result == "PASS") score += item->max_score;
        if (answer.result == "FAIL") ++failed;
        if (answer.result == "NA") max_score -= item->max_score;
    }
    session.Execute(
        "UPDATE inspections SET answered_count = $1, failed_count = $2, score = $3, max_score = $4, "
        "updated_at = $5"
        " WHERE id = $6",
        answered, failed, score, max_score, now, id);
}

Error FieldConflict(const std::string& field, LocalizedText message) {
    Error::FieldErrors fields;
    fields.emplace(field, message);
    return Error(ErrorCode::kConflict, std::move(message), field, std::move(fields));
}

// RECORD_FINDINGS: every item answered; notes and photos where the item asks for them.
void CheckComplete(const ChecklistVersion& version, const std::vector<Answer>& answers) {
    std::map<std::string, const Answer*> by_code;
    for (const Answer& answer : answers) by_code.emplace(answer.item_code, &answer);
    Error::FieldErrors errors;
    for (const ChecklistSection& section : version.sections) {
        for (const ChecklistItem& item : section.items) {
            const std::string prefix = "answers[" + item.code + "].";
            const auto found = by_code.find(item.code);
            if (found == by_code.end()) {
                errors.emplace(prefix + "result", LocalizedText{"第 " + item.code + " 项尚未检查",
                                                                "Item " + item.code + " has no answer"});
                continue;
            }
            const Answer& answer = *found->second;
            if (item.requires_note && answer.result != "PASS" && text::Trim(answer.note).empty()) {
                errors.emplace(prefix + "note", LocalizedText{"第 " + item.code + " 项须填写说明",
                                                              "Item " + item.code + " needs a note"});
            }
            if (item.requires_photo && answer.result == "FAIL" && answer.photo_file_ids.empty()) {
                errors.emplace(prefix + "photoFileIds",
                               LocalizedText{"第 " + item.code + " 项须上传照片",
                                             "Item " + item.code + " needs a photo"});
            }
        }
    }
    if (!errors.empty()) throw Error::InvalidInput(errors);
}

}  // namespace

Page<Inspection> InspectionService::List(const RequestContext& context, const InspectionFilter& filter,
                                         PageRequest page) const {
    return database_.Read(
        [&](db::Session& session) { return Query(session, context, filter, page.page_size, page.Offset()); });
}

std::vector<Inspection> InspectionService::ListForExport(const RequestContext& context,
                                                         const InspectionFilter& filter) const {
    return database_.Read(
        [&](db::Session& session) { return Query(session, context, filter, kExportLimit, 0).items; });
}

Inspection InspectionService::Get(const RequestContext& context, std::int64_t id) const {
    return database_.Read([&](db::Session& session) {
        auto inspection = FindInScope(session, context.principal, id);
        if (!inspection) throw Error::NotFound("inspection");
        return Detail(session, context.principal, *inspection);
    });
}

Inspection InspectionService::Plan(const RequestContext& context, const PlanInput& input) {
    const std::int64_t now = clock_.Now();
    return database_.Write([&](db::Session& session) {
        Error::FieldErrors errors;
        const std::int64_t organisation_id =
            input.organisation_id.value_or(context.principal.organisation_id);
        const auto organiser =
            organisations::OrganisationService::FindInScope(session, context.principal, organisation_id);
        if (!organiser) errors.emplace("organisationId", kOrganisationOutOfScope);
        const std::string organiser_path = organiser ? organiser->path : std::string();
        const db::Result enterprise =
            session.Query("SELECT organisation_path FROM enterprises WHERE id = $1", input.enterprise_id);
        if (enterprise.Empty() ||
            !InRange(enterprise.Front().GetString(0), auth::ScopeRange(context.principal))) {
            errors.emplace("enterpriseId",
                           LocalizedText{"企业不存在或不在您的管理范围内",
                                         "The enterprise does not exist or is outside your scope"});
        } else if (organiser && !auth::PathInSubtree(enterprise.Front().GetString(0), organiser_path)) {
            errors.emplace("enterpriseId",
                           LocalizedText{"企业须在组织单位的管辖范围内",
                                         "The enterprise must lie under the organising union"});
        }
        if (!IsMode(input.mode)) {
            errors.emplace("mode",
                           LocalizedText{"请选择检查方式", "Choose how the inspection is carried out"});
        } else if (input.mode == "JOINT_WITH_AUTHORITY" && text::Trim(input.authority_name).empty()) {
            errors.emplace("authorityName",
                           LocalizedText{"联合检查须填写政府部门名称",
                                         "A joint inspection names the government department"});
        }
        if (!dates::ParseDate(input.planned_date)) errors.emplace("plannedDate", kDateFormat);
        const auto checklist = ChecklistService::FindVisible(session, context.principal, input.checklist_id);
        if (!checklist) {
            errors.emplace("checklistId", LocalizedText{"检查表不存在或不可用",
                                                        "The checklist does not exist or is not available"});
        } else if (checklist->current_version == 0) {
            errors.emplace("checklistId",
                           LocalizedText{"检查表尚未发布", "The checklist has no published version"});
        }
        std::vector<TeamMember> team =
            CheckInspectors(session, context.principal, organiser_path, input.inspector_ids, errors);
        for (std::size_t index = 0; index < input.members.size(); ++index) {
            const std::size_t length = text::CodePointCount(text::Trim(input.members[index]));
            if (length == 0 || length > 50) {
                errors.emplace("members[" + std::to_string(index) + "]",
                               LocalizedText{"成员姓名 1–50 字", "A member's name has 1–50 characters"});
            }
        }
        if (!errors.empty()) throw Error::InvalidInput(errors);
        for (const std::string& member : input.members)
            team.push_back({std::nullopt, text::Trim(member), "", ""});
        const std::int64_t version_id =
            session
                .Query("SELECT id FROM checklist_versions WHERE template_id = $1 AND version = $2",
                       checklist->id, checklist->current_version)
                .Front()
                .GetInt64(0);
        const auto version = ChecklistService::LoadVersion(session, version_id);
        const std::int64_t id =
            session
                .Query(
                    "INSERT INTO inspections (organisation_id, enterprise_id, mode, authority_name, topic, "
                    "planned_date,"
                    " checklist_version_id, status, item_count, max_score, status_changed_at, created_by, "
                    "created_at,"
                    " updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, 'PLANNED', $8, $9, $10, $11, $10, $10)"
                    " RETURNING id",
                    organisation_id, input.enterprise_id, input.mode,
                    input.mode == "JOINT_WITH_AUTHORITY" ? text::Trim(input.authority_name) : std::string(),
                    input.topic, input.planned_date, version_id, version->ItemCount(), version->MaxScore(),
                    now, UserOf(context))
                .Front()
                .GetInt64(0);
        std::string serial = std::to_string(id);
        if (serial.size() < 6) serial.insert(0, 6 - serial.size(), '0');
        session.Execute("UPDATE inspections SET code = $1 WHERE id = $2",
                        "JC" + input.planned_date.substr(0, 4) + "-" + serial, id);
        WriteTeam(session, id, team);
        RecordEvent(session, context, id, "PLAN", "", "PLANNED", "", now);
        const Inspection created = *FindInScope(session, context.principal, id);
        auth::RecordAudit(session, context,
                          {"create", "inspection", std::to_string(id), std::nullopt, AuditJson(created),
                           created.organisation_path},
                          now);
        return Detail(session, context.principal, created);
    });
}

Inspection InspectionService::SaveAnswers(const RequestContext& context, std::int64_t id,
                                          const std::vector<AnswerInput>& answers) {
    const std::int64_t now = clock_.Now();
    return database_.Write([&](db::Session& session) {
        LockInspection(session, id);
        const auto inspection = FindInScope(session, context.principal, id);
        if (!inspection) throw Error::NotFound("inspection");
        if (inspection->status != "IN_PROGRESS") {
            throw Error::Conflict({"只有检查进行中才能填写检查结果（当前状态：" + inspection->status + "）",
                                   "Answers can be saved only while the inspection is in progress (now " +
                                       inspection->status + ")"});
        }
        const auto version = ChecklistService::LoadVersion(session, inspection->checklist_version_id);
        const auto scope = auth::ScopeRange(context.principal);
        Error::FieldErrors errors;
        std::set<std::string> seen;
        for (std::size_t index = 0; index < answers.size(); ++index) {
            const AnswerInput& answer = answers[index];
            const std::string prefix = "answers[" + std::to_string(index) + "].";
            if (!version->FindItem(answer.item_code)) {
                errors.emplace(prefix + "itemCode",
                               LocalizedText{"检查表中没有此项：" + answer.item_code,
                                             "The checklist has no item " + answer.item_code});
            } else if (!seen.insert(answer.item_code).second) {
                errors.emplace(prefix + "itemCode",
                               LocalizedText{"同一项只能出现一次", "An item may appear only once"});
            }
            const std::string result = answer.result.value_or("");
            if (!result.empty() && result != "PASS" && result != "FAIL" && result != "NA") {
                errors.emplace(prefix + "result",
                               LocalizedText{"结果为 PASS、FAIL 或 NA", "The result is PASS, FAIL or NA"});
            }
            if (answer.photo_file_ids.size() > kMaxPhotosPerItem) {
                errors.emplace(prefix + "photoFileIds",
                               LocalizedText{"每项最多 9 张照片", "At most 9 photos per item"});
            }
            std::set<std::int64_t> photos;
            for (std::size_t photo = 0; photo < answer.photo_file_ids.size(); ++photo) {
                const std::string field = prefix + "photoFileIds[" + std::to_string(photo) + "]";
                const db::Result file = session.Query(
                    "SELECT o.path FROM files f JOIN organisations o ON o.id = f.organisation_id WHERE f.id "
                    "= $1",
                    answer.photo_file_ids[photo]);
                if (file.Empty() || !InRange(file.Front().GetString(0), scope)) {
                    errors.emplace(field, LocalizedText{"照片不存在或不在您的管理范围内",
                                                        "The photo does not exist or is outside your scope"});
                } else if (!photos.insert(answer.photo_file_ids[photo]).second) {
                    errors.emplace(field, LocalizedText{"照片重复", "The photo appears twice"});
                }
            }
        }
        if (!errors.empty()) throw Error::InvalidInput(errors);
        const std::vector<Answer> stored = LoadAnswers(session, id);
        boost::json::array before, after;
        for (const AnswerInput& input : answers) {
            for (const Answer& answer : stored) {
                if (answer.item_code == input.item_code) before.push_back(AnswerToJson(answer));
            }
            session.Execute("DELETE FROM inspection_answer_files WHERE inspection_id = $1 AND item_code = $2",
                            id, input.item_code);
            session.Execute("DELETE FROM inspection_answers WHERE inspection_id = $1 AND item_code = $2", id,
                            input.item_code);
            const std::string result = input.result.value_or("");
            if (result.empty()) continue;
            session.Execute(
                "INSERT INTO inspection_answers (inspection_id, item_code, result, note, updated_by, "
                "updated_at)"
                " VALUES ($1, $2, $3, $4, $5, $6)",
                id, input.item_code, result, input.note, UserOf(context), now);
            std::int64_t position = 0;
            for (const std::int64_t file : input.photo_file_ids) {
                session.Execute(
                    "INSERT INTO inspection_answer_files (inspection_id, item_code, file_id, position)"
                    " VALUES ($1, $2, $3, $4)",
                    id, input.item_code, file, ++position);
            }
            after.push_back(AnswerToJson({input.item_code, result, input.note, input.photo_file_ids, now}));
        }
        UpdateTotals(session, id, *version, now);
        auth::RecordAudit(
            session, context,
            {"save_answers", "inspection", std::to_string(id),
             http::Serialize(boost::json::object{{"answers", before}}),
             http::Serialize(boost::json::object{{"answers", after}}), inspection->organisation_path},
            now);
        return Detail(session, context.principal, *FindInScope(session, context.principal, id));
    });
}

Inspection InspectionService::Transition(const RequestContext& context, std::int64_t id,
                                         const TransitionInput& input) {
    const std::int64_t now = clock_.Now();
    return database_.Write([&](db::Session& session) {
        LockInspection(session, id);
        const auto before = FindInScope(session, context.principal, id);
        if (!before) throw Error::NotFound("inspection");
        const auto event = ParseEvent(input.event);
        if (!event)
            throw Error::InvalidField("event",
                                      {"未知的操作：" + input.event, "Unknown event: " + input.event});
        const auto from = ParseStatus(before->status);
        const auto to = from ? Next(*from, *event) : std::nullopt;
        if (!to) {
            throw FieldConflict("event", {"当前状态 " + before->status + " 不能执行 " + input.event,
                                          "An inspection in " + before->status + " cannot " + input.event});
        }
        const std::string to_name(StatusName(*to));
        const std::string comment = text::Trim(input.comment);
        std::string signatory = text::Trim(input.signatory_name);
        switch (*event) {
            case Event::kStart: {
                std::vector<TeamMember> team = before->team;
                if (input.inspector_ids) {
                    Error::FieldErrors errors;
                    std::vector<TeamMember> inspectors = CheckInspectors(
                        session, context.principal, before->organisation_path, *input.inspector_ids, errors);
                    if (!errors.empty()) throw Error::InvalidInput(errors);
                    for (const TeamMember& member : before->team) {
                        if (!member.inspector_id) inspectors.push_back(member);
                    }
                    team = std::move(inspectors);
                }
                int on_duty = 0;
                for (const TeamMember& member : team) {
                    if (member.inspector_id && OnDuty(member.inspector_status)) ++on_duty;
                }
                if (on_duty < 2) {
                    throw FieldConflict("inspectorIds",
                                        {"现场须有两名以上在岗的劳动保护监督检查员才能开始检查",
                                         "At least two appointed inspectors must be on site to start"});
                }
                if (input.inspector_ids) WriteTeam(session, id, team);
                session.Execute("UPDATE inspections SET started_at = $1 WHERE id = $2", now, id);
                break;
            }
            case Event::kRecordFindings: {
                const auto version = ChecklistService::LoadVersion(session, before->checklist_version_id);
                CheckComplete(*version, LoadAnswers(session, id));
                session.Execute(
                    "UPDATE inspections SET findings_recorded_at = $1, summary = $2 WHERE id = $3", now,
                    input.summary ? text::Trim(*input.summary) : before->summary, id);
                break;
            }
            case Event::kAcknowledge: {
                if (signatory.empty()) {
                    throw Error::InvalidField(
                        "signatoryName",
                        {"请填写企业签字人姓名", "Enter the name of the enterprise's signatory"});
                }
                session.Execute(
                    "UPDATE inspections SET signatory_name = $1, signatory_title = $2, signed_at = $3 WHERE "
                    "id = $4",
                    signatory, text::Trim(input.signatory_title), now, id);
                break;
            }
            case Event::kRefuseSignature: {
                if (comment.empty()) {
                    throw Error::InvalidField(
                        "comment", {"请记录拒签情况（拒签人、时间、见证人等）",
                                    "Record how the signature was refused (who, when, witnesses)"});
                }
                session.Execute(
                    "UPDATE inspections SET signatory_name = $1, signatory_title = $2, refusal_note = $3, "
                    "signed_at = $4"
                    " WHERE id = $5",
                    signatory, text::Trim(input.signatory_title), comment, now, id);
                break;
            }
            case Event::kFollowUp:
                break;
            case Event::kClose: {
                std::int64_t open = 0;
                for (const LinkedHazard& hazard : LoadHazards(session, id)) open += hazard.open ? 1 : 0;
                if (open > 0) {
                    throw FieldConflict(
                        "event", {"本次检查发现的隐患还有 " + std::to_string(open) + " 项未闭环，不能结束",
                                  std::to_string(open) + " hazards found by this inspection are still open"});
                }
                session.Execute("UPDATE inspections SET closed_at = $1 WHERE id = $2", now, id);
                break;
            }
            case Event::kCancel: {
                if (comment.empty()) {
                    throw Error::InvalidField("comment",
                                              {"请填写取消原因", "Give the reason for cancelling"});
                }
                session.Execute("UPDATE inspections SET cancel_reason = $1 WHERE id = $2", comment, id);
                break;
            }
        }
        // Guarded by the status read: of two racing transitions the second changes no row and gets the 409
        // (PostgreSQL reads committed data, so both may have read the same status).
        const std::int64_t moved = session.Execute(
            "UPDATE inspections SET status = $1, status_changed_at = $2, updated_at = $2 WHERE id = $3 AND "
            "status = $4",
            to_name, now, id, before->status);
        if (moved != 1) {
            throw FieldConflict("event", {"检查记录的状态已被他人改变，请刷新后重试",
                                          "The inspection changed meanwhile: reload and retry"});
        }
        RecordEvent(session, context, id, input.event, before->status, to_name, comment, now);
        const Inspection after = *FindInScope(session, context.principal, id);
        auth::RecordAudit(session, context,
                          {"transition", "inspection", std::to_string(id), AuditJson(*before),
                           AuditJson(after), after.organisation_path},
                          now);
        return Detail(session, context.principal, after);
    });
}

}  // namespace app::inspections
