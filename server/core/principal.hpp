#pragma once

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "core/error.hpp"

namespace app {

// Which records a user may see: everything in the subtree of their organisation, or only their own.
enum class DataScope { kSubtree, kSelf };

std::string_view DataScopeName(DataScope scope);
DataScope ParseDataScope(std::string_view name);  // throws Error(kInvalidInput) on an unknown name

// The signed-in user as every request sees it. Built by auth from the session cookie.
struct Principal {
    std::int64_t user_id = 0;
    std::int64_t session_id = 0;
    std::string username;
    std::string display_name;
    std::int64_t organisation_id = 0;
    std::string organisation_name;
    std::string organisation_path;  // materialised path of the organisation, e.g. "/00000001/00000007"
    DataScope data_scope = DataScope::kSelf;
    std::vector<std::string> permissions;  // sorted, unique
    std::string csrf_token;
    bool must_change_password = false;

    bool HasPermission(std::string_view key) const {
        return std::binary_search(permissions.begin(), permissions.end(), key);
    }
};

// Everything a use case needs to know about the request it serves.
struct RequestContext {
    Principal principal;
    std::string request_id;
    std::string client_address;
    std::string user_agent;
    Language language = Language::kChinese;
};

}  // namespace app
