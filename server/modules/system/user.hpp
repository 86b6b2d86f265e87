#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace app::system {

enum class UserStatus { kActive, kDisabled };

struct User {
    std::int64_t id = 0;
    std::string username;
    std::string display_name;
    std::int64_t organisation_id = 0;
    std::string organisation_name;
    std::vector<std::int64_t> role_ids;
    std::vector<std::string> role_names;
    std::string phone;
    std::string email;
    UserStatus status = UserStatus::kActive;
    bool must_change_password = false;
    std::int64_t created_at = 0;
    std::int64_t updated_at = 0;
    std::string organisation_path;  // for data scope and audit; not part of the API
};

struct UserFilter {
    std::string keyword;                          // username or display name, case-insensitive
    std::optional<std::int64_t> organisation_id;  // this organisation and everything below it
    std::optional<UserStatus> status;
};

struct NewUser {
    std::string username;
    std::string display_name;
    std::string password;
    std::int64_t organisation_id = 0;
    std::vector<std::int64_t> role_ids;
    std::string phone;
    std::string email;
};

struct UserChanges {
    std::string display_name;
    std::int64_t organisation_id = 0;
    std::vector<std::int64_t> role_ids;
    std::string phone;
    std::string email;
    UserStatus status = UserStatus::kActive;
};

std::string_view UserStatusName(UserStatus status);
std::optional<UserStatus> ParseUserStatus(std::string_view name);

}  // namespace app::system
