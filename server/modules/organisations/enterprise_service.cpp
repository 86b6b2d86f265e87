#include "organisations/enterprise_service.hpp"

#include <algorithm>
#include <cctype>

#include "auth/audit.hpp"
#include "auth/data_scope.hpp"
#include "core/text.hpp"
#include "db/duplicate_value.hpp"
#include "http/json.hpp"
#include "organisations/credit_code.hpp"
#include "organisations/enterprise_json.hpp"
#include "organisations/enterprise_rules.hpp"
#include "organisations/organisation_service.hpp"

namespace app::organisations {
namespace {

constexpr std::string_view kColumns =
    "SELECT e.id, e.credit_code, e.name, e.organisation_id, o.name, e.organisation_path, e.industry_section,"
    " e.industry_division, e.economic_component, e.registration_type, e.size_class, e.headcount, e.address,"
    " e.admin_division_code, e.status, e.created_at, e.updated_at, c.coverage_type, c.union_organisation_id,"
    " uo.name, c.since_date, c.supervising_organisation_id, so.name";

// The current coverage period (until_date IS NULL) comes along with each enterprise.
constexpr std::string_view kFrom =
    " FROM enterprises e JOIN organisations o ON o.id = e.organisation_id"
    " LEFT JOIN union_coverage c ON c.enterprise_id = e.id AND c.until_date IS NULL"
    " LEFT JOIN organisations uo ON uo.id = c.union_organisation_id"
    " LEFT JOIN organisations so ON so.id = c.supervising_organisation_id";

// $1/$2 scope range, $3/$4/$5 keyword with name and credit-code patterns, $6/$7 organisation filter range,
// $8 economic component, $9 size class, $10 industry section, $11 coverage type, $12 status.
constexpr std::string_view kFilter =
    " WHERE e.organisation_path >= $1 AND e.organisation_path < $2"
    " AND ($3 = '' OR LOWER(e.name) LIKE $4 ESCAPE '\\' OR e.credit_code LIKE $5 ESCAPE '\\')"
    " AND ($6 = '' OR (e.organisation_path >= $6 AND e.organisation_path < $7))"
    " AND ($8 = '' OR e.economic_component = $8) AND ($9 = '' OR e.size_class = $9)"
    " AND ($10 = '' OR e.industry_section = $10)"
    " AND ($11 = '' OR c.coverage_type = $11 OR ($11 = 'NONE' AND c.id IS NULL))"
    " AND ($12 = '' OR e.status = $12)";

Enterprise ReadEnterprise(const db::Row& row) {
    Enterprise enterprise;
    enterprise.id = row.GetInt64(0);
    enterprise.credit_code = row.GetString(1);
    enterprise.name = row.GetString(2);
    enterprise.organisation_id = row.GetInt64(3);
    enterprise.organisation_name = row.GetString(4);
    enterprise.organisation_path = row.GetString(5);
    enterprise.industry_section = row.GetString(6);
    enterprise.industry_division = row.GetString(7);
    enterprise.economic_component = row.GetString(8);
    enterprise.registration_type = row.GetString(9);
    enterprise.size_class = row.GetString(10);
    enterprise.headcount = row.GetInt64(11);
    enterprise.address = row.GetString(12);
    enterprise.admin_division_code = row.GetString(13);
    enterprise.status = row.GetString(14);
    enterprise.created_at = row.GetInt64(15);
    enterprise.updated_at = row.GetInt64(16);
    if (!row.IsNull(17)) {
        Coverage coverage;
        coverage.coverage_type = row.GetString(17);
        coverage.union_organisation_id = row.GetOptionalInt64(18);
        coverage.union_organisation_name = row.GetOptionalString(19).value_or("");
        coverage.since = row.GetString(20);
        coverage.supervising_organisation_id = row.GetOptionalInt64(21);
        coverage.supervising_organisation_name = row.GetOptionalString(22).value_or("");
        enterprise.coverage = std::move(coverage);
    }
    return enterprise;
}

bool DictionaryHasCode(db::Session& session, const std::string& dictionary, const std::string& code) {
    return !session
                .Query("SELECT 1 FROM dictionary_items WHERE dict_code = $1 AND code = $2 AND enabled = 1",
                       dictionary, code)
                .Empty();
}

std::string AuditJson(const Enterprise& enterprise) {
    return http::Serialize(EnterpriseToJson(enterprise));
}

const LocalizedText& kOutOfScope = OrganisationOutOfScopeMessage();

// The database answers the rules' questions, one query each (a single create or update asks a handful).
class DatabaseReferences final : public EnterpriseReferences {
public:
    DatabaseReferences(db::Session& session, const Principal& principal)
        : session_(session), principal_(principal) {}
    bool InDictionary(std::string_view dictionary, std::string_view code) const override {
        return DictionaryHasCode(session_, std::string(dictionary), std::string(code));
    }
    bool OrganisationInScope(std::int64_t organisation_id) const override {
        return OrganisationService::FindInScope(session_, principal_, organisation_id).has_value();
    }

private:
    db::Session& session_;
    const Principal& principal_;
};

}  // namespace

Page<Enterprise> EnterpriseService::Query(db::Session& session, const RequestContext& context,
                                          const EnterpriseFilter& filter, std::int64_t limit,
                                          std::int64_t offset) const {
    const auto [lower, upper] = auth::ScopeRange(context.principal);
    std::string organisation_lower;
    std::string organisation_upper;
    if (filter.organisation_id) {
        const auto organisation =
            OrganisationService::FindInScope(session, context.principal, *filter.organisation_id);
        // An organisation outside the scope filters to nothing rather than revealing that it exists.
        organisation_lower = organisation ? organisation->path : std::string("~");
        organisation_upper = auth::SubtreeUpperBound(organisation_lower);
    }
    const std::string escaped = text::EscapeLike(filter.keyword);
    const std::string name_pattern = "%" + text::ToLowerAscii(escaped) + "%";
    std::string code_pattern = "%" + escaped + "%";
    for (char& c : code_pattern) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    Page<Enterprise> page;
    SetCappedTotal(page, session
                             .Query(CappedCountSql(std::string(kFrom) + std::string(kFilter)), lower, upper,
                                    filter.keyword, name_pattern, code_pattern, organisation_lower,
                                    organisation_upper, filter.economic_component, filter.size_class,
                                    filter.industry_section, filter.coverage_type, filter.status)
                             .Front()
                             .GetInt64(0));
    // LIMIT bound when many match, literal when few (LimitOffsetSql).
    const std::string statement =
        std::string(kColumns) + std::string(kFrom) + std::string(kFilter) + " ORDER BY e.id DESC";
    const db::Result rows =
        page.total_capped
            ? session.Query(statement + " LIMIT $13 OFFSET $14", lower, upper, filter.keyword, name_pattern,
                            code_pattern, organisation_lower, organisation_upper, filter.economic_component,
                            filter.size_class, filter.industry_section, filter.coverage_type, filter.status,
                            limit, offset)
            : session.Query(statement + LimitOffsetSql(limit, offset), lower, upper, filter.keyword,
                            name_pattern, code_pattern, organisation_lower, organisation_upper,
                            filter.economic_component, filter.size_class, filter.industry_section,
                            filter.coverage_type, filter.status);
    for (const db::Row row : rows) page.items.push_back(ReadEnterprise(row));
    return page;
}

Page<Enterprise> EnterpriseService::List(const RequestContext& context, const EnterpriseFilter& filter,
                                         PageRequest page) const {
    return database_.Read(
        [&](db::Session& session) { return Query(session, context, filter, page.page_size, page.Offset()); });
}

std::vector<Enterprise> EnterpriseService::ListForExport(const RequestContext& context,
                                                         const EnterpriseFilter& filter) const {
    return database_.Read(
        [&](db::Session& session) { return Query(session, context, filter, kExportLimit, 0).items; });
}

std::optional<Enterprise> EnterpriseService::FindInScope(db::Session& session, const Principal& principal,
                                                         std::int64_t id) {
    const db::Result rows =
        session.Query(std::string(kColumns) + std::string(kFrom) + " WHERE e.id = $1", id);
    if (rows.Empty()) return std::nullopt;
    Enterprise enterprise = ReadEnterprise(rows.Front());
    const auto [lower, upper] = auth::ScopeRange(principal);
    if (enterprise.organisation_path < lower || enterprise.organisation_path >= upper) return std::nullopt;
    return enterprise;
}

Enterprise EnterpriseService::Get(const RequestContext& context, std::int64_t id) const {
    auto enterprise =
        database_.Read([&](db::Session& session) { return FindInScope(session, context.principal, id); });
    if (!enterprise) throw Error::NotFound("enterprise");
    return *enterprise;
}

void EnterpriseService::Check(db::Session& session, const Principal& principal, const EnterpriseInput& input,
                              std::string& canonical_code) {
    const Error::FieldErrors errors =
        CheckEnterpriseInput(input, DatabaseReferences(session, principal), canonical_code);
    if (!errors.empty()) throw Error::InvalidInput(errors);
}

Enterprise EnterpriseService::Create(const RequestContext& context, const EnterpriseInput& input) {
    const std::int64_t now = clock_.Now();
    try {
        return database_.Write([&](db::Session& session) {
            std::string code;
            Check(session, context.principal, input, code);
            const std::int64_t id =
                session
                    .Query(
                        "INSERT INTO enterprises (credit_code, name, organisation_id, industry_section, "
                        "industry_division, economic_component, registration_type, size_class, headcount, "
                        "address, "
                        "admin_division_code, status, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, "
                        "$6, $7, $8, "
                        "$9, $10, $11, $12, $13, $13) RETURNING id",
                        code, input.name, input.organisation_id, input.industry_section,
                        input.industry_division, input.economic_component, input.registration_type,
                        input.size_class, input.headcount, input.address, input.admin_division_code,
                        input.status, now)
                    .Front()
                    .GetInt64(0);
            const Enterprise created = *FindInScope(session, context.principal, id);
            auth::RecordAudit(session, context,
                              {"create", "enterprise", std::to_string(id), std::nullopt, AuditJson(created),
                               created.organisation_path},
                              now);
            return created;
        });
    } catch (const db::ConstraintViolation& violation) {
        if (violation.GetKind() == db::ConstraintViolation::Kind::kUnique)
            throw db::DuplicateValue(
                violation, "creditCode",
                {"该统一社会信用代码的企业已存在", "An enterprise with this credit code already exists"});
        throw;
    }
}

Enterprise EnterpriseService::Update(const RequestContext& context, std::int64_t id,
                                     const EnterpriseInput& input) {
    const std::int64_t now = clock_.Now();
    try {
        return database_.Write([&](db::Session& session) {
            const auto before = FindInScope(session, context.principal, id);
            if (!before) throw Error::NotFound("enterprise");
            std::string code;
            Check(session, context.principal, input, code);
            session.Execute(
                "UPDATE enterprises SET credit_code = $1, name = $2, organisation_id = $3, industry_section "
                "= $4, "
                "industry_division = $5, economic_component = $6, registration_type = $7, size_class = $8, "
                "headcount = $9, address = $10, admin_division_code = $11, status = $12, updated_at = $13 "
                "WHERE id = $14",
                code, input.name, input.organisation_id, input.industry_section, input.industry_division,
                input.economic_component, input.registration_type, input.size_class, input.headcount,
                input.address, input.admin_division_code, input.status, now, id);
            const Enterprise after = *FindInScope(session, context.principal, id);
            auth::RecordAudit(session, context,
                              {"update", "enterprise", std::to_string(id), AuditJson(*before),
                               AuditJson(after), after.organisation_path},
                              now);
            return after;
        });
    } catch (const db::ConstraintViolation& violation) {
        if (violation.GetKind() == db::ConstraintViolation::Kind::kUnique)
            throw db::DuplicateValue(
                violation, "creditCode",
                {"该统一社会信用代码的企业已存在", "An enterprise with this credit code already exists"});
        throw;
    }
}

void EnterpriseService::Delete(const RequestContext& context, std::int64_t id) {
    const std::int64_t now = clock_.Now();
    database_.Write([&](db::Session& session) {
        const auto before = FindInScope(session, context.principal, id);
        if (!before) throw Error::NotFound("enterprise");
        session.Execute("DELETE FROM enterprises WHERE id = $1", id);
        auth::RecordAudit(session, context,
                          {"delete", "enterprise", std::to_string(id), AuditJson(*before), std::nullopt,
                           before->organisation_path},
                          now);
    });
}

Enterprise EnterpriseService::SetCoverage(const RequestContext& context, std::int64_t id,
                                          const CoverageInput& input) {
    const std::int64_t now = clock_.Now();
    try {
        return SetCoverageInTransaction(context, id, input, now);
    } catch (const db::ConstraintViolation& violation) {
        if (violation.GetKind() != db::ConstraintViolation::Kind::kUnique) throw;
        // Another change of this enterprise's coverage committed first (one current period per enterprise).
        throw Error::Conflict({"该企业的建会情况刚被修改，请刷新后重试",
                               "The coverage of this enterprise was just changed; reload and try again"});
    }
}

Enterprise EnterpriseService::SetCoverageInTransaction(const RequestContext& context, std::int64_t id,
                                                       const CoverageInput& input, std::int64_t now) {
    return database_.Write([&](db::Session& session) {
        const auto before = FindInScope(session, context.principal, id);
        if (!before) throw Error::NotFound("enterprise");
        Error::FieldErrors errors;
        if (!DictionaryHasCode(session, "union_coverage_type", input.coverage_type)) {
            errors.emplace("coverageType", LocalizedText{"请选择建会覆盖方式", "Choose a coverage type"});
        } else if (input.coverage_type == "NONE" && input.union_organisation_id) {
            errors.emplace("unionOrganisationId",
                           LocalizedText{"未建会时不填写覆盖工会", "No covering union when there is none"});
        } else if (input.coverage_type != "NONE" &&
                   (!input.union_organisation_id ||
                    !OrganisationService::FindInScope(session, context.principal,
                                                      *input.union_organisation_id))) {
            errors.emplace("unionOrganisationId",
                           input.union_organisation_id
                               ? kOutOfScope
                               : LocalizedText{"请选择覆盖该企业的工会", "Choose the covering union"});
        }
        if (input.supervising_organisation_id &&
            !OrganisationService::FindInScope(session, context.principal,
                                              *input.supervising_organisation_id)) {
            errors.emplace("supervisingOrganisationId", kOutOfScope);
        }
        if (!IsValidDate(input.since)) {
            errors.emplace("since", LocalizedText{"日期格式为 YYYY-MM-DD", "Use a date like 2026-11-29"});
        } else if (before->coverage && input.since < before->coverage->since) {
            errors.emplace("since", LocalizedText{"不能早于当前建会情况的起始日期 " + before->coverage->since,
                                                  "Must not be before the current coverage's start, " +
                                                      before->coverage->since});
        }
        if (!errors.empty()) throw Error::InvalidInput(errors);
        session.Execute(
            "UPDATE union_coverage SET until_date = $1 WHERE enterprise_id = $2 AND until_date IS NULL",
            input.since, id);
        session.Execute(
            "INSERT INTO union_coverage (enterprise_id, coverage_type, union_organisation_id, "
            "supervising_organisation_id, "
            "since_date, created_at) VALUES ($1, $2, $3, $4, $5, $6)",
            id, input.coverage_type, input.union_organisation_id, input.supervising_organisation_id,
            input.since, now);
        const Enterprise after = *FindInScope(session, context.principal, id);
        auth::RecordAudit(session, context,
                          {"set_coverage", "enterprise", std::to_string(id), AuditJson(*before),
                           AuditJson(after), after.organisation_path},
                          now);
        return after;
    });
}

std::vector<Coverage> EnterpriseService::CoverageHistory(const RequestContext& context,
                                                         std::int64_t id) const {
    return database_.Read([&](db::Session& session) {
        if (!FindInScope(session, context.principal, id)) throw Error::NotFound("enterprise");
        const db::Result rows = session.Query(
            "SELECT c.coverage_type, c.union_organisation_id, uo.name, c.since_date, c.until_date, "
            "c.supervising_organisation_id, so.name FROM union_coverage c "
            "LEFT JOIN organisations uo ON uo.id = c.union_organisation_id "
            "LEFT JOIN organisations so ON so.id = c.supervising_organisation_id "
            "WHERE c.enterprise_id = $1 ORDER BY c.id DESC",
            id);
        std::vector<Coverage> history;
        for (const db::Row row : rows) {
            history.push_back({row.GetString(0), row.GetOptionalInt64(1),
                               row.GetOptionalString(2).value_or(""), row.GetString(3),
                               row.GetOptionalString(4), row.GetOptionalInt64(5),
                               row.GetOptionalString(6).value_or("")});
        }
        return history;
    });
}

}  // namespace app::organisations
