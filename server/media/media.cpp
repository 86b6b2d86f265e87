#include "media/media.hpp"

#include <vips/vips.h>

#include <memory>
#include <mutex>
#include <string_view>

#include "core/error.hpp"

namespace app::media {
namespace {

// The loaders an upload may reach. libvips can read much more (SVG, PDF, FITS, Matlab, ImageMagick's
// formats …) and picks a loader by sniffing; refusing every other loader keeps that surface closed even if
// a caller skips the content check in front of us.
constexpr std::string_view kAllowedLoaders[] = {"VipsForeignLoadJpegBuffer", "VipsForeignLoadPngBuffer",
                                                "VipsForeignLoadWebpBuffer", "VipsForeignLoadHeifBuffer"};

void Initialise() {
    static std::once_flag once;
    std::call_once(once, [] {
        if (VIPS_INIT("ankang") != 0) {
            const std::string detail = vips_error_buffer();
            vips_error_clear();
            throw Error::Internal("libvips could not start: " + detail);
        }
        // One worker per operation: requests already run on the server's worker pool, and two cores are
        // shared with the database. The cache of operations would only keep decoded uploads in memory.
        vips_concurrency_set(1);
        vips_cache_set_max(0);
        vips_cache_set_max_mem(8 * 1024 * 1024);
        vips_cache_set_max_files(0);
    });
}

struct ImageUnref {
    void operator()(VipsImage* image) const {
        if (image) g_object_unref(image);
    }
};
using ImagePtr = std::unique_ptr<VipsImage, ImageUnref>;

[[noreturn]] void Undecodable(const std::string& detail) {
    throw Error(ErrorCode::kInvalidInput, {"输入有误，请检查标出的字段", "Please correct the marked fields"},
                "image: " + detail, {{"file", LocalizedText{"图片无法解码", "The image cannot be decoded"}}});
}

// The text libvips left about the last failure (shared by all threads, so possibly mixed with another
// thread's: only for the log).
std::string TakeVipsError() {
    std::string text = vips_error_buffer();
    vips_error_clear();
    while (!text.empty() && text.back() == '\n') text.pop_back();
    return text;
}

// Replaces `image` by the result of `operation`, or fails naming the step.
template <typename Operation>
void Step(ImagePtr& image, const char* name, Operation operation) {
    VipsImage* out = nullptr;
    if (operation(image.get(), &out) != 0) {
        if (out) g_object_unref(out);
        Undecodable(std::string(name) + ": " + TakeVipsError());
    }
    image.reset(out);
}

}  // namespace

EncodedImage Reencode(std::span<const std::byte> content, int long_edge) {
    if (long_edge < 1 || long_edge > 10'000) throw Error::Internal("media::Reencode: long edge out of range");
    Initialise();
    if (content.empty()) Undecodable("empty content");
    const void* data = content.data();
    const std::size_t size = content.size();

    const char* loader = vips_foreign_find_load_buffer(data, size);
    if (!loader) Undecodable("no loader: " + TakeVipsError());
    bool allowed = false;
    for (std::string_view name : kAllowedLoaders) allowed = allowed || name == loader;
    if (!allowed) Undecodable(std::string("loader not allowed: ") + loader);

    {
        // The header only (libvips decodes lazily): refuse decompression bombs before any pixel is made.
        ImagePtr header(vips_image_new_from_buffer(data, size, "", nullptr));
        if (!header) Undecodable("header: " + TakeVipsError());
        const long long pixels =
            static_cast<long long>(vips_image_get_width(header.get())) * vips_image_get_height(header.get());
        if (pixels <= 0 || pixels > kMaxPixels) Undecodable("too many pixels: " + std::to_string(pixels));
    }

    // Shrink-on-load, EXIF auto-rotation and colour management (an embedded profile → sRGB) in one step.
    // fail_on=error: a truncated or corrupt file is refused instead of being padded with grey.
    VipsImage* shrunk = nullptr;
    if (vips_thumbnail_buffer(const_cast<void*>(data), size, &shrunk, long_edge, "height", long_edge, "size",
                              VIPS_SIZE_DOWN, "option_string", "fail_on=error", nullptr) != 0) {
        if (shrunk) g_object_unref(shrunk);
        Undecodable("thumbnail: " + TakeVipsError());
    }
    ImagePtr image(shrunk);

    if (vips_image_get_interpretation(image.get()) != VIPS_INTERPRETATION_sRGB) {
        Step(image, "colourspace", [](VipsImage* in, VipsImage** out) {
            return vips_colourspace(in, out, VIPS_INTERPRETATION_sRGB, nullptr);
        });
    }
    if (vips_image_hasalpha(image.get())) {
        Step(image, "flatten", [](VipsImage* in, VipsImage** out) {
            VipsArrayDouble* white = vips_array_double_newv(1, 255.0);
            const int result = vips_flatten(in, out, "background", white, nullptr);
            vips_area_unref(VIPS_AREA(white));
            return result;
        });
    }
    if (vips_image_get_format(image.get()) != VIPS_FORMAT_UCHAR) {
        Step(image, "cast", [](VipsImage* in, VipsImage** out) { return vips_cast_uchar(in, out, nullptr); });
    }

    void* buffer = nullptr;
    std::size_t length = 0;
    // strip: no EXIF, XMP, IPTC, ICC profile or comment is written (the JFIF header only).
    if (vips_jpegsave_buffer(image.get(), &buffer, &length, "Q", kJpegQuality, "strip", TRUE,
                             "optimize_coding", TRUE, "interlace", FALSE, nullptr) != 0) {
        if (buffer) g_free(buffer);
        Undecodable("jpegsave: " + TakeVipsError());
    }
    EncodedImage result;
    result.jpeg.assign(static_cast<const char*>(buffer), length);
    g_free(buffer);
    result.width = vips_image_get_width(image.get());
    result.height = vips_image_get_height(image.get());
    return result;
}

EncodedImage ReencodePhoto(std::span<const std::byte> content) {
    return Reencode(content, kPhotoLongEdge);
}

EncodedImage Thumbnail(std::span<const std::byte> content) {
    return Reencode(content, kThumbnailLongEdge);
}

}  // namespace app::media
