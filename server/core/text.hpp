#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace app::text {

// Number of Unicode code points in valid UTF-8 (what a person counts as characters).
std::size_t CodePointCount(std::string_view utf8);
bool IsValidUtf8(std::string_view bytes);
std::string Trim(std::string_view value);
std::string ToLowerAscii(std::string_view value);
std::string ToUpperAscii(std::string_view value);
bool StartsWith(std::string_view value, std::string_view prefix);

// Escapes % _ and \ so user text can be used inside LIKE ... ESCAPE '\'.
std::string EscapeLike(std::string_view value);

// Hex encoding of bytes.
std::string ToHex(std::string_view bytes);
// Text made safe inside HTML element content and quoted attribute values: & < > " ' become entities.
std::string EscapeHtml(std::string_view text);

}  // namespace app::text
