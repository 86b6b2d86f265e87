#include "http/router.hpp"

#include <algorithm>
#include <stdexcept>

namespace app::http {

std::vector<std::string> SplitPath(std::string_view path) {
    std::vector<std::string> segments;
    std::size_t start = 0;
    if (!path.empty() && path.front() == '/') start = 1;
    while (start <= path.size()) {
        const auto slash = path.find('/', start);
        const auto end = slash == std::string_view::npos ? path.size() : slash;
        segments.emplace_back(path.substr(start, end - start));
        if (slash == std::string_view::npos) break;
        start = slash + 1;
    }
    return segments;
}

void Router::DeclarePermission(PermissionInfo info) {
    const auto found = std::find_if(permissions_.begin(), permissions_.end(),
                                    [&](const PermissionInfo& existing) { return existing.key == info.key; });
    if (found != permissions_.end()) return;
    if (std::count(info.key.begin(), info.key.end(), ':') != 2) {
        throw std::logic_error("permission key must be module:resource:action: " + info.key);
    }
    permissions_.push_back(std::move(info));
}

void Router::Add(RouteSpec spec, Handler handler) {
    const std::string description = std::string(MethodName(spec.method)) + " " + spec.path;
    if (spec.path.empty() || spec.path.front() != '/')
        throw std::logic_error("route path must start with /: " + description);
    if (spec.access == Access::kPermission) {
        const bool declared =
            std::any_of(permissions_.begin(), permissions_.end(),
                        [&](const PermissionInfo& info) { return info.key == spec.permission; });
        if (!declared)
            throw std::logic_error("route " + description + " uses undeclared permission '" +
                                   spec.permission + "'");
    } else if (!spec.permission.empty()) {
        throw std::logic_error("route " + description + " is not permission-checked but names a permission");
    }
    if (spec.summary.empty())
        throw std::logic_error("route " + description + " needs a summary for the API description");
    Route route{std::move(spec), std::move(handler), {}};
    route.segments = SplitPath(route.spec.path);
    for (const Route& existing : routes_) {
        if (existing.spec.method == route.spec.method && existing.segments.size() == route.segments.size()) {
            bool same = true;
            for (std::size_t index = 0; index < route.segments.size() && same; ++index) {
                const bool both_parameters =
                    existing.segments[index].starts_with('{') && route.segments[index].starts_with('{');
                same = both_parameters || existing.segments[index] == route.segments[index];
            }
            if (same) throw std::logic_error("duplicate route " + description);
        }
    }
    routes_.push_back(std::move(route));
}

RouteMatch Router::Match(Method method, std::string_view path) const {
    RouteMatch result;
    const std::vector<std::string> segments = SplitPath(path);
    // Literal segments win over parameters ("/users/export" before "/users/{id}").
    int best_score = -1;
    for (const Route& route : routes_) {
        if (route.segments.size() != segments.size()) continue;
        std::map<std::string, std::string> parameters;
        int score = 0;
        bool matches = true;
        for (std::size_t index = 0; index < segments.size() && matches; ++index) {
            const std::string& pattern = route.segments[index];
            if (pattern.size() > 2 && pattern.front() == '{' && pattern.back() == '}') {
                if (segments[index].empty()) matches = false;
                parameters.emplace(pattern.substr(1, pattern.size() - 2), segments[index]);
            } else if (pattern == segments[index]) {
                ++score;
            } else {
                matches = false;
            }
        }
        if (!matches) continue;
        const bool method_matches =
            route.spec.method == method || (method == Method::kHead && route.spec.method == Method::kGet);
        if (!method_matches) {
            result.path_exists_for_other_method = true;
            continue;
        }
        if (score > best_score) {
            best_score = score;
            result.route = &route;
            result.parameters = std::move(parameters);
        }
    }
    return result;
}

std::pair<std::size_t, std::chrono::seconds> Router::LimitsFor(Method method, std::string_view path) const {
    const RouteMatch match = Match(method, path);
    if (match.route) return {match.route->spec.body_limit, match.route->spec.read_timeout};
    return {64 * 1024, std::chrono::seconds(30)};
}

}  // namespace app::http
