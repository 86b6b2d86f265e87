#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "core/principal.hpp"
#include "http/router.hpp"
#include "http/static_files.hpp"

namespace app::http {

inline constexpr std::string_view kSessionCookie = "ankang_session";
inline constexpr std::string_view kCsrfHeader = "x-csrf-token";

// Looks up the principal for a session token; nullopt for unknown, expired or revoked sessions.
using Authenticator = std::function<std::optional<Principal>(std::string_view session_token)>;

// Turns a parsed request into a response: request id, routing, authentication, CSRF, password-change
// gate, permission check, the handler, and the mapping of every failure to a status in one place.
// Thread-safe: called concurrently from the worker pool.
class Dispatcher {
public:
    Dispatcher(const Router& router, Authenticator authenticator, std::unique_ptr<StaticFiles> static_files);

    Response Handle(Request& request) const;

    // Headers every response carries (security policy, request id).
    static void AddStandardHeaders(Response& response, const std::string& request_id, bool is_api);

    static std::string NewRequestId();

private:
    Response Route(Request& request) const;

    const Router& router_;
    Authenticator authenticator_;
    std::unique_ptr<StaticFiles> static_files_;
};

}  // namespace app::http
