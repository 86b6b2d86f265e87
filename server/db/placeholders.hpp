#pragma once

#include <string>
#include <string_view>

namespace app::db {

// Rewrites PostgreSQL placeholders $1..$n to SQLite's ?1..?n. SQLite would accept "$1" but numbers
// such names by first appearance, so "SELECT $2, $1" would silently swap its arguments.
// String literals, quoted identifiers, comments and a '$' inside a name (a$1) are left alone.
std::string RewritePlaceholdersForSqlite(std::string_view sql);

}  // namespace app::db
