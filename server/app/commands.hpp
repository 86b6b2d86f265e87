#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/config.hpp"
#include "organisations/enterprise_import_service.hpp"

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

struct ImportFlags {
    std::string file;
    std::string organisation_code;  // the scope root the import acts in; empty: the root organisation
    organisations::ImportMode mode = organisations::ImportMode::kAllOrNothing;
    organisations::ImportRun run = organisations::ImportRun::kWrite;
    std::string report_file;  // where to write the row errors as CSV; empty: none
};

int Serve(config::Config config, const ServeFlags& flags);
int Migrate(const config::Config& config);
int Demo(const config::Config& config);
int UserAdd(const config::Config& config, const UserFlags& flags);
int UserPassword(const config::Config& config, const std::string& username, const std::string& password);
int UserDisable(const config::Config& config, const std::string& username);
// Imports enterprises from a CSV file. Exit status 0: every row accepted; 3: some rows were rejected (with
// ALL_OR_NOTHING nothing was written); 1: the file could not be read.
int ImportEnterprises(const config::Config& config, const ImportFlags& flags);
int Backup(const config::Config& config, const std::string& destination);
// Recomputes the statistics roll-ups from the raw rows (after a bulk load that bypassed the triggers).
int StatisticsRebuild(const config::Config& config);
// Prints the route table (the one `serve` wires) as JSON; touches no configured database.
int Routes(config::Config config);
int CheckConfig(const config::Config& config);

}  // namespace app::commands
