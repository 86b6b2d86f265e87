#include "files/file_service.hpp"

#include "auth/audit.hpp"
#include "auth/data_scope.hpp"
#include "core/content_sniff.hpp"
#include "core/text.hpp"
#include "http/json.hpp"
#include "media/media.hpp"
#include "organisations/organisation_service.hpp"

namespace app::files {
namespace {

constexpr std::string_view kColumns =
    "SELECT f.id, f.sha256, f.media_type, f.byte_size, f.width, f.height, f.thumbnail_sha256,"
    " f.original_name, f.organisation_id, o.path, f.uploaded_by, f.created_at"
    " FROM files f JOIN organisations o ON o.id = f.organisation_id";

FileRecord ReadRecord(const db::Row& row) {
    FileRecord record;
    record.id = row.GetInt64(0);
    record.sha256 = row.GetString(1);
    record.media_type = row.GetString(2);
    record.byte_size = row.GetInt64(3);
    record.width = row.GetInt32(4);
    record.height = row.GetInt32(5);
    record.thumbnail_sha256 = row.GetString(6);
    record.original_name = row.GetString(7);
    record.organisation_id = row.GetInt64(8);
    record.organisation_path = row.GetString(9);
    record.uploaded_by = row.GetOptionalInt64(10);
    record.created_at = row.GetInt64(11);
    return record;
}

bool InScope(const Principal& principal, const std::string& path) {
    const auto [lower, upper] = auth::ScopeRange(principal);
    return path >= lower && path < upper;
}

const LocalizedText kUnsupportedType{"只能上传 JPEG、PNG、WebP、HEIC 格式的照片或 PDF 文件",
                                     "Only JPEG, PNG, WebP or HEIC photos and PDF files can be uploaded"};

std::string AuditJson(const FileRecord& record) {
    boost::json::object object{{"id", record.id},
                               {"sha256", record.sha256},
                               {"mediaType", record.media_type},
                               {"byteSize", record.byte_size},
                               {"width", record.width},
                               {"height", record.height},
                               {"originalName", record.original_name},
                               {"organisationId", record.organisation_id}};
    return http::Serialize(object);
}

}  // namespace

FileService::FileService(db::Database& database, const Clock& clock,
                         const std::filesystem::path& data_directory)
    : database_(database), clock_(clock), store_(std::filesystem::absolute(data_directory) / "files") {}

PreparedFile FileService::PrepareUpload(std::string_view content, std::string_view original_name) const {
    if (content.size() > kMaxUploadBytes) {
        throw Error(ErrorCode::kPayloadTooLarge,
                    {"文件过大（上限 10 MB）", "The file is too large (limit 10 MB)"},
                    "upload of " + std::to_string(content.size()) + " bytes",
                    {{"file", LocalizedText{"文件不能超过 10 MB", "The file must not exceed 10 MB"}}});
    }
    if (content.empty()) throw Error::InvalidField("file", {"文件是空的", "The file is empty"});

    PreparedFile prepared;
    prepared.original_name = text::IsValidUtf8(original_name) ? text::Trim(original_name) : std::string();
    switch (content::Sniff(content)) {
        case content::FileType::kJpeg:
        case content::FileType::kPng:
        case content::FileType::kWebp:
        case content::FileType::kHeic: {
            const media::EncodedImage photo = media::ReencodePhoto(media::Bytes(content));
            const media::EncodedImage thumbnail = media::Thumbnail(media::Bytes(photo.jpeg));
            prepared.media_type = "image/jpeg";
            prepared.byte_size = static_cast<std::int64_t>(photo.jpeg.size());
            prepared.width = photo.width;
            prepared.height = photo.height;
            prepared.sha256 = store_.Put(photo.jpeg);
            prepared.thumbnail_sha256 = store_.Put(thumbnail.jpeg);
            return prepared;
        }
        case content::FileType::kPdf:
            prepared.media_type = "application/pdf";
            prepared.byte_size = static_cast<std::int64_t>(content.size());
            prepared.sha256 = store_.Put(content);
            return prepared;
        case content::FileType::kGif:
        case content::FileType::kUnknown:
            break;
    }
    throw Error::InvalidField("file", kUnsupportedType);
}

FileRecord FileService::RecordUpload(db::Session& session, const RequestContext& context,
                                     const PreparedFile& prepared, std::int64_t organisation_id,
                                     EpochMillis now) {
    const std::optional<std::int64_t> uploader =
        context.principal.user_id > 0 ? std::optional<std::int64_t>(context.principal.user_id) : std::nullopt;
    const std::int64_t id =
        session
            .Query(
                "INSERT INTO files (sha256, media_type, byte_size, width, height, thumbnail_sha256,"
                " original_name, organisation_id, uploaded_by, created_at)"
                " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
                prepared.sha256, prepared.media_type, prepared.byte_size, prepared.width, prepared.height,
                prepared.thumbnail_sha256, prepared.original_name, organisation_id, uploader, now)
            .Front()
            .GetInt64(0);
    const FileRecord record = *Find(session, id);
    auth::RecordAudit(
        session, context,
        {"upload", "file", std::to_string(id), std::nullopt, AuditJson(record), record.organisation_path},
        now);
    return record;
}

FileRecord FileService::Store(db::Session& session, const RequestContext& context, std::string_view content,
                              std::string_view original_name, std::int64_t organisation_id,
                              EpochMillis now) const {
    return RecordUpload(session, context, PrepareUpload(content, original_name), organisation_id, now);
}

FileRecord FileService::Upload(const RequestContext& context, std::string_view content,
                               std::string_view original_name,
                               std::optional<std::int64_t> organisation_id) const {
    const std::int64_t organisation = organisation_id.value_or(context.principal.organisation_id);
    // Cheap checks first, so a refused organisation costs no image work.
    const bool in_scope = database_.Read([&](db::Session& session) {
        return organisations::OrganisationService::FindInScope(session, context.principal, organisation)
            .has_value();
    });
    if (!in_scope) {
        throw Error::InvalidField(
            "organisationId",
            {"组织不存在或不在您的管理范围内", "The organisation does not exist or is outside your scope"});
    }
    const PreparedFile prepared = PrepareUpload(content, original_name);
    const EpochMillis now = clock_.Now();
    return database_.Write([&](db::Session& session) {
        if (!organisations::OrganisationService::FindInScope(session, context.principal, organisation))
            throw Error::InvalidField("organisationId",
                                      {"组织不存在或不在您的管理范围内",
                                       "The organisation does not exist or is outside your scope"});
        return RecordUpload(session, context, prepared, organisation, now);
    });
}

std::optional<FileRecord> FileService::Find(db::Session& session, std::int64_t id) {
    const db::Result rows = session.Query(std::string(kColumns) + " WHERE f.id = $1", id);
    if (rows.Empty()) return std::nullopt;
    return ReadRecord(rows.Front());
}

FileRecord FileService::Get(const RequestContext& context, std::int64_t id) const {
    auto record = database_.Read([&](db::Session& session) { return Find(session, id); });
    if (!record || !InScope(context.principal, record->organisation_path)) throw Error::NotFound("file");
    return *record;
}

std::string FileService::Content(const FileRecord& record, FileVariant variant) const {
    if (variant == FileVariant::kThumbnail) {
        if (!record.HasThumbnail()) throw Error::NotFound("file thumbnail");
        return store_.Read(record.thumbnail_sha256);
    }
    return store_.Read(record.sha256);
}

void RequireUsableFiles(db::Session& session, const Principal& principal,
                        const std::vector<std::int64_t>& ids, const std::string& field) {
    for (const std::int64_t id : ids) {
        const auto record = FileService::Find(session, id);
        if (!record || !InScope(principal, record->organisation_path)) {
            throw Error::InvalidField(
                field, {"文件 " + std::to_string(id) + " 不存在或不在您的管理范围内",
                        "File " + std::to_string(id) + " does not exist or is outside your scope"});
        }
    }
}

void RequireReplyFiles(db::Session& session, std::int64_t organisation_id, EpochMillis uploaded_since,
                       const std::vector<std::int64_t>& ids, const std::string& field) {
    for (const std::int64_t id : ids) {
        const auto record = FileService::Find(session, id);
        if (!record || record->organisation_id != organisation_id || record->uploaded_by ||
            record->created_at < uploaded_since) {
            throw Error::InvalidField(field,
                                      {"文件 " + std::to_string(id) + " 不是通过此链接上传的",
                                       "File " + std::to_string(id) + " was not uploaded through this link"});
        }
    }
}

}  // namespace app::files
