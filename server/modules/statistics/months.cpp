#include "statistics/months.hpp"

#include <chrono>
#include <cstdio>

#include "core/calendar_date.hpp"

namespace app::statistics {
namespace {

struct YearMonth {
    int year;
    int month;  // 1..12
};

YearMonth Split(const std::string& month) {
    return {std::stoi(month.substr(0, 4)), std::stoi(month.substr(5, 2))};
}

std::string Join(int year, int month) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d", year, month);
    return buffer;
}

std::int64_t MonthStartMillis(const std::string& month) {
    const YearMonth parts = Split(month);
    const std::chrono::year_month_day first{std::chrono::year{parts.year},
                                            std::chrono::month{static_cast<unsigned>(parts.month)},
                                            std::chrono::day{1}};
    return dates::ShanghaiStartOf(dates::Date{first});
}

}  // namespace

std::optional<std::string> ParseMonth(std::string_view text) {
    if (text.size() != 7 || text[4] != '-') return std::nullopt;
    for (std::size_t index : {0U, 1U, 2U, 3U, 5U, 6U}) {
        if (text[index] < '0' || text[index] > '9') return std::nullopt;
    }
    const std::string month(text);
    const YearMonth parts = Split(month);
    if (parts.year < 2000 || parts.year > 2099 || parts.month < 1 || parts.month > 12) return std::nullopt;
    return month;
}

std::string AddMonths(const std::string& month, int count) {
    const YearMonth parts = Split(month);
    int index = parts.year * 12 + (parts.month - 1) + count;
    return Join(index / 12, index % 12 + 1);
}

int MonthsBetween(const std::string& from, const std::string& to) {
    const YearMonth start = Split(from);
    const YearMonth end = Split(to);
    return (end.year - start.year) * 12 + (end.month - start.month);
}

MonthRange PreviousRange(const MonthRange& range) {
    const int length = MonthsBetween(range.from, range.to) + 1;
    return {AddMonths(range.from, -length), AddMonths(range.from, -1)};
}

std::vector<std::string> MonthsOf(const MonthRange& range) {
    std::vector<std::string> months;
    for (std::string month = range.from; month <= range.to; month = AddMonths(month, 1))
        months.push_back(month);
    return months;
}

std::int64_t RangeStartMillis(const MonthRange& range) {
    return MonthStartMillis(range.from);
}

std::int64_t RangeEndMillis(const MonthRange& range) {
    return MonthStartMillis(AddMonths(range.to, 1));
}

MonthRange StatisticalYear(int year) {
    return {Join(year - 1, 10), Join(year, 9)};
}

}  // namespace app::statistics
