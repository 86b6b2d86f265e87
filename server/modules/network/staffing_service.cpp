#include "network/staffing_service.hpp"

#include "auth/audit.hpp"
#include "auth/data_scope.hpp"
#include "http/json.hpp"
#include "network/network_json.hpp"
#include "network/network_scope.hpp"

namespace app::network {
namespace {

constexpr std::string_view kColumns =
    "SELECT s.id, s.organisation_id, o.name, o.path, s.year, s.has_lp_department, s.lp_department_name,"
    " s.fulltime_lp_cadres, s.parttime_lp_cadres, s.authorised_posts, s.budget_planned_fen, "
    "s.budget_spent_fen,"
    " s.notes, s.created_at, s.updated_at";
constexpr std::string_view kFrom = " FROM lp_staffing s JOIN organisations o ON o.id = s.organisation_id";
// $1/$2 scope range, $3/$4 organisation filter range, $5 year (0: every year).
constexpr std::string_view kFilter =
    " WHERE o.path >= $1 AND o.path < $2 AND ($3 = '' OR (o.path >= $3 AND o.path < $4))"
    " AND ($5 = 0 OR s.year = $5)";

Staffing ReadStaffing(const db::Row& row) {
    Staffing staffing;
    staffing.id = row.GetInt64(0);
    staffing.organisation_id = row.GetInt64(1);
    staffing.organisation_name = row.GetString(2);
    staffing.organisation_path = row.GetString(3);
    staffing.year = row.GetInt64(4);
    staffing.has_lp_department = row.GetInt64(5) != 0;
    staffing.lp_department_name = row.GetString(6);
    staffing.fulltime_lp_cadres = row.GetInt64(7);
    staffing.parttime_lp_cadres = row.GetInt64(8);
    staffing.authorised_posts = row.GetInt64(9);
    staffing.budget_planned_fen = row.GetInt64(10);
    staffing.budget_spent_fen = row.GetInt64(11);
    staffing.notes = row.GetString(12);
    staffing.created_at = row.GetInt64(13);
    staffing.updated_at = row.GetInt64(14);
    return staffing;
}

std::optional<Staffing> FindInScope(db::Session& session, const Principal& principal, std::int64_t id) {
    const db::Result rows =
        session.Query(std::string(kColumns) + std::string(kFrom) + " WHERE s.id = $1", id);
    if (rows.Empty()) return std::nullopt;
    Staffing staffing = ReadStaffing(rows.Front());
    if (!detail::InRange(staffing.organisation_path, auth::ScopeRange(principal))) return std::nullopt;
    return staffing;
}

StaffingPage Query(db::Session& session, const RequestContext& context, const StaffingFilter& filter,
                   std::int64_t limit, std::int64_t offset) {
    const detail::PathRange range = detail::ListRange(session, context.principal, filter.organisation_id);
    const std::int64_t year = filter.year.value_or(0);
    StaffingPage page;
    const db::Row sums =
        session
            .Query(
                "SELECT COUNT(*), COALESCE(SUM(s.has_lp_department), 0), COALESCE(SUM(s.fulltime_lp_cadres), "
                "0),"
                " COALESCE(SUM(s.parttime_lp_cadres), 0), COALESCE(SUM(s.authorised_posts), 0),"
                " COALESCE(SUM(s.budget_planned_fen), 0), COALESCE(SUM(s.budget_spent_fen), 0)" +
                    std::string(kFrom) + std::string(kFilter),
                range.scope_lower, range.scope_upper, range.filter_lower, range.filter_upper, year)
            .Front();
    page.total = sums.GetInt64(0);
    page.totals = {sums.GetInt64(0), sums.GetInt64(1), sums.GetInt64(2), sums.GetInt64(3),
                   sums.GetInt64(4), sums.GetInt64(5), sums.GetInt64(6)};
    const db::Result rows = session.Query(std::string(kColumns) + std::string(kFrom) + std::string(kFilter) +
                                              " ORDER BY s.year DESC, o.path LIMIT $6 OFFSET $7",
                                          range.scope_lower, range.scope_upper, range.filter_lower,
                                          range.filter_upper, year, limit, offset);
    for (const db::Row row : rows) page.items.push_back(ReadStaffing(row));
    return page;
}

void Check(db::Session& session, const Principal& principal, const StaffingInput& input) {
    Error::FieldErrors errors;
    if (!detail::OrganisationPathInScope(session, principal, input.organisation_id)) {
        errors.emplace("organisationId", detail::kOrganisationOutOfScope);
    }
    if (input.year < 2000 || input.year > 2100) {
        errors.emplace("year", LocalizedText{"年度应在 2000–2100 之间", "The year must be 2000–2100"});
    }
    if (input.has_lp_department && input.lp_department_name.empty()) {
        errors.emplace("lpDepartmentName", LocalizedText{"设有劳动保护部门时请填写部门名称",
                                                         "Name the labour-protection department"});
    }
    const auto count = [&](const char* field, std::int64_t value) {
        if (value < 0 || value > StaffingService::kMaxCadres) {
            errors.emplace(field, LocalizedText{"人数应在 0–100000 之间", "The number must be 0–100000"});
        }
    };
    count("fulltimeLpCadres", input.fulltime_lp_cadres);
    count("parttimeLpCadres", input.parttime_lp_cadres);
    count("authorisedPosts", input.authorised_posts);
    const auto money = [&](const char* field, std::int64_t fen) {
        if (fen < 0 || fen > StaffingService::kMaxBudgetFen) {
            errors.emplace(field,
                           LocalizedText{"金额不能为负数，且不超过 1000 亿元",
                                         "The amount must not be negative nor above 100 billion yuan"});
        }
    };
    money("budgetPlannedFen", input.budget_planned_fen);
    money("budgetSpentFen", input.budget_spent_fen);
    if (!errors.empty()) throw Error::InvalidInput(errors);
}

std::string AuditJson(const Staffing& staffing) {
    return http::Serialize(StaffingToJson(staffing));
}

}  // namespace

StaffingPage StaffingService::List(const RequestContext& context, const StaffingFilter& filter,
                                   PageRequest page) const {
    return database_.Read(
        [&](db::Session& session) { return Query(session, context, filter, page.page_size, page.Offset()); });
}

std::vector<Staffing> StaffingService::ListForExport(const RequestContext& context,
                                                     const StaffingFilter& filter) const {
    return database_.Read(
        [&](db::Session& session) { return Query(session, context, filter, kExportLimit, 0).items; });
}

Staffing StaffingService::Save(const RequestContext& context, const StaffingInput& input) {
    const std::int64_t now = clock_.Now();
    return database_.Write([&](db::Session& session) {
        Check(session, context.principal, input);
        const db::Result existing =
            session.Query("SELECT id FROM lp_staffing WHERE organisation_id = $1 AND year = $2",
                          input.organisation_id, input.year);
        std::optional<Staffing> before;
        if (!existing.Empty()) before = FindInScope(session, context.principal, existing.Front().GetInt64(0));
        // ON CONFLICT keeps one row per organisation and year even when two saves race.
        const std::int64_t id =
            session
                .Query(
                    "INSERT INTO lp_staffing (organisation_id, year, has_lp_department, lp_department_name,"
                    " fulltime_lp_cadres, parttime_lp_cadres, authorised_posts, budget_planned_fen, "
                    "budget_spent_fen,"
                    " notes, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, "
                    "$11)"
                    " ON CONFLICT (organisation_id, year) DO UPDATE SET has_lp_department = "
                    "excluded.has_lp_department,"
                    " lp_department_name = excluded.lp_department_name,"
                    " fulltime_lp_cadres = excluded.fulltime_lp_cadres,"
                    " parttime_lp_cadres = excluded.parttime_lp_cadres, authorised_posts = "
                    "excluded.authorised_posts,"
                    " budget_planned_fen = excluded.budget_planned_fen, budget_spent_fen = "
                    "excluded.budget_spent_fen,"
                    " notes = excluded.notes, updated_at = excluded.updated_at RETURNING id",
                    input.organisation_id, input.year, input.has_lp_department ? 1 : 0,
                    input.lp_department_name, input.fulltime_lp_cadres, input.parttime_lp_cadres,
                    input.authorised_posts, input.budget_planned_fen, input.budget_spent_fen, input.notes,
                    now)
                .Front()
                .GetInt64(0);
        const Staffing after = *FindInScope(session, context.principal, id);
        auth::RecordAudit(session, context,
                          {before ? "update" : "create", "lp_staffing", std::to_string(id),
                           before ? std::optional<std::string>(AuditJson(*before)) : std::nullopt,
                           AuditJson(after), after.organisation_path},
                          now);
        return after;
    });
}

void StaffingService::Delete(const RequestContext& context, std::int64_t id) {
    const std::int64_t now = clock_.Now();
    database_.Write([&](db::Session& session) {
        const auto before = FindInScope(session, context.principal, id);
        if (!before) throw Error::NotFound("staffing");
        session.Execute("DELETE FROM lp_staffing WHERE id = $1", id);
        auth::RecordAudit(session, context,
                          {"delete", "lp_staffing", std::to_string(id), AuditJson(*before), std::nullopt,
                           before->organisation_path},
                          now);
    });
}

}  // namespace app::network
