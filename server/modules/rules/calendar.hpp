#pragma once

#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "core/calendar_date.hpp"

// The working-day calendar (工作日历): pure arithmetic over calendar days, no I/O.
//
// Days are civil dates of the Asia/Shanghai calendar (China has one time zone and no daylight saving), held
// as std::chrono::sys_days only as a day count — no instant or time zone is involved. A day is a working day
// when it is Monday–Friday and not a statutory holiday (法定节假日), or when it is an adjusted working day
// (调休上班, a Saturday or Sunday worked in exchange for a holiday run).
namespace app::rules {

using dates::Date;
using dates::FormatDate;
using dates::ParseDate;
using dates::ShanghaiDateOf;
using dates::ShanghaiStartOf;
using dates::YearOf;
bool IsWeekend(Date date);

enum class DayKind { kHoliday, kWorkday };
std::string_view DayKindName(DayKind kind);  // "HOLIDAY", "WORKDAY"
std::optional<DayKind> ParseDayKind(std::string_view name);

// The weekend rule plus the published exceptions. Years without exceptions count weekends only.
// Immutable after construction, so one instance may be shared between threads.
class WorkingCalendar {
public:
    WorkingCalendar() = default;
    explicit WorkingCalendar(std::map<Date, DayKind> exceptions) : exceptions_(std::move(exceptions)) {}

    bool IsWorkingDay(Date date) const;

    // The n-th working day after `from` (`from` itself never counts): "within n working days". n = 0 gives
    // `from` unchanged. Throws std::invalid_argument for a negative n.
    Date AddWorkingDays(Date from, int n) const;
    // Working days d with a < d <= b; negative (the count of (b, a]) when b is before a. For n >= 0,
    // WorkingDaysBetween(a, AddWorkingDays(a, n)) == n.
    int WorkingDaysBetween(Date a, Date b) const;
    // `from` + n calendar days. Throws std::invalid_argument for a negative n.
    static Date AddCalendarDays(Date from, int n);

private:
    std::map<Date, DayKind> exceptions_;
};

}  // namespace app::rules
