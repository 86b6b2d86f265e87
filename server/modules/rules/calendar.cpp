#include "rules/calendar.hpp"

#include <cstdio>
#include <stdexcept>

namespace app::rules {

using namespace std::chrono;

bool IsWeekend(Date date) {
    const weekday day{date};
    return day == Saturday || day == Sunday;
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
