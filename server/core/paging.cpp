#include "core/paging.hpp"

namespace app {

std::string CappedCountSql(std::string_view from_where) {
    return "SELECT COUNT(*) FROM (SELECT 1" + std::string(from_where) + " LIMIT " +
           std::to_string(kListCountLimit + 1) + ") capped";
}

std::string LimitOffsetSql(std::int64_t limit, std::int64_t offset) {
    // Integers only, formatted here: nothing of the request's text reaches the statement.
    return " LIMIT " + std::to_string(limit) + " OFFSET " + std::to_string(offset);
}

}  // namespace app
