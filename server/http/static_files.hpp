#pragma once

#include <filesystem>
#include <optional>

#include "http/message.hpp"

namespace app::http {

// Serves the built front end (web/dist): "/" is index.html; hashed files under /assets/ are cached for a
// year as immutable, everything else must revalidate (ETag → 304); a precompressed ".gz" sibling is sent
// to clients that accept gzip. Paths that climb out of the root, hidden files and anything that is not
// a regular file answer 404.
class StaticFiles {
public:
    explicit StaticFiles(std::filesystem::path root);

    // nullopt when the request is not for a file under the root.
    std::optional<Response> Serve(const Request& request) const;

    static std::string_view ContentTypeFor(const std::filesystem::path& file);

private:
    std::filesystem::path root_;
};

// True when a decoded request path is safe to map onto the file system (no "..", no NUL, no backslash,
// no hidden segments).
bool IsSafeRelativePath(std::string_view decoded_path);

}  // namespace app::http
