#pragma once

#include <concepts>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace app::http::multipart {

// Bounds on one multipart/form-data body. The route's body limit (RouteSpec::body_limit) already bounds the
// whole body; these bound what one body may ask the parser to build. A browser form never comes near them.
struct Limits {
    std::size_t max_parts = 32;
    std::size_t max_header_bytes = 8 * 1024;  // one part's header block, without its closing blank line
    std::size_t max_name_bytes = 100;         // a field name
    std::size_t max_filename_bytes = 255;     // a file name (after the directory is dropped)
    std::size_t max_text_bytes = 64 * 1024;   // the value of a part without a file name
};

// One part of the form. Lifetime: `data` is a view into the body passed to Parse and is valid only as long as
// that body is (for a handler: the Request, which outlives the handler call). Everything else is owned,
// because it is decoded from the headers (quoted strings, filename*=UTF-8''…).
struct Part {
    std::string name;  // the form field name: non-empty valid UTF-8 without control characters
    // Present exactly when the part is a file (Content-Disposition has filename or filename*), possibly
    // empty: a browser sends filename="" for a file input with nothing chosen. Only the last path component
    // is kept (old browsers sent C:\…\photo.jpg). It is what the user called the file — display text, never
    // a path to store under; the content decides the type (core/content_sniff.hpp).
    std::optional<std::string> filename;
    // The declared media type, lower case, without parameters ("image/jpeg"); empty when the part has none.
    std::string content_type;
    std::string_view data;  // the part's bytes, exactly as sent (binary safe)

    bool IsFile() const { return filename.has_value(); }
};

// The boundary of a Content-Type header value such as `multipart/form-data; boundary="a b"`. The media type
// must be multipart/form-data and the boundary 1–70 characters of RFC 2046's set, quoted or not.
std::string BoundaryFromContentType(std::string_view content_type);

// Parses a multipart/form-data body (RFC 7578, framing per RFC 2046): a preamble before the first delimiter
// and an epilogue after the closing one are ignored; each delimiter is "--boundary" at the start of the body
// or after CRLF, followed by optional spaces/tabs and CRLF, or by "--" for the closing one.
//
// Strict where two parsers could read the same bytes differently (a proxy or scanner in front of us and this
// code must see the same parts): a line that starts with the delimiter but continues with anything else,
// a missing closing delimiter, headers without their blank line, folded or malformed header lines, repeated
// Content-Disposition / Content-Type, a Content-Transfer-Encoding other than 7bit/8bit/binary, and a
// field name used by a text part and again by any other part all throw. Several file parts may share a name
// (<input type="file" multiple>). Text parts (no file name) must be valid UTF-8 without NUL, like JSON text.
//
// Errors are app::Error(invalid_input): problems of a named field carry that field; problems of the framing
// carry no field and a message naming the part ("第 2 部分" / "part 2", 1-based). Returns the parts in order;
// a body with only the closing delimiter has none.
std::vector<Part> Parse(std::string_view body, std::string_view boundary, const Limits& limits = {});

// BoundaryFromContentType then Parse.
std::vector<Part> ParseForm(std::string_view body, std::string_view content_type, const Limits& limits = {});

// Refused at compile time: the parts' data would point into a string that dies at the end of the full
// expression (a literal or an lvalue string is fine).
template <std::same_as<std::string> String>
std::vector<Part> Parse(String&& body, std::string_view boundary, const Limits& limits = {}) = delete;
template <std::same_as<std::string> String>
std::vector<Part> ParseForm(String&& body, std::string_view content_type, const Limits& limits = {}) = delete;

// The first part named `name`, or nullptr.
const Part* FindPart(const std::vector<Part>& parts, std::string_view name);

}  // namespace app::http::multipart
