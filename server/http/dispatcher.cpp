#include "http/dispatcher.hpp"

#include <algorithm>

#include <sodium.h>
#include <spdlog/spdlog.h>

#include <chrono>

#include "core/log_context.hpp"
#include "core/text.hpp"
#include "http/error_response.hpp"

namespace app::http {
namespace {

bool ConstantTimeEquals(std::string_view left, std::string_view right) {
    if (left.size() != right.size()) return false;
    return sodium_memcmp(left.data(), right.data(), left.size()) == 0;
}

}  // namespace

Dispatcher::Dispatcher(const Router& router, Authenticator authenticator,
                       std::unique_ptr<StaticFiles> static_files)
    : router_(router), authenticator_(std::move(authenticator)), static_files_(std::move(static_files)) {}

std::string Dispatcher::NewRequestId() {
    unsigned char bytes[8];
    randombytes_buf(bytes, sizeof bytes);
    return text::ToHex(std::string_view(reinterpret_cast<const char*>(bytes), sizeof bytes));
}

void Dispatcher::AddStandardHeaders(Response& response, const std::string& request_id, bool is_api) {
    response.SetHeader("X-Request-Id", request_id);
    response.SetHeader("X-Content-Type-Options", "nosniff");
    response.SetHeader("Referrer-Policy", "no-referrer");
    response.SetHeader("X-Frame-Options", "DENY");
    // Element Plus positions popovers with inline style attributes, hence 'unsafe-inline' for styles only;
    // scripts are same-origin files, never inline or eval. A handler may set a stricter policy of its own
    // (the document print view allows no script at all); it is kept.
    const bool own_policy =
        std::any_of(response.headers.begin(), response.headers.end(),
                    [](const auto& header) { return header.first == "Content-Security-Policy"; });
    if (!own_policy)
        response.SetHeader(
            "Content-Security-Policy",
            "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            "img-src 'self' data: blob:; connect-src 'self'; font-src 'self' data:; object-src 'none'; "
            "base-uri 'self'; form-action 'self'; frame-ancestors 'none'");
    // API answers are not cached unless the handler says otherwise (stored files: private, max-age).
    bool has_cache_control = false;
    for (const auto& [name, value] : response.headers)
        has_cache_control = has_cache_control || name == "Cache-Control";
    if (is_api && !has_cache_control) response.SetHeader("Cache-Control", "no-store");
}

Response Dispatcher::Handle(Request& request) const {
    if (request.context.request_id.empty()) request.context.request_id = NewRequestId();
    log_context::RequestIdScope scope(request.context.request_id);
    const auto started = std::chrono::steady_clock::now();
    if (const auto language = request.Header("accept-language")) {
        request.context.language = LanguageFromAcceptLanguage(*language);
    }
    if (const auto agent = request.Header("user-agent"))
        request.context.user_agent = std::string(agent->substr(0, 512));

    const bool is_api = text::StartsWith(request.path, "/api/");
    Response response;
    try {
        response = Route(request);
    } catch (const Error& error) {
        if (error.GetCode() == ErrorCode::kInternal) spdlog::error("{}", error.what());
        response = ErrorResponse(error, request.context.request_id, request.context.language);
    } catch (const std::exception& error) {
        spdlog::error("unhandled exception in {} {}: {}", MethodName(request.method),
                      request.logged_path.empty() ? request.path : request.logged_path, error.what());
        // The client learns nothing about the failure but the id to quote to an administrator.
        response =
            Response::Json(std::string(R"({"code":"internal","message":")") +
                               (request.context.language == Language::kEnglish ? "Internal server error"
                                                                               : "服务器内部错误") +
                               R"(","fields":{},"requestId":")" + request.context.request_id + "\"}",
                           500);
    }
    AddStandardHeaders(response, request.context.request_id, is_api);
    const auto elapsed =
        std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - started);
    spdlog::info("{} {} {} {}us user={}", MethodName(request.method),
                 request.logged_path.empty() ? request.path : request.logged_path, response.status,
                 elapsed.count(), request.context.principal.user_id);
    return response;
}

Response Dispatcher::Route(Request& request) const {
    const bool is_api = text::StartsWith(request.path, "/api/");
    if (!is_api) {
        if (static_files_) {
            if (auto file = static_files_->Serve(request)) return std::move(*file);
        }
        throw Error(ErrorCode::kNotFound, {"页面不存在", "Page not found"});
    }

    RouteMatch match = router_.Match(request.method, request.path);
    if (!match.route) {
        if (match.path_exists_for_other_method) {
            throw Error(ErrorCode::kMethodNotAllowed, {"不支持此请求方法", "Method not allowed"});
        }
        throw Error(ErrorCode::kNotFound, {"接口不存在", "No such API endpoint"});
    }
    const RouteSpec& spec = match.route->spec;
    request.path_parameters = std::move(match.parameters);
    if (spec.access_log_path == AccessLogPath::kRouteTemplate) request.logged_path = spec.path;

    if (spec.access != Access::kPublic) {
        const auto token = request.Cookie(kSessionCookie);
        std::optional<Principal> principal;
        if (token && !token->empty()) principal = authenticator_(*token);
        if (!principal) throw Error::Unauthenticated();
        request.context.principal = std::move(*principal);
    }

    if (ChangesState(request.method)) {
        // A custom header cannot be sent cross-site without a CORS preflight, which this server never grants.
        const auto header = request.Header(kCsrfHeader);
        const bool valid = spec.access == Access::kPublic
                               ? header && !header->empty()
                               : header && ConstantTimeEquals(*header, request.context.principal.csrf_token);
        if (!valid) {
            throw Error(ErrorCode::kCsrf, {"缺少或错误的安全校验头，请刷新页面后重试",
                                           "Missing or wrong CSRF token; reload the page and retry"});
        }
    }

    if (spec.access != Access::kPublic && request.context.principal.must_change_password &&
        spec.during_password_change == DuringPasswordChange::kBlocked) {
        throw Error(ErrorCode::kPasswordChangeRequired,
                    {"请先修改初始密码", "Please change your initial password first"});
    }

    if (spec.access == Access::kPermission && !request.context.principal.HasPermission(spec.permission)) {
        throw Error(ErrorCode::kForbidden,
                    {"没有权限执行此操作", "You do not have permission for this action"},
                    "missing " + spec.permission);
    }

    return match.route->handler(request);
}

}  // namespace app::http
