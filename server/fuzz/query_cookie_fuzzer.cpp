// Query strings, cookies and the other request helpers: ParseQueryString, ParseCookieHeader,
// LanguageFromAcceptLanguage, Request::Query / Cookie / PathId, and the query readers built on them
// (QueryText, QueryInt64, ReadPageRequest, system::ReadUserFilter).
//
// Input: up to four lines — query string, Cookie header, Accept-Language header, {id} path parameter
// (HTTP cannot carry a raw newline in any of them). Every line is also fed to both parsers.
//
// Invariants (each failure is a finding):
//  - ParseQueryString: at most one pair per '&'-separated part; Request::Query(name) is the first pair's
//  value;
//    percent-encoding the pairs and parsing again gives the same pairs.
//  - ParseCookieHeader: names are non-empty, trimmed, without '=' or ';'; values have no ';'; at most one
//    cookie per ';'-separated part; Request::Cookie(name) is the first; writing the cookies back as
//    name="value" and parsing again gives the same cookies.
//  - LanguageFromAcceptLanguage: only the first tag counts (appending ",zh" / ",en" changes nothing).
//  - PathId: either a positive id whose text is only digits, or app::Error not_found.
//  - The query readers end in a value within their documented bounds or app::Error invalid_input;
//    QueryText returns trimmed, non-empty, valid UTF-8 without NUL of at most the given length.

#include <algorithm>
#include <cctype>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/text.hpp"
#include "fuzz_check.hpp"
#include "http/json.hpp"
#include "http/message.hpp"
#include "system/user_json.hpp"

namespace {

using app::fuzz::Quote;
using Pairs = std::vector<std::pair<std::string, std::string>>;

std::string Encode(std::string_view bytes) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string encoded;
    for (const unsigned char c : bytes) {
        if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
            encoded.push_back(static_cast<char>(c));
        } else {
            encoded.push_back('%');
            encoded.push_back(kHex[c >> 4]);
            encoded.push_back(kHex[c & 0x0F]);
        }
    }
    return encoded;
}

bool IsSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

void CheckQueryString(std::string_view query) {
    const Pairs pairs = app::http::ParseQueryString(query);
    const auto parts = static_cast<std::size_t>(std::count(query.begin(), query.end(), '&')) + 1;
    FUZZ_CHECK(pairs.size() <= parts, Quote(query));

    app::http::Request request;
    request.query_string = std::string(query);
    for (const auto& [name, value] : pairs) {
        const auto found = request.Query(name);
        FUZZ_CHECK(found.has_value(), Quote(query) + " lost " + Quote(name));
        for (const auto& [first_name, first_value] : pairs) {
            if (first_name == name) {
                FUZZ_CHECK(*found == first_value, Quote(query) + " name " + Quote(name));
                break;
            }
        }
    }

    std::string encoded;
    for (const auto& [name, value] : pairs) {
        if (!encoded.empty()) encoded.push_back('&');
        encoded += Encode(name) + "=" + Encode(value);
    }
    FUZZ_CHECK(app::http::ParseQueryString(encoded) == pairs,
               Quote(query) + " re-encoded as " + Quote(encoded));
}

void CheckCookieHeader(std::string_view header) {
    const Pairs cookies = app::http::ParseCookieHeader(header);
    const auto parts = static_cast<std::size_t>(std::count(header.begin(), header.end(), ';')) + 1;
    FUZZ_CHECK(cookies.size() <= parts, Quote(header));
    std::string written;
    for (const auto& [name, value] : cookies) {
        FUZZ_CHECK(!name.empty() && !IsSpace(name.front()) && !IsSpace(name.back()), Quote(header));
        FUZZ_CHECK(name.find_first_of("=;") == std::string::npos, Quote(header) + " name " + Quote(name));
        FUZZ_CHECK(value.find(';') == std::string::npos, Quote(header) + " value " + Quote(value));
        if (!written.empty()) written += "; ";
        written += name + "=\"" + value + "\"";
    }
    FUZZ_CHECK(app::http::ParseCookieHeader(written) == cookies,
               Quote(header) + " written as " + Quote(written));

    app::http::Request request;
    request.headers = {{"accept-language", "en"}, {"cookie", std::string(header)}};
    for (const auto& [name, value] : cookies) {
        const auto found = request.Cookie(name);
        FUZZ_CHECK(found.has_value(), Quote(header) + " lost " + Quote(name));
        for (const auto& [first_name, first_value] : cookies) {
            if (first_name == name) {
                FUZZ_CHECK(*found == first_value, Quote(header) + " cookie " + Quote(name));
                break;
            }
        }
    }
}

void CheckLanguage(std::string_view header) {
    const auto language = app::http::LanguageFromAcceptLanguage(header);
    if (header.find_first_of(",;") == std::string_view::npos) {
        FUZZ_CHECK(app::http::LanguageFromAcceptLanguage(std::string(header) + ",zh") == language,
                   Quote(header));
        FUZZ_CHECK(app::http::LanguageFromAcceptLanguage(std::string(header) + ";q=0.5,en") == language,
                   Quote(header));
    }
}

void CheckPathId(std::string_view text) {
    app::http::Request request;
    request.path_parameters = {{"id", std::string(text)}};
    try {
        const std::int64_t id = request.PathId("id");
        FUZZ_CHECK(id > 0, Quote(text));
        FUZZ_CHECK(!text.empty() && text.find_first_not_of("0123456789") == std::string_view::npos,
                   Quote(text) + " accepted as " + std::to_string(id));
        const std::string digits = std::to_string(id);
        FUZZ_CHECK(
            text.size() >= digits.size() && text.substr(text.size() - digits.size()) == digits &&
                text.substr(0, text.size() - digits.size()).find_first_not_of('0') == std::string_view::npos,
            Quote(text) + " accepted as " + digits);
    } catch (const app::Error& error) {
        FUZZ_CHECK(error.GetCode() == app::ErrorCode::kNotFound, Quote(text));
    }
}

void CheckQueryReaders(const std::string& query) {
    app::http::Request request;
    request.query_string = query;
    const auto expect_invalid_input = [&](const app::Error& error) {
        FUZZ_CHECK(error.GetCode() == app::ErrorCode::kInvalidInput, Quote(query) + ": " + error.what());
        FUZZ_CHECK(!error.GetFieldErrors().empty(), Quote(query));
    };
    try {
        const auto page = app::http::ReadPageRequest(request);
        FUZZ_CHECK(page.page >= 1 && page.page <= 1'000'000, Quote(query));
        FUZZ_CHECK(page.page_size >= 1 && page.page_size <= app::PageRequest::kMaxPageSize, Quote(query));
    } catch (const app::Error& error) {
        expect_invalid_input(error);
    }
    for (const char* name : {"keyword", "status", "organisationId", "page"}) {
        try {
            if (const auto text = app::http::QueryText(request, name, 16)) {
                FUZZ_CHECK(!text->empty() && !IsSpace(text->front()) && !IsSpace(text->back()), Quote(query));
                FUZZ_CHECK(app::text::IsValidUtf8(*text), Quote(query));
                FUZZ_CHECK(text->find('\0') == std::string::npos,
                           "QueryText accepted a NUL: " + Quote(query));
                FUZZ_CHECK(app::text::CodePointCount(*text) <= 16, Quote(query));
            }
        } catch (const app::Error& error) {
            expect_invalid_input(error);
        }
        try {
            (void)app::http::QueryInt64(request, name);
        } catch (const app::Error& error) {
            expect_invalid_input(error);
        }
    }
    try {
        const auto filter = app::system::ReadUserFilter(request);
        FUZZ_CHECK(app::text::IsValidUtf8(filter.keyword) &&
                       app::text::CodePointCount(filter.keyword) <= 64 &&
                       filter.keyword.find('\0') == std::string::npos,
                   Quote(query));
    } catch (const app::Error& error) {
        expect_invalid_input(error);
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    std::vector<std::string_view> lines;
    std::size_t start = 0;
    while (lines.size() < 4) {
        const auto newline = input.find('\n', start);
        lines.push_back(input.substr(start, newline == std::string_view::npos ? newline : newline - start));
        if (newline == std::string_view::npos) break;
        start = newline + 1;
    }
    lines.resize(4);

    for (const auto line : lines) {
        CheckQueryString(line);
        CheckCookieHeader(line);
    }
    CheckQueryReaders(std::string(lines[0]));
    CheckLanguage(lines[2]);
    CheckPathId(lines[3]);
    CheckPathId(lines[0]);
    return 0;
}
