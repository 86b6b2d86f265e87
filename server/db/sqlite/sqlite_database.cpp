// The only translation unit (with its backup helper) that includes sqlite3.h.
#include "db/sqlite/sqlite_database.hpp"

#include <spdlog/spdlog.h>
#include <sqlite3.h>

#include <condition_variable>
#include <deque>
#include <exception>
#include <future>
#include <mutex>
#include <thread>
#include <unordered_map>
#include <vector>

#include "db/placeholders.hpp"

namespace app::db {
namespace {

[[noreturn]] void ThrowSqliteError(sqlite3* handle, int code, std::string_view context) {
    const int extended = handle ? sqlite3_extended_errcode(handle) : code;
    std::string message = handle ? sqlite3_errmsg(handle) : sqlite3_errstr(code);
    if ((extended & 0xFF) == SQLITE_CONSTRAINT) {
        ConstraintViolation::Kind kind = ConstraintViolation::Kind::kOther;
        switch (extended) {
            case SQLITE_CONSTRAINT_UNIQUE:
            case SQLITE_CONSTRAINT_PRIMARYKEY:
                kind = ConstraintViolation::Kind::kUnique;
                break;
            case SQLITE_CONSTRAINT_FOREIGNKEY:
                kind = ConstraintViolation::Kind::kForeignKey;
                break;
            case SQLITE_CONSTRAINT_NOTNULL:
                kind = ConstraintViolation::Kind::kNotNull;
                break;
            case SQLITE_CONSTRAINT_CHECK:
                kind = ConstraintViolation::Kind::kCheck;
                break;
            default:
                break;
        }
        throw ConstraintViolation(kind, message);
    }
    throw DatabaseError("sqlite: " + message + " (" + std::to_string(extended) + ") in " +
                        std::string(context));
}

class SqliteConnection final : public Connection {
public:
    SqliteConnection(const std::string& path, const DatabaseOptions& options, bool in_memory) {
        const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_URI;
        const int code = sqlite3_open_v2(path.c_str(), &handle_, flags, nullptr);
        if (code != SQLITE_OK) {
            std::string message = handle_ ? sqlite3_errmsg(handle_) : sqlite3_errstr(code);
            sqlite3_close(handle_);
            handle_ = nullptr;
            throw DatabaseError("cannot open SQLite database '" + path + "': " + message);
        }
        sqlite3_extended_result_codes(handle_, 1);
        sqlite3_busy_timeout(handle_, options.busy_timeout_ms);
        // Debian's SQLite leaves foreign keys off; official records need FULL sync to survive power loss.
        RunScript("PRAGMA foreign_keys = ON");
        if (!in_memory) {
            RunScript("PRAGMA journal_mode = WAL");
            RunScript("PRAGMA synchronous = FULL");
        }
        RunScript("PRAGMA cache_size = -16000");
        RunScript("PRAGMA temp_store = MEMORY");
    }

    ~SqliteConnection() override {
        for (auto& [sql, prepared] : statements_) sqlite3_finalize(prepared.statement);
        sqlite3_close_v2(handle_);
    }

    Dialect GetDialect() const override { return Dialect::kSqlite; }

    Result Run(std::string_view sql, std::span<const Value> parameters) override {
        const Prepared& prepared = Prepare(sql);
        sqlite3_stmt* statement = prepared.statement;
        struct Resetter {
            sqlite3_stmt* statement;
            ~Resetter() {
                sqlite3_reset(statement);
                sqlite3_clear_bindings(statement);
            }
        } resetter{statement};

        const int expected = static_cast<int>(prepared.parameter_numbers.size());
        if (expected > static_cast<int>(parameters.size())) {
            throw DatabaseError("statement expects " + std::to_string(expected) + " parameters, got " +
                                std::to_string(parameters.size()) + ": " + std::string(sql));
        }
        for (int index = 0; index < expected; ++index) {
            const int number = prepared.parameter_numbers[static_cast<std::size_t>(index)];
            Bind(statement, index + 1, parameters[static_cast<std::size_t>(number - 1)]);
        }

        Result result;
        const int column_count = sqlite3_column_count(statement);
        result.columns.reserve(static_cast<std::size_t>(column_count));
        for (int column = 0; column < column_count; ++column) {
            result.columns.emplace_back(sqlite3_column_name(statement, column));
        }
        while (true) {
            const int code = sqlite3_step(statement);
            if (code == SQLITE_DONE) break;
            if (code != SQLITE_ROW) ThrowSqliteError(handle_, code, sql);
            std::vector<Value> row;
            row.reserve(static_cast<std::size_t>(column_count));
            for (int column = 0; column < column_count; ++column) {
                switch (sqlite3_column_type(statement, column)) {
                    case SQLITE_INTEGER:
                        row.emplace_back(static_cast<std::int64_t>(sqlite3_column_int64(statement, column)));
                        break;
                    case SQLITE_FLOAT:
                        row.emplace_back(sqlite3_column_double(statement, column));
                        break;
                    case SQLITE_NULL:
                        row.emplace_back(Null{});
                        break;
                    default: {
                        const auto* text =
                            reinterpret_cast<const char*>(sqlite3_column_text(statement, column));
                        const int bytes = sqlite3_column_bytes(statement, column);
                        row.emplace_back(std::string(text ? text : "", static_cast<std::size_t>(bytes)));
                    }
                }
            }
            result.rows.push_back(std::move(row));
        }
        result.affected_rows = sqlite3_changes64(handle_);
        if (column_count > 0 && !sqlite3_stmt_readonly(statement)) {
            // INSERT ... RETURNING: report the rows written, as PostgreSQL does.
            result.affected_rows = static_cast<std::int64_t>(result.rows.size());
        } else if (column_count > 0) {
            result.affected_rows = 0;
        }
        return result;
    }

    void RunScript(std::string_view sql) override {
        char* error = nullptr;
        const std::string text(sql);
        const int code = sqlite3_exec(handle_, text.c_str(), nullptr, nullptr, &error);
        if (code != SQLITE_OK) {
            sqlite3_free(error);
            ThrowSqliteError(handle_, code, text.substr(0, 200));
        }
    }

    sqlite3* Handle() { return handle_; }

private:
    // A cached statement with the number N of each parameter slot (placeholders were rewritten to ?N).
    // Looked up once here: sqlite3_bind_parameter_name walks a list per call, which made binding a statement
    // with n parameters cost O(n²) — 67 % of an import's time with 6,000-parameter batch inserts.
    struct Prepared {
        sqlite3_stmt* statement = nullptr;
        std::vector<int> parameter_numbers;
    };

    const Prepared& Prepare(std::string_view sql) {
        auto found = statements_.find(std::string(sql));
        if (found != statements_.end()) return found->second;
        const std::string rewritten = RewritePlaceholdersForSqlite(sql);
        Prepared prepared;
        const int code = sqlite3_prepare_v3(handle_, rewritten.c_str(), static_cast<int>(rewritten.size()),
                                            SQLITE_PREPARE_PERSISTENT, &prepared.statement, nullptr);
        if (code != SQLITE_OK) ThrowSqliteError(handle_, code, sql);
        const int count = sqlite3_bind_parameter_count(prepared.statement);
        prepared.parameter_numbers.reserve(static_cast<std::size_t>(count));
        for (int index = 1; index <= count; ++index) {
            const char* name = sqlite3_bind_parameter_name(prepared.statement, index);
            prepared.parameter_numbers.push_back(name ? std::atoi(name + 1) : index);
        }
        return statements_.emplace(std::string(sql), std::move(prepared)).first->second;
    }

    void Bind(sqlite3_stmt* statement, int index, const Value& value) {
        int code = SQLITE_OK;
        if (std::holds_alternative<Null>(value)) {
            code = sqlite3_bind_null(statement, index);
        } else if (const auto* integer = std::get_if<std::int64_t>(&value)) {
            code = sqlite3_bind_int64(statement, index, *integer);
        } else if (const auto* real = std::get_if<double>(&value)) {
            code = sqlite3_bind_double(statement, index, *real);
        } else {
            const auto& text = std::get<std::string>(value);
            code = sqlite3_bind_text64(statement, index, text.data(), text.size(), SQLITE_TRANSIENT,
                                       SQLITE_UTF8);
        }
        if (code != SQLITE_OK) ThrowSqliteError(handle_, code, "bind");
    }

    sqlite3* handle_ = nullptr;
    std::unordered_map<std::string, Prepared> statements_;
};

// Marks the writer thread so a nested Write (which would deadlock) fails loudly instead.
thread_local bool tls_inside_write = false;

class SqliteDatabase final : public Database {
public:
    SqliteDatabase(std::string path, const DatabaseOptions& options)
        : path_(std::move(path)), options_(options), in_memory_(path_ == ":memory:") {
        if (in_memory_) {
            // A private in-memory database lives on one connection; every read and write uses it in turn.
            writer_ = std::make_unique<SqliteConnection>(":memory:", options_, true);
            return;
        }
        writer_ = std::make_unique<SqliteConnection>(path_, options_, false);
        writer_thread_ = std::thread([this] { WriterLoop(); });
    }

    ~SqliteDatabase() override {
        {
            std::lock_guard lock(queue_mutex_);
            stopping_ = true;
        }
        queue_ready_.notify_all();
        if (writer_thread_.joinable()) writer_thread_.join();
    }

    Dialect GetDialect() const override { return Dialect::kSqlite; }
    std::string Describe() const override { return "sqlite:" + path_; }

protected:
    void RunRead(const Work& work) override {
        if (in_memory_) {
            std::lock_guard lock(memory_mutex_);
            Session session(*writer_);
            work(session);
            return;
        }
        std::unique_ptr<SqliteConnection> connection = AcquireReader();
        struct Returner {
            SqliteDatabase* database;
            std::unique_ptr<SqliteConnection>& connection;
            ~Returner() { database->ReleaseReader(std::move(connection)); }
        } returner{this, connection};
        Session session(*connection);
        work(session);
    }

    void RunWrite(const Work& work) override {
        if (tls_inside_write)
            throw DatabaseError("nested Database::Write is not allowed; use the session you were given");
        if (in_memory_) {
            std::lock_guard lock(memory_mutex_);
            Session session(*writer_);
            Transaction transaction(session);
            tls_inside_write = true;
            try {
                work(session);
            } catch (...) {
                tls_inside_write = false;
                throw;
            }
            tls_inside_write = false;
            transaction.Commit();
            return;
        }
        Job job{&work, {}, {}};
        std::future<void> done = job.completion.get_future();
        {
            std::lock_guard lock(queue_mutex_);
            if (stopping_) throw DatabaseError("database is shutting down");
            queue_.push_back(&job);
        }
        queue_ready_.notify_one();
        done.get();  // rethrows the unit's own failure or the batch's commit failure
    }

private:
    struct Job {
        const Work* work;
        std::promise<void> completion;
        std::exception_ptr failure;
    };

    void WriterLoop() {
        tls_inside_write = true;
        Session session(*writer_);
        while (true) {
            std::vector<Job*> batch;
            {
                std::unique_lock lock(queue_mutex_);
                queue_ready_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
                if (queue_.empty() && stopping_) return;
                while (!queue_.empty() && static_cast<int>(batch.size()) < options_.group_commit_max_batch) {
                    batch.push_back(queue_.front());
                    queue_.pop_front();
                }
            }
            std::exception_ptr batch_failure;
            try {
                Transaction outer(session);
                for (Job* job : batch) {
                    try {
                        Transaction unit(session);
                        (*job->work)(session);
                        unit.Commit();
                    } catch (...) {
                        job->failure = std::current_exception();
                    }
                }
                outer.Commit();
            } catch (...) {
                batch_failure = std::current_exception();
            }
            for (Job* job : batch) {
                if (job->failure) {
                    job->completion.set_exception(job->failure);
                } else if (batch_failure) {
                    job->completion.set_exception(batch_failure);
                } else {
                    job->completion.set_value();
                }
            }
        }
    }

    std::unique_ptr<SqliteConnection> AcquireReader() {
        {
            std::lock_guard lock(readers_mutex_);
            if (!idle_readers_.empty()) {
                auto connection = std::move(idle_readers_.back());
                idle_readers_.pop_back();
                return connection;
            }
        }
        return std::make_unique<SqliteConnection>(path_, options_, false);
    }

    void ReleaseReader(std::unique_ptr<SqliteConnection> connection) {
        std::lock_guard lock(readers_mutex_);
        if (static_cast<int>(idle_readers_.size()) < options_.read_connections) {
            idle_readers_.push_back(std::move(connection));
        }
    }

    std::string path_;
    DatabaseOptions options_;
    bool in_memory_;
    std::unique_ptr<SqliteConnection> writer_;
    std::recursive_mutex memory_mutex_;  // recursive: a Read inside a Write shares the one connection

    std::mutex queue_mutex_;
    std::condition_variable queue_ready_;
    std::deque<Job*> queue_;
    bool stopping_ = false;
    std::thread writer_thread_;

    std::mutex readers_mutex_;
    std::vector<std::unique_ptr<SqliteConnection>> idle_readers_;
};

}  // namespace

std::unique_ptr<Database> OpenSqliteDatabase(const std::string& path, const DatabaseOptions& options) {
    return std::make_unique<SqliteDatabase>(path, options);
}

void BackupSqliteDatabase(const std::string& source_path, const std::string& destination_path) {
    sqlite3* source = nullptr;
    sqlite3* destination = nullptr;
    struct Closer {
        sqlite3*& source;
        sqlite3*& destination;
        ~Closer() {
            sqlite3_close_v2(source);
            sqlite3_close_v2(destination);
        }
    } closer{source, destination};
    if (sqlite3_open_v2(source_path.c_str(), &source, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
        ThrowSqliteError(source, SQLITE_CANTOPEN, "open backup source " + source_path);
    }
    sqlite3_busy_timeout(source, 5000);
    if (sqlite3_open_v2(destination_path.c_str(), &destination, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
                        nullptr) != SQLITE_OK) {
        ThrowSqliteError(destination, SQLITE_CANTOPEN, "open backup destination " + destination_path);
    }
    sqlite3_backup* backup = sqlite3_backup_init(destination, "main", source, "main");
    if (!backup) ThrowSqliteError(destination, SQLITE_ERROR, "backup init");
    // Copy everything in one step: it reads one consistent snapshot, and in WAL mode the server's writers go
    // on meanwhile. Copying in small steps instead restarts from page 1 whenever the server commits between
    // two steps, so on a busy database it never finishes.
    int code = SQLITE_OK;
    do {
        code = sqlite3_backup_step(backup, -1);
        if (code == SQLITE_BUSY || code == SQLITE_LOCKED) sqlite3_sleep(20);
    } while (code == SQLITE_OK || code == SQLITE_BUSY || code == SQLITE_LOCKED);
    sqlite3_backup_finish(backup);
    if (code != SQLITE_DONE) ThrowSqliteError(destination, code, "backup step");
}

}  // namespace app::db
