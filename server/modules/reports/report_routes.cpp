#include "reports/report_routes.hpp"

#include <boost/json/array.hpp>

#include "core/calendar_date.hpp"
#include "files/files_routes.hpp"
#include "http/json.hpp"
#include "http/xlsx.hpp"
#include "media/qr_code.hpp"
#include "reports/report_json.hpp"
#include "reports/report_poster.hpp"
#include "reports/report_workflow.hpp"

namespace app::reports {
namespace {

using http::Localize;
using http::Method;

constexpr const char* kTag = "reports";

http::Response ReportResponse(const WorkerReport& report, int status = 200) {
    return http::Response::Json(http::Serialize(ReportToJson(report)), status);
}

http::Response PublicReportResponse(const http::Request& request, const WorkerReport& report,
                                    int status = 200) {
    return http::Response::Json(http::Serialize(PublicReportToJson(report, request.context.language)),
                                status);
}

// Refuses with 429 and Retry-After when `wait_ms` > 0.
void ThrowIfLimited(std::int64_t wait_ms) {
    if (wait_ms <= 0) return;
    const std::int64_t seconds = (wait_ms + 999) / 1000;
    const std::string minutes = std::to_string((seconds + 59) / 60);
    throw Error::TooManyRequests({"操作太频繁，请 " + minutes + " 分钟后再试",
                                  "Too many attempts; try again in " + minutes + " minute(s)"},
                                 seconds);
}

std::string BaseUrl(const http::Request& request, const ReportRouteOptions& options) {
    if (!options.public_base_url.empty()) return options.public_base_url;
    const auto host = request.Header("host");
    return "http://" + std::string(host ? *host : "localhost");
}

std::string ReceiptOf(const http::Request& request) {
    const boost::json::object body = http::ParseJsonObject(request);
    http::FieldReader reader(body);
    // Any text is accepted and looked up: a malformed receipt gets the same answer as a wrong one.
    const std::string receipt = reader.OptionalString("receipt", 64).value_or("");
    reader.Finish();
    return receipt;
}

void RegisterPublicRoutes(http::Router& router, PublicReportService& public_reports,
                          files::FileService& files, PublicReportLimits& limits, const Clock& clock) {
    router.Add({.method = Method::kGet,
                .path = "/api/v1/public/report-entry/{code}",
                .access = http::Access::kPublic,
                .access_log_path = http::AccessLogPath::kRouteTemplate,
                .tag = kTag,
                .summary = "The worker's report page: where the report goes and the categories (404 unknown, "
                           "410 withdrawn)",
                .response_body = "PublicReportEntry"},
               [&](http::Request& request) {
                   return http::Response::Json(http::Serialize(
                       PublicEntryToJson(public_reports.Entry(request.PathParameter("code")))));
               });
    router.Add(
        {.method = Method::kPost,
         .path = "/api/v1/public/report-entry/{code}/photos",
         .access = http::Access::kPublic,
         .access_log_path = http::AccessLogPath::kRouteTemplate,
         .body_limit = files::kUploadBodyLimit,
         .read_timeout = std::chrono::seconds{120},
         .tag = kTag,
         .summary = "Upload a photo for a report (multipart `file`, ≤ 10 MiB; re-encoded, metadata "
                    "removed); answers the token the report names it by",
         .response_body = "PublicReportUpload"},
        [&](http::Request& request) {
            const std::string& code = request.PathParameter("code");
            ThrowIfLimited(limits.uploads.Acquire(request.context.client_address, clock.Now()));
            public_reports.Entry(code);  // a dead code answers 404/410 before the photo is converted
            const files::UploadForm form = files::ReadUploadForm(request);
            const files::PreparedFile prepared = files.PrepareUpload(form.content, "photo.jpg");
            const std::string token = public_reports.UploadPhoto(code, prepared);
            return http::Response::Json(http::Serialize(boost::json::object{{"uploadToken", token}}), 201);
        });
    router.Add({.method = Method::kPost,
                .path = "/api/v1/public/report-entry/{code}/reports",
                .access = http::Access::kPublic,
                .access_log_path = http::AccessLogPath::kRouteTemplate,
                .body_limit = 16 * 1024,
                .tag = kTag,
                .summary = "Send a report (anonymous or named); answers the receipt, shown once",
                .request_body = "PublicReportInput",
                .response_body = "PublicReportReceipt"},
               [&](http::Request& request) {
                   const std::string& address = request.context.client_address;
                   ThrowIfLimited(limits.submissions.RetryAfter(address, clock.Now()));
                   const SubmitResult result = public_reports.Submit(
                       request.PathParameter("code"), ReadSubmitInput(http::ParseJsonObject(request)));
                   limits.submissions.Record(address, clock.Now());
                   boost::json::object json = PublicReportToJson(result.report, request.context.language);
                   json["receipt"] = result.receipt;
                   return http::Response::Json(http::Serialize(json), 201);
               });
    router.Add(
        {.method = Method::kPost,
         .path = "/api/v1/public/reports/lookup",
         .access = http::Access::kPublic,
         .body_limit = 4 * 1024,
         .tag = kTag,
         .summary = "The worker's case by its receipt (in the body, never the URL); a wrong receipt is 404, "
                    "repeated failures 429",
         .request_body = "ReceiptInput",
         .response_body = "PublicReport"},
        [&](http::Request& request) {
            const std::string& address = request.context.client_address;
            ThrowIfLimited(limits.failed_lookups.RetryAfter(address, clock.Now()));
            const std::string receipt = ReceiptOf(request);
            try {
                return PublicReportResponse(request, public_reports.Lookup(receipt));
            } catch (const Error& error) {
                if (error.GetCode() == ErrorCode::kNotFound)
                    limits.failed_lookups.Record(address, clock.Now());
                throw;
            }
        });
    router.Add(
        {.method = Method::kPost,
         .path = "/api/v1/public/reports/messages",
         .access = http::Access::kPublic,
         .body_limit = 16 * 1024,
         .tag = kTag,
         .summary = "The worker writes to the union about their case (receipt and message in the body)",
         .request_body = "PublicReportMessage",
         .response_body = "PublicReport"},
        [&](http::Request& request) {
            const std::string& address = request.context.client_address;
            ThrowIfLimited(limits.failed_lookups.RetryAfter(address, clock.Now()));
            ThrowIfLimited(limits.messages.Acquire(address, clock.Now()));
            const boost::json::object body = http::ParseJsonObject(request);
            http::FieldReader reader(body);
            const std::string receipt = reader.OptionalString("receipt", 64).value_or("");
            const std::string message = reader.OptionalString("body", 2'000).value_or("");
            reader.Finish();
            try {
                return PublicReportResponse(request, public_reports.PostMessage(receipt, message));
            } catch (const Error& error) {
                if (error.GetCode() == ErrorCode::kNotFound)
                    limits.failed_lookups.Record(address, clock.Now());
                throw;
            }
        });
}

void RegisterStaffRoutes(http::Router& router, ReportService& reports, const Clock& clock,
                         const ReportRouteOptions& options) {
    router.Add(
        {.method = Method::kGet,
         .path = "/api/v1/worker-reports",
         .permission = kViewPermission,
         .tag = kTag,
         .summary = "List worker reports answered by unions in the caller's scope (q, status, anonymity, "
                    "enterpriseId, organisationId, overdue, submittedFrom, submittedTo, sort)",
         .response_body = "WorkerReportPage"},
        [&](http::Request& request) {
            const auto page = http::ReadPageRequest(request);
            return http::Response::Json(http::Serialize(http::PageToJson(
                reports.List(request.context, ReadReportFilter(request), page), ReportToJson)));
        });
    router.Add(
        {.method = Method::kGet,
         .path = "/api/v1/worker-reports/export",
         .permission = kViewPermission,
         .tag = kTag,
         .summary = "Export the filtered worker reports as .xlsx"},
        [&](http::Request& request) {
            const bool english = request.context.language == Language::kEnglish;
            http::XlsxTable table{
                Localize(request, "职工隐患报告", "Worker reports"),
                {Localize(request, "编号", "Code"), Localize(request, "企业", "Enterprise"),
                 Localize(request, "场所", "Site"), Localize(request, "受理工会", "Union"),
                 Localize(request, "类别", "Category"), Localize(request, "内容", "Description"),
                 Localize(request, "方式", "Anonymity"), Localize(request, "状态", "Status"),
                 Localize(request, "提交日期", "Submitted on"),
                 Localize(request, "受理期限", "Acknowledge by"), Localize(request, "隐患编号", "Hazard")},
                {16, 30, 14, 22, 20, 40, 8, 14, 12, 12, 16},
                {}};
            for (const WorkerReport& report :
                 reports.ListForExport(request.context, ReadReportFilter(request))) {
                table.rows.push_back(
                    {report.code, report.enterprise_name, report.site_name, report.organisation_name,
                     Pick(CategoryLabel(report.category), request.context.language), report.description,
                     english ? report.anonymity : (report.anonymity == kNamed ? "实名" : "匿名"),
                     Pick(StatusLabel(WorkerFacingStatus(report.status, report.hazard_status)),
                          request.context.language),
                     report.submitted_on, report.acknowledge_due, report.hazard_code});
            }
            return http::Response::File(http::BuildXlsx(table), http::kXlsxContentType,
                                        Localize(request, "职工隐患报告.xlsx", "worker-reports.xlsx"));
        });
    router.Add({.method = Method::kGet,
                .path = "/api/v1/worker-reports/{id}",
                .permission = kViewPermission,
                .tag = kTag,
                .summary = "One report with photos, timeline and messages (opening it marks the worker's "
                           "messages read for those who can answer)",
                .response_body = "WorkerReport"},
               [&](http::Request& request) {
                   return ReportResponse(reports.Get(request.context, request.PathId("id")));
               });
    router.Add(
        {.method = Method::kPost,
         .path = "/api/v1/worker-reports/{id}/transitions",
         .permission = kManagePermission,
         .body_limit = 16 * 1024,
         .tag = kTag,
         .summary = "ACKNOWLEDGE, ACCEPT (creates the hazard), MERGE (into an open hazard) or REJECT "
                    "(reason shown to the worker)",
         .request_body = "WorkerReportTransition",
         .response_body = "WorkerReport"},
        [&](http::Request& request) {
            return ReportResponse(reports.Transition(request.context, request.PathId("id"),
                                                     ReadTransitionInput(http::ParseJsonObject(request))));
        });
    router.Add({.method = Method::kPost,
                .path = "/api/v1/worker-reports/{id}/messages",
                .permission = kManagePermission,
                .body_limit = 16 * 1024,
                .tag = kTag,
                .summary = "Write to the worker (they read it with their receipt)",
                .request_body = "MessageInput",
                .response_body = "WorkerReport"},
               [&](http::Request& request) {
                   const boost::json::object body = http::ParseJsonObject(request);
                   http::FieldReader reader(body);
                   const std::string message = reader.OptionalString("body", 2'000).value_or("");
                   reader.Finish();
                   return ReportResponse(reports.PostMessage(request.context, request.PathId("id"), message),
                                         201);
               });
    router.Add(
        {.method = Method::kGet,
         .path = "/api/v1/worker-reports/{id}/reporter",
         .permission = kReporterPermission,
         .tag = kTag,
         .summary = "A named reporter's name and phone (township unions and above; every view audited)",
         .response_body = "ReporterIdentity"},
        [&](http::Request& request) {
            const ReporterIdentity identity = reports.Reporter(request.context, request.PathId("id"));
            return http::Response::Json(
                http::Serialize(boost::json::object{{"name", identity.name}, {"phone", identity.phone}}));
        });

    router.Add(
        {.method = Method::kGet,
         .path = "/api/v1/report-entry-points",
         .permission = kEntryViewPermission,
         .tag = kTag,
         .summary = "The QR codes of an enterprise in scope (enterpriseId), live first",
         .response_body = "ReportEntryPointList"},
        [&](http::Request& request) {
            const auto enterprise = http::QueryInt64(request, "enterpriseId");
            if (!enterprise)
                throw Error::InvalidField("enterpriseId", {"请选择企业", "Choose an enterprise"});
            boost::json::array items;
            for (const EntryPoint& entry : reports.ListEntryPoints(request.context, *enterprise))
                items.push_back(EntryPointToJson(entry, BaseUrl(request, options)));
            return http::Response::Json(http::Serialize(boost::json::object{{"items", std::move(items)}}));
        });
    router.Add(
        {.method = Method::kGet,
         .path = "/api/v1/report-entry-points/{id}/poster",
         .permission = kEntryViewPermission,
         .tag = kTag,
         .summary = "The QR code's A4 poster (HTML to print: union, enterprise, QR code, steps, rights)"},
        [&](http::Request& request) {
            const EntryPoint entry = reports.GetEntryPoint(request.context, request.PathId("id"));
            if (entry.revoked_at) {
                throw Error(ErrorCode::kGone, {"该二维码已停用，不能再打印", "This QR code was withdrawn"});
            }
            const std::string url = BaseUrl(request, options) + "/report.html#/e/" + entry.code;
            http::Response response;
            response.content_type = "text/html; charset=utf-8";
            response.body =
                RenderPosterHtml({entry.organisation_name, entry.enterprise_name, entry.site_name, url,
                                  media::QrCodeSvg(url, 8), reports.AcknowledgeRuleText(entry),
                                  dates::FormatDate(dates::ShanghaiDateOf(clock.Now()))});
            response.SetHeader("Content-Security-Policy", kPosterContentSecurityPolicy);
            return response;
        });
    router.Add({.method = Method::kPost,
                .path = "/api/v1/report-entry-points",
                .permission = kEntryManagePermission,
                .body_limit = 4 * 1024,
                .tag = kTag,
                .summary = "The enterprise's live QR code for a site (200), or a new one (201)",
                .request_body = "ReportEntryPointInput",
                .response_body = "ReportEntryPoint"},
               [&](http::Request& request) {
                   const boost::json::object body = http::ParseJsonObject(request);
                   http::FieldReader reader(body);
                   const std::int64_t enterprise = reader.RequiredInt64("enterpriseId", 1, INT64_MAX);
                   const std::string site = reader.OptionalString("siteName", 100).value_or("");
                   reader.Finish();
                   const auto [entry, created] = reports.CreateEntryPoint(request.context, enterprise, site);
                   return http::Response::Json(
                       http::Serialize(EntryPointToJson(entry, BaseUrl(request, options))),
                       created ? 201 : 200);
               });
    router.Add(
        {.method = Method::kDelete,
         .path = "/api/v1/report-entry-points/{id}",
         .permission = kEntryManagePermission,
         .tag = kTag,
         .summary = "Withdraw a QR code (the worker's page then answers 410)",
         .response_body = "ReportEntryPoint"},
        [&](http::Request& request) {
            return http::Response::Json(http::Serialize(EntryPointToJson(
                reports.RevokeEntryPoint(request.context, request.PathId("id")), BaseUrl(request, options))));
        });
}

}  // namespace

void RegisterReportRoutes(http::Router& router, ReportService& reports, PublicReportService& public_reports,
                          files::FileService& files, PublicReportLimits& limits, const Clock& clock,
                          const ReportRouteOptions& options) {
    router.DeclarePermission({kViewPermission, "查看职工隐患报告", "View worker hazard reports"});
    router.DeclarePermission({kManagePermission, "受理、处理职工隐患报告并与职工对话",
                              "Acknowledge and handle worker reports, message workers"});
    router.DeclarePermission({kReporterPermission, "查看实名举报人信息（每次查看均记录）",
                              "See a named reporter's identity (every view audited)"});
    router.DeclarePermission({kEntryViewPermission, "查看随手拍二维码", "View report QR codes"});
    router.DeclarePermission(
        {kEntryManagePermission, "生成、停用随手拍二维码", "Create and withdraw report QR codes"});
    RegisterStaffRoutes(router, reports, clock, options);
    RegisterPublicRoutes(router, public_reports, files, limits, clock);
}

}  // namespace app::reports
