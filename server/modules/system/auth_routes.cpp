#include <spdlog/spdlog.h>
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "http/dispatcher.hpp"
#include "http/json.hpp"
#include "system/system_routes.hpp"

namespace app::system {
namespace {

boost::json::object MeToJson(const Principal& principal) {
    boost::json::array permissions;
    for (const auto& permission : principal.permissions) permissions.emplace_back(permission);
    return {{"user",
             {{"id", principal.user_id},
              {"username", principal.username},
              {"displayName", principal.display_name},
              {"organisationId", principal.organisation_id},
              {"organisationName", principal.organisation_name},
              {"mustChangePassword", principal.must_change_password}}},
            {"permissions", std::move(permissions)},
            {"dataScope", DataScopeName(principal.data_scope)},
            {"csrfToken", principal.csrf_token}};
}

std::string SessionCookie(const std::string& token, std::int64_t max_age_seconds, bool secure) {
    return std::string(http::kSessionCookie) + "=" + token +
           "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" + std::to_string(max_age_seconds) +
           (secure ? "; Secure" : "");
}

}  // namespace

void RegisterAuthRoutes(http::Router& router, SystemServices& services) {
    router.Add({.method = http::Method::kGet,
                .path = "/api/v1/health",
                .access = http::Access::kPublic,
                .tag = "system",
                .summary = "Liveness and database check",
                .response_body = "Health"},
               [&](http::Request&) {
                   try {
                       services.database.Read([](db::Session& session) { session.Query("SELECT 1"); });
                       return http::Response::Json(R"({"status":"ok","database":"ok"})");
                   } catch (const std::exception& error) {
                       spdlog::error("health check failed: {}", error.what());
                       return http::Response::Json(R"({"status":"degraded","database":"unavailable"})", 503);
                   }
               });

    router.Add({.method = http::Method::kPost,
                .path = "/api/v1/auth/login",
                .access = http::Access::kPublic,
                .body_limit = 4096,
                .tag = "auth",
                .summary = "Sign in; sets the session cookie",
                .request_body = "LoginRequest",
                .response_body = "Me"},
               [&](http::Request& request) {
                   const auto body = http::ParseJsonObject(request);
                   http::FieldReader reader(body);
                   const std::string username = reader.RequiredString("username", 1, 64);
                   const std::string password = reader.RequiredSecret("password", 256);
                   reader.Finish();
                   auto result = services.sessions.Login(username, password, request.context);
                   auto response = http::Response::Json(http::Serialize(MeToJson(result.principal)));
                   response.SetHeader("Set-Cookie",
                                      SessionCookie(result.token, services.session_lifetime_seconds,
                                                    services.secure_cookie));
                   return response;
               });

    router.Add({.method = http::Method::kPost,
                .path = "/api/v1/auth/logout",
                .access = http::Access::kSignedIn,
                .body_limit = 1024,
                .during_password_change = http::DuringPasswordChange::kAllowed,
                .tag = "auth",
                .summary = "End this session"},
               [&](http::Request& request) {
                   services.sessions.Logout(request.context);
                   auto response = http::Response::NoContent();
                   response.SetHeader("Set-Cookie", SessionCookie("", 0, services.secure_cookie));
                   return response;
               });

    router.Add({.method = http::Method::kPost,
                .path = "/api/v1/auth/logout-all",
                .access = http::Access::kSignedIn,
                .body_limit = 1024,
                .during_password_change = http::DuringPasswordChange::kAllowed,
                .tag = "auth",
                .summary = "End every session of the signed-in user"},
               [&](http::Request& request) {
                   services.sessions.LogoutEverywhere(request.context);
                   auto response = http::Response::NoContent();
                   response.SetHeader("Set-Cookie", SessionCookie("", 0, services.secure_cookie));
                   return response;
               });

    router.Add({.method = http::Method::kGet,
                .path = "/api/v1/auth/me",
                .access = http::Access::kSignedIn,
                .during_password_change = http::DuringPasswordChange::kAllowed,
                .tag = "auth",
                .summary = "The signed-in user, organisation and permission keys",
                .response_body = "Me"},
               [](http::Request& request) {
                   return http::Response::Json(http::Serialize(MeToJson(request.context.principal)));
               });

    router.Add({.method = http::Method::kPost,
                .path = "/api/v1/auth/password",
                .access = http::Access::kSignedIn,
                .body_limit = 4096,
                .during_password_change = http::DuringPasswordChange::kAllowed,
                .tag = "auth",
                .summary = "Change the signed-in user's password",
                .request_body = "ChangePasswordRequest"},
               [&](http::Request& request) {
                   const auto body = http::ParseJsonObject(request);
                   http::FieldReader reader(body);
                   const std::string current = reader.RequiredSecret("currentPassword", 256);
                   const std::string replacement = reader.RequiredSecret("newPassword", 256);
                   reader.Finish();
                   services.sessions.ChangePassword(request.context, current, replacement);
                   return http::Response::NoContent();
               });
}

}  // namespace app::system
