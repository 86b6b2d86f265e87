#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/config.hpp"

namespace app::commands {

struct ServeFlags {
    std::optional<std::int64_t> port;
    std::optional<std::string> listen;
    std::optional<std::string> static_dir;
};

struct UserFlags {
    std::string username;
    std::string display_name;
    std::string organisation_code;
    std::vector<std::string> role_codes;
    std::string password;
};

int Serve(config::Config config, const ServeFlags& flags);
int Migrate(const config::Config& config);
int Demo(const config::Config& config);
int UserAdd(const config::Config& config, const UserFlags& flags);
int UserPassword(const config::Config& config, const std::string& username, const std::string& password);
int UserDisable(const config::Config& config, const std::string& username);
int Backup(const config::Config& config, const std::string& destination);
// Prints the route table (the one `serve` wires) as JSON; touches no configured database.
int Routes(config::Config config);
int CheckConfig(const config::Config& config);

}  // namespace app::commands
