#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "statistics/indicators.hpp"

namespace app::statistics {

// A strict YYYY-MM (years 2000–2099), or nullopt.
std::optional<std::string> ParseMonth(std::string_view text);
// The month `count` months after (negative: before) `month`.
std::string AddMonths(const std::string& month, int count);
int MonthsBetween(const std::string& from, const std::string& to);  // to − from, in months
// The same number of months just before `range`.
MonthRange PreviousRange(const MonthRange& range);
// Every month of the range, in order.
std::vector<std::string> MonthsOf(const MonthRange& range);
// [start of the first month, start of the month after the last) in Shanghai time, epoch milliseconds.
std::int64_t RangeStartMillis(const MonthRange& range);
std::int64_t RangeEndMillis(const MonthRange& range);
// The statistical year of the union survey (ANNUAL_UNION_STAT): October of year−1 to September of year.
MonthRange StatisticalYear(int year);

}  // namespace app::statistics
