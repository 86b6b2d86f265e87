#include "documents/document_routes.hpp"

#include "core/calendar_date.hpp"
#include "documents/document_json.hpp"
#include "documents/document_print.hpp"
#include "documents/document_rules.hpp"
#include "files/files_routes.hpp"
#include "http/json.hpp"
#include "http/xlsx.hpp"

namespace app::documents {
namespace {

using http::Localize;
using http::Method;

constexpr const char* kView = "supervision:document:view";
constexpr const char* kManage = "supervision:document:manage";
constexpr const char* kSign = "supervision:document:sign";
constexpr const char* kTag = "documents";

http::Response DocumentResponse(const Document& document, int status = 200) {
    return http::Response::Json(http::Serialize(DocumentToJson(document)), status);
}

std::string OptionalNote(const http::Request& request, const char* field, bool required) {
    if (request.body.empty() && !required) return "";
    const boost::json::object body = http::ParseJsonObject(request);
    http::FieldReader reader(body);
    std::string note;
    if (required) {
        note = reader.RequiredString(field, 1, 2'000);
    } else {
        note = reader.OptionalString(field, 2'000).value_or("");
    }
    reader.Finish();
    return note;
}

std::string DateOf(const std::optional<std::int64_t>& at) {
    return at ? dates::FormatDate(dates::ShanghaiDateOf(*at)) : std::string();
}

void RegisterAdminRoutes(http::Router& router, DocumentService& documents) {
    router.Add(
        {.method = Method::kGet,
         .path = "/api/v1/documents",
         .permission = kView,
         .tag = kTag,
         .summary = "List union documents of issuing unions in the caller's scope (type, status, year, "
                    "enterpriseId, organisationId, q over number/title/addressee)",
         .response_body = "DocumentPage"},
        [&](http::Request& request) {
            const auto page = http::ReadPageRequest(request);
            return http::Response::Json(http::Serialize(http::PageToJson(
                documents.List(request.context, ReadDocumentFilter(request), page), DocumentToJson)));
        });
    router.Add(
        {.method = Method::kGet,
         .path = "/api/v1/documents/export",
         .permission = kView,
         .tag = kTag,
         .summary = "Export the filtered document list as .xlsx"},
        [&](http::Request& request) {
            http::XlsxTable table{
                Localize(request, "监督文书", "Documents"),
                {Localize(request, "文号", "Number"), Localize(request, "类型", "Type"),
                 Localize(request, "标题", "Title"), Localize(request, "发文工会", "Issued by"),
                 Localize(request, "受文单位", "Addressee"), Localize(request, "状态", "Status"),
                 Localize(request, "签发日期", "Issued on"), Localize(request, "送达日期", "Served on"),
                 Localize(request, "回复期限", "Reply due"), Localize(request, "回复", "Reply")},
                {26, 22, 36, 24, 30, 10, 12, 12, 12, 12},
                {}};
            const bool english = request.context.language == Language::kEnglish;
            for (const Document& document :
                 documents.ListForExport(request.context, ReadDocumentFilter(request))) {
                table.rows.push_back({document.document_no,
                                      english ? document.document_type : TypeLabel(document.document_type),
                                      document.title, document.organisation_name, document.addressee,
                                      english ? document.status : StatusLabel(document.status),
                                      DateOf(document.issued_at), DateOf(document.served_at),
                                      document.reply_due, document.reply_decision});
            }
            return http::Response::File(http::BuildXlsx(table), http::kXlsxContentType,
                                        Localize(request, "监督文书.xlsx", "documents.xlsx"));
        });
    router.Add({.method = Method::kGet,
                .path = "/api/v1/documents/{id}",
                .permission = kView,
                .tag = kTag,
                .summary = "One document with its hazards, files, reply and reply-link state",
                .response_body = "Document"},
               [&](http::Request& request) {
                   return DocumentResponse(documents.Get(request.context, request.PathId("id")));
               });
    router.Add(
        {.method = Method::kGet,
         .path = "/api/v1/documents/{id}/print",
         .permission = kView,
         .tag = kTag,
         .summary = "The print view: self-contained A4 HTML (red head, number, hazards, seal, receipt stub)"},
        [&](http::Request& request) {
            http::Response response;
            response.content_type = "text/html; charset=utf-8";
            response.body = RenderPrintHtml(documents.Get(request.context, request.PathId("id")));
            response.SetHeader("Content-Security-Policy", kPrintContentSecurityPolicy);
            return response;
        });
    router.Add({.method = Method::kPost,
                .path = "/api/v1/documents",
                .permission = kManage,
                .body_limit = 64 * 1024,
                .tag = kTag,
                .summary = "Draft a document (reply deadline from the rule set unless given)",
                .request_body = "DocumentInput",
                .response_body = "Document"},
               [&](http::Request& request) {
                   return DocumentResponse(
                       documents.Create(request.context, ReadDocumentInput(http::ParseJsonObject(request))),
                       201);
               });
    router.Add({.method = Method::kPut,
                .path = "/api/v1/documents/{id}",
                .permission = kManage,
                .body_limit = 64 * 1024,
                .tag = kTag,
                .summary = "Change a draft",
                .request_body = "DocumentInput",
                .response_body = "Document"},
               [&](http::Request& request) {
                   const std::int64_t id = request.PathId("id");
                   return DocumentResponse(documents.Update(
                       request.context, id, ReadDocumentInput(http::ParseJsonObject(request))));
               });
    router.Add({.method = Method::kPost,
                .path = "/api/v1/documents/{id}/issue",
                .permission = kSign,
                .tag = kTag,
                .summary = "Sign and issue a draft: takes the next number of the issuing union and year",
                .request_body = "IssueInput",
                .response_body = "Document"},
               [&](http::Request& request) {
                   const std::int64_t id = request.PathId("id");
                   const std::string signed_by = OptionalNote(request, "signedBy", true);
                   return DocumentResponse(documents.Issue(request.context, id, signed_by));
               });
    router.Add({.method = Method::kPost,
                .path = "/api/v1/documents/{id}/serve",
                .permission = kManage,
                .tag = kTag,
                .summary = "Record service (IN_PERSON, POST, ELECTRONIC); linked hazards become NOTIFIED",
                .request_body = "ServeInput",
                .response_body = "Document"},
               [&](http::Request& request) {
                   const std::int64_t id = request.PathId("id");
                   return DocumentResponse(
                       documents.Serve(request.context, id, ReadServeInput(http::ParseJsonObject(request))));
               });
    router.Add({.method = Method::kPost,
                .path = "/api/v1/documents/{id}/review",
                .permission = kManage,
                .tag = kTag,
                .summary = "Review the reply: ACCEPT closes, REJECT escalates (note required)",
                .request_body = "ReviewInput",
                .response_body = "Document"},
               [&](http::Request& request) {
                   const std::int64_t id = request.PathId("id");
                   return DocumentResponse(documents.Review(request.context, id,
                                                            ReadReviewInput(http::ParseJsonObject(request))));
               });
    router.Add({.method = Method::kPost,
                .path = "/api/v1/documents/{id}/refused",
                .permission = kManage,
                .tag = kTag,
                .summary = "Record that the enterprise refused to accept the served document",
                .request_body = "NoteInput",
                .response_body = "Document"},
               [&](http::Request& request) {
                   const std::int64_t id = request.PathId("id");
                   return DocumentResponse(
                       documents.Refuse(request.context, id, OptionalNote(request, "note", false)));
               });
    router.Add({.method = Method::kPost,
                .path = "/api/v1/documents/{id}/escalate",
                .permission = kManage,
                .tag = kTag,
                .summary = "Escalate an overdue or refused document to the higher union",
                .request_body = "NoteInput",
                .response_body = "Document"},
               [&](http::Request& request) {
                   const std::int64_t id = request.PathId("id");
                   return DocumentResponse(
                       documents.Escalate(request.context, id, OptionalNote(request, "note", false)));
               });
    router.Add({.method = Method::kPost,
                .path = "/api/v1/documents/{id}/withdraw",
                .permission = kManage,
                .tag = kTag,
                .summary = "Withdraw a document (any state but CLOSED; reason required)",
                .request_body = "WithdrawInput",
                .response_body = "Document"},
               [&](http::Request& request) {
                   const std::int64_t id = request.PathId("id");
                   return DocumentResponse(
                       documents.Withdraw(request.context, id, OptionalNote(request, "reason", true)));
               });
    router.Add(
        {.method = Method::kPost,
         .path = "/api/v1/documents/{id}/reply-links",
         .permission = kManage,
         .tag = kTag,
         .summary =
             "Make the enterprise's single-use reply link (revokes earlier ones); the token is shown once",
         .request_body = "ReplyLinkInput",
         .response_body = "ReplyLink"},
        [&](http::Request& request) {
            const std::int64_t id = request.PathId("id");
            std::optional<std::int64_t> hours;
            if (!request.body.empty()) {
                const boost::json::object body = http::ParseJsonObject(request);
                http::FieldReader reader(body);
                hours = reader.OptionalInt64("expiresInHours", 1, DocumentService::kDefaultLinkHours);
                reader.Finish();
            }
            const NewReplyLink link = documents.CreateReplyLink(request.context, id, hours);
            return http::Response::Json(
                http::Serialize(boost::json::object{
                    {"url", link.url}, {"token", link.token}, {"expiresAt", link.expires_at}}),
                201);
        });
}

void RegisterPublicRoutes(http::Router& router, ReplyService& replies, files::FileService& files) {
    router.Add(
        {.method = Method::kGet,
         .path = "/api/v1/public/document-replies/{token}",
         .access = http::Access::kPublic,
         .tag = kTag,
         .summary = "The enterprise's reply page: that document as printed and its hazards (no account)",
         .response_body = "PublicDocument"},
        [&](http::Request& request) {
            const PublicReplyView view = replies.View(request.PathParameter("token"));
            return http::Response::Json(
                http::Serialize(PublicDocumentToJson(view.document, view.expires_at)));
        });
    router.Add({.method = Method::kPost,
                .path = "/api/v1/public/document-replies/{token}/files",
                .access = http::Access::kPublic,
                .body_limit = files::kUploadBodyLimit,
                .read_timeout = std::chrono::seconds{120},
                .tag = kTag,
                .summary = "Upload an evidence photo through a reply link (multipart field `file`, ≤ 10 MiB)",
                .response_body = "File"},
               [&](http::Request& request) {
                   const std::string& token = request.PathParameter("token");
                   replies.Target(token);  // a dead link answers 404/410 before the photo is converted
                   const files::UploadForm form = files::ReadUploadForm(request);
                   const files::PreparedFile prepared = files.PrepareUpload(form.content, form.filename);
                   const files::FileRecord record = replies.UploadEvidence(request.context, token, prepared);
                   boost::json::object json =
                       files::FileToJson(record, "/api/v1/public/document-replies/" + token + "/files");
                   json.erase("organisationId");  // the issuing union's internal id is not the enterprise's
                   return http::Response::Json(http::Serialize(json), 201);
               });
    router.Add({.method = Method::kGet,
                .path = "/api/v1/public/document-replies/{token}/files/{fileId}",
                .access = http::Access::kPublic,
                .tag = kTag,
                .summary = "An evidence photo uploaded through this reply link"},
               [&](http::Request& request) {
                   const files::FileRecord record =
                       replies.Evidence(request.PathParameter("token"), request.PathId("fileId"));
                   return files::FileResponse(request, files, record, files::FileVariant::kOriginal);
               });
    router.Add({.method = Method::kGet,
                .path = "/api/v1/public/document-replies/{token}/files/{fileId}/thumbnail",
                .access = http::Access::kPublic,
                .tag = kTag,
                .summary = "The thumbnail of an evidence photo uploaded through this reply link"},
               [&](http::Request& request) {
                   const files::FileRecord record =
                       replies.Evidence(request.PathParameter("token"), request.PathId("fileId"));
                   return files::FileResponse(request, files, record, files::FileVariant::kThumbnail);
               });
    router.Add(
        {.method = Method::kPost,
         .path = "/api/v1/public/document-replies/{token}",
         .access = http::Access::kPublic,
         .body_limit = 32 * 1024,
         .tag = kTag,
         .summary =
             "The enterprise's reply: ACCEPT (plan, deadline), RECTIFIED (evidence) or DISPUTE (reasons)",
         .request_body = "ReplyInput"},
        [&](http::Request& request) {
            const Document document = replies.Reply(request.context, request.PathParameter("token"),
                                                    ReadReplyInput(http::ParseJsonObject(request)));
            return http::Response::Json(http::Serialize(
                boost::json::object{{"status", document.status}, {"documentNo", document.document_no}}));
        });
}

}  // namespace

void RegisterDocumentRoutes(http::Router& router, DocumentService& documents, ReplyService& replies,
                            files::FileService& files) {
    router.DeclarePermission({kView, "查看监督文书", "View union documents"});
    router.DeclarePermission(
        {kManage, "起草、送达、审查监督文书", "Draft, serve and review union documents"});
    router.DeclarePermission({kSign, "签发监督文书", "Sign and issue union documents"});
    RegisterAdminRoutes(router, documents);
    RegisterPublicRoutes(router, replies, files);
}

}  // namespace app::documents
