#include "network/volunteer_service.hpp"

#include "auth/audit.hpp"
#include "auth/data_scope.hpp"
#include "core/text.hpp"
#include "http/json.hpp"
#include "network/network_json.hpp"
#include "network/network_scope.hpp"

namespace app::network {
namespace {

constexpr std::string_view kColumns =
    "SELECT v.id, v.kind, v.subtype, v.name, v.phone, v.organisation_id, o.name, o.path, v.enterprise_id, "
    "e.name,"
    " v.team, v.appointed_on, v.term_end, v.status, v.created_at, v.updated_at";
constexpr std::string_view kFrom =
    " FROM lp_volunteers v JOIN organisations o ON o.id = v.organisation_id"
    " LEFT JOIN enterprises e ON e.id = v.enterprise_id";
// $1/$2 scope range, $3/$4 organisation filter range, $5 kind, $6 status, $7/$8 keyword and its pattern.
constexpr std::string_view kFilter =
    " WHERE o.path >= $1 AND o.path < $2 AND ($3 = '' OR (o.path >= $3 AND o.path < $4))"
    " AND ($5 = '' OR v.kind = $5) AND ($6 = '' OR v.status = $6)"
    " AND ($7 = '' OR LOWER(v.name) LIKE $8 ESCAPE '\\' OR LOWER(v.team) LIKE $8 ESCAPE '\\')";

Volunteer ReadVolunteer(const db::Row& row) {
    Volunteer volunteer;
    volunteer.id = row.GetInt64(0);
    volunteer.kind = row.GetString(1);
    volunteer.subtype = row.GetString(2);
    volunteer.name = row.GetString(3);
    volunteer.phone = row.GetString(4);
    volunteer.organisation_id = row.GetInt64(5);
    volunteer.organisation_name = row.GetString(6);
    volunteer.organisation_path = row.GetString(7);
    volunteer.enterprise_id = row.GetOptionalInt64(8);
    volunteer.enterprise_name = row.GetOptionalString(9).value_or("");
    volunteer.team = row.GetString(10);
    volunteer.appointed_on = row.GetString(11);
    volunteer.term_end = row.GetString(12);
    volunteer.status = row.GetString(13);
    volunteer.created_at = row.GetInt64(14);
    volunteer.updated_at = row.GetInt64(15);
    return volunteer;
}

std::optional<Volunteer> FindInScope(db::Session& session, const Principal& principal, std::int64_t id) {
    const db::Result rows =
        session.Query(std::string(kColumns) + std::string(kFrom) + " WHERE v.id = $1", id);
    if (rows.Empty()) return std::nullopt;
    Volunteer volunteer = ReadVolunteer(rows.Front());
    if (!detail::InRange(volunteer.organisation_path, auth::ScopeRange(principal))) return std::nullopt;
    return volunteer;
}

Page<Volunteer> Query(db::Session& session, const RequestContext& context, const VolunteerFilter& filter,
                      std::int64_t limit, std::int64_t offset) {
    const detail::PathRange range = detail::ListRange(session, context.principal, filter.organisation_id);
    const std::string pattern = "%" + text::ToLowerAscii(text::EscapeLike(filter.keyword)) + "%";
    Page<Volunteer> page;
    page.total = session
                     .Query("SELECT COUNT(*)" + std::string(kFrom) + std::string(kFilter), range.scope_lower,
                            range.scope_upper, range.filter_lower, range.filter_upper, filter.kind,
                            filter.status, filter.keyword, pattern)
                     .Front()
                     .GetInt64(0);
    const db::Result rows =
        session.Query(std::string(kColumns) + std::string(kFrom) + std::string(kFilter) +
                          " ORDER BY v.id DESC LIMIT $9 OFFSET $10",
                      range.scope_lower, range.scope_upper, range.filter_lower, range.filter_upper,
                      filter.kind, filter.status, filter.keyword, pattern, limit, offset);
    for (const db::Row row : rows) page.items.push_back(ReadVolunteer(row));
    return page;
}

void Check(db::Session& session, const Principal& principal, const VolunteerInput& input) {
    Error::FieldErrors errors;
    if (input.kind != "GROUP_INSPECTOR" && input.kind != "MASS_SUPERVISOR") {
        errors.emplace("kind", LocalizedText{"请选择工会小组检查员或群众安全生产监督员",
                                             "Choose GROUP_INSPECTOR or MASS_SUPERVISOR"});
    } else if (input.kind == "MASS_SUPERVISOR" && !IsMassSupervisorSubtype(input.subtype)) {
        errors.emplace("subtype",
                       LocalizedText{"请选择群众监督员的类别", "Choose the kind of mass supervisor"});
    } else if (input.kind == "GROUP_INSPECTOR" && !input.subtype.empty()) {
        errors.emplace("subtype",
                       LocalizedText{"工会小组检查员没有类别", "A group inspector has no subtype"});
    }
    if (!detail::OrganisationPathInScope(session, principal, input.organisation_id)) {
        errors.emplace("organisationId", detail::kOrganisationOutOfScope);
    }
    if (input.enterprise_id) {
        const db::Result enterprise =
            session.Query("SELECT organisation_path FROM enterprises WHERE id = $1", *input.enterprise_id);
        if (enterprise.Empty() ||
            !detail::InRange(enterprise.Front().GetString(0), auth::ScopeRange(principal))) {
            errors.emplace("enterpriseId",
                           LocalizedText{"企业不存在或不在您的管理范围内",
                                         "The enterprise does not exist or is outside your scope"});
        }
    }
    if (!input.phone.empty() && !detail::IsMobilePhone(input.phone)) {
        errors.emplace("phone", LocalizedText{"请输入 11 位手机号码", "Enter an 11-digit mobile number"});
    }
    if (!detail::IsDate(input.appointed_on)) errors.emplace("appointedOn", detail::kDateFormat);
    if (!input.term_end.empty() &&
        (!detail::IsDate(input.term_end) || input.term_end <= input.appointed_on)) {
        errors.emplace("termEnd", LocalizedText{"任期届满日期应晚于任命日期，格式 YYYY-MM-DD",
                                                "The term must end after the appointment (YYYY-MM-DD)"});
    }
    if (input.status != "ACTIVE" && input.status != "TERM_EXPIRED" && input.status != "LEFT") {
        errors.emplace("status", LocalizedText{"状态只能是 ACTIVE、TERM_EXPIRED 或 LEFT",
                                               "Status must be ACTIVE, TERM_EXPIRED or LEFT"});
    }
    if (!errors.empty()) throw Error::InvalidInput(errors);
}

std::string AuditJson(const Volunteer& volunteer) {
    return http::Serialize(VolunteerToJson(volunteer));
}

}  // namespace

bool IsMassSupervisorSubtype(const std::string& subtype) {
    return subtype == "COAL_MASS_SUPERVISOR" || subtype == "SPECIAL_EQUIPMENT_WORKER_SUPERVISOR" ||
           subtype == "SOCIAL_VOLUNTEER" || subtype == "YOUTH_SAFETY_POST" || subtype == "WHISTLEBLOWER";
}

Page<Volunteer> VolunteerService::List(const RequestContext& context, const VolunteerFilter& filter,
                                       PageRequest page) const {
    return database_.Read(
        [&](db::Session& session) { return Query(session, context, filter, page.page_size, page.Offset()); });
}

std::vector<Volunteer> VolunteerService::ListForExport(const RequestContext& context,
                                                       const VolunteerFilter& filter) const {
    return database_.Read(
        [&](db::Session& session) { return Query(session, context, filter, kExportLimit, 0).items; });
}

Volunteer VolunteerService::Get(const RequestContext& context, std::int64_t id) const {
    auto volunteer =
        database_.Read([&](db::Session& session) { return FindInScope(session, context.principal, id); });
    if (!volunteer) throw Error::NotFound("volunteer");
    return *volunteer;
}

Volunteer VolunteerService::Create(const RequestContext& context, const VolunteerInput& input) {
    const std::int64_t now = clock_.Now();
    return database_.Write([&](db::Session& session) {
        Check(session, context.principal, input);
        const std::int64_t id =
            session
                .Query(
                    "INSERT INTO lp_volunteers (kind, subtype, name, phone, organisation_id, enterprise_id, "
                    "team,"
                    " appointed_on, term_end, status, created_at, updated_at)"
                    " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11) RETURNING id",
                    input.kind, input.subtype, input.name, input.phone, input.organisation_id,
                    input.enterprise_id, input.team, input.appointed_on, input.term_end, input.status, now)
                .Front()
                .GetInt64(0);
        const Volunteer created = *FindInScope(session, context.principal, id);
        auth::RecordAudit(session, context,
                          {"create", "lp_volunteer", std::to_string(id), std::nullopt, AuditJson(created),
                           created.organisation_path},
                          now);
        return created;
    });
}

Volunteer VolunteerService::Update(const RequestContext& context, std::int64_t id,
                                   const VolunteerInput& input) {
    const std::int64_t now = clock_.Now();
    return database_.Write([&](db::Session& session) {
        const auto before = FindInScope(session, context.principal, id);
        if (!before) throw Error::NotFound("volunteer");
        Check(session, context.principal, input);
        session.Execute(
            "UPDATE lp_volunteers SET kind = $1, subtype = $2, name = $3, phone = $4, organisation_id = $5,"
            " enterprise_id = $6, team = $7, appointed_on = $8, term_end = $9, status = $10, updated_at = $11"
            " WHERE id = $12",
            input.kind, input.subtype, input.name, input.phone, input.organisation_id, input.enterprise_id,
            input.team, input.appointed_on, input.term_end, input.status, now, id);
        const Volunteer after = *FindInScope(session, context.principal, id);
        auth::RecordAudit(session, context,
                          {"update", "lp_volunteer", std::to_string(id), AuditJson(*before), AuditJson(after),
                           after.organisation_path},
                          now);
        return after;
    });
}

void VolunteerService::Delete(const RequestContext& context, std::int64_t id) {
    const std::int64_t now = clock_.Now();
    database_.Write([&](db::Session& session) {
        const auto before = FindInScope(session, context.principal, id);
        if (!before) throw Error::NotFound("volunteer");
        session.Execute("DELETE FROM lp_volunteers WHERE id = $1", id);
        auth::RecordAudit(session, context,
                          {"delete", "lp_volunteer", std::to_string(id), AuditJson(*before), std::nullopt,
                           before->organisation_path},
                          now);
    });
}

}  // namespace app::network
