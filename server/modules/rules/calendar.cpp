#include "rules/calendar.hpp"

#include <cstdio>
#include <stdexcept>

namespace app::rules {

using namespace std::chrono;

std::optional<Date> ParseDate(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    const auto digits = [&](std::size_t begin, std::size_t count) -> std::optional<int> {
        int value = 0;
        for (std::size_t index = begin; index < begin + count; ++index) {
            if (text[index] < '0' || text[index] > '9') return std::nullopt;
            value = value * 10 + (text[index] - '0');
        }
        return value;
    };
    const auto y = digits(0, 4);
    const auto m = digits(5, 2);
    const auto d = digits(8, 2);
    if (!y || !m || !d || *y < 1900) return std::nullopt;
    const year_month_day date{year{*y}, month{static_cast<unsigned>(*m)}, day{static_cast<unsigned>(*d)}};
    if (!date.ok()) return std::nullopt;
    return sys_days{date};
}

std::string FormatDate(Date date) {
    const year_month_day ymd{date};
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                  static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
    return buffer;
}

int YearOf(Date date) {
    return static_cast<int>(year_month_day{date}.year());
}

bool IsWeekend(Date date) {
    const weekday day{date};
    return day == Saturday || day == Sunday;
}

namespace {
constexpr std::int64_t kShanghaiOffsetMillis = 8LL * 3600 * 1000;
}  // namespace

Date ShanghaiDateOf(std::int64_t epoch_millis) {
    return floor<days>(sys_time<milliseconds>(milliseconds(epoch_millis + kShanghaiOffsetMillis)));
}

std::int64_t ShanghaiStartOf(Date date) {
    return duration_cast<milliseconds>(date.time_since_epoch()).count() - kShanghaiOffsetMillis;
}

std::string_view DayKindName(DayKind kind) {
    switch (kind) {
        case DayKind::kHoliday:
            return "HOLIDAY";
        case DayKind::kWorkday:
            return "WORKDAY";
    }
    return "HOLIDAY";
}

std::optional<DayKind> ParseDayKind(std::string_view name) {
    if (name == "HOLIDAY") return DayKind::kHoliday;
    if (name == "WORKDAY") return DayKind::kWorkday;
    return std::nullopt;
}

bool WorkingCalendar::IsWorkingDay(Date date) const {
    const auto found = exceptions_.find(date);
    if (found != exceptions_.end()) return found->second == DayKind::kWorkday;
    return !IsWeekend(date);
}

Date WorkingCalendar::AddWorkingDays(Date from, int n) const {
    if (n < 0) throw std::invalid_argument("AddWorkingDays: n must not be negative");
    Date day = from;
    // Every week has at least one working day unless a year's arrangement is absurd; the bound keeps a bad
    // calendar (every day a holiday) from looping for ever.
    for (int counted = 0, steps = 0; counted < n; ++steps) {
        if (steps > 366 * 20) throw std::invalid_argument("AddWorkingDays: no working days in the calendar");
        day += days{1};
        if (IsWorkingDay(day)) ++counted;
    }
    return day;
}

int WorkingCalendar::WorkingDaysBetween(Date a, Date b) const {
    if (b < a) return -WorkingDaysBetween(b, a);
    int count = 0;
    for (Date day = a + days{1}; day <= b; day += days{1}) {
        if (IsWorkingDay(day)) ++count;
    }
    return count;
}

Date WorkingCalendar::AddCalendarDays(Date from, int n) {
    if (n < 0) throw std::invalid_argument("AddCalendarDays: n must not be negative");
    return from + days{n};
}

}  // namespace app::rules
