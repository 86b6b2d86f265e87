#pragma once

#include <cstddef>
#include <string>
#include <string_view>

// QR codes for printed posters, drawn by libqrencode. Only qr_code.cpp includes <qrencode.h>; nothing of the
// library shows in this header. Thread-safe.
namespace app::media {

// The most bytes one QR code holds at error correction level M in 8-bit mode (version 40).
inline constexpr std::size_t kQrMaxBytes = 2331;
// The light border around the symbol, in modules (ISO/IEC 18004 asks for 4).
inline constexpr int kQrQuietZone = 4;

// A standalone SVG image of `text` (its bytes, encoded in 8-bit mode; a URL, typically) as a QR code: error
// correction level M (15 % of the symbol may be lost), the smallest version that fits, a 4-module quiet zone.
// The viewBox counts modules ("0 0 n n", n = symbol width + 8) and width/height are n × module_pixels, so
// CSS may scale it freely; a white background rectangle and the dark modules as one path of unit squares,
// with shape-rendering="crispEdges". The same text gives the same bytes.
// Throws app::Error (internal) when the text is empty or longer than kQrMaxBytes, when module_pixels is not
// in 1 … 100, or when libqrencode fails.
std::string QrCodeSvg(std::string_view text, int module_pixels = 8);

}  // namespace app::media
