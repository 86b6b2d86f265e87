// Router and path handling: ParseMethod, RequestPathOf, DecodeRequestPath, PercentDecode, SplitPath,
// Router::Match / LimitsFor and IsSafeRelativePath, on the request line as the server sees it.
//
// Input: "METHOD TARGET" (e.g. "GET /api/v1/users/17?page=2"); without a space the whole input is the
// target of a GET. The target is split at '?' and decoded the way http/server.cpp does it.
//
// Invariants (each failure is a finding):
//  - SplitPath: the segments joined with '/' give the path back; no segment contains '/'.
//  - PercentDecode: a decoded text is the input with every "%XX" replaced by one byte (so exactly two bytes
//    shorter per '%'); encoding the result and decoding again gives it back.
//  - DecodeRequestPath: a decoded path has exactly the raw path's '/', '\' and NUL bytes (an escape never
//    creates one; Beast refuses raw control bytes in the target before this), and equals PercentDecode
//    when it succeeds. RequestPathOf is that decoded path, or "/\x01invalid" when it is refused.
//  - Match: the chosen route matches segment by segment, binds every {parameter} to its non-empty segment,
//    accepts the method (HEAD runs GET routes), and no other acceptable route has more literal segments;
//    path_exists_for_other_method is true exactly when some route matches the path for another method.
//  - LimitsFor gives the matched route's limits, the defaults otherwise (for the decoded path, which the
//    server uses for both: an escaped "/api/v1/auth/log%69n" keeps the login route's 4 KB limit).
//  - IsSafeRelativePath: an accepted path has no ".." (or ".") segment, splitting on '/' or '\', no NUL,
//    and mapped under a root it stays under that root after lexical normalisation.

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_check.hpp"
#include "http/message.hpp"
#include "http/router.hpp"
#include "http/static_files.hpp"

namespace {

using app::fuzz::Quote;
using app::http::Method;
using app::http::Router;
using app::http::RouteSpec;

Router MakeRouter() {
    Router router;
    for (const char* key :
         {"system:user:view", "system:user:create", "system:user:update", "system:user:delete",
          "system:role:view", "system:dictionary:view", "system:dictionary:update",
          "organisation:organisation:view", "system:audit:view"}) {
        router.DeclarePermission({key, key, key});
    }
    const auto handler = [](app::http::Request&) { return app::http::Response::NoContent(); };
    const auto add = [&](Method method, const char* path, const char* permission,
                         std::size_t body_limit = 64 * 1024) {
        RouteSpec spec{.method = method,
                       .path = path,
                       .permission = permission,
                       .body_limit = body_limit,
                       .summary = path};
        router.Add(std::move(spec), handler);
    };
    router.Add({.method = Method::kPost,
                .path = "/api/v1/auth/login",
                .access = app::http::Access::kPublic,
                .body_limit = 4096,
                .summary = "login"},
               handler);
    router.Add({.method = Method::kGet,
                .path = "/api/v1/health",
                .access = app::http::Access::kPublic,
                .summary = "health"},
               handler);
    router.Add({.method = Method::kGet,
                .path = "/api/v1/auth/me",
                .access = app::http::Access::kSignedIn,
                .summary = "me"},
               handler);
    add(Method::kGet, "/api/v1/users", "system:user:view");
    add(Method::kPost, "/api/v1/users", "system:user:create", 8192);
    add(Method::kGet, "/api/v1/users/export", "system:user:view");
    add(Method::kGet, "/api/v1/users/{id}", "system:user:view");
    add(Method::kPut, "/api/v1/users/{id}", "system:user:update", 8192);
    add(Method::kDelete, "/api/v1/users/{id}", "system:user:delete");
    add(Method::kPost, "/api/v1/users/{id}/password", "system:user:update", 4096);
    add(Method::kGet, "/api/v1/roles/{id}", "system:role:view");
    add(Method::kGet, "/api/v1/organisations/{id}/children", "organisation:organisation:view");
    add(Method::kGet, "/api/v1/dictionaries/{code}/items", "system:dictionary:view");
    add(Method::kPut, "/api/v1/dictionary-items/{id}", "system:dictionary:update", 4096);
    add(Method::kGet, "/api/v1/audit-logs/export", "system:audit:view");
    add(Method::kGet, "/api/v1/{a}/{b}/{c}/{d}", "system:audit:view");  // parameters only, lowest score
    return router;
}

const Router& TheRouter() {
    static const Router router = MakeRouter();
    return router;
}

std::string Join(const std::vector<std::string>& segments) {
    std::string joined;
    for (std::size_t index = 0; index < segments.size(); ++index) {
        if (index > 0) joined.push_back('/');
        joined += segments[index];
    }
    return joined;
}

std::string PercentEncodeAll(std::string_view bytes) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string encoded;
    for (const unsigned char c : bytes) {
        encoded.push_back('%');
        encoded.push_back(kHex[c >> 4]);
        encoded.push_back(kHex[c & 0x0F]);
    }
    return encoded;
}

bool IsParameter(const std::string& pattern) {
    return pattern.size() > 2 && pattern.front() == '{' && pattern.back() == '}';
}

// Literal-segment score when the route's pattern matches the segments, -1 otherwise.
int Score(const app::http::Route& route, const std::vector<std::string>& segments) {
    if (route.segments.size() != segments.size()) return -1;
    int score = 0;
    for (std::size_t index = 0; index < segments.size(); ++index) {
        if (IsParameter(route.segments[index])) {
            if (segments[index].empty()) return -1;
        } else if (route.segments[index] == segments[index]) {
            ++score;
        } else {
            return -1;
        }
    }
    return score;
}

bool Accepts(Method route_method, Method method) {
    return route_method == method || (method == Method::kHead && route_method == Method::kGet);
}

void CheckSplitPath(std::string_view path) {
    const auto segments = app::http::SplitPath(path);
    FUZZ_CHECK(!segments.empty(), Quote(path));
    for (const auto& segment : segments) FUZZ_CHECK(segment.find('/') == std::string::npos, Quote(path));
    const std::string rejoined = (!path.empty() && path.front() == '/' ? "/" : "") + Join(segments);
    FUZZ_CHECK(rejoined == path, Quote(path) + " rejoined as " + Quote(rejoined));
}

void CheckPercentDecode(std::string_view text, bool plus_is_space) {
    const auto decoded = app::http::PercentDecode(text, plus_is_space);
    if (!decoded) return;
    std::size_t escapes = 0;
    for (const char c : text) escapes += c == '%';
    FUZZ_CHECK(decoded->size() + 2 * escapes == text.size(), Quote(text) + " -> " + Quote(*decoded));
    if (escapes == 0) {
        std::string expected(text);
        if (plus_is_space) {
            for (char& c : expected) c = c == '+' ? ' ' : c;
        }
        FUZZ_CHECK(*decoded == expected, Quote(text) + " -> " + Quote(*decoded));
    }
    const auto again = app::http::PercentDecode(PercentEncodeAll(*decoded), plus_is_space);
    FUZZ_CHECK(again && *again == *decoded, "round trip of " + Quote(*decoded));
}

void CheckMatch(Method method, const std::string& path) {
    const Router& router = TheRouter();
    const auto match = router.Match(method, path);
    const auto segments = app::http::SplitPath(path);

    int best_acceptable = -1;
    bool other_method = false;
    for (const auto& route : router.Routes()) {
        const int score = Score(route, segments);
        if (score < 0) continue;
        if (Accepts(route.spec.method, method)) {
            best_acceptable = std::max(best_acceptable, score);
        } else {
            other_method = true;
        }
    }
    FUZZ_CHECK(match.path_exists_for_other_method == other_method, Quote(path));
    if (match.route == nullptr) {
        FUZZ_CHECK(best_acceptable < 0, "no route chosen for " + Quote(path));
        const auto limits = router.LimitsFor(method, path);
        FUZZ_CHECK(limits.first == 64 * 1024 && limits.second == std::chrono::seconds(30), Quote(path));
        return;
    }
    const auto& route = *match.route;
    FUZZ_CHECK(Accepts(route.spec.method, method), Quote(path) + " matched " + route.spec.path);
    const int score = Score(route, segments);
    FUZZ_CHECK(score >= 0, Quote(path) + " does not match " + route.spec.path);
    FUZZ_CHECK(score == best_acceptable,
               Quote(path) + " chose " + route.spec.path + " over a more literal route");
    std::size_t parameter_count = 0;
    for (std::size_t index = 0; index < segments.size(); ++index) {
        const std::string& pattern = route.segments[index];
        if (!IsParameter(pattern)) continue;
        ++parameter_count;
        const auto found = match.parameters.find(pattern.substr(1, pattern.size() - 2));
        FUZZ_CHECK(
            found != match.parameters.end() && found->second == segments[index] && !found->second.empty(),
            Quote(path) + " parameter " + pattern);
    }
    FUZZ_CHECK(match.parameters.size() == parameter_count, Quote(path));
    const auto limits = router.LimitsFor(method, path);
    FUZZ_CHECK(limits.first == route.spec.body_limit && limits.second == route.spec.read_timeout,
               Quote(path));
}

void CheckSafeRelativePath(std::string_view path) {
    if (!app::http::IsSafeRelativePath(path)) return;
    FUZZ_CHECK(path.find('\0') == std::string_view::npos, Quote(path));
    std::size_t start = 0;
    while (start <= path.size()) {
        const auto end = path.find_first_of("/\\", start);
        const std::string_view segment =
            path.substr(start, end == std::string_view::npos ? end : end - start);
        FUZZ_CHECK(segment != ".." && segment != ".", "accepted " + Quote(path));
        if (end == std::string_view::npos) break;
        start = end + 1;
    }
    // What StaticFiles::Serve does with it: strip leading '/', append to the root.
    std::string relative(path);
    while (!relative.empty() && relative.front() == '/') relative.erase(0, 1);
    const std::filesystem::path root = "/srv/ankang/web";
    const std::filesystem::path normal = (root / relative).lexically_normal();
    const auto [root_end, unused] = std::mismatch(root.begin(), root.end(), normal.begin(), normal.end());
    FUZZ_CHECK(root_end == root.end(), "accepted " + Quote(path) + " leaves the root: " + normal.string());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    const auto space = input.find(' ');
    const Method method =
        space == std::string_view::npos ? Method::kGet : app::http::ParseMethod(input.substr(0, space));
    const std::string_view target = space == std::string_view::npos ? input : input.substr(space + 1);
    const std::string_view raw_path = target.substr(0, target.find('?'));

    CheckSplitPath(raw_path);
    CheckPercentDecode(target, false);
    CheckPercentDecode(target, true);

    const auto decoded = app::http::DecodeRequestPath(raw_path);
    if (decoded) {
        const auto plain = app::http::PercentDecode(raw_path, false);
        FUZZ_CHECK(plain && *plain == *decoded, Quote(raw_path));
        FUZZ_CHECK(std::count(decoded->begin(), decoded->end(), '/') ==
                       std::count(raw_path.begin(), raw_path.end(), '/'),
                   "an escape became '/': " + Quote(raw_path));
        FUZZ_CHECK(std::count(decoded->begin(), decoded->end(), '\\') ==
                       std::count(raw_path.begin(), raw_path.end(), '\\'),
                   "an escape became '\\': " + Quote(raw_path));
        FUZZ_CHECK(std::count(decoded->begin(), decoded->end(), '\0') ==
                       std::count(raw_path.begin(), raw_path.end(), '\0'),
                   "an escape became NUL: " + Quote(raw_path));
    }
    // Request::path, and the path the server looks up body limits with.
    const std::string path = app::http::RequestPathOf(target);
    FUZZ_CHECK(path == (decoded ? *decoded : std::string("/\x01invalid")), Quote(target));
    CheckSplitPath(path);
    CheckMatch(method, path);
    CheckMatch(method, std::string(raw_path));  // the router must cope with undecoded bytes too
    CheckSafeRelativePath(path);
    CheckSafeRelativePath(raw_path);
    return 0;
}
