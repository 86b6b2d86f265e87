#include "organisations/enterprise_json.hpp"

#include "http/json.hpp"

namespace app::organisations {
namespace {
boost::json::value OptionalId(const std::optional<std::int64_t>& id) {
    return id ? boost::json::value(*id) : boost::json::value(nullptr);
}
boost::json::value NameOrNull(const std::optional<std::int64_t>& id, const std::string& name) {
    return id ? boost::json::value(name) : boost::json::value(nullptr);
}
}  // namespace

boost::json::object CoverageToJson(const Coverage& coverage) {
    return {{"coverageType", coverage.coverage_type},
            {"unionOrganisationId", OptionalId(coverage.union_organisation_id)},
            {"unionOrganisationName",
             NameOrNull(coverage.union_organisation_id, coverage.union_organisation_name)},
            {"since", coverage.since},
            {"until", coverage.until ? boost::json::value(*coverage.until) : boost::json::value(nullptr)},
            {"supervisingOrganisationId", OptionalId(coverage.supervising_organisation_id)},
            {"supervisingOrganisationName",
             NameOrNull(coverage.supervising_organisation_id, coverage.supervising_organisation_name)}};
}

boost::json::object EnterpriseToJson(const Enterprise& enterprise) {
    return {{"id", enterprise.id},
            {"creditCode", enterprise.credit_code},
            {"name", enterprise.name},
            {"organisationId", enterprise.organisation_id},
            {"organisationName", enterprise.organisation_name},
            {"industrySection", enterprise.industry_section},
            {"industryDivision", enterprise.industry_division},
            {"economicComponent", enterprise.economic_component},
            {"registrationType", enterprise.registration_type},
            {"sizeClass", enterprise.size_class},
            {"headcount", enterprise.headcount},
            {"address", enterprise.address},
            {"adminDivisionCode", enterprise.admin_division_code},
            {"status", enterprise.status},
            {"coverage", enterprise.coverage ? boost::json::value(CoverageToJson(*enterprise.coverage))
                                             : boost::json::value(nullptr)},
            {"createdAt", enterprise.created_at},
            {"updatedAt", enterprise.updated_at}};
}

EnterpriseInput ReadEnterpriseInput(const boost::json::object& body) {
    http::FieldReader reader(body);
    EnterpriseInput input;
    input.credit_code = reader.RequiredString("creditCode", 1, 32);
    input.name = reader.RequiredString("name", 2, 100);
    input.organisation_id = reader.RequiredInt64("organisationId", 1, INT64_MAX);
    input.industry_section = reader.RequiredString("industrySection", 1, 1);
    input.industry_division = reader.OptionalString("industryDivision", 2).value_or("");
    input.economic_component = reader.RequiredString("economicComponent", 1, 8);
    input.registration_type = reader.OptionalString("registrationType", 3).value_or("");
    input.size_class = reader.RequiredString("sizeClass", 1, 16);
    input.headcount = reader.RequiredInt64("headcount", 0, 1'000'000);
    input.address = reader.OptionalString("address", 200).value_or("");
    input.admin_division_code = reader.OptionalString("adminDivisionCode", 12).value_or("");
    input.status = reader.OptionalString("status", 16).value_or("ACTIVE");
    reader.Finish();
    return input;
}

CoverageInput ReadCoverageInput(const boost::json::object& body) {
    http::FieldReader reader(body);
    CoverageInput input;
    input.coverage_type = reader.RequiredString("coverageType", 1, 32);
    input.union_organisation_id = reader.OptionalInt64("unionOrganisationId", 1, INT64_MAX);
    input.since = reader.RequiredString("since", 10, 10);
    input.supervising_organisation_id = reader.OptionalInt64("supervisingOrganisationId", 1, INT64_MAX);
    reader.Finish();
    return input;
}

EnterpriseFilter ReadEnterpriseFilter(const http::Request& request) {
    EnterpriseFilter filter;
    filter.keyword = http::QueryText(request, "keyword", 64).value_or("");
    filter.organisation_id = http::QueryInt64(request, "organisationId");
    filter.economic_component = http::QueryText(request, "economicComponent", 8).value_or("");
    filter.size_class = http::QueryText(request, "sizeClass", 16).value_or("");
    filter.industry_section = http::QueryText(request, "industrySection", 1).value_or("");
    filter.coverage_type = http::QueryText(request, "coverageType", 32).value_or("");
    filter.status = http::QueryText(request, "status", 16).value_or("");
    return filter;
}

}  // namespace app::organisations
