#include "db/placeholders.hpp"

#include <cctype>

namespace app::db {
namespace {

// Both databases allow '$' inside names ("a$1" is a column), so a '$' right after one of these is part of
// a name, not a placeholder.
bool IsNameByte(char c) {
    const auto byte = static_cast<unsigned char>(c);
    return std::isalnum(byte) || c == '_' || c == '$' || byte >= 0x80;
}

}  // namespace

std::string RewritePlaceholdersForSqlite(std::string_view sql) {
    std::string result;
    result.reserve(sql.size());
    std::size_t index = 0;
    while (index < sql.size()) {
        const char c = sql[index];
        if (c == '\'' || c == '"') {
            // Copy the quoted run; a doubled quote is an escaped quote and stays inside.
            const char quote = c;
            result.push_back(c);
            ++index;
            while (index < sql.size()) {
                result.push_back(sql[index]);
                if (sql[index] == quote) {
                    if (index + 1 < sql.size() && sql[index + 1] == quote) {
                        result.push_back(sql[index + 1]);
                        index += 2;
                        continue;
                    }
                    ++index;
                    break;
                }
                ++index;
            }
        } else if (c == '-' && index + 1 < sql.size() && sql[index + 1] == '-') {
            while (index < sql.size() && sql[index] != '\n') result.push_back(sql[index++]);
        } else if (c == '/' && index + 1 < sql.size() && sql[index + 1] == '*') {
            const auto end = sql.find("*/", index + 2);
            const auto stop = end == std::string_view::npos ? sql.size() : end + 2;
            result.append(sql.substr(index, stop - index));
            index = stop;
        } else if (c == '$' && index + 1 < sql.size() &&
                   std::isdigit(static_cast<unsigned char>(sql[index + 1])) &&
                   (index == 0 || !IsNameByte(sql[index - 1]))) {
            result.push_back('?');
            ++index;
            while (index < sql.size() && std::isdigit(static_cast<unsigned char>(sql[index]))) {
                result.push_back(sql[index++]);
            }
        } else {
            result.push_back(c);
            ++index;
        }
    }
    return result;
}

}  // namespace app::db
