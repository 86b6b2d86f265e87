#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "db/database.hpp"

namespace app::db {

struct Migration {
    int version;
    std::string_view name;
    std::string_view sql;
};

// The migrations compiled into this binary for one dialect, ordered by version. The two dialect
// trees (server/migrations/sqlite and server/migrations/postgres) share one numbering.
std::span<const Migration> EmbeddedMigrations(Dialect dialect);

struct MigrationReport {
    std::vector<int> applied;  // versions applied by this call
    int current_version = 0;
};

// Applies pending migrations, each in its own transaction, recording version, name and SHA-256 checksum.
// Forward-only: an applied migration whose text changed, or a database newer than this binary, stops
// with an error naming the version.
MigrationReport Migrate(Database& database);
MigrationReport Migrate(Database& database, std::span<const Migration> migrations);

std::string Sha256Hex(std::string_view data);

}  // namespace app::db
