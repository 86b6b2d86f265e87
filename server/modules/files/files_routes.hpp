#pragma once

#include <boost/json/object.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "files/file_service.hpp"
#include "http/message.hpp"
#include "http/router.hpp"

namespace app::files {

// The body limit of an upload route: one file of kMaxUploadBytes plus the multipart framing and a few text
// fields. A larger body is answered 413 before it is read; a file part above kMaxUploadBytes inside a body
// that fits is answered 413 naming the field `file`.
inline constexpr std::size_t kUploadBodyLimit = kMaxUploadBytes + 64 * 1024;

// POST /api/v1/files, GET /api/v1/files/{id}, GET /api/v1/files/{id}/thumbnail.
void RegisterFileRoutes(http::Router& router, FileService& files);

// {id, mediaType, byteSize, width, height, originalName, organisationId, createdAt, url, thumbnailUrl}; url
// is `<url_base>/<id>`, thumbnailUrl `<url_base>/<id>/thumbnail` or null when there is none (PDF). A public
// route serving files under its own path passes that path as url_base.
boost::json::object FileToJson(const FileRecord& record, std::string_view url_base = "/api/v1/files");

// The multipart form of an upload: exactly one part `file` (a file part), optionally a text part
// `organisationId`. Throws app::Error (invalid input) naming `file` or `organisationId`.
struct UploadForm {
    std::string_view content;  // a view into request.body
    std::string filename;
    std::optional<std::int64_t> organisation_id;
};
UploadForm ReadUploadForm(const http::Request& request);

// The response serving a stored file: its media type, Content-Disposition inline with the original name
// (extension .jpg for re-encoded photos), X-Content-Type-Options: nosniff, Cache-Control private with a day's
// max-age and an ETag (the content hash); 304 when the request's If-None-Match names that ETag.
http::Response FileResponse(const http::Request& request, const FileService& files, const FileRecord& record,
                            FileVariant variant);

}  // namespace app::files
