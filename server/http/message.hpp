#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/principal.hpp"

namespace app::http {

enum class Method { kGet, kHead, kPost, kPut, kPatch, kDelete, kOptions, kOther };

std::string_view MethodName(Method method);
Method ParseMethod(std::string_view name);
bool ChangesState(Method method);  // POST, PUT, PATCH, DELETE

// One HTTP request as handlers see it. Built by the transport (http/server.cpp); no Beast types here.
struct Request {
    Method method = Method::kGet;
    std::string path;          // percent-decoded path without the query string
    std::string query_string;  // raw, without '?'
    std::vector<std::pair<std::string, std::string>> headers;  // names in lower case
    std::string body;
    std::map<std::string, std::string> path_parameters;
    RequestContext context;
    std::string logged_path;  // what the access log shows instead of `path`, when the route asks for it

    std::optional<std::string_view> Header(std::string_view lower_case_name) const;
    std::optional<std::string> Cookie(std::string_view name) const;
    // First value of a query parameter, percent-decoded; nullopt when absent.
    std::optional<std::string> Query(std::string_view name) const;
    // A numeric path parameter such as {id}; anything else answers 404 (a malformed id names nothing).
    std::int64_t PathId(std::string_view name) const;
    const std::string& PathParameter(std::string_view name) const;
};

struct Response {
    int status = 200;
    std::string content_type = "application/json; charset=utf-8";
    std::string body;
    std::vector<std::pair<std::string, std::string>> headers;

    static Response Json(std::string body, int status = 200);
    static Response NoContent();
    static Response File(std::string body, std::string content_type, std::string download_name);
    void SetHeader(std::string name, std::string value);
};

// Percent-decoding for paths ('+' kept) and query values ('+' is a space). Returns nullopt on a
// malformed escape.
std::optional<std::string> PercentDecode(std::string_view text, bool plus_is_space);

// Decodes a request path. An escape that decodes to '/', '\\' or NUL (e.g. "%2F") would let one segment
// pose as two, so such paths — and malformed escapes — give nullopt and answer 404.
std::optional<std::string> DecodeRequestPath(std::string_view raw_path);

// The path of a request target ("/api/v1/users/5?page=1") as Request::path holds it: decoded, or
// "/\x01invalid" (which no route or file matches) when DecodeRequestPath refuses it. The server also looks up
// the route's body limit with it, so "/api/v1/auth/log%69n" gets the limit of the route it reaches.
std::string RequestPathOf(std::string_view target);

// All name=value pairs of a query string, decoded; malformed pairs are skipped.
std::vector<std::pair<std::string, std::string>> ParseQueryString(std::string_view query);

// Cookie header "a=1; b=2" → pairs.
std::vector<std::pair<std::string, std::string>> ParseCookieHeader(std::string_view header);

Language LanguageFromAcceptLanguage(std::string_view header);

// One of two literal texts by the request's language (sheet names, column headers, file names).
std::string Localize(const Request& request, const char* chinese, const char* english);

}  // namespace app::http
