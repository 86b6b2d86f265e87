// The multipart/form-data reader an upload route will use: multipart::BoundaryFromContentType and Parse
// (small limits, so the limit paths are reachable), then content::Sniff and DeclaredTypeAgrees on every file
// part.
//
// Input: the Content-Type header value up to the first LF, then the body (any bytes).
//
// Invariants (each failure is a finding):
//  - Only app::Error with invalid_input escapes; an accepted boundary is 1–70 characters of RFC 2046's set.
//  - At most max_parts parts; each part's data is a view into the body, after the previous part's, and never
//    holds the delimiter (CRLF "--" boundary).
//  - Every name is non-empty valid UTF-8 within its limit without control characters; every file name is
//    valid UTF-8 within its limit without control characters, '/' or '\'; every text part is within its
//    limit, valid UTF-8 and has no NUL, and no text part's name is used by another part; a content type is
//    lower case "type/subtype".
//  - Written back with the same boundary (names and file names quoted), the parts read back the same.
//  - Sniffing looks only at a prefix (appending bytes never changes a known type), and unknown content never
//    agrees with any declared type.

#include <cctype>
#include <cstddef>
#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "core/content_sniff.hpp"
#include "core/text.hpp"
#include "fuzz_check.hpp"
#include "http/multipart.hpp"

namespace {

using app::fuzz::Quote;
namespace multipart = app::http::multipart;
namespace content = app::content;

bool NoControlCharacters(std::string_view text) {
    for (const unsigned char c : text)
        if (c < 0x20 || c == 0x7F) return false;
    return true;
}

std::string QuotedString(std::string_view text) {
    std::string result = "\"";
    for (const char c : text) {
        if (c == '"' || c == '\\') result.push_back('\\');
        result.push_back(c);
    }
    result.push_back('"');
    return result;
}

std::string WriteBack(const std::vector<multipart::Part>& parts, const std::string& boundary) {
    std::string body;
    for (const multipart::Part& part : parts) {
        body += "--" + boundary + "\r\nContent-Disposition: form-data; name=" + QuotedString(part.name);
        if (part.filename) body += "; filename=" + QuotedString(*part.filename);
        body += "\r\n";
        if (!part.content_type.empty()) body += "Content-Type: " + part.content_type + "\r\n";
        body += "\r\n";
        body += part.data;
        body += "\r\n";
    }
    return body + "--" + boundary + "--\r\n";
}

void CheckSniffing(const multipart::Part& part) {
    const content::FileType type = content::Sniff(part.data);
    if (type != content::FileType::kUnknown) {
        FUZZ_CHECK(content::Sniff(std::string(part.data) + "\x00 trailing") == type,
                   Quote(part.data.substr(0, 16)));
    } else {
        FUZZ_CHECK(!content::DeclaredTypeAgrees(type, part.content_type, part.filename.value_or("")),
                   Quote(part.filename.value_or("")));
    }
    // Must never throw or crash, whatever was declared.
    (void)content::DeclaredTypeAgrees(type, part.content_type, part.filename.value_or(""));
    (void)content::MediaType(type);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    const std::size_t newline = input.find('\n');
    if (newline == std::string_view::npos) return 0;
    const std::string_view content_type = input.substr(0, newline);
    const std::string_view body = input.substr(newline + 1);
    const multipart::Limits limits{.max_parts = 8,
                                   .max_header_bytes = 256,
                                   .max_name_bytes = 32,
                                   .max_filename_bytes = 64,
                                   .max_text_bytes = 512};

    std::string boundary;
    try {
        boundary = multipart::BoundaryFromContentType(content_type);
    } catch (const app::Error& error) {
        FUZZ_CHECK(error.GetCode() == app::ErrorCode::kInvalidInput, error.what());
        return 0;
    }
    FUZZ_CHECK(!boundary.empty() && boundary.size() <= 70 && boundary.back() != ' ', Quote(boundary));
    for (const char c : boundary) {
        FUZZ_CHECK(std::isalnum(static_cast<unsigned char>(c)) ||
                       std::string_view("'()+_,-./:=? ").find(c) != std::string_view::npos,
                   Quote(boundary));
    }

    std::vector<multipart::Part> parts;
    try {
        parts = multipart::Parse(body, boundary, limits);
    } catch (const app::Error& error) {
        FUZZ_CHECK(error.GetCode() == app::ErrorCode::kInvalidInput, error.what());
        FUZZ_CHECK(!error.GetMessage().zh.empty() && !error.GetMessage().en.empty(), error.what());
        return 0;
    }

    FUZZ_CHECK(parts.size() <= limits.max_parts, std::to_string(parts.size()));
    const std::string delimiter = "\r\n--" + boundary;
    const char* previous_end = body.data();
    std::set<std::string> names;
    std::set<std::string> text_names;
    for (const multipart::Part& part : parts) {
        FUZZ_CHECK(part.data.data() >= previous_end &&
                       part.data.data() + part.data.size() <= body.data() + body.size(),
                   "data is a view into the body, in order");
        previous_end = part.data.data() + part.data.size();
        FUZZ_CHECK(part.data.find(delimiter) == std::string_view::npos, Quote(part.data));

        FUZZ_CHECK(!part.name.empty() && part.name.size() <= limits.max_name_bytes, Quote(part.name));
        FUZZ_CHECK(app::text::IsValidUtf8(part.name) && NoControlCharacters(part.name), Quote(part.name));
        if (part.filename) {
            const std::string& filename = *part.filename;
            FUZZ_CHECK(filename.size() <= limits.max_filename_bytes, Quote(filename));
            FUZZ_CHECK(app::text::IsValidUtf8(filename) && NoControlCharacters(filename), Quote(filename));
            FUZZ_CHECK(filename.find_first_of("/\\") == std::string::npos, Quote(filename));
        } else {
            FUZZ_CHECK(part.data.size() <= limits.max_text_bytes, std::to_string(part.data.size()));
            FUZZ_CHECK(app::text::IsValidUtf8(part.data), Quote(part.data));
            FUZZ_CHECK(part.data.find('\0') == std::string_view::npos, Quote(part.data));
        }
        FUZZ_CHECK(text_names.count(part.name) == 0,
                   "a text field's name is used again: " + Quote(part.name));
        if (!part.IsFile())
            FUZZ_CHECK(names.count(part.name) == 0, "a text field repeats a name: " + Quote(part.name));
        names.insert(part.name);
        if (!part.IsFile()) text_names.insert(part.name);
        if (!part.content_type.empty()) {
            FUZZ_CHECK(part.content_type == app::text::ToLowerAscii(part.content_type),
                       Quote(part.content_type));
            FUZZ_CHECK(part.content_type.find('/') != std::string::npos, Quote(part.content_type));
        }
        if (part.IsFile()) CheckSniffing(part);
    }

    const std::string written = WriteBack(parts, boundary);
    std::vector<multipart::Part> again;
    app::fuzz::ExpectOnlyAppErrors("parse written back",
                                   [&] { again = multipart::Parse(written, boundary, limits); });
    FUZZ_CHECK(again.size() == parts.size(), Quote(written));
    for (std::size_t index = 0; index < parts.size(); ++index) {
        FUZZ_CHECK(again[index].name == parts[index].name, Quote(written));
        FUZZ_CHECK(again[index].filename == parts[index].filename, Quote(written));
        FUZZ_CHECK(again[index].content_type == parts[index].content_type, Quote(written));
        FUZZ_CHECK(again[index].data == parts[index].data, Quote(written));
    }
    return 0;
}
