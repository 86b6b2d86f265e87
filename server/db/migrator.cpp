#include "db/migrator.hpp"

#include <sodium.h>
#include <spdlog/spdlog.h>

#include <map>

#include "core/clock.hpp"
#include "core/text.hpp"

namespace app::db {

std::string Sha256Hex(std::string_view data) {
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(data.data()), data.size());
    return text::ToHex(std::string_view(reinterpret_cast<const char*>(digest), sizeof digest));
}

MigrationReport Migrate(Database& database) {
    return Migrate(database, EmbeddedMigrations(database.GetDialect()));
}

MigrationReport Migrate(Database& database, std::span<const Migration> migrations) {
    MigrationReport report;
    database.Write([](Session& session) {
        if (session.GetDialect() == Dialect::kPostgres) {
            // Two servers starting together must not both migrate.
            session.Query("SELECT pg_advisory_xact_lock(7301)");
        }
        session.RunScript(
            "CREATE TABLE IF NOT EXISTS schema_migrations ("
            " version INTEGER PRIMARY KEY, name TEXT NOT NULL, checksum TEXT NOT NULL, applied_at BIGINT NOT "
            "NULL)");
    });

    for (const Migration& migration : migrations) {
        const std::string checksum = Sha256Hex(migration.sql);
        const bool applied_now = database.Write([&](Session& session) {
            if (session.GetDialect() == Dialect::kPostgres)
                session.Query("SELECT pg_advisory_xact_lock(7301)");
            const Result existing =
                session.Query("SELECT checksum FROM schema_migrations WHERE version = $1", migration.version);
            if (!existing.Empty()) {
                if (existing.Front().GetString(0) != checksum) {
                    throw DatabaseError(
                        "migration " + std::to_string(migration.version) + " (" +
                        std::string(migration.name) +
                        ") was changed after it was applied; migrations are forward-only — add a new one");
                }
                return false;
            }
            session.RunScript(migration.sql);
            session.Execute(
                "INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES ($1, $2, $3, $4)",
                migration.version, migration.name, checksum, SystemClock().Now());
            return true;
        });
        if (applied_now) {
            report.applied.push_back(migration.version);
            spdlog::info("applied migration {:04d}_{}", migration.version, migration.name);
        }
        report.current_version = migration.version;
    }

    const std::int64_t newest = database.Read([](Session& session) {
        return session.Query("SELECT COALESCE(MAX(version), 0) FROM schema_migrations").Front().GetInt64(0);
    });
    const int known = migrations.empty() ? 0 : migrations.back().version;
    if (newest > known) {
        throw DatabaseError("database schema version " + std::to_string(newest) +
                            " is newer than this binary (" + std::to_string(known) + "); upgrade the binary");
    }
    return report;
}

}  // namespace app::db
