#include "auth/data_scope.hpp"

#include <cstdio>

namespace app::auth {

std::string PathSegment(std::int64_t organisation_id) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "/%08lld", static_cast<long long>(organisation_id));
    return buffer;
}

std::string SubtreeUpperBound(const std::string& path) {
    return path + "0";
}

std::pair<std::string, std::string> ScopeRange(const Principal& principal) {
    const std::string& path = principal.organisation_path;
    return {path, principal.data_scope == DataScope::kSelf ? path + "/" : SubtreeUpperBound(path)};
}

bool PathInSubtree(const std::string& path, const std::string& subtree_root_path) {
    return !subtree_root_path.empty() && path >= subtree_root_path &&
           path < SubtreeUpperBound(subtree_root_path);
}

std::optional<std::int64_t> ParentOrganisationId(const std::string& path) {
    const auto last = path.rfind('/');
    if (last == std::string::npos || last == 0) return std::nullopt;
    const auto before = path.rfind('/', last - 1);
    if (before == std::string::npos) return std::nullopt;
    return std::stoll(path.substr(before + 1, last - before - 1));
}

}  // namespace app::auth
