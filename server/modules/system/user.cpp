#include "system/user.hpp"

// Kept apart from user_service.cpp so the JSON mapping (user_json.cpp) links without the database layer;
// the fuzzers in server/fuzz rely on that.
namespace app::system {

std::string_view UserStatusName(UserStatus status) {
    switch (status) {
        case UserStatus::kActive:
            return "ACTIVE";
        case UserStatus::kDisabled:
            return "DISABLED";
    }
    return "DISABLED";
}

std::optional<UserStatus> ParseUserStatus(std::string_view name) {
    if (name == "ACTIVE") return UserStatus::kActive;
    if (name == "DISABLED") return UserStatus::kDisabled;
    return std::nullopt;
}

}  // namespace app::system
