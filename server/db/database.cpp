#include "db/database.hpp"

#include "db/postgres/postgres_database.hpp"
#include "db/sqlite/sqlite_database.hpp"

namespace app::db {

std::unique_ptr<Database> OpenDatabase(const std::string& url, const DatabaseOptions& options) {
    if (url.rfind("sqlite:", 0) == 0) {
        return OpenSqliteDatabase(url.substr(7), options);
    }
    if (url.rfind("postgresql://", 0) == 0 || url.rfind("postgres://", 0) == 0) {
        return OpenPostgresDatabase(url, options);
    }
    throw DatabaseError("database URL must start with sqlite: or postgresql:// (got '" + RedactUrl(url) +
                        "')");
}

std::string RedactUrl(const std::string& url) {
    const auto scheme_end = url.find("://");
    const auto at = url.find('@');
    if (scheme_end == std::string::npos || at == std::string::npos || at < scheme_end) return url;
    const auto colon = url.find(':', scheme_end + 3);
    if (colon == std::string::npos || colon > at) return url;
    return url.substr(0, colon) + ":***" + url.substr(at);
}

}  // namespace app::db
