#include "media/qr_code.hpp"

#include <qrencode.h>

#include <cerrno>
#include <cstring>
#include <memory>

#include "core/error.hpp"

namespace app::media {
namespace {

struct QrFree {
    void operator()(QRcode* code) const { QRcode_free(code); }
};
using QrPtr = std::unique_ptr<QRcode, QrFree>;

}  // namespace

std::string QrCodeSvg(std::string_view text, int module_pixels) {
    if (module_pixels < 1 || module_pixels > 100)
        throw Error::Internal("media::QrCodeSvg: module size out of range");
    if (text.empty()) throw Error::Internal("media::QrCodeSvg: empty text");
    if (text.size() > kQrMaxBytes)
        throw Error::Internal("media::QrCodeSvg: text of " + std::to_string(text.size()) +
                              " bytes is too long for a QR code");

    // Version 0: the smallest that holds the data. QRcode_encodeData always uses 8-bit mode and, unlike
    // QRcode_encodeString, does not stop at a NUL byte.
    errno = 0;
    const QrPtr code(QRcode_encodeData(static_cast<int>(text.size()),
                                       reinterpret_cast<const unsigned char*>(text.data()), 0, QR_ECLEVEL_M));
    if (!code) {
        const int error = errno;
        throw Error::Internal(std::string("media::QrCodeSvg: libqrencode failed: ") +
                              (error == ERANGE ? "text too long" : std::strerror(error)));
    }

    const int width = code->width;
    const int size = width + 2 * kQrQuietZone;
    const std::string pixels = std::to_string(size * module_pixels);
    const std::string units = std::to_string(size);

    // Each horizontal run of dark modules is one rectangle: "M x y h n v1 h -n z".
    std::string path;
    path.reserve(static_cast<std::size_t>(width) * static_cast<std::size_t>(width));
    const unsigned char* data = code->data;
    for (int y = 0; y < width; ++y) {
        int x = 0;
        while (x < width) {
            if ((data[y * width + x] & 1) == 0) {
                ++x;
                continue;
            }
            const int start = x;
            while (x < width && (data[y * width + x] & 1) != 0) ++x;
            const std::string run = std::to_string(x - start);
            path += "M" + std::to_string(start + kQrQuietZone) + " " + std::to_string(y + kQrQuietZone) +
                    "h" + run + "v1h-" + run + "z";
        }
    }

    std::string svg;
    svg.reserve(path.size() + 320);
    svg += "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + units + " " + units + "\" width=\"" +
           pixels + "\" height=\"" + pixels + "\" shape-rendering=\"crispEdges\">";
    svg += "<rect width=\"" + units + "\" height=\"" + units + "\" fill=\"#fff\"/>";
    svg += "<path fill=\"#000\" d=\"" + path + "\"/>";
    svg += "</svg>";
    return svg;
}

}  // namespace app::media
