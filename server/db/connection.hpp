#pragma once

#include <span>
#include <string_view>

#include "db/value.hpp"

namespace app::db {

// One open connection to a database. Not thread-safe: a connection belongs to one thread at a time.
// Drivers (db/sqlite, db/postgres) implement it; nothing else sees their headers.
class Connection {
public:
    virtual ~Connection() = default;
    virtual Dialect GetDialect() const = 0;
    // Runs one statement written with PostgreSQL $1..$n placeholders.
    virtual Result Run(std::string_view sql, std::span<const Value> parameters) = 0;
    // Runs a script of several statements without parameters (migrations).
    virtual void RunScript(std::string_view sql) = 0;
};

}  // namespace app::db
