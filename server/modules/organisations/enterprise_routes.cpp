#include "organisations/enterprise_routes.hpp"

#include <boost/json/array.hpp>

#include "http/json.hpp"
#include "http/xlsx.hpp"
#include "organisations/enterprise_json.hpp"

namespace app::organisations {
namespace {

using http::Method;

std::string Label(const http::Request& request, const char* zh, const char* en) {
    return request.context.language == Language::kEnglish ? en : zh;
}

std::string CoverageLabel(const http::Request& request, const std::optional<Coverage>& coverage) {
    if (!coverage) return Label(request, "未录入", "Not recorded");
    return coverage->coverage_type +
           (coverage->union_organisation_id ? " " + coverage->union_organisation_name : "");
}

}  // namespace

void RegisterEnterpriseRoutes(http::Router& router, EnterpriseService& enterprises) {
    router.DeclarePermission({"organisation:enterprise:view", "查看企业", "View enterprises"});
    router.DeclarePermission({"organisation:enterprise:create", "新增企业", "Create enterprises"});
    router.DeclarePermission(
        {"organisation:enterprise:update", "修改企业、建会情况", "Edit enterprises and coverage"});
    router.DeclarePermission({"organisation:enterprise:delete", "删除企业", "Delete enterprises"});
    router.DeclarePermission({"organisation:enterprise:export", "导出企业", "Export enterprises"});

    router.Add(
        {.method = Method::kGet,
         .path = "/api/v1/enterprises",
         .permission = "organisation:enterprise:view",
         .tag = "organisations",
         .summary = "List enterprises in the caller's scope with their current coverage",
         .response_body = "EnterprisePage"},
        [&](http::Request& request) {
            const auto page = http::ReadPageRequest(request);
            return http::Response::Json(http::Serialize(http::PageToJson(
                enterprises.List(request.context, ReadEnterpriseFilter(request), page), EnterpriseToJson)));
        });
    router.Add(
        {.method = Method::kGet,
         .path = "/api/v1/enterprises/export",
         .permission = "organisation:enterprise:export",
         .tag = "organisations",
         .summary = "Export the filtered enterprise list as .xlsx"},
        [&](http::Request& request) {
            http::XlsxTable table{
                Label(request, "企业", "Enterprises"),
                {Label(request, "名称", "Name"), Label(request, "统一社会信用代码", "Credit code"),
                 Label(request, "所属区域工会", "Territorial union"), Label(request, "门类", "Section"),
                 Label(request, "大类", "Division"), Label(request, "经济成分", "Economic component"),
                 Label(request, "规模", "Size"), Label(request, "职工人数", "Headcount"),
                 Label(request, "建会情况", "Union coverage"), Label(request, "状态", "Status"),
                 Label(request, "地址", "Address")},
                {36, 22, 24, 6, 6, 10, 8, 10, 32, 8, 40},
                {}};
            for (const Enterprise& enterprise :
                 enterprises.ListForExport(request.context, ReadEnterpriseFilter(request))) {
                table.rows.push_back({enterprise.name, enterprise.credit_code, enterprise.organisation_name,
                                      enterprise.industry_section, enterprise.industry_division,
                                      enterprise.economic_component, enterprise.size_class,
                                      enterprise.headcount, CoverageLabel(request, enterprise.coverage),
                                      enterprise.status, enterprise.address});
            }
            return http::Response::File(http::BuildXlsx(table), http::kXlsxContentType,
                                        Label(request, "企业.xlsx", "enterprises.xlsx"));
        });
    router.Add({.method = Method::kGet,
                .path = "/api/v1/enterprises/{id}",
                .permission = "organisation:enterprise:view",
                .tag = "organisations",
                .summary = "One enterprise",
                .response_body = "Enterprise"},
               [&](http::Request& request) {
                   return http::Response::Json(http::Serialize(
                       EnterpriseToJson(enterprises.Get(request.context, request.PathId("id")))));
               });
    router.Add({.method = Method::kPost,
                .path = "/api/v1/enterprises",
                .permission = "organisation:enterprise:create",
                .body_limit = 8192,
                .tag = "organisations",
                .summary = "Create an enterprise",
                .request_body = "EnterpriseInput",
                .response_body = "Enterprise"},
               [&](http::Request& request) {
                   const Enterprise created = enterprises.Create(
                       request.context, ReadEnterpriseInput(http::ParseJsonObject(request)));
                   return http::Response::Json(http::Serialize(EnterpriseToJson(created)), 201);
               });
    router.Add({.method = Method::kPut,
                .path = "/api/v1/enterprises/{id}",
                .permission = "organisation:enterprise:update",
                .body_limit = 8192,
                .tag = "organisations",
                .summary = "Change an enterprise",
                .request_body = "EnterpriseInput",
                .response_body = "Enterprise"},
               [&](http::Request& request) {
                   const std::int64_t id = request.PathId("id");
                   const Enterprise updated = enterprises.Update(
                       request.context, id, ReadEnterpriseInput(http::ParseJsonObject(request)));
                   return http::Response::Json(http::Serialize(EnterpriseToJson(updated)));
               });
    router.Add({.method = Method::kDelete,
                .path = "/api/v1/enterprises/{id}",
                .permission = "organisation:enterprise:delete",
                .tag = "organisations",
                .summary = "Delete an enterprise"},
               [&](http::Request& request) {
                   enterprises.Delete(request.context, request.PathId("id"));
                   return http::Response::NoContent();
               });
    router.Add({.method = Method::kPut,
                .path = "/api/v1/enterprises/{id}/coverage",
                .permission = "organisation:enterprise:update",
                .body_limit = 4096,
                .tag = "organisations",
                .summary = "Record which union now covers the enterprise (ends the current period)",
                .request_body = "CoverageInput",
                .response_body = "Enterprise"},
               [&](http::Request& request) {
                   const std::int64_t id = request.PathId("id");
                   const Enterprise updated = enterprises.SetCoverage(
                       request.context, id, ReadCoverageInput(http::ParseJsonObject(request)));
                   return http::Response::Json(http::Serialize(EnterpriseToJson(updated)));
               });
    router.Add({.method = Method::kGet,
                .path = "/api/v1/enterprises/{id}/coverage-history",
                .permission = "organisation:enterprise:view",
                .tag = "organisations",
                .summary = "Every coverage period of an enterprise, newest first",
                .response_body = "CoverageList"},
               [&](http::Request& request) {
                   boost::json::array items;
                   for (const Coverage& coverage :
                        enterprises.CoverageHistory(request.context, request.PathId("id"))) {
                       items.push_back(CoverageToJson(coverage));
                   }
                   return http::Response::Json(http::Serialize(items));
               });
}

}  // namespace app::organisations
