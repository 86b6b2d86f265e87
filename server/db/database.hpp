#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <type_traits>

#include "db/session.hpp"

namespace app::db {

struct DatabaseOptions {
    int read_connections = 4;         // SQLite readers / PostgreSQL pool size
    int busy_timeout_ms = 5000;       // SQLite
    int group_commit_max_batch = 64;  // SQLite writer: most units of work per COMMIT
};

// The application's database: reads on a pool of connections, writes inside transactions.
// Thread-safe. On SQLite every write goes through one writer thread that commits several requests'
// units of work together (group commit); each unit runs in its own savepoint, so one failing unit
// rolls back alone and the others still commit. A unit's result is returned only after COMMIT.
class Database {
public:
    virtual ~Database() = default;

    virtual Dialect GetDialect() const = 0;
    virtual std::string Describe() const = 0;  // for logs, without credentials

    template <typename Function>
    auto Read(Function&& function) -> std::invoke_result_t<Function, Session&> {
        return Invoke(std::forward<Function>(function), [this](const Work& work) { RunRead(work); });
    }

    template <typename Function>
    auto Write(Function&& function) -> std::invoke_result_t<Function, Session&> {
        return Invoke(std::forward<Function>(function), [this](const Work& work) { RunWrite(work); });
    }

    using Work = std::function<void(Session&)>;

protected:
    virtual void RunRead(const Work& work) = 0;
    // Runs work inside a transaction (or savepoint) and returns after it is durably committed.
    // If work throws, its changes are rolled back and the exception propagates to the caller.
    virtual void RunWrite(const Work& work) = 0;

private:
    template <typename Function, typename Runner>
    static auto Invoke(Function&& function, Runner&& runner) -> std::invoke_result_t<Function, Session&> {
        using ResultType = std::invoke_result_t<Function, Session&>;
        if constexpr (std::is_void_v<ResultType>) {
            runner([&](Session& session) { function(session); });
        } else {
            std::optional<ResultType> result;
            runner([&](Session& session) { result.emplace(function(session)); });
            return std::move(*result);
        }
    }
};

// "sqlite:PATH", "sqlite::memory:" or "postgresql://…" (also "postgres://…").
std::unique_ptr<Database> OpenDatabase(const std::string& url, const DatabaseOptions& options = {});

// Human-readable form of a URL with any password removed.
std::string RedactUrl(const std::string& url);

}  // namespace app::db
