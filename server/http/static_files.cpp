#include "http/static_files.hpp"

#include <fstream>
#include <sstream>
#include <system_error>

#include "core/text.hpp"
#include "http/router.hpp"

namespace app::http {
namespace {

std::optional<std::string> ReadWholeFile(const std::filesystem::path& file) {
    std::ifstream stream(file, std::ios::binary);
    if (!stream) return std::nullopt;
    std::ostringstream buffer;
    buffer << stream.rdbuf();
    return buffer.str();
}

bool AcceptsGzip(const Request& request) {
    const auto header = request.Header("accept-encoding");
    return header && header->find("gzip") != std::string_view::npos;
}

}  // namespace

StaticFiles::StaticFiles(std::filesystem::path root) {
    std::error_code error;
    root_ = std::filesystem::weakly_canonical(root, error);
    if (error) root_ = std::move(root);
}

bool IsSafeRelativePath(std::string_view decoded_path) {
    if (decoded_path.find('\0') != std::string_view::npos ||
        decoded_path.find('\\') != std::string_view::npos) {
        return false;
    }
    for (const std::string& segment : SplitPath(decoded_path)) {
        if (segment == ".." || segment == "." || (!segment.empty() && segment.front() == '.')) return false;
    }
    return true;
}

std::string_view StaticFiles::ContentTypeFor(const std::filesystem::path& file) {
    const std::string extension = text::ToLowerAscii(file.extension().string());
    if (extension == ".html") return "text/html; charset=utf-8";
    if (extension == ".js" || extension == ".mjs") return "text/javascript; charset=utf-8";
    if (extension == ".css") return "text/css; charset=utf-8";
    if (extension == ".json") return "application/json; charset=utf-8";
    if (extension == ".svg") return "image/svg+xml";
    if (extension == ".png") return "image/png";
    if (extension == ".jpg" || extension == ".jpeg") return "image/jpeg";
    if (extension == ".ico") return "image/x-icon";
    if (extension == ".woff2") return "font/woff2";
    if (extension == ".woff") return "font/woff";
    if (extension == ".txt") return "text/plain; charset=utf-8";
    if (extension == ".map") return "application/json";
    return "application/octet-stream";
}

std::optional<Response> StaticFiles::Serve(const Request& request) const {
    if (request.method != Method::kGet && request.method != Method::kHead) return std::nullopt;
    if (!IsSafeRelativePath(request.path)) return std::nullopt;
    std::string relative = request.path;
    while (!relative.empty() && relative.front() == '/') relative.erase(0, 1);
    if (relative.empty()) relative = "index.html";

    const std::filesystem::path file = root_ / relative;
    std::error_code error;
    // Belt and braces after the segment check: the resolved file must still be inside the root.
    const std::filesystem::path resolved = std::filesystem::weakly_canonical(file, error);
    if (error) return std::nullopt;
    const auto [root_end, unused] =
        std::mismatch(root_.begin(), root_.end(), resolved.begin(), resolved.end());
    if (root_end != root_.end()) return std::nullopt;
    if (!std::filesystem::is_regular_file(resolved, error)) return std::nullopt;

    const auto size = std::filesystem::file_size(resolved, error);
    const auto modified = std::filesystem::last_write_time(resolved, error).time_since_epoch().count();
    const std::string etag = "\"" + std::to_string(size) + "-" + std::to_string(modified) + "\"";

    Response response;
    response.content_type = std::string(ContentTypeFor(resolved));
    response.SetHeader("ETag", etag);
    const bool hashed_asset = text::StartsWith(relative, "assets/");
    response.SetHeader("Cache-Control", hashed_asset ? "public, max-age=31536000, immutable" : "no-cache");
    response.SetHeader("Vary", "Accept-Encoding");

    if (const auto if_none_match = request.Header("if-none-match"); if_none_match && *if_none_match == etag) {
        response.status = 304;
        response.content_type.clear();
        return response;
    }

    std::filesystem::path chosen = resolved;
    if (AcceptsGzip(request)) {
        std::filesystem::path compressed = resolved;
        compressed += ".gz";
        if (std::filesystem::is_regular_file(compressed, error)) {
            chosen = compressed;
            response.SetHeader("Content-Encoding", "gzip");
        }
    }
    auto body = ReadWholeFile(chosen);
    if (!body) return std::nullopt;
    response.body = std::move(*body);
    return response;
}

}  // namespace app::http
