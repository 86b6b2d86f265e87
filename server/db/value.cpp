#include "db/value.hpp"

#include <charconv>
#include <cmath>
#include <limits>

namespace app::db {

const Value& Row::Get(std::size_t column) const {
    if (column >= values_.size()) {
        throw DatabaseError("column index " + std::to_string(column) + " out of range");
    }
    return values_[column];
}

const std::string& Row::ColumnName(std::size_t column) const {
    static const std::string kUnknown = "?";
    return columns_ && column < columns_->size() ? (*columns_)[column] : kUnknown;
}

bool Row::IsNull(std::size_t column) const {
    return std::holds_alternative<Null>(Get(column));
}

std::int64_t Row::GetInt64(std::size_t column) const {
    const Value& value = Get(column);
    if (const auto* integer = std::get_if<std::int64_t>(&value)) return *integer;
    if (std::holds_alternative<Null>(value)) {
        throw DatabaseError("column " + ColumnName(column) + " is NULL where an integer was expected");
    }
    if (const auto* real = std::get_if<double>(&value)) {
        // PostgreSQL SUM() and AVG() come back as numeric; accept whole numbers that fit.
        if (std::trunc(*real) == *real && *real >= -9.2e18 && *real <= 9.2e18) {
            return static_cast<std::int64_t>(*real);
        }
        throw DatabaseError("column " + ColumnName(column) + " holds a non-integer or out-of-range number");
    }
    const auto& text = std::get<std::string>(value);
    std::int64_t parsed = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), parsed);
    if (error != std::errc{} || end != text.data() + text.size()) {
        throw DatabaseError("column " + ColumnName(column) + " holds '" + text + "', not a 64-bit integer");
    }
    return parsed;
}

std::int32_t Row::GetInt32(std::size_t column) const {
    const std::int64_t value = GetInt64(column);
    if (value < std::numeric_limits<std::int32_t>::min() ||
        value > std::numeric_limits<std::int32_t>::max()) {
        throw DatabaseError("column " + ColumnName(column) + " value " + std::to_string(value) +
                            " overflows a 32-bit integer");
    }
    return static_cast<std::int32_t>(value);
}

double Row::GetDouble(std::size_t column) const {
    const Value& value = Get(column);
    if (const auto* real = std::get_if<double>(&value)) return *real;
    if (const auto* integer = std::get_if<std::int64_t>(&value)) return static_cast<double>(*integer);
    if (std::holds_alternative<Null>(value)) {
        throw DatabaseError("column " + ColumnName(column) + " is NULL where a number was expected");
    }
    const auto& text = std::get<std::string>(value);
    try {
        std::size_t consumed = 0;
        const double parsed = std::stod(text, &consumed);
        if (consumed == text.size()) return parsed;
    } catch (const std::exception&) {
    }
    throw DatabaseError("column " + ColumnName(column) + " holds '" + text + "', not a number");
}

bool Row::GetBool(std::size_t column) const {
    const std::int64_t value = GetInt64(column);
    if (value != 0 && value != 1) {
        throw DatabaseError("column " + ColumnName(column) + " holds " + std::to_string(value) +
                            ", not 0 or 1");
    }
    return value == 1;
}

std::string Row::GetString(std::size_t column) const {
    const Value& value = Get(column);
    if (const auto* text = std::get_if<std::string>(&value)) return *text;
    if (std::holds_alternative<Null>(value)) {
        throw DatabaseError("column " + ColumnName(column) + " is NULL where text was expected");
    }
    throw DatabaseError("column " + ColumnName(column) + " holds a number where text was expected");
}

std::optional<std::int64_t> Row::GetOptionalInt64(std::size_t column) const {
    if (IsNull(column)) return std::nullopt;
    return GetInt64(column);
}

std::optional<std::string> Row::GetOptionalString(std::size_t column) const {
    if (IsNull(column)) return std::nullopt;
    return GetString(column);
}

Row Result::Front() const {
    if (rows.empty()) throw DatabaseError("query returned no rows where one was expected");
    return (*this)[0];
}

}  // namespace app::db
