// The only translation unit that includes libpq-fe.h.
#include "db/postgres/postgres_database.hpp"

#include <libpq-fe.h>
#include <spdlog/spdlog.h>

#include <condition_variable>
#include <cstdlib>
#include <mutex>
#include <unordered_map>
#include <vector>

namespace app::db {
namespace {

// Type OIDs from pg_type.h (stable since PostgreSQL 7).
constexpr Oid kBoolOid = 16;
constexpr Oid kInt8Oid = 20;
constexpr Oid kInt2Oid = 21;
constexpr Oid kInt4Oid = 23;
constexpr Oid kOidOid = 26;
constexpr Oid kFloat4Oid = 700;
constexpr Oid kFloat8Oid = 701;
constexpr Oid kNumericOid = 1700;

struct ResultDeleter {
    void operator()(PGresult* result) const { PQclear(result); }
};
using ResultHandle = std::unique_ptr<PGresult, ResultDeleter>;

[[noreturn]] void ThrowPostgresError(PGconn* connection, PGresult* result, std::string_view context) {
    const char* state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
    std::string message = result ? PQresultErrorMessage(result) : PQerrorMessage(connection);
    while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
    if (state && std::string_view(state).substr(0, 2) == "23") {
        ConstraintViolation::Kind kind = ConstraintViolation::Kind::kOther;
        const std::string_view code(state);
        if (code == "23505") kind = ConstraintViolation::Kind::kUnique;
        if (code == "23503") kind = ConstraintViolation::Kind::kForeignKey;
        if (code == "23502") kind = ConstraintViolation::Kind::kNotNull;
        if (code == "23514") kind = ConstraintViolation::Kind::kCheck;
        std::string detail;
        if (const char* table = PQresultErrorField(result, PG_DIAG_TABLE_NAME))
            detail += std::string(table) + ".";
        if (const char* column = PQresultErrorField(result, PG_DIAG_COLUMN_NAME)) detail += column;
        if (const char* constraint = PQresultErrorField(result, PG_DIAG_CONSTRAINT_NAME)) {
            detail += std::string(" constraint ") + constraint;
        }
        if (const char* more = PQresultErrorField(result, PG_DIAG_MESSAGE_DETAIL))
            detail += std::string(" ") + more;
        throw ConstraintViolation(kind, detail.empty() ? message : detail);
    }
    std::string text = "postgresql: " + message + (state ? " [" + std::string(state) + "]" : "") + " in " +
                       std::string(context.substr(0, 300));
    const std::string_view code(state ? state : "");
    if (PQstatus(connection) == CONNECTION_BAD || code.substr(0, 2) == "08" || code.substr(0, 3) == "57P")
        throw DatabaseUnavailable(std::move(text));
    throw DatabaseError(std::move(text));
}

class PostgresConnection final : public Connection {
public:
    explicit PostgresConnection(const std::string& url) : handle_(PQconnectdb(url.c_str())) {
        if (PQstatus(handle_) != CONNECTION_OK) {
            std::string message = PQerrorMessage(handle_);
            PQfinish(handle_);
            throw DatabaseUnavailable("cannot connect to PostgreSQL (" + RedactUrl(url) + "): " + message);
        }
        // Keep notices (e.g. "relation already exists, skipping") out of stderr.
        PQsetNoticeProcessor(
            handle_, [](void*, const char*) {}, nullptr);
        RunScript("SET client_encoding = 'UTF8'; SET TIME ZONE 'UTC'");
    }

    ~PostgresConnection() override { PQfinish(handle_); }

    Dialect GetDialect() const override { return Dialect::kPostgres; }

    bool IsHealthy() const { return PQstatus(handle_) == CONNECTION_OK; }

    Result Run(std::string_view sql, std::span<const Value> parameters) override {
        const std::string& name = Prepare(sql);
        std::vector<std::string> texts(parameters.size());
        std::vector<const char*> pointers(parameters.size(), nullptr);
        for (std::size_t index = 0; index < parameters.size(); ++index) {
            const Value& value = parameters[index];
            if (std::holds_alternative<Null>(value)) continue;
            if (const auto* integer = std::get_if<std::int64_t>(&value)) {
                texts[index] = std::to_string(*integer);
            } else if (const auto* real = std::get_if<double>(&value)) {
                char buffer[64];
                std::snprintf(buffer, sizeof buffer, "%.17g", *real);
                texts[index] = buffer;
            } else {
                texts[index] = std::get<std::string>(value);
            }
            pointers[index] = texts[index].c_str();
        }
        ResultHandle result(PQexecPrepared(handle_, name.c_str(), static_cast<int>(parameters.size()),
                                           pointers.data(), nullptr, nullptr, 0));
        const ExecStatusType status = result ? PQresultStatus(result.get()) : PGRES_FATAL_ERROR;
        if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) {
            ThrowPostgresError(handle_, result.get(), sql);
        }
        return Convert(result.get());
    }

    void RunScript(std::string_view sql) override {
        ResultHandle result(PQexec(handle_, std::string(sql).c_str()));
        const ExecStatusType status = result ? PQresultStatus(result.get()) : PGRES_FATAL_ERROR;
        if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) {
            ThrowPostgresError(handle_, result.get(), sql);
        }
    }

private:
    // Each distinct SQL text is prepared once per connection and reused.
    const std::string& Prepare(std::string_view sql) {
        auto found = prepared_.find(std::string(sql));
        if (found != prepared_.end()) return found->second;
        std::string name = "ankang_" + std::to_string(prepared_.size() + 1);
        ResultHandle result(PQprepare(handle_, name.c_str(), std::string(sql).c_str(), 0, nullptr));
        if (!result || PQresultStatus(result.get()) != PGRES_COMMAND_OK) {
            ThrowPostgresError(handle_, result.get(), sql);
        }
        return prepared_.emplace(std::string(sql), std::move(name)).first->second;
    }

    static Result Convert(PGresult* pg) {
        Result result;
        const int columns = PQnfields(pg);
        const int rows = PQntuples(pg);
        std::vector<Oid> types(static_cast<std::size_t>(columns));
        for (int column = 0; column < columns; ++column) {
            result.columns.emplace_back(PQfname(pg, column));
            types[static_cast<std::size_t>(column)] = PQftype(pg, column);
        }
        result.rows.reserve(static_cast<std::size_t>(rows));
        for (int row = 0; row < rows; ++row) {
            std::vector<Value> values;
            values.reserve(static_cast<std::size_t>(columns));
            for (int column = 0; column < columns; ++column) {
                if (PQgetisnull(pg, row, column)) {
                    values.emplace_back(Null{});
                    continue;
                }
                const char* text = PQgetvalue(pg, row, column);
                switch (types[static_cast<std::size_t>(column)]) {
                    case kInt2Oid:
                    case kInt4Oid:
                    case kInt8Oid:
                    case kOidOid:
                        values.emplace_back(static_cast<std::int64_t>(std::strtoll(text, nullptr, 10)));
                        break;
                    case kBoolOid:
                        values.emplace_back(static_cast<std::int64_t>(text[0] == 't' ? 1 : 0));
                        break;
                    case kFloat4Oid:
                    case kFloat8Oid:
                        values.emplace_back(std::strtod(text, nullptr));
                        break;
                    case kNumericOid: {
                        // Whole numerics (SUM of integers) stay exact as text; Row::GetInt64 parses them.
                        const std::string_view view(text);
                        if (view.find_first_of(".eE") == std::string_view::npos) {
                            values.emplace_back(std::string(view));
                        } else {
                            values.emplace_back(std::strtod(text, nullptr));
                        }
                        break;
                    }
                    default:
                        values.emplace_back(
                            std::string(text, static_cast<std::size_t>(PQgetlength(pg, row, column))));
                }
            }
            result.rows.push_back(std::move(values));
        }
        const char* tuples = PQcmdTuples(pg);
        result.affected_rows = (tuples && *tuples) ? std::strtoll(tuples, nullptr, 10) : 0;
        return result;
    }

    PGconn* handle_;
    std::unordered_map<std::string, std::string> prepared_;
};

class PostgresDatabase final : public Database {
public:
    PostgresDatabase(std::string url, const DatabaseOptions& options)
        : url_(std::move(url)), pool_size_(options.read_connections + 1) {
        idle_.push_back(std::make_unique<PostgresConnection>(url_));  // fail fast on a bad URL
        created_ = 1;
    }

    Dialect GetDialect() const override { return Dialect::kPostgres; }
    std::string Describe() const override { return RedactUrl(url_); }

protected:
    void RunRead(const Work& work) override {
        Lease lease(*this);
        Session session(*lease.connection);
        work(session);
    }

    void RunWrite(const Work& work) override {
        Lease lease(*this);
        Session session(*lease.connection);
        Transaction transaction(session);
        work(session);
        transaction.Commit();
    }

private:
    struct Lease {
        explicit Lease(PostgresDatabase& database) : database(database), connection(database.Acquire()) {}
        ~Lease() { database.Release(std::move(connection)); }
        PostgresDatabase& database;
        std::unique_ptr<PostgresConnection> connection;
    };

    std::unique_ptr<PostgresConnection> Acquire() {
        std::unique_lock lock(mutex_);
        available_.wait(lock, [this] { return !idle_.empty() || created_ < pool_size_; });
        if (!idle_.empty()) {
            auto connection = std::move(idle_.back());
            idle_.pop_back();
            if (connection->IsHealthy()) return connection;
            --created_;  // a broken connection is dropped and replaced below
        }
        ++created_;
        lock.unlock();
        try {
            return std::make_unique<PostgresConnection>(url_);
        } catch (...) {
            std::lock_guard relock(mutex_);
            --created_;
            available_.notify_one();
            throw;
        }
    }

    void Release(std::unique_ptr<PostgresConnection> connection) {
        {
            std::lock_guard lock(mutex_);
            if (connection && connection->IsHealthy()) {
                idle_.push_back(std::move(connection));
            } else {
                --created_;
            }
        }
        available_.notify_one();
    }

    std::string url_;
    int pool_size_;
    std::mutex mutex_;
    std::condition_variable available_;
    std::vector<std::unique_ptr<PostgresConnection>> idle_;
    int created_ = 0;
};

}  // namespace

std::unique_ptr<Database> OpenPostgresDatabase(const std::string& url, const DatabaseOptions& options) {
    return std::make_unique<PostgresDatabase>(url, options);
}

}  // namespace app::db
