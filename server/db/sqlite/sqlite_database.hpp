#pragma once

#include <memory>
#include <string>

#include "db/database.hpp"

namespace app::db {

// path is a file name or ":memory:" (a private in-memory database, for tests).
std::unique_ptr<Database> OpenSqliteDatabase(const std::string& path, const DatabaseOptions& options);

// Copies a live SQLite database to a file with SQLite's online backup API (consistent snapshot).
void BackupSqliteDatabase(const std::string& source_path, const std::string& destination_path);

}  // namespace app::db
