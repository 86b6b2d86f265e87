#pragma once

#include <cstddef>
#include <span>
#include <string>

// Image work for uploads, done by libvips. This folder is the only place that includes <vips/vips.h>; nothing
// of libvips shows in this header. Thread-safe: several request threads may re-encode at once (libvips is
// initialised once, with one worker thread per operation and a small operation cache).
namespace app::media {

struct EncodedImage {
    std::string jpeg;  // baseline JPEG bytes
    int width = 0;
    int height = 0;
};

// The long edge of a re-encoded photo and of a thumbnail, and the JPEG quality of both.
inline constexpr int kPhotoLongEdge = 2560;
inline constexpr int kThumbnailLongEdge = 320;
inline constexpr int kJpegQuality = 85;
// Images with more pixels than this (as their header declares) are refused before they are decoded: a few
// kilobytes of PNG can claim 100,000 × 100,000 pixels. Phone cameras stay well below (a 108 MP sensor is
// 12,000 × 9,000).
inline constexpr long long kMaxPixels = 120'000'000;

// Decodes a JPEG, PNG, WebP or HEIC/HEIF image, turns it upright by its EXIF orientation, shrinks it so that
// its long edge is at most kPhotoLongEdge (never enlarges), flattens transparency onto white, converts it to
// sRGB and writes a JPEG of kJpegQuality without any metadata: no EXIF (so no GPS position, camera serial or
// time), no XMP, IPTC, ICC profile or comment. The same input gives the same bytes.
// Throws app::Error (invalid input, field `file`, "图片无法解码") when the bytes are not an image libvips can
// decode completely, or when the image is larger than kMaxPixels.
EncodedImage ReencodePhoto(std::span<const std::byte> content);

// Like ReencodePhoto with a long edge of kThumbnailLongEdge: the small preview lists show.
EncodedImage Thumbnail(std::span<const std::byte> content);

// The same for any long edge (1 … 10,000 px).
EncodedImage Reencode(std::span<const std::byte> content, int long_edge);

// Convenience for callers holding text buffers.
inline std::span<const std::byte> Bytes(std::string_view text) {
    return std::as_bytes(std::span<const char>(text.data(), text.size()));
}

}  // namespace app::media
