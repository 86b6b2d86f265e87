#include "http/message.hpp"

#include <cctype>
#include <charconv>

#include "core/text.hpp"

namespace app::http {

std::string_view MethodName(Method method) {
    switch (method) {
        case Method::kGet:
            return "GET";
        case Method::kHead:
            return "HEAD";
        case Method::kPost:
            return "POST";
        case Method::kPut:
            return "PUT";
        case Method::kPatch:
            return "PATCH";
        case Method::kDelete:
            return "DELETE";
        case Method::kOptions:
            return "OPTIONS";
        case Method::kOther:
            return "OTHER";
    }
    return "OTHER";
}

Method ParseMethod(std::string_view name) {
    if (name == "GET") return Method::kGet;
    if (name == "HEAD") return Method::kHead;
    if (name == "POST") return Method::kPost;
    if (name == "PUT") return Method::kPut;
    if (name == "PATCH") return Method::kPatch;
    if (name == "DELETE") return Method::kDelete;
    if (name == "OPTIONS") return Method::kOptions;
    return Method::kOther;
}

bool ChangesState(Method method) {
    return method == Method::kPost || method == Method::kPut || method == Method::kPatch ||
           method == Method::kDelete;
}

std::optional<std::string_view> Request::Header(std::string_view lower_case_name) const {
    for (const auto& [name, value] : headers) {
        if (name == lower_case_name) return std::string_view(value);
    }
    return std::nullopt;
}

std::optional<std::string> Request::Cookie(std::string_view name) const {
    for (const auto& [header_name, value] : headers) {
        if (header_name != "cookie") continue;
        for (auto& [cookie_name, cookie_value] : ParseCookieHeader(value)) {
            if (cookie_name == name) return cookie_value;
        }
    }
    return std::nullopt;
}

std::optional<std::string> Request::Query(std::string_view name) const {
    for (auto& [key, value] : ParseQueryString(query_string)) {
        if (key == name) return value;
    }
    return std::nullopt;
}

std::int64_t Request::PathId(std::string_view name) const {
    const std::string& text = PathParameter(name);
    std::int64_t id = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), id);
    if (error != std::errc{} || end != text.data() + text.size() || id <= 0) {
        throw Error::NotFound("malformed id '" + text + "'");
    }
    return id;
}

const std::string& Request::PathParameter(std::string_view name) const {
    const auto found = path_parameters.find(std::string(name));
    if (found == path_parameters.end())
        throw Error::Internal("route has no path parameter " + std::string(name));
    return found->second;
}

Response Response::Json(std::string body, int status) {
    Response response;
    response.status = status;
    response.body = std::move(body);
    return response;
}

Response Response::NoContent() {
    Response response;
    response.status = 204;
    response.content_type.clear();
    return response;
}

Response Response::File(std::string body, std::string content_type, std::string download_name) {
    Response response;
    response.body = std::move(body);
    response.content_type = std::move(content_type);
    // RFC 6266 with RFC 5987 encoding so Chinese file names survive.
    std::string encoded;
    for (unsigned char c : download_name) {
        if (std::isalnum(c) || c == '.' || c == '-' || c == '_') {
            encoded.push_back(static_cast<char>(c));
        } else {
            static constexpr char kHex[] = "0123456789ABCDEF";
            encoded.push_back('%');
            encoded.push_back(kHex[c >> 4]);
            encoded.push_back(kHex[c & 0x0F]);
        }
    }
    response.SetHeader("Content-Disposition",
                       "attachment; filename=\"export.xlsx\"; filename*=UTF-8''" + encoded);
    return response;
}

void Response::SetHeader(std::string name, std::string value) {
    for (auto& [existing, existing_value] : headers) {
        if (existing == name) {
            existing_value = std::move(value);
            return;
        }
    }
    headers.emplace_back(std::move(name), std::move(value));
}

std::optional<std::string> PercentDecode(std::string_view text, bool plus_is_space) {
    std::string result;
    result.reserve(text.size());
    for (std::size_t index = 0; index < text.size(); ++index) {
        const char c = text[index];
        if (c == '%') {
            if (index + 2 >= text.size()) return std::nullopt;
            unsigned value = 0;
            const auto [end, error] =
                std::from_chars(text.data() + index + 1, text.data() + index + 3, value, 16);
            if (error != std::errc{} || end != text.data() + index + 3) return std::nullopt;
            result.push_back(static_cast<char>(value));
            index += 2;
        } else if (c == '+' && plus_is_space) {
            result.push_back(' ');
        } else {
            result.push_back(c);
        }
    }
    return result;
}

std::optional<std::string> DecodeRequestPath(std::string_view raw_path) {
    std::string lowered = text::ToLowerAscii(raw_path);
    for (const char* forbidden : {"%2f", "%5c", "%00"}) {
        if (lowered.find(forbidden) != std::string::npos) return std::nullopt;
    }
    return PercentDecode(raw_path, false);
}

std::string RequestPathOf(std::string_view target) {
    auto decoded = DecodeRequestPath(target.substr(0, target.find('?')));
    return decoded ? std::move(*decoded) : std::string("/\x01invalid");
}

std::vector<std::pair<std::string, std::string>> ParseQueryString(std::string_view query) {
    std::vector<std::pair<std::string, std::string>> pairs;
    while (!query.empty()) {
        const auto ampersand = query.find('&');
        const std::string_view pair = query.substr(0, ampersand);
        query = ampersand == std::string_view::npos ? std::string_view() : query.substr(ampersand + 1);
        if (pair.empty()) continue;
        const auto equals = pair.find('=');
        auto name = PercentDecode(pair.substr(0, equals), true);
        auto value = equals == std::string_view::npos ? std::optional<std::string>("")
                                                      : PercentDecode(pair.substr(equals + 1), true);
        if (name && value) pairs.emplace_back(std::move(*name), std::move(*value));
    }
    return pairs;
}

std::vector<std::pair<std::string, std::string>> ParseCookieHeader(std::string_view header) {
    std::vector<std::pair<std::string, std::string>> cookies;
    while (!header.empty()) {
        const auto semicolon = header.find(';');
        std::string_view part = header.substr(0, semicolon);
        header = semicolon == std::string_view::npos ? std::string_view() : header.substr(semicolon + 1);
        const auto equals = part.find('=');
        if (equals == std::string_view::npos) continue;
        std::string name = text::Trim(part.substr(0, equals));
        std::string value = text::Trim(part.substr(equals + 1));
        if (value.size() >= 2 && value.front() == '"' && value.back() == '"')
            value = value.substr(1, value.size() - 2);
        if (!name.empty()) cookies.emplace_back(std::move(name), std::move(value));
    }
    return cookies;
}

Language LanguageFromAcceptLanguage(std::string_view header) {
    // The UI sends exactly one tag ("en" or "zh-CN"); for browsers' lists, the first tag decides.
    const std::string first = text::ToLowerAscii(text::Trim(header.substr(0, header.find_first_of(",;"))));
    return text::StartsWith(first, "en") ? Language::kEnglish : Language::kChinese;
}

std::string Localize(const Request& request, const char* chinese, const char* english) {
    return request.context.language == Language::kEnglish ? english : chinese;
}

}  // namespace app::http
