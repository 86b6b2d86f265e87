#include "organisations/uncovered_routes.hpp"

#include <boost/json/array.hpp>

#include "http/json.hpp"
#include "http/xlsx.hpp"

namespace app::organisations {
namespace {

using http::Localize;
using http::Method;

boost::json::object TownshipToJson(const UncoveredTownship& township) {
    boost::json::array candidates;
    for (const CandidateUnion& candidate : township.candidates) {
        candidates.push_back({{"organisationId", candidate.organisation_id},
                              {"name", candidate.name},
                              {"orgType", candidate.org_type},
                              {"coveredEnterprises", candidate.covered_enterprises}});
    }
    return {{"organisationId", township.organisation_id},
            {"organisationName", township.organisation_name},
            {"parentName", township.parent_name},
            {"enterprises", township.enterprises},
            {"workers", township.workers},
            {"nonPublic", township.non_public},
            {"smallAndMicro", township.small_and_micro},
            {"candidates", std::move(candidates)}};
}

}  // namespace

void RegisterUncoveredRoutes(http::Router& router, UncoveredEnterpriseService& uncovered) {
    router.Add({.method = Method::kGet,
                .path = "/api/v1/organisations/{id}/uncovered-townships",
                .permission = "organisation:enterprise:view",
                .tag = "organisations",
                .summary = "Uncovered enterprises below an organisation, by township (largest gap first), "
                           "each with the joint or regional unions that could take them in",
                .response_body = "UncoveredTownshipPage"},
               [&](http::Request& request) {
                   const auto page = http::ReadPageRequest(request);
                   return http::Response::Json(http::Serialize(http::PageToJson(
                       uncovered.Townships(request.context, request.PathId("id"), page), TownshipToJson)));
               });
    router.Add(
        {.method = Method::kGet,
         .path = "/api/v1/organisations/{id}/uncovered-enterprises/export",
         .permission = "organisation:enterprise:export",
         .tag = "organisations",
         .summary = "Every uncovered enterprise below an organisation, grouped by township, as .xlsx"},
        [&](http::Request& request) {
            http::XlsxTable table{
                Localize(request, "未建会企业", "Uncovered enterprises"),
                {Localize(request, "乡镇(街道)", "Township"), Localize(request, "企业名称", "Enterprise"),
                 Localize(request, "统一社会信用代码", "Credit code"),
                 Localize(request, "经济成分", "Economic component"), Localize(request, "规模", "Size"),
                 Localize(request, "职工人数", "Headcount"),
                 Localize(request, "可吸纳的联合工会/区域(行业)工会", "Unions that could take it in")},
                {24, 36, 22, 10, 8, 10, 48},
                {}};
            for (const UncoveredEnterprise& enterprise :
                 uncovered.ListForExport(request.context, request.PathId("id"))) {
                table.rows.push_back({enterprise.township_name, enterprise.name, enterprise.credit_code,
                                      enterprise.economic_component, enterprise.size_class,
                                      enterprise.headcount, enterprise.candidates});
            }
            return http::Response::File(http::BuildXlsx(table), http::kXlsxContentType,
                                        Localize(request, "未建会企业.xlsx", "uncovered-enterprises.xlsx"));
        });
}

}  // namespace app::organisations
