#include "files/files_routes.hpp"

#include <charconv>

#include "core/text.hpp"
#include "http/json.hpp"
#include "http/multipart.hpp"

namespace app::files {
namespace {

using http::Method;

constexpr const char* kUpload = "files:file:upload";
constexpr const char* kView = "files:file:view";

// The stored files never change under an id, but access may be withdrawn: private (no shared cache), a day.
constexpr const char* kCacheControl = "private, max-age=86400";

// RFC 8187 percent-encoding of a UTF-8 file name for filename*=UTF-8''….
std::string EncodeFilename(std::string_view name) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string encoded;
    for (unsigned char c : name) {
        if (std::isalnum(c) || c == '.' || c == '-' || c == '_' || c == '~') {
            encoded.push_back(static_cast<char>(c));
        } else {
            encoded.push_back('%');
            encoded.push_back(kHex[c >> 4]);
            encoded.push_back(kHex[c & 0x0F]);
        }
    }
    return encoded;
}

// The name a download shows: the uploader's name, with .jpg for a re-encoded photo (IMG_1.HEIC → IMG_1.jpg).
std::string DownloadName(const FileRecord& record, FileVariant variant) {
    const std::string extension = record.IsImage() ? ".jpg" : ".pdf";
    std::string stem = record.original_name;
    const std::size_t dot = stem.rfind('.');
    if (dot != std::string::npos && dot > 0) stem.erase(dot);
    if (stem.empty()) stem = "file-" + std::to_string(record.id);
    if (variant == FileVariant::kThumbnail) stem += "-thumbnail";
    return stem + extension;
}

}  // namespace

boost::json::object FileToJson(const FileRecord& record, std::string_view url_base) {
    const std::string url = std::string(url_base) + "/" + std::to_string(record.id);
    boost::json::object object{{"id", record.id},
                               {"mediaType", record.media_type},
                               {"byteSize", record.byte_size},
                               {"width", record.width},
                               {"height", record.height},
                               {"originalName", record.original_name},
                               {"organisationId", record.organisation_id},
                               {"createdAt", record.created_at},
                               {"url", url},
                               {"thumbnailUrl", nullptr}};
    if (record.HasThumbnail()) object["thumbnailUrl"] = url + "/thumbnail";
    return object;
}

UploadForm ReadUploadForm(const http::Request& request) {
    const std::vector<http::multipart::Part> parts =
        http::multipart::ParseForm(request.body, request.Header("content-type").value_or(""));
    UploadForm form;
    const http::multipart::Part* file = nullptr;
    for (const http::multipart::Part& part : parts) {
        if (part.name == "file") {
            if (file || !part.IsFile())
                throw Error::InvalidField("file", {"每次只能上传一个文件", "Upload one file per request"});
            file = &part;
        } else if (part.name == "organisationId" && !part.IsFile() && !text::Trim(part.data).empty()) {
            const std::string value = text::Trim(part.data);
            std::int64_t id = 0;
            const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), id);
            if (error != std::errc{} || end != value.data() + value.size() || id <= 0)
                throw Error::InvalidField("organisationId", {"请选择组织", "Choose an organisation"});
            form.organisation_id = id;
        }
    }
    if (!file || file->data.empty())
        throw Error::InvalidField("file", {"请选择要上传的文件", "Choose a file to upload"});
    form.content = file->data;
    form.filename = file->filename.value_or("");
    return form;
}

http::Response FileResponse(const http::Request& request, const FileService& files, const FileRecord& record,
                            FileVariant variant) {
    const std::string& hash = variant == FileVariant::kThumbnail ? record.thumbnail_sha256 : record.sha256;
    if (hash.empty()) throw Error::NotFound("file thumbnail");
    const std::string etag = "\"" + hash + "\"";
    http::Response response;
    if (request.Header("if-none-match").value_or("") == etag) {
        response.status = 304;
        response.content_type.clear();
    } else {
        response.body = files.Content(record, variant);
        response.content_type = variant == FileVariant::kThumbnail ? "image/jpeg" : record.media_type;
        response.SetHeader("Content-Disposition",
                           "inline; filename*=UTF-8''" + EncodeFilename(DownloadName(record, variant)));
    }
    response.SetHeader("ETag", etag);
    response.SetHeader("Cache-Control", kCacheControl);
    response.SetHeader("X-Content-Type-Options", "nosniff");
    return response;
}

void RegisterFileRoutes(http::Router& router, FileService& files) {
    router.DeclarePermission({kUpload, "上传照片和文件", "Upload photos and files"});
    router.DeclarePermission(
        {kView, "查看本级及下级上传的照片和文件", "View photos and files of the subtree"});

    router.Add(
        {.method = Method::kPost,
         .path = "/api/v1/files",
         .permission = kUpload,
         .body_limit = kUploadBodyLimit,
         .read_timeout = std::chrono::seconds(120),
         .tag = "files",
         .summary = "Upload a photo (JPEG/PNG/WebP/HEIC, re-encoded to JPEG without metadata) or a PDF, "
                    "≤ 10 MiB: multipart/form-data with `file` and optional `organisationId`",
         .response_body = "File"},
        [&](http::Request& request) {
            const UploadForm form = ReadUploadForm(request);
            const FileRecord record =
                files.Upload(request.context, form.content, form.filename, form.organisation_id);
            return http::Response::Json(http::Serialize(FileToJson(record)), 201);
        });
    router.Add({.method = Method::kGet,
                .path = "/api/v1/files/{id}",
                .permission = kView,
                .tag = "files",
                .summary = "The bytes of a file in the caller's scope (inline, nosniff)"},
               [&](http::Request& request) {
                   const FileRecord record = files.Get(request.context, request.PathId("id"));
                   return FileResponse(request, files, record, FileVariant::kOriginal);
               });
    router.Add({.method = Method::kGet,
                .path = "/api/v1/files/{id}/thumbnail",
                .permission = kView,
                .tag = "files",
                .summary = "A 320 px JPEG thumbnail of a photo in the caller's scope; 404 for a PDF"},
               [&](http::Request& request) {
                   const FileRecord record = files.Get(request.context, request.PathId("id"));
                   return FileResponse(request, files, record, FileVariant::kThumbnail);
               });
}

}  // namespace app::files
