#include "network/inspector_service.hpp"

#include <cctype>

#include "auth/audit.hpp"
#include "auth/data_scope.hpp"
#include "core/text.hpp"
#include "db/duplicate_value.hpp"
#include "http/json.hpp"
#include "network/inspector_workflow.hpp"
#include "network/network_json.hpp"
#include "network/network_scope.hpp"

namespace app::network {
namespace {

constexpr std::string_view kColumns =
    "SELECT i.id, i.name, i.gender, i.phone, i.home_organisation_id, h.name, h.path, "
    "i.appointing_organisation_id,"
    " a.name, i.certificate_no, i.employment_mode, i.appointment_date, i.term_end, i.status, i.notes,"
    " i.created_at, i.updated_at";
constexpr std::string_view kFrom =
    " FROM lp_inspectors i JOIN organisations h ON h.id = i.home_organisation_id"
    " LEFT JOIN organisations a ON a.id = i.appointing_organisation_id";
// $1/$2 scope range, $3/$4 organisation filter range, $5 status, $6 employment mode, $7/$8/$9 keyword with
// name and certificate patterns.
constexpr std::string_view kFilter =
    " WHERE h.path >= $1 AND h.path < $2 AND ($3 = '' OR (h.path >= $3 AND h.path < $4))"
    " AND ($5 = '' OR i.status = $5) AND ($6 = '' OR i.employment_mode = $6)"
    " AND ($7 = '' OR LOWER(i.name) LIKE $8 ESCAPE '\\' OR i.certificate_no LIKE $9 ESCAPE '\\')";

Inspector ReadInspector(const db::Row& row) {
    Inspector inspector;
    inspector.id = row.GetInt64(0);
    inspector.name = row.GetString(1);
    inspector.gender = row.GetString(2);
    inspector.phone = row.GetString(3);
    inspector.home_organisation_id = row.GetInt64(4);
    inspector.home_organisation_name = row.GetString(5);
    inspector.home_organisation_path = row.GetString(6);
    inspector.appointing_organisation_id = row.GetOptionalInt64(7);
    inspector.appointing_organisation_name = row.GetOptionalString(8).value_or("");
    inspector.certificate_no = row.GetOptionalString(9).value_or("");
    inspector.employment_mode = row.GetString(10);
    inspector.appointment_date = row.GetString(11);
    inspector.term_end = row.GetString(12);
    inspector.status = row.GetString(13);
    inspector.notes = row.GetString(14);
    inspector.created_at = row.GetInt64(15);
    inspector.updated_at = row.GetInt64(16);
    return inspector;
}

std::optional<Inspector> FindInScope(db::Session& session, const Principal& principal, std::int64_t id) {
    const db::Result rows =
        session.Query(std::string(kColumns) + std::string(kFrom) + " WHERE i.id = $1", id);
    if (rows.Empty()) return std::nullopt;
    Inspector inspector = ReadInspector(rows.Front());
    if (!detail::InRange(inspector.home_organisation_path, auth::ScopeRange(principal))) return std::nullopt;
    return inspector;
}

Page<Inspector> Query(db::Session& session, const RequestContext& context, const InspectorFilter& filter,
                      std::int64_t limit, std::int64_t offset) {
    const detail::PathRange range = detail::ListRange(session, context.principal, filter.organisation_id);
    const std::string escaped = text::EscapeLike(filter.keyword);
    const std::string name_pattern = "%" + text::ToLowerAscii(escaped) + "%";
    std::string code_pattern = "%" + escaped + "%";
    for (char& c : code_pattern) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    Page<Inspector> page;
    page.total = session
                     .Query("SELECT COUNT(*)" + std::string(kFrom) + std::string(kFilter), range.scope_lower,
                            range.scope_upper, range.filter_lower, range.filter_upper, filter.status,
                            filter.employment_mode, filter.keyword, name_pattern, code_pattern)
                     .Front()
                     .GetInt64(0);
    const db::Result rows = session.Query(std::string(kColumns) + std::string(kFrom) + std::string(kFilter) +
                                              " ORDER BY i.id DESC LIMIT $10 OFFSET $11",
                                          range.scope_lower, range.scope_upper, range.filter_lower,
                                          range.filter_upper, filter.status, filter.employment_mode,
                                          filter.keyword, name_pattern, code_pattern, limit, offset);
    for (const db::Row row : rows) page.items.push_back(ReadInspector(row));
    return page;
}

std::string AuditJson(const Inspector& inspector) {
    return http::Serialize(InspectorToJson(inspector));
}

void RecordChange(db::Session& session, const RequestContext& context, std::int64_t inspector_id,
                  const std::string& from, const std::string& to, const std::string& date,
                  const std::string& note, std::int64_t now) {
    session.Execute(
        "INSERT INTO lp_inspector_status_history (inspector_id, from_status, to_status, transition_date, "
        "note,"
        " user_id, username, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        inspector_id, from, to, date, note,
        context.principal.user_id > 0 ? std::optional<std::int64_t>(context.principal.user_id) : std::nullopt,
        context.principal.username, now);
}

void CheckInput(db::Session& session, const Principal& principal, const InspectorInput& input,
                const std::optional<std::string>& appointing_path) {
    Error::FieldErrors errors;
    const auto home_path = detail::OrganisationPathInScope(session, principal, input.home_organisation_id);
    if (!home_path) {
        errors.emplace("homeOrganisationId", detail::kOrganisationOutOfScope);
    } else if (appointing_path && !text::StartsWith(*home_path, *appointing_path + "/")) {
        errors.emplace("homeOrganisationId",
                       LocalizedText{"所在组织须在任命单位之下",
                                     "The home organisation must lie below the appointing one"});
    }
    if (input.gender != "" && input.gender != "MALE" && input.gender != "FEMALE") {
        errors.emplace("gender", LocalizedText{"性别只能是 MALE 或 FEMALE", "Gender must be MALE or FEMALE"});
    }
    if (!input.phone.empty() && !detail::IsMobilePhone(input.phone)) {
        errors.emplace("phone", LocalizedText{"请输入 11 位手机号码", "Enter an 11-digit mobile number"});
    }
    if (input.employment_mode != "FULLTIME" && input.employment_mode != "PARTTIME" &&
        input.employment_mode != "SPECIALLY_INVITED") {
        errors.emplace("employmentMode", LocalizedText{"请选择专职、兼职或特邀",
                                                       "Choose FULLTIME, PARTTIME or SPECIALLY_INVITED"});
    }
    if (!input.term_end.empty() && !detail::IsDate(input.term_end))
        errors.emplace("termEnd", detail::kDateFormat);
    if (!errors.empty()) throw Error::InvalidInput(errors);
}

Error DuplicateCertificate(const db::ConstraintViolation& violation) {
    return db::DuplicateValue(violation, "certificateNo",
                              {"该监督检查员证号已被使用", "This certificate number is already in use"});
}

Error FieldError(ErrorCode code, const std::string& field, LocalizedText message) {
    Error::FieldErrors fields;
    fields.emplace(field, message);
    return Error(code, std::move(message), field, std::move(fields));
}

}  // namespace

std::optional<std::string> CanonicalCertificateNo(const std::string& text) {
    std::string code = text::Trim(text);
    if (code.size() < 4 || code.size() > 32 || code.front() == '-') return std::nullopt;
    for (char& c : code) {
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-')) return std::nullopt;
    }
    return code;
}

Page<Inspector> InspectorService::List(const RequestContext& context, const InspectorFilter& filter,
                                       PageRequest page) const {
    return database_.Read(
        [&](db::Session& session) { return Query(session, context, filter, page.page_size, page.Offset()); });
}

std::vector<Inspector> InspectorService::ListForExport(const RequestContext& context,
                                                       const InspectorFilter& filter) const {
    return database_.Read(
        [&](db::Session& session) { return Query(session, context, filter, kExportLimit, 0).items; });
}

Inspector InspectorService::Get(const RequestContext& context, std::int64_t id) const {
    auto inspector =
        database_.Read([&](db::Session& session) { return FindInScope(session, context.principal, id); });
    if (!inspector) throw Error::NotFound("inspector");
    return *inspector;
}

Inspector InspectorService::Create(const RequestContext& context, const InspectorInput& input) {
    const std::int64_t now = clock_.Now();
    return database_.Write([&](db::Session& session) {
        CheckInput(session, context.principal, input, std::nullopt);
        const std::int64_t id = session
                                    .Query(
                                        "INSERT INTO lp_inspectors (name, gender, phone, "
                                        "home_organisation_id, employment_mode, term_end,"
                                        " status, notes, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, "
                                        "$6, 'NOMINATED', $7, $8, $8)"
                                        " RETURNING id",
                                        input.name, input.gender, input.phone, input.home_organisation_id,
                                        input.employment_mode, input.term_end, input.notes, now)
                                    .Front()
                                    .GetInt64(0);
        RecordChange(session, context, id, "", "NOMINATED", detail::DateOf(now), "", now);
        const Inspector created = *FindInScope(session, context.principal, id);
        auth::RecordAudit(session, context,
                          {"create", "lp_inspector", std::to_string(id), std::nullopt, AuditJson(created),
                           created.home_organisation_path},
                          now);
        return created;
    });
}

Inspector InspectorService::Update(const RequestContext& context, std::int64_t id,
                                   const InspectorInput& input) {
    const std::int64_t now = clock_.Now();
    return database_.Write([&](db::Session& session) {
        const auto before = FindInScope(session, context.principal, id);
        if (!before) throw Error::NotFound("inspector");
        std::optional<std::string> appointing_path;
        if (before->appointing_organisation_id) {
            appointing_path = session
                                  .Query("SELECT path FROM organisations WHERE id = $1",
                                         *before->appointing_organisation_id)
                                  .Front()
                                  .GetString(0);
        }
        CheckInput(session, context.principal, input, appointing_path);
        session.Execute(
            "UPDATE lp_inspectors SET name = $1, gender = $2, phone = $3, home_organisation_id = $4,"
            " employment_mode = $5, term_end = $6, notes = $7, updated_at = $8 WHERE id = $9",
            input.name, input.gender, input.phone, input.home_organisation_id, input.employment_mode,
            input.term_end, input.notes, now, id);
        const Inspector after = *FindInScope(session, context.principal, id);
        auth::RecordAudit(session, context,
                          {"update", "lp_inspector", std::to_string(id), AuditJson(*before), AuditJson(after),
                           after.home_organisation_path},
                          now);
        return after;
    });
}

void InspectorService::Delete(const RequestContext& context, std::int64_t id) {
    const std::int64_t now = clock_.Now();
    database_.Write([&](db::Session& session) {
        const auto before = FindInScope(session, context.principal, id);
        if (!before) throw Error::NotFound("inspector");
        if (before->status != "NOMINATED") {
            throw Error::Conflict({"只能删除尚在提名阶段的记录；其他情况请按流程变更状态",
                                   "Only a nomination can be deleted; later records change status instead"});
        }
        session.Execute("DELETE FROM lp_inspectors WHERE id = $1", id);
        auth::RecordAudit(session, context,
                          {"delete", "lp_inspector", std::to_string(id), AuditJson(*before), std::nullopt,
                           before->home_organisation_path},
                          now);
    });
}

Inspector InspectorService::Transition(const RequestContext& context, std::int64_t id,
                                       const TransitionInput& input) {
    const std::int64_t now = clock_.Now();
    try {
        return database_.Write([&](db::Session& session) {
            const auto before = FindInScope(session, context.principal, id);
            if (!before) throw Error::NotFound("inspector");
            InspectorStatus to{};
            if (!ParseInspectorStatus(input.to, to)) {
                throw Error::InvalidField("to", {"未知的状态：" + input.to, "Unknown status: " + input.to});
            }
            InspectorStatus from{};
            ParseInspectorStatus(before->status, from);
            if (!IsAllowedTransition(from, to)) {
                throw FieldError(ErrorCode::kConflict, "to",
                                 {"不能从 " + before->status + " 变为 " + input.to,
                                  "An inspector cannot go from " + before->status + " to " + input.to});
            }
            Error::FieldErrors errors;
            if (!detail::IsDate(input.date)) errors.emplace("date", detail::kDateFormat);
            if (!input.term_end.empty() &&
                (!detail::IsDate(input.term_end) || input.term_end <= input.date)) {
                errors.emplace("termEnd", LocalizedText{"任期届满日期应晚于变更日期，格式 YYYY-MM-DD",
                                                        "The term must end after the date (YYYY-MM-DD)"});
            }
            const AppointmentKind appointment = AppointmentKindOf(from, to);
            std::optional<std::int64_t> appointing_id = before->appointing_organisation_id;
            std::string certificate = before->certificate_no;
            if (appointment != AppointmentKind::kNone) {
                if (!context.principal.HasPermission("organisation:inspector:appoint")) {
                    throw Error::Forbidden({"您没有任命监督检查员的权限", "You may not appoint inspectors"});
                }
                if (input.appointing_organisation_id) appointing_id = input.appointing_organisation_id;
                if (!appointing_id) {
                    errors.emplace(
                        "appointingOrganisationId",
                        LocalizedText{"请选择任命单位（上级工会）", "Choose the appointing higher union"});
                }
                if (appointment == AppointmentKind::kFirstAppointment) {
                    if (!input.certificate_no.empty()) certificate = input.certificate_no;
                    const auto canonical = CanonicalCertificateNo(certificate);
                    if (!canonical) {
                        errors.emplace(
                            "certificateNo",
                            LocalizedText{"任命时须填写证号：4–32 位字母、数字或连字符",
                                          "Appointment needs a certificate number: 4–32 letters, digits "
                                          "or hyphens"});
                    } else {
                        certificate = *canonical;
                    }
                }
            }
            if (!errors.empty()) throw Error::InvalidInput(errors);
            if (appointment != AppointmentKind::kNone) {
                // Only a higher union appoints (经由上级工会任命): a strict ancestor of the home
                // organisation.
                const db::Result appointing =
                    session.Query("SELECT path FROM organisations WHERE id = $1", *appointing_id);
                if (appointing.Empty() || !text::StartsWith(before->home_organisation_path,
                                                            appointing.Front().GetString(0) + "/")) {
                    throw FieldError(ErrorCode::kConflict, "appointingOrganisationId",
                                     {"任命单位须是" + before->home_organisation_name + "的上级工会",
                                      "The appointing organisation must be a higher union of " +
                                          before->home_organisation_name});
                }
                if (!detail::InRange(appointing.Front().GetString(0), auth::ScopeRange(context.principal))) {
                    throw FieldError(ErrorCode::kForbidden, "appointingOrganisationId",
                                     {"任命单位不在您的管理范围内，您不能以其名义任命",
                                      "The appointing organisation is outside your scope: you cannot appoint "
                                      "on its behalf"});
                }
            }
            const bool appointed = appointment != AppointmentKind::kNone;
            session.Execute(
                "UPDATE lp_inspectors SET status = $1, appointing_organisation_id = $2, certificate_no = $3,"
                " appointment_date = $4, term_end = $5, updated_at = $6 WHERE id = $7",
                input.to, appointing_id,
                certificate.empty() ? std::nullopt : std::optional<std::string>(certificate),
                appointed ? input.date : before->appointment_date,
                input.term_end.empty() ? before->term_end : input.term_end, now, id);
            RecordChange(session, context, id, before->status, input.to, input.date, input.note, now);
            const Inspector after = *FindInScope(session, context.principal, id);
            auth::RecordAudit(session, context,
                              {"transition", "lp_inspector", std::to_string(id), AuditJson(*before),
                               AuditJson(after), after.home_organisation_path},
                              now);
            return after;
        });
    } catch (const db::ConstraintViolation& violation) {
        if (violation.GetKind() == db::ConstraintViolation::Kind::kUnique)
            throw DuplicateCertificate(violation);
        throw;
    }
}

std::vector<StatusChange> InspectorService::History(const RequestContext& context, std::int64_t id) const {
    return database_.Read([&](db::Session& session) {
        if (!FindInScope(session, context.principal, id)) throw Error::NotFound("inspector");
        const db::Result rows = session.Query(
            "SELECT id, from_status, to_status, transition_date, note, user_id, username, created_at"
            " FROM lp_inspector_status_history WHERE inspector_id = $1 ORDER BY id",
            id);
        std::vector<StatusChange> history;
        for (const db::Row row : rows) {
            history.push_back({row.GetInt64(0), row.GetString(1), row.GetString(2), row.GetString(3),
                               row.GetString(4), row.GetOptionalInt64(5), row.GetString(6), row.GetInt64(7)});
        }
        return history;
    });
}

}  // namespace app::network
