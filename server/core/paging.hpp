#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace app {

struct PageRequest {
    std::int64_t page = 1;        // 1-based
    std::int64_t page_size = 20;  // 1..kMaxPageSize

    static constexpr std::int64_t kMaxPageSize = 500;
    std::int64_t Offset() const { return (page - 1) * page_size; }
};

template <typename T>
struct Page {
    std::vector<T> items;
    std::int64_t total = 0;
    bool total_capped = false;  // total is kListCountLimit + 1: "more than kListCountLimit"
};

// The lists of the big tables (hazards, worker reports, enterprises) count their total up to this many rows.
// Beyond it the exact figure costs a scan of every row in a province's scope (30 s for 5 million hazards on
// SQLite, bench/run) and nobody pages that far; the page says "10,000+" and filters narrow it down.
inline constexpr std::int64_t kListCountLimit = 10'000;

// "SELECT COUNT(*) FROM (SELECT 1 <from_where> LIMIT kListCountLimit + 1)": stops after the cap.
std::string CappedCountSql(std::string_view from_where);

// Sets total and total_capped from what CappedCountSql counted.
template <typename T>
void SetCappedTotal(Page<T>& page, std::int64_t counted) {
    page.total = counted;
    page.total_capped = counted > kListCountLimit;
}

// " LIMIT n OFFSET m" as literals, for a page statement when the capped count found few rows. How the big
// lists fetch a page depends on how many rows match, and SQLite picks its plan by how the LIMIT is written
// (bench/run, 5 million hazards):
//   - few match (count not capped): a literal LIMIT makes SQLite fetch the matches through the scope's index
//   and
//     sort them — 0.03 s for 11 hazards of a county, where a bound LIMIT walked the whole table in id order
//     (1.9 s);
//   - many match (capped): a bound LIMIT makes SQLite walk the table in the sort order and stop after a page
//   —
//     milliseconds at a province's root, where a literal LIMIT fetched and sorted all 5 million (36 s).
// PostgreSQL plans both forms well.
std::string LimitOffsetSql(std::int64_t limit, std::int64_t offset);

}  // namespace app
