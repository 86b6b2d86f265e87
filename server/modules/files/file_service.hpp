#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"
#include "core/principal.hpp"
#include "db/database.hpp"
#include "files/file_store.hpp"

// Uploaded photos and documents (ADR 0010, Files). The type is decided by the content, never by the name or
// the declared type: JPEG, PNG, WebP and HEIC photos are re-encoded to JPEG (upright, long edge ≤ 2560 px,
// quality 85, no metadata — so no GPS position) with a 320 px thumbnail; PDF is kept as sent; anything else
// is refused on the field `file`. Bytes live content-addressed on disk (FileStore), one `files` row per
// upload carries the organisation whose scope may see it.
//
// Other modules:
//   - attach files their users uploaded through POST /files: check the ids with RequireUsableFiles;
//   - take an upload themselves (the public reply link): PrepareUpload outside the transaction, then
//     RecordUpload inside it, with the anonymous request context — uploaded_by stays NULL — and the
//     organisation that should see the file (the document's issuing organisation); later check the ids the
//     reply names with RequireReplyFiles;
//   - serve a file they may show: FileService::Content, and files::FileResponse (files_routes.hpp).
namespace app::files {

inline constexpr std::size_t kMaxUploadBytes = 10 * 1024 * 1024;  // 10 MiB per file

struct FileRecord {
    std::int64_t id = 0;
    std::string sha256;      // of the stored bytes (after re-encoding)
    std::string media_type;  // "image/jpeg" or "application/pdf"
    std::int64_t byte_size = 0;
    int width = 0;  // pixels; 0 for PDF
    int height = 0;
    std::string thumbnail_sha256;  // empty when there is no thumbnail (PDF)
    std::string original_name;     // what the uploader called it (display text only)
    std::int64_t organisation_id = 0;
    std::string organisation_path;
    std::optional<std::int64_t> uploaded_by;  // NULL for uploads through a public reply link
    EpochMillis created_at = 0;

    bool HasThumbnail() const { return !thumbnail_sha256.empty(); }
    bool IsImage() const { return media_type == "image/jpeg"; }
};

// An upload checked, re-encoded and written to disk, not yet recorded in the database.
struct PreparedFile {
    std::string sha256;
    std::string media_type;
    std::int64_t byte_size = 0;
    int width = 0;
    int height = 0;
    std::string thumbnail_sha256;
    std::string original_name;
};

enum class FileVariant { kOriginal, kThumbnail };

class FileService {
public:
    // `data_directory`: the configured data directory; blobs go to <data_directory>/files, created on the
    // first upload (constructing touches nothing).
    FileService(db::Database& database, const Clock& clock, const std::filesystem::path& data_directory);

    // Checks and converts an upload and writes its bytes (and thumbnail) to disk. CPU-heavy for photos: call
    // it outside any transaction. Throws app::Error: 413 (payload_too_large, field `file`) above
    // kMaxUploadBytes; invalid input on `file` for empty content, a type other than JPEG/PNG/WebP/HEIC/PDF
    // (a script or HTML page named photo.jpg, SVG, GIF …) or an image that cannot be decoded.
    PreparedFile PrepareUpload(std::string_view content, std::string_view original_name) const;

    // Inserts the `files` row for a prepared upload and audits it (action "upload", entity "file"), inside
    // the caller's transaction. The uploader is the context's signed-in user, or NULL for an anonymous
    // context (a public reply link). The organisation is not scope-checked here: the caller decides who
    // should see the file.
    static FileRecord RecordUpload(db::Session& session, const RequestContext& context,
                                   const PreparedFile& prepared, std::int64_t organisation_id,
                                   EpochMillis now);

    // PrepareUpload then RecordUpload, for callers already inside a transaction that accept holding it
    // while the photo is converted.
    FileRecord Store(db::Session& session, const RequestContext& context, std::string_view content,
                     std::string_view original_name, std::int64_t organisation_id, EpochMillis now) const;

    // POST /files: the organisation must be in the caller's scope (default: the caller's own).
    FileRecord Upload(const RequestContext& context, std::string_view content, std::string_view original_name,
                      std::optional<std::int64_t> organisation_id) const;

    // The file if its organisation is in the caller's scope; else Error::NotFound.
    FileRecord Get(const RequestContext& context, std::int64_t id) const;

    // The stored bytes of a record (the thumbnail: Error::NotFound when there is none, as for a PDF).
    std::string Content(const FileRecord& record, FileVariant variant) const;

    // A file by id without a scope check, for callers that authorised access themselves (the public reply
    // link shows only the files of its own document). nullopt when there is no such file.
    static std::optional<FileRecord> Find(db::Session& session, std::int64_t id);

    const FileStore& Blobs() const { return store_; }

private:
    db::Database& database_;
    const Clock& clock_;
    FileStore store_;
};

// Throws Error::InvalidField(field, …) unless every id names a file whose organisation is in the principal's
// scope. For ids a request names in `field` (e.g. "photoFileIds", "evidenceFileIds"). Duplicates are allowed.
void RequireUsableFiles(db::Session& session, const Principal& principal,
                        const std::vector<std::int64_t>& ids, const std::string& field);

// For a public reply: throws Error::InvalidField(field, …) unless every id names a file uploaded without an
// account (uploaded_by NULL) for `organisation_id` at or after `uploaded_since` (the link's creation).
void RequireReplyFiles(db::Session& session, std::int64_t organisation_id, EpochMillis uploaded_since,
                       const std::vector<std::int64_t>& ids, const std::string& field);

}  // namespace app::files
