#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "http/message.hpp"

namespace app::http {

// Who may call a route. Every route states one; kPermission routes also name their permission key.
enum class Access { kPublic, kSignedIn, kPermission };

// Whether a route stays usable while the user still has to replace an initial password.
enum class DuringPasswordChange { kBlocked, kAllowed };

// What the access log records of a request's path: the path itself, or the route's template ("{code}" kept as
// written) for public routes whose path would tie a log line to a place (a worker report's entry point).
enum class AccessLogPath { kPath, kRouteTemplate };

// A permission key the server knows, with its labels for the role editor.
struct PermissionInfo {
    std::string key;  // module:resource:action
    std::string label_zh;
    std::string label_en;
};

// One row of the route table: the single source for dispatch, authorisation, limits and the API description.
struct RouteSpec {
    Method method = Method::kGet;
    std::string path;  // e.g. "/api/v1/users/{id}"
    Access access = Access::kPermission;
    AccessLogPath access_log_path = AccessLogPath::kPath;
    std::string permission;  // required when access is kPermission
    std::size_t body_limit = 64 * 1024;
    std::chrono::seconds read_timeout{30};
    DuringPasswordChange during_password_change = DuringPasswordChange::kBlocked;
    std::string tag;            // API group, e.g. "system"
    std::string summary;        // one line for the API description
    std::string request_body;   // schema name in the API description, empty when there is no body
    std::string response_body;  // schema name, empty for 204 or files
};

using Handler = std::function<Response(Request&)>;

struct Route {
    RouteSpec spec;
    Handler handler;
    std::vector<std::string> segments;  // path split on '/', "{name}" marks a parameter
};

struct RouteMatch {
    const Route* route = nullptr;
    std::map<std::string, std::string> parameters;
    bool path_exists_for_other_method = false;
};

class Router {
public:
    void DeclarePermission(PermissionInfo info);
    // Throws std::logic_error at start-up for a route without a declared permission key, a duplicate, or a
    // malformed path: a route table mistake must stop the server, not surface in production.
    void Add(RouteSpec spec, Handler handler);

    RouteMatch Match(Method method, std::string_view path) const;
    // Limits for a request whose body has not been read yet; defaults when no route matches.
    std::pair<std::size_t, std::chrono::seconds> LimitsFor(Method method, std::string_view path) const;

    const std::vector<Route>& Routes() const { return routes_; }
    const std::vector<PermissionInfo>& Permissions() const { return permissions_; }

private:
    std::vector<Route> routes_;
    std::vector<PermissionInfo> permissions_;
};

std::vector<std::string> SplitPath(std::string_view path);

}  // namespace app::http
