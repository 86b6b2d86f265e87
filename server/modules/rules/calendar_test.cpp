#include "rules/calendar.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

namespace app::rules {
namespace {

Date D(const char* text) {
    const auto date = ParseDate(text);
    EXPECT_TRUE(date.has_value()) << text;
    return date.value_or(Date{});
}

// The parts of the official 2025/2026 arrangements these tests cross (the migration seeds the full years).
WorkingCalendar China() {
    std::map<Date, DayKind> exceptions;
    const auto holidays = [&](const char* first, int count) {
        for (int offset = 0; offset < count; ++offset) {
            exceptions[D(first) + std::chrono::days{offset}] = DayKind::kHoliday;
        }
    };
    holidays("2026-01-01", 3);  // 元旦
    exceptions[D("2026-01-04")] = DayKind::kWorkday;
    exceptions[D("2026-02-14")] = DayKind::kWorkday;
    holidays("2026-02-15", 9);  // 春节
    exceptions[D("2026-02-28")] = DayKind::kWorkday;
    exceptions[D("2026-09-20")] = DayKind::kWorkday;
    holidays("2026-09-25", 3);  // 中秋
    holidays("2026-10-01", 7);  // 国庆
    exceptions[D("2026-10-10")] = DayKind::kWorkday;
    return WorkingCalendar(std::move(exceptions));
}

TEST(CalendarTest, ParsesOnlyDatesThatExist) {
    EXPECT_TRUE(ParseDate("2024-02-29"));
    EXPECT_FALSE(ParseDate("2026-02-29"));
    EXPECT_FALSE(ParseDate("2026-2-01"));
    EXPECT_FALSE(ParseDate("2026-13-01"));
    EXPECT_FALSE(ParseDate("2026-01-01T00"));
    EXPECT_FALSE(ParseDate(""));
    EXPECT_EQ(FormatDate(D("2026-03-09")), "2026-03-09");
}

TEST(CalendarTest, ShanghaiDaysBeginAtSixteenHundredUtc) {
    const std::int64_t new_year_utc = 1'767'225'600'000;  // 2026-01-01T00:00:00Z
    EXPECT_EQ(FormatDate(ShanghaiDateOf(new_year_utc - 8 * 3600 * 1000)), "2026-01-01");
    EXPECT_EQ(FormatDate(ShanghaiDateOf(new_year_utc - 8 * 3600 * 1000 - 1)), "2025-12-31");
    EXPECT_EQ(ShanghaiStartOf(D("2026-01-01")), new_year_utc - 8 * 3600 * 1000);
}

TEST(CalendarTest, WeekendsAreRestDays) {
    const WorkingCalendar plain;
    EXPECT_FALSE(plain.IsWorkingDay(D("2026-03-07")));                              // Saturday
    EXPECT_EQ(FormatDate(plain.AddWorkingDays(D("2026-03-06"), 1)), "2026-03-09");  // Friday → Monday
    EXPECT_EQ(FormatDate(plain.AddWorkingDays(D("2026-03-07"), 1)), "2026-03-09");  // from a Saturday
    EXPECT_EQ(FormatDate(plain.AddWorkingDays(D("2026-03-02"), 5)), "2026-03-09");
}

TEST(CalendarTest, ZeroDaysIsTheStartAndNegativeIsRefused) {
    const WorkingCalendar calendar = China();
    EXPECT_EQ(calendar.AddWorkingDays(D("2026-10-03"), 0), D("2026-10-03"));
    EXPECT_EQ(WorkingCalendar::AddCalendarDays(D("2026-10-03"), 0), D("2026-10-03"));
    EXPECT_THROW(calendar.AddWorkingDays(D("2026-10-03"), -1), std::invalid_argument);
    EXPECT_THROW(WorkingCalendar::AddCalendarDays(D("2026-10-03"), -1), std::invalid_argument);
}

TEST(CalendarTest, GoldenWeekIsSkippedAndItsAdjustedSaturdayCounts) {
    const WorkingCalendar calendar = China();
    EXPECT_FALSE(calendar.IsWorkingDay(D("2026-10-05")));  // a Monday in 国庆
    EXPECT_TRUE(calendar.IsWorkingDay(D("2026-10-10")));   // Saturday, 调休上班
    EXPECT_TRUE(calendar.IsWorkingDay(D("2026-09-20")));   // Sunday, 调休上班
    EXPECT_EQ(FormatDate(calendar.AddWorkingDays(D("2026-09-30"), 1)), "2026-10-08");
    EXPECT_EQ(FormatDate(calendar.AddWorkingDays(D("2026-09-30"), 3)), "2026-10-10");
    EXPECT_EQ(FormatDate(calendar.AddWorkingDays(D("2026-10-09"), 1)), "2026-10-10");
    EXPECT_EQ(FormatDate(calendar.AddWorkingDays(D("2026-10-10"), 1)), "2026-10-12");
    EXPECT_EQ(FormatDate(WorkingCalendar::AddCalendarDays(D("2026-09-30"), 7)), "2026-10-07");
}

TEST(CalendarTest, YearEndRunsIntoNewYearHolidayAndItsAdjustedSunday) {
    const WorkingCalendar calendar = China();
    // 2025-12-31 (Wednesday) + 2 working days: 1–3 January are 元旦, Sunday 4 January is worked, then Monday.
    EXPECT_EQ(FormatDate(calendar.AddWorkingDays(D("2025-12-31"), 1)), "2026-01-04");
    EXPECT_EQ(FormatDate(calendar.AddWorkingDays(D("2025-12-31"), 2)), "2026-01-05");
    EXPECT_EQ(FormatDate(WorkingCalendar::AddCalendarDays(D("2025-12-31"), 1)), "2026-01-01");
    EXPECT_EQ(calendar.WorkingDaysBetween(D("2025-12-31"), D("2026-01-05")), 2);
}

TEST(CalendarTest, SpringFestival2026) {
    const WorkingCalendar calendar = China();
    EXPECT_TRUE(calendar.IsWorkingDay(D("2026-02-14")));   // Saturday before, worked
    EXPECT_FALSE(calendar.IsWorkingDay(D("2026-02-23")));  // Monday, last day of the run
    EXPECT_EQ(FormatDate(calendar.AddWorkingDays(D("2026-02-13"), 1)), "2026-02-14");
    EXPECT_EQ(FormatDate(calendar.AddWorkingDays(D("2026-02-13"), 2)), "2026-02-24");
    // 15 working days (意见书 reply) from Tuesday 10 February: 11–14, 24–28, 2–6 March and 9 March.
    EXPECT_EQ(FormatDate(calendar.AddWorkingDays(D("2026-02-10"), 15)), "2026-03-09");
}

TEST(CalendarTest, WorkingDaysBetweenCountsTheHalfOpenRangeWithASign) {
    const WorkingCalendar calendar = China();
    EXPECT_EQ(calendar.WorkingDaysBetween(D("2026-09-30"), D("2026-10-10")), 3);
    EXPECT_EQ(calendar.WorkingDaysBetween(D("2026-10-10"), D("2026-09-30")), -3);
    EXPECT_EQ(calendar.WorkingDaysBetween(D("2026-10-03"), D("2026-10-03")), 0);
    for (int n = 0; n < 40; ++n) {
        EXPECT_EQ(calendar.WorkingDaysBetween(D("2026-02-01"), calendar.AddWorkingDays(D("2026-02-01"), n)),
                  n);
    }
}

}  // namespace
}  // namespace app::rules
