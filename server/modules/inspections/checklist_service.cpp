#include "inspections/checklist_service.hpp"

#include <map>
#include <set>

#include "auth/audit.hpp"
#include "auth/data_scope.hpp"
#include "core/text.hpp"
#include "db/duplicate_value.hpp"
#include "http/json.hpp"
#include "inspections/inspections_json.hpp"
#include "organisations/organisation_service.hpp"

namespace app::inspections {
namespace {

constexpr std::string_view kColumns =
    "SELECT t.id, t.code, t.name, t.kind, t.season, t.description, t.organisation_id, COALESCE(o.name, ''),"
    " COALESCE(o.path, ''), t.copied_from_id, COALESCE(c.name, ''), t.copied_from_version, t.current_version,"
    " t.created_at, t.updated_at,"
    " (SELECT COUNT(*) FROM checklist_items i JOIN checklist_versions v ON v.id = i.version_id"
    "  WHERE v.template_id = t.id AND v.version = t.current_version),"
    " (SELECT COUNT(*) FROM checklist_versions d WHERE d.template_id = t.id AND d.status = 'DRAFT')";
constexpr std::string_view kFrom =
    " FROM checklist_templates t LEFT JOIN organisations o ON o.id = t.organisation_id"
    " LEFT JOIN checklist_templates c ON c.id = t.copied_from_id";
// $1/$2 the caller's scope range, $3 the caller's organisation path: the library, the subtree, the ancestors.
constexpr std::string_view kVisible =
    " WHERE (t.organisation_id IS NULL OR (o.path >= $1 AND o.path < $2)"
    " OR substr($3, 1, length(o.path)) = o.path)";
// $4 owner, $5 kind, $6 season, $7 keyword, $8 its lower-case LIKE pattern.
constexpr std::string_view kFilter =
    " AND ($4 = '' OR ($4 = 'LIBRARY' AND t.organisation_id IS NULL)"
    " OR ($4 = 'OWN' AND o.path >= $1 AND o.path < $2)"
    " OR ($4 = 'INHERITED' AND t.organisation_id IS NOT NULL AND NOT (o.path >= $1 AND o.path < $2)))"
    " AND ($5 = '' OR t.kind = $5) AND ($6 = '' OR t.season = $6)"
    " AND ($7 = '' OR LOWER(t.name) LIKE $8 ESCAPE '\\' OR LOWER(t.code) LIKE $8 ESCAPE '\\')";

const LocalizedText kOrganisationOutOfScope{"组织不存在或不在您的管理范围内",
                                            "The organisation does not exist or is outside your scope"};

bool Editable(const Principal& principal, const ChecklistTemplate& checklist) {
    if (!checklist.organisation_id) {
        // The library belongs to the platform: only a root organisation's cadres with a subtree scope.
        return principal.data_scope == DataScope::kSubtree &&
               principal.organisation_path.find('/', 1) == std::string::npos;
    }
    const auto [lower, upper] = auth::ScopeRange(principal);
    return checklist.organisation_path >= lower && checklist.organisation_path < upper;
}

ChecklistTemplate ReadTemplate(const db::Row& row, const Principal& principal) {
    ChecklistTemplate checklist;
    checklist.id = row.GetInt64(0);
    checklist.code = row.GetString(1);
    checklist.name = row.GetString(2);
    checklist.kind = row.GetString(3);
    checklist.season = row.GetString(4);
    checklist.description = row.GetString(5);
    checklist.organisation_id = row.GetOptionalInt64(6);
    checklist.organisation_name = row.GetString(7);
    checklist.organisation_path = row.GetString(8);
    checklist.copied_from_id = row.GetOptionalInt64(9);
    checklist.copied_from_name = row.GetString(10);
    checklist.copied_from_version = row.GetOptionalInt64(11);
    checklist.current_version = row.GetInt64(12);
    checklist.created_at = row.GetInt64(13);
    checklist.updated_at = row.GetInt64(14);
    checklist.item_count = row.GetInt64(15);
    checklist.has_draft = row.GetInt64(16) > 0;
    checklist.editable = Editable(principal, checklist);
    return checklist;
}

std::optional<std::int64_t> VersionId(db::Session& session, std::int64_t template_id, std::int64_t version) {
    const db::Result rows = session.Query(
        "SELECT id FROM checklist_versions WHERE template_id = $1 AND version = $2", template_id, version);
    if (rows.Empty()) return std::nullopt;
    return rows.Front().GetInt64(0);
}

std::optional<std::int64_t> DraftId(db::Session& session, std::int64_t template_id) {
    const db::Result rows = session.Query(
        "SELECT id FROM checklist_versions WHERE template_id = $1 AND status = 'DRAFT'", template_id);
    if (rows.Empty()) return std::nullopt;
    return rows.Front().GetInt64(0);
}

ChecklistTemplate LoadDetail(db::Session& session, ChecklistTemplate checklist) {
    if (checklist.current_version > 0) {
        if (const auto id = VersionId(session, checklist.id, checklist.current_version))
            checklist.current = ChecklistService::LoadVersion(session, *id);
    }
    if (const auto id = DraftId(session, checklist.id))
        checklist.draft = ChecklistService::LoadVersion(session, *id);
    for (const db::Row row :
         session.Query("SELECT v.id, v.version, v.status, v.note, v.published_at,"
                       " (SELECT COUNT(*) FROM checklist_items i WHERE i.version_id = v.id)"
                       " FROM checklist_versions v WHERE v.template_id = $1 ORDER BY v.version DESC",
                       checklist.id)) {
        checklist.versions.push_back({row.GetInt64(0), row.GetInt64(1), row.GetString(2), row.GetString(3),
                                      row.GetInt64(5), row.GetOptionalInt64(4)});
    }
    return checklist;
}

// A visible template the caller may change (404 when invisible, 403 when only visible).
ChecklistTemplate FindEditable(db::Session& session, const Principal& principal, std::int64_t id) {
    auto checklist = ChecklistService::FindVisible(session, principal, id);
    if (!checklist) throw Error::NotFound("checklist");
    if (!checklist->editable) {
        throw Error::Forbidden({"该检查表属于上级或省级库，请复制到本单位后修改",
                                "This checklist belongs to a higher level; copy it to your organisation to "
                                "adapt it"});
    }
    return *checklist;
}

void InsertContent(db::Session& session, std::int64_t version_id,
                   const std::vector<ChecklistSection>& sections) {
    std::int64_t section_position = 0;
    for (const ChecklistSection& section : sections) {
        const std::int64_t section_id = session
                                            .Query(
                                                "INSERT INTO checklist_sections (version_id, position, "
                                                "title) VALUES ($1, $2, $3) RETURNING id",
                                                version_id, ++section_position, section.title)
                                            .Front()
                                            .GetInt64(0);
        std::int64_t item_position = 0;
        for (const ChecklistItem& item : section.items) {
            session.Execute(
                "INSERT INTO checklist_items (version_id, section_id, position, code, text, basis_ref, "
                "max_score,"
                " answer_type, requires_photo, requires_note, severity_hint)"
                " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
                version_id, section_id, ++item_position, item.code, item.text, item.basis_ref, item.max_score,
                item.answer_type, item.requires_photo ? 1 : 0, item.requires_note ? 1 : 0,
                item.severity_hint);
        }
    }
}

std::int64_t InsertVersion(db::Session& session, const RequestContext& context, std::int64_t template_id,
                           std::int64_t version, const std::string& note, std::int64_t now) {
    const std::optional<std::int64_t> user =
        context.principal.user_id > 0 ? std::optional<std::int64_t>(context.principal.user_id) : std::nullopt;
    return session
        .Query(
            "INSERT INTO checklist_versions (template_id, version, status, note, created_by, created_at, "
            "updated_at)"
            " VALUES ($1, $2, 'DRAFT', $3, $4, $5, $5) RETURNING id",
            template_id, version, note, user, now)
        .Front()
        .GetInt64(0);
}

void PublishVersion(db::Session& session, const RequestContext& context, std::int64_t template_id,
                    std::int64_t version_id, std::int64_t version, std::int64_t now) {
    const std::optional<std::int64_t> user =
        context.principal.user_id > 0 ? std::optional<std::int64_t>(context.principal.user_id) : std::nullopt;
    session.Execute(
        "UPDATE checklist_versions SET status = 'PUBLISHED', published_at = $1, published_by = $2, "
        "updated_at = $1"
        " WHERE id = $3",
        now, user, version_id);
    session.Execute("UPDATE checklist_templates SET current_version = $1, updated_at = $2 WHERE id = $3",
                    version, now, template_id);
}

bool IsCode(const std::string& code, std::size_t max) {
    if (code.empty() || code.size() > max) return false;
    for (char c : code) {
        const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                        c == '-' || c == '_' || c == '.';
        if (!ok) return false;
    }
    return true;
}

const LocalizedText kCodeFormat{"编码为 1–32 位字母、数字、连字符、下划线或点",
                                "Use 1–32 letters, digits, hyphens, underscores or dots"};

bool IsKind(const std::string& kind) {
    return kind == "STATUTORY" || kind == "SEASONAL_CAMPAIGN" || kind == "MAJOR_HAZARD_CRITERIA" ||
           kind == "CUSTOM";
}

bool IsSeason(const std::string& season) {
    return season.empty() || season == "FLOOD" || season == "SUMMER" || season == "HOLIDAY" ||
           season == "RESUMPTION" || season == "WINTER" || season == "SAFETY_MONTH";
}

const LocalizedText kSeasonValues{
    "季节标签为 FLOOD、SUMMER、HOLIDAY、RESUMPTION、WINTER、SAFETY_MONTH 或空",
    "The season is FLOOD, SUMMER, HOLIDAY, RESUMPTION, WINTER, SAFETY_MONTH or empty"};

std::string AuditJson(const ChecklistTemplate& checklist) {
    return http::Serialize(ChecklistTemplateToJson(checklist));
}

Error DuplicateCode(const db::ConstraintViolation& violation) {
    return db::DuplicateValue(
        violation, "code",
        {"本单位已有同一编码的检查表", "Your organisation already has a checklist with this code"});
}

bool CodeTaken(db::Session& session, std::optional<std::int64_t> organisation_id, const std::string& code) {
    return !session
                .Query(
                    "SELECT 1 FROM checklist_templates WHERE COALESCE(organisation_id, 0) = $1 AND code = $2",
                    organisation_id.value_or(0), code)
                .Empty();
}

Error CodeConflict() {
    Error::FieldErrors fields;
    LocalizedText message{"本单位已有同一编码的检查表",
                          "Your organisation already has a checklist with this code"};
    fields.emplace("code", message);
    return Error(ErrorCode::kConflict, message, "code", fields);
}

}  // namespace

std::int64_t ChecklistVersion::ItemCount() const {
    std::int64_t count = 0;
    for (const ChecklistSection& section : sections) count += static_cast<std::int64_t>(section.items.size());
    return count;
}

std::int64_t ChecklistVersion::MaxScore() const {
    std::int64_t total = 0;
    for (const ChecklistSection& section : sections) {
        for (const ChecklistItem& item : section.items) total += item.max_score;
    }
    return total;
}

const ChecklistItem* ChecklistVersion::FindItem(const std::string& code) const {
    for (const ChecklistSection& section : sections) {
        for (const ChecklistItem& item : section.items) {
            if (item.code == code) return &item;
        }
    }
    return nullptr;
}

void ValidateSections(const std::vector<ChecklistSection>& sections) {
    Error::FieldErrors errors;
    if (sections.size() > ChecklistService::kMaxSections) {
        errors.emplace("sections", LocalizedText{"分组不能超过 50 个", "At most 50 sections"});
    }
    std::set<std::string> codes;
    std::size_t total = 0;
    for (std::size_t s = 0; s < sections.size(); ++s) {
        const ChecklistSection& section = sections[s];
        const std::string prefix = "sections[" + std::to_string(s) + "]";
        const std::size_t title_length = text::CodePointCount(section.title);
        if (title_length == 0 || title_length > 100) {
            errors.emplace(prefix + ".title",
                           LocalizedText{"请填写分组名称（不超过 100 字）",
                                         "Enter a section title of at most 100 characters"});
        }
        for (std::size_t i = 0; i < section.items.size(); ++i) {
            const ChecklistItem& item = section.items[i];
            const std::string field = prefix + ".items[" + std::to_string(i) + "].";
            ++total;
            if (!IsCode(item.code, 32)) {
                errors.emplace(field + "code", kCodeFormat);
            } else if (!codes.insert(item.code).second) {
                errors.emplace(field + "code", LocalizedText{"编码 " + item.code + " 重复",
                                                             "The code " + item.code + " repeats"});
            }
            const std::size_t text_length = text::CodePointCount(item.text);
            if (text_length < 2 || text_length > 500) {
                errors.emplace(field + "text", LocalizedText{"请填写检查内容（2–500 字）",
                                                             "Enter the item's text (2–500 characters)"});
            }
            if (text::CodePointCount(item.basis_ref) > 200) {
                errors.emplace(field + "basisRef",
                               LocalizedText{"依据不超过 200 字", "The basis is at most 200 characters"});
            }
            if (item.max_score < 0 || item.max_score > 100) {
                errors.emplace(field + "maxScore",
                               LocalizedText{"分值应在 0–100 之间", "The score is 0–100"});
            }
            if (item.answer_type != "PASS_FAIL_NA") {
                errors.emplace(field + "answerType", LocalizedText{"答案类型只能是 PASS_FAIL_NA",
                                                                   "The answer type is PASS_FAIL_NA"});
            }
            if (item.severity_hint != "GENERAL" && item.severity_hint != "MAJOR") {
                errors.emplace(field + "severityHint", LocalizedText{"严重程度为 GENERAL 或 MAJOR",
                                                                     "The severity is GENERAL or MAJOR"});
            }
        }
    }
    if (total > ChecklistService::kMaxItems) {
        errors.emplace("sections", LocalizedText{"检查项不能超过 500 个", "At most 500 items"});
    }
    if (!errors.empty()) throw Error::InvalidInput(errors);
}

std::optional<ChecklistTemplate> ChecklistService::FindVisible(db::Session& session,
                                                               const Principal& principal, std::int64_t id) {
    const auto [lower, upper] = auth::ScopeRange(principal);
    const db::Result rows =
        session.Query(std::string(kColumns) + std::string(kFrom) + std::string(kVisible) + " AND t.id = $4",
                      lower, upper, principal.organisation_path, id);
    if (rows.Empty()) return std::nullopt;
    return ReadTemplate(rows.Front(), principal);
}

std::optional<ChecklistVersion> ChecklistService::LoadVersion(db::Session& session, std::int64_t version_id) {
    const db::Result rows = session.Query(
        "SELECT id, template_id, version, status, note, created_at, updated_at, published_at"
        " FROM checklist_versions WHERE id = $1",
        version_id);
    if (rows.Empty()) return std::nullopt;
    const db::Row row = rows.Front();
    ChecklistVersion version;
    version.id = row.GetInt64(0);
    version.template_id = row.GetInt64(1);
    version.version = row.GetInt64(2);
    version.status = row.GetString(3);
    version.note = row.GetString(4);
    version.created_at = row.GetInt64(5);
    version.updated_at = row.GetInt64(6);
    version.published_at = row.GetOptionalInt64(7);
    std::map<std::int64_t, std::size_t> index;
    for (const db::Row section :
         session.Query("SELECT id, title FROM checklist_sections WHERE version_id = $1 ORDER BY position",
                       version_id)) {
        index.emplace(section.GetInt64(0), version.sections.size());
        version.sections.push_back({section.GetString(1), {}});
    }
    for (const db::Row item :
         session.Query("SELECT section_id, code, text, basis_ref, max_score, answer_type, requires_photo, "
                       "requires_note,"
                       " severity_hint FROM checklist_items WHERE version_id = $1 ORDER BY position, id",
                       version_id)) {
        const auto found = index.find(item.GetInt64(0));
        if (found == index.end()) continue;
        version.sections[found->second].items.push_back(
            {item.GetString(1), item.GetString(2), item.GetString(3), item.GetInt64(4), item.GetString(5),
             item.GetInt64(6) != 0, item.GetInt64(7) != 0, item.GetString(8)});
    }
    return version;
}

Page<ChecklistTemplate> ChecklistService::List(const RequestContext& context, const ChecklistFilter& filter,
                                               PageRequest page) const {
    return database_.Read([&](db::Session& session) {
        const auto [lower, upper] = auth::ScopeRange(context.principal);
        const std::string pattern = "%" + text::ToLowerAscii(text::EscapeLike(filter.keyword)) + "%";
        Page<ChecklistTemplate> result;
        result.total =
            session
                .Query("SELECT COUNT(*)" + std::string(kFrom) + std::string(kVisible) + std::string(kFilter),
                       lower, upper, context.principal.organisation_path, filter.owner, filter.kind,
                       filter.season, filter.keyword, pattern)
                .Front()
                .GetInt64(0);
        const db::Result rows = session.Query(
            std::string(kColumns) + std::string(kFrom) + std::string(kVisible) + std::string(kFilter) +
                " ORDER BY CASE WHEN t.organisation_id IS NULL THEN 0 ELSE 1 END, t.kind, t.code, t.id"
                " LIMIT $9 OFFSET $10",
            lower, upper, context.principal.organisation_path, filter.owner, filter.kind, filter.season,
            filter.keyword, pattern, page.page_size, page.Offset());
        for (const db::Row row : rows) result.items.push_back(ReadTemplate(row, context.principal));
        return result;
    });
}

ChecklistTemplate ChecklistService::Get(const RequestContext& context, std::int64_t id) const {
    return database_.Read([&](db::Session& session) {
        auto checklist = FindVisible(session, context.principal, id);
        if (!checklist) throw Error::NotFound("checklist");
        return LoadDetail(session, *checklist);
    });
}

ChecklistVersion ChecklistService::GetVersion(const RequestContext& context, std::int64_t id,
                                              std::int64_t version) const {
    return database_.Read([&](db::Session& session) {
        if (!FindVisible(session, context.principal, id)) throw Error::NotFound("checklist");
        const auto version_id = VersionId(session, id, version);
        if (!version_id) throw Error::NotFound("checklist version");
        return *LoadVersion(session, *version_id);
    });
}

ChecklistTemplate ChecklistService::Create(const RequestContext& context, const TemplateInput& input) {
    Error::FieldErrors errors;
    if (!IsCode(input.code, 32)) errors.emplace("code", kCodeFormat);
    if (!IsKind(input.kind)) {
        errors.emplace("kind",
                       LocalizedText{"类型为 STATUTORY、SEASONAL_CAMPAIGN、MAJOR_HAZARD_CRITERIA 或 CUSTOM",
                                     "The kind is STATUTORY, SEASONAL_CAMPAIGN, MAJOR_HAZARD_CRITERIA or "
                                     "CUSTOM"});
    }
    if (!IsSeason(input.season)) errors.emplace("season", kSeasonValues);
    try {
        ValidateSections(input.sections);
    } catch (const Error& error) {
        for (const auto& [field, message] : error.GetFieldErrors()) errors.emplace(field, message);
    }
    const std::int64_t now = clock_.Now();
    try {
        return database_.Write([&](db::Session& session) {
            const std::int64_t organisation_id =
                input.organisation_id.value_or(context.principal.organisation_id);
            const auto organisation =
                organisations::OrganisationService::FindInScope(session, context.principal, organisation_id);
            if (!organisation) errors.emplace("organisationId", kOrganisationOutOfScope);
            if (!errors.empty()) throw Error::InvalidInput(errors);
            if (CodeTaken(session, organisation_id, input.code)) throw CodeConflict();
            const std::int64_t id =
                session
                    .Query(
                        "INSERT INTO checklist_templates (code, name, kind, season, description, "
                        "organisation_id,"
                        " current_version, created_by, created_at, updated_at)"
                        " VALUES ($1, $2, $3, $4, $5, $6, 0, $7, $8, $8) RETURNING id",
                        input.code, input.name, input.kind, input.season, input.description, organisation_id,
                        context.principal.user_id > 0 ? std::optional<std::int64_t>(context.principal.user_id)
                                                      : std::nullopt,
                        now)
                    .Front()
                    .GetInt64(0);
            const std::int64_t version_id = InsertVersion(session, context, id, 1, "", now);
            InsertContent(session, version_id, input.sections);
            const ChecklistTemplate created =
                LoadDetail(session, *FindVisible(session, context.principal, id));
            auth::RecordAudit(session, context,
                              {"create", "checklist_template", std::to_string(id), std::nullopt,
                               AuditJson(created), created.organisation_path},
                              now);
            return created;
        });
    } catch (const db::ConstraintViolation& violation) {
        if (violation.GetKind() == db::ConstraintViolation::Kind::kUnique) throw DuplicateCode(violation);
        throw;
    }
}

ChecklistTemplate ChecklistService::Update(const RequestContext& context, std::int64_t id,
                                           const TemplateUpdate& input) {
    if (!IsSeason(input.season)) throw Error::InvalidField("season", kSeasonValues);
    const std::int64_t now = clock_.Now();
    return database_.Write([&](db::Session& session) {
        const ChecklistTemplate before = FindEditable(session, context.principal, id);
        session.Execute(
            "UPDATE checklist_templates SET name = $1, season = $2, description = $3, updated_at = $4 WHERE "
            "id = $5",
            input.name, input.season, input.description, now, id);
        const ChecklistTemplate after = LoadDetail(session, *FindVisible(session, context.principal, id));
        auth::RecordAudit(session, context,
                          {"update", "checklist_template", std::to_string(id), AuditJson(before),
                           AuditJson(after), after.organisation_path},
                          now);
        return after;
    });
}

ChecklistTemplate ChecklistService::Copy(const RequestContext& context, std::int64_t id,
                                         const CopyInput& input) {
    const std::int64_t now = clock_.Now();
    try {
        return database_.Write([&](db::Session& session) {
            const auto source = FindVisible(session, context.principal, id);
            if (!source) throw Error::NotFound("checklist");
            if (source->current_version == 0) {
                throw Error::Conflict(
                    {"该检查表尚未发布，不能复制", "This checklist has no published version to copy"});
            }
            Error::FieldErrors errors;
            const std::int64_t organisation_id =
                input.organisation_id.value_or(context.principal.organisation_id);
            if (!organisations::OrganisationService::FindInScope(session, context.principal, organisation_id))
                errors.emplace("organisationId", kOrganisationOutOfScope);
            const std::string code = input.code.empty() ? source->code : input.code;
            if (!IsCode(code, 32)) errors.emplace("code", kCodeFormat);
            if (!errors.empty()) throw Error::InvalidInput(errors);
            if (CodeTaken(session, organisation_id, code)) throw CodeConflict();
            const auto source_version =
                LoadVersion(session, *VersionId(session, source->id, source->current_version));
            const std::int64_t copy_id =
                session
                    .Query(
                        "INSERT INTO checklist_templates (code, name, kind, season, description, "
                        "organisation_id,"
                        " copied_from_id, copied_from_version, current_version, created_by, created_at, "
                        "updated_at)"
                        " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 0, $9, $10, $10) RETURNING id",
                        code, input.name.empty() ? source->name : input.name, source->kind, source->season,
                        source->description, organisation_id, source->id, source->current_version,
                        context.principal.user_id > 0 ? std::optional<std::int64_t>(context.principal.user_id)
                                                      : std::nullopt,
                        now)
                    .Front()
                    .GetInt64(0);
            const std::int64_t version_id = InsertVersion(
                session, context, copy_id, 1,
                "复制自 " + source->name + " 第 " + std::to_string(source->current_version) + " 版", now);
            InsertContent(session, version_id, source_version->sections);
            PublishVersion(session, context, copy_id, version_id, 1, now);
            const ChecklistTemplate created =
                LoadDetail(session, *FindVisible(session, context.principal, copy_id));
            auth::RecordAudit(session, context,
                              {"copy", "checklist_template", std::to_string(copy_id), std::nullopt,
                               AuditJson(created), created.organisation_path},
                              now);
            return created;
        });
    } catch (const db::ConstraintViolation& violation) {
        if (violation.GetKind() == db::ConstraintViolation::Kind::kUnique) throw DuplicateCode(violation);
        throw;
    }
}

ChecklistTemplate ChecklistService::SaveDraft(const RequestContext& context, std::int64_t id,
                                              const DraftInput& input) {
    const std::int64_t now = clock_.Now();
    return database_.Write([&](db::Session& session) {
        const ChecklistTemplate before = LoadDetail(session, FindEditable(session, context.principal, id));
        ValidateSections(input.sections);
        std::int64_t version_id = 0;
        if (before.draft) {
            version_id = before.draft->id;
            session.Execute("DELETE FROM checklist_items WHERE version_id = $1", version_id);
            session.Execute("DELETE FROM checklist_sections WHERE version_id = $1", version_id);
            session.Execute("UPDATE checklist_versions SET note = $1, updated_at = $2 WHERE id = $3",
                            input.note, now, version_id);
        } else {
            const std::int64_t next =
                session
                    .Query(
                        "SELECT COALESCE(MAX(version), 0) + 1 FROM checklist_versions WHERE template_id = $1",
                        id)
                    .Front()
                    .GetInt64(0);
            version_id = InsertVersion(session, context, id, next, input.note, now);
        }
        InsertContent(session, version_id, input.sections);
        session.Execute("UPDATE checklist_templates SET updated_at = $1 WHERE id = $2", now, id);
        const ChecklistTemplate after = LoadDetail(session, *FindVisible(session, context.principal, id));
        auth::RecordAudit(session, context,
                          {"save_draft", "checklist_template", std::to_string(id), AuditJson(before),
                           AuditJson(after), after.organisation_path},
                          now);
        return after;
    });
}

ChecklistTemplate ChecklistService::Publish(const RequestContext& context, std::int64_t id) {
    const std::int64_t now = clock_.Now();
    return database_.Write([&](db::Session& session) {
        const ChecklistTemplate before = LoadDetail(session, FindEditable(session, context.principal, id));
        if (!before.draft) {
            throw Error::Conflict(
                {"没有待发布的草稿，请先编辑保存草稿", "There is no draft to publish; save a draft first"});
        }
        if (before.draft->ItemCount() == 0) {
            throw Error::InvalidField("sections",
                                      {"草稿至少要有一个检查项", "The draft needs at least one item"});
        }
        PublishVersion(session, context, id, before.draft->id, before.draft->version, now);
        const ChecklistTemplate after = LoadDetail(session, *FindVisible(session, context.principal, id));
        auth::RecordAudit(session, context,
                          {"publish", "checklist_template", std::to_string(id), AuditJson(before),
                           AuditJson(after), after.organisation_path},
                          now);
        return after;
    });
}

}  // namespace app::inspections
