#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace app::db {

struct Null {};

// One SQL parameter or column value. Booleans are stored as integers 0/1 on both databases.
using Value = std::variant<Null, std::int64_t, double, std::string>;

enum class Dialect { kSqlite, kPostgres };

// A database failure that is not the caller's fault (connection lost, disk full, bad SQL).
class DatabaseError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// The server cannot be reached or ended the connection (PostgreSQL SQLSTATE classes 08 and 57P, or a broken
// connection): the same statement may succeed elsewhere, e.g. on the primary when a standby is down.
class DatabaseUnavailable : public DatabaseError {
public:
    using DatabaseError::DatabaseError;
};

// The same constraint failure on both databases, so one catch handles SQLite and PostgreSQL.
class ConstraintViolation : public DatabaseError {
public:
    enum class Kind { kUnique, kForeignKey, kNotNull, kCheck, kOther };
    ConstraintViolation(Kind kind, std::string detail)
        : DatabaseError("constraint violation: " + detail), kind_(kind), detail_(std::move(detail)) {}
    Kind GetKind() const { return kind_; }
    // Driver text naming the constraint or columns, e.g. "users.username" or "Key (username)=(x) already
    // exists".
    const std::string& GetDetail() const { return detail_; }
    bool Mentions(std::string_view column) const { return detail_.find(column) != std::string::npos; }

private:
    Kind kind_;
    std::string detail_;
};

inline Value ToValue(std::nullptr_t) {
    return Null{};
}
inline Value ToValue(Null) {
    return Null{};
}
inline Value ToValue(bool value) {
    return static_cast<std::int64_t>(value ? 1 : 0);
}
inline Value ToValue(int value) {
    return static_cast<std::int64_t>(value);
}
inline Value ToValue(long value) {
    return static_cast<std::int64_t>(value);
}
inline Value ToValue(long long value) {
    return static_cast<std::int64_t>(value);
}
inline Value ToValue(double value) {
    return value;
}
inline Value ToValue(std::string value) {
    return value;
}
inline Value ToValue(std::string_view value) {
    return std::string(value);
}
inline Value ToValue(const char* value) {
    return std::string(value);
}
template <typename T>
Value ToValue(const std::optional<T>& value) {
    return value ? ToValue(*value) : Value{Null{}};
}

// Materialised query result. Rows are small pages in this application, so copying is cheap and
// keeps driver handles out of the callers' lifetime.
class Row {
public:
    // A row owns its values, so it stays valid after the Result it came from is gone
    // (`auto row = session.Query(...).Front();` is safe).
    Row(std::vector<Value> values, std::shared_ptr<const std::vector<std::string>> columns)
        : values_(std::move(values)), columns_(std::move(columns)) {}

    bool IsNull(std::size_t column) const;
    // Typed getters fail loudly: NULL, a wrong type or an out-of-range value throws DatabaseError.
    std::int64_t GetInt64(std::size_t column) const;
    std::int32_t GetInt32(std::size_t column) const;
    double GetDouble(std::size_t column) const;
    bool GetBool(std::size_t column) const;
    std::string GetString(std::size_t column) const;
    std::optional<std::int64_t> GetOptionalInt64(std::size_t column) const;
    std::optional<std::string> GetOptionalString(std::size_t column) const;
    const Value& Get(std::size_t column) const;

private:
    const std::string& ColumnName(std::size_t column) const;
    std::vector<Value> values_;
    std::shared_ptr<const std::vector<std::string>> columns_;
};

class Result {
public:
    std::vector<std::string> columns;
    std::vector<std::vector<Value>> rows;
    std::int64_t affected_rows = 0;

    std::size_t Size() const { return rows.size(); }
    bool Empty() const { return rows.empty(); }
    Row operator[](std::size_t index) const { return Row(rows.at(index), Columns()); }
    Row Front() const;  // throws DatabaseError when empty

    class Iterator {
    public:
        Iterator(const Result& result, std::size_t index) : result_(&result), index_(index) {}
        Row operator*() const { return (*result_)[index_]; }
        Iterator& operator++() {
            ++index_;
            return *this;
        }
        bool operator!=(const Iterator& other) const { return index_ != other.index_; }

    private:
        const Result* result_;
        std::size_t index_;
    };
    Iterator begin() const { return Iterator(*this, 0); }
    Iterator end() const { return Iterator(*this, rows.size()); }

private:
    std::shared_ptr<const std::vector<std::string>> Columns() const {
        if (!shared_columns_) shared_columns_ = std::make_shared<const std::vector<std::string>>(columns);
        return shared_columns_;
    }
    mutable std::shared_ptr<const std::vector<std::string>> shared_columns_;
};

}  // namespace app::db
