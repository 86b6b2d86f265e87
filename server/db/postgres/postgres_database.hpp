#pragma once

#include <memory>
#include <string>

#include "db/database.hpp"

namespace app::db {

std::unique_ptr<Database> OpenPostgresDatabase(const std::string& url, const DatabaseOptions& options);

}  // namespace app::db
