#include "hazards/hazard_routes.hpp"

#include "hazards/hazard_internal.hpp"
#include "hazards/hazard_json.hpp"
#include "http/json.hpp"
#include "http/xlsx.hpp"

namespace app::hazards {
namespace {

using http::Localize;
using http::Method;

constexpr const char* kView = detail::kViewPermission;
constexpr const char* kManage = detail::kManagePermission;

}  // namespace

void RegisterHazardRoutes(http::Router& router, HazardService& hazards) {
    router.DeclarePermission({kView, "查看事故隐患", "View hazards"});
    router.DeclarePermission({kManage, "登记、研判、跟踪和复查事故隐患", "Report and handle hazards"});

    router.Add({.method = Method::kGet,
                .path = "/api/v1/hazards",
                .permission = kView,
                .tag = "hazards",
                .summary = "List hazards handled in the caller's scope (q, status, grade, category, source, "
                           "enterpriseId, organisationId, overdue, from/to, sort)",
                .response_body = "HazardPage"},
               [&](http::Request& request) {
                   const auto page = http::ReadPageRequest(request);
                   return http::Response::Json(http::Serialize(http::PageToJson(
                       hazards.List(request.context, ReadHazardFilter(request), page), HazardToJson)));
               });
    router.Add(
        {.method = Method::kGet,
         .path = "/api/v1/hazards/export",
         .permission = kView,
         .tag = "hazards",
         .summary = "Export the filtered hazard list as .xlsx"},
        [&](http::Request& request) {
            http::XlsxTable table{
                Localize(request, "事故隐患", "Hazards"),
                {Localize(request, "编号", "Code"), Localize(request, "企业", "Enterprise"),
                 Localize(request, "隐患", "Hazard"), Localize(request, "等级", "Grade"),
                 Localize(request, "类别", "Category"), Localize(request, "来源", "Source"),
                 Localize(request, "发现日期", "Found on"), Localize(request, "整改期限", "Deadline"),
                 Localize(request, "状态", "Status"), Localize(request, "逾期", "Overdue"),
                 Localize(request, "办理单位", "Handled by")},
                {16, 30, 36, 8, 20, 20, 12, 12, 22, 6, 28},
                {}};
            for (const Hazard& hazard : hazards.ListForExport(request.context, ReadHazardFilter(request))) {
                table.rows.push_back(
                    {hazard.code, hazard.enterprise_name, hazard.title, hazard.grade, hazard.category,
                     hazard.source, hazard.found_on, hazard.rectification_deadline, hazard.status,
                     Localize(request, hazard.overdue ? "是" : "否", hazard.overdue ? "yes" : "no"),
                     hazard.organisation_name});
            }
            return http::Response::File(http::BuildXlsx(table), http::kXlsxContentType,
                                        Localize(request, "事故隐患.xlsx", "hazards.xlsx"));
        });
    router.Add(
        {.method = Method::kGet,
         .path = "/api/v1/hazards/{id}",
         .permission = kView,
         .tag = "hazards",
         .summary = "One hazard with its timeline, photos and evidence, verifications, escalations and "
                    "linked documents",
         .response_body = "HazardDetail"},
        [&](http::Request& request) {
            return http::Response::Json(
                http::Serialize(HazardDetailToJson(hazards.Get(request.context, request.PathId("id")))));
        });
    router.Add({.method = Method::kPost,
                .path = "/api/v1/hazards",
                .permission = kManage,
                .body_limit = 16384,
                .tag = "hazards",
                .summary = "Report a hazard (status REPORTED; a MAJOR one notifies every higher union)",
                .request_body = "HazardInput",
                .response_body = "HazardDetail"},
               [&](http::Request& request) {
                   const Hazard created =
                       hazards.Create(request.context, ReadHazardInput(http::ParseJsonObject(request)));
                   return http::Response::Json(http::Serialize(HazardDetailToJson(created)), 201);
               });
    router.Add(
        {.method = Method::kPost,
         .path = "/api/v1/hazards/{id}/transitions",
         .permission = kManage,
         .body_limit = 16384,
         .tag = "hazards",
         .summary = "Move a hazard along workflow W2 (409 when not allowed; no close without evidence)",
         .request_body = "HazardTransitionInput",
         .response_body = "HazardDetail"},
        [&](http::Request& request) {
            const std::int64_t id = request.PathId("id");
            const Hazard updated =
                hazards.Transition(request.context, id, ReadTransitionInput(http::ParseJsonObject(request)));
            return http::Response::Json(http::Serialize(HazardDetailToJson(updated)));
        });
}

}  // namespace app::hazards
