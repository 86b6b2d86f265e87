#include "annual_reports/annual_report_routes.hpp"

#include "annual_reports/annual_report_json.hpp"
#include "http/json.hpp"

namespace app::annual_reports {
namespace {

using http::Method;

constexpr const char* kTag = "statistics";
constexpr std::size_t kBodyLimit = 64 * 1024;

http::Response ReportResponse(const StatisticalReport& report, int status = 200) {
    return http::Response::Json(http::Serialize(ReportToJson(report, true)), status);
}

// An optional text field of a small body ({note} or {comment}); an empty body is an empty text.
std::string BodyText(http::Request& request, const std::string& field) {
    if (request.body.empty()) return "";
    const boost::json::object body = http::ParseJsonObject(request);
    http::FieldReader reader(body);
    std::string text = reader.OptionalString(field, 500).value_or("");
    reader.Finish();
    return text;
}

}  // namespace

void RegisterAnnualReportRoutes(http::Router& router, AnnualReportService& reports) {
    router.DeclarePermission({kViewPermission, "查看统计年报", "View annual statistical reports"});
    router.DeclarePermission(
        {kEditPermission, "填报、上报统计年报", "Fill in and submit annual statistical reports"});
    router.DeclarePermission({kApprovePermission, "审核下级统计年报（退回、审核通过）",
                              "Return or approve the reports of the level below"});

    router.Add(
        {.method = Method::kGet,
         .path = "/api/v1/statistical-reports",
         .permission = kViewPermission,
         .tag = kTag,
         .summary =
             "An organisation's annual report for a year (organisationId, year; defaults: the caller's "
             "organisation, the last ended statistical year) and its direct children's, with completion",
         .response_body = "StatisticalReportOverview"},
        [&](http::Request& request) {
            const auto organisation = http::QueryInt64(request, "organisationId");
            const auto year = http::QueryInt64(request, "year");
            if (year && (*year < 1900 || *year > 9999))
                throw Error::InvalidField("year", {"统计年度不正确", "Not a valid year"});
            return http::Response::Json(
                http::Serialize(OverviewToJson(reports.Overview(request.context, organisation, year))));
        });
    router.Add({.method = Method::kPost,
                .path = "/api/v1/statistical-reports",
                .permission = kEditPermission,
                .body_limit = 4 * 1024,
                .tag = kTag,
                .summary = "Start an organisation's annual report for a year, the system values filled in",
                .request_body = "StatisticalReportCreate",
                .response_body = "StatisticalReport"},
               [&](http::Request& request) {
                   const boost::json::object body = http::ParseJsonObject(request);
                   http::FieldReader reader(body);
                   const std::int64_t organisation = reader.RequiredInt64("organisationId", 1, INT64_MAX);
                   const std::int64_t year = reader.RequiredInt64("year", 1900, 9999);
                   reader.Finish();
                   return ReportResponse(reports.Create(request.context, organisation, year), 201);
               });
    router.Add(
        {.method = Method::kGet,
         .path = "/api/v1/statistical-reports/{id}",
         .permission = kViewPermission,
         .tag = kTag,
         .summary = "One annual report: items (system, manual and used value, children's sum and check), "
                    "timeline, the caller's actions",
         .response_body = "StatisticalReport"},
        [&](http::Request& request) {
            return ReportResponse(reports.Get(request.context, request.PathId("id")));
        });
    router.Add({.method = Method::kPut,
                .path = "/api/v1/statistical-reports/{id}",
                .permission = kEditPermission,
                .body_limit = kBodyLimit,
                .tag = kTag,
                .summary = "Save manual values and notes of a draft or returned report (items[{code, "
                           "manualValue, note}]; null clears a manual value)",
                .request_body = "StatisticalReportItems",
                .response_body = "StatisticalReport"},
               [&](http::Request& request) {
                   return ReportResponse(reports.Update(request.context, request.PathId("id"),
                                                        ReadItemInputs(http::ParseJsonObject(request))));
               });
    router.Add({.method = Method::kPost,
                .path = "/api/v1/statistical-reports/{id}/refresh",
                .permission = kEditPermission,
                .tag = kTag,
                .summary = "Fill a draft's system values again from the records (manual values stay)",
                .response_body = "StatisticalReport"},
               [&](http::Request& request) {
                   return ReportResponse(reports.Refresh(request.context, request.PathId("id")));
               });
    router.Add(
        {.method = Method::kPost,
         .path = "/api/v1/statistical-reports/{id}/submit",
         .permission = kEditPermission,
         .body_limit = 4 * 1024,
         .tag = kTag,
         .summary = "Submit to the level above ({note}: needed when an item is below the children's sum)",
         .request_body = "StatisticalReportSubmit",
         .response_body = "StatisticalReport"},
        [&](http::Request& request) {
            const std::string note = BodyText(request, "note");
            return ReportResponse(reports.Submit(request.context, request.PathId("id"), note));
        });
    router.Add(
        {.method = Method::kPost,
         .path = "/api/v1/statistical-reports/{id}/return",
         .permission = kApprovePermission,
         .body_limit = 4 * 1024,
         .tag = kTag,
         .summary = "Return a submitted report to the level below with a comment (the level above only)",
         .request_body = "StatisticalReportReturn",
         .response_body = "StatisticalReport"},
        [&](http::Request& request) {
            const std::string comment = BodyText(request, "comment");
            return ReportResponse(reports.Return(request.context, request.PathId("id"), comment));
        });
    router.Add({.method = Method::kPost,
                .path = "/api/v1/statistical-reports/{id}/approve",
                .permission = kApprovePermission,
                .tag = kTag,
                .summary = "Approve a submitted report (the level above only); it is then locked",
                .response_body = "StatisticalReport"},
               [&](http::Request& request) {
                   return ReportResponse(reports.Approve(request.context, request.PathId("id")));
               });
}

}  // namespace app::annual_reports
