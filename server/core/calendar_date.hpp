#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

// Civil dates of the Asia/Shanghai calendar, the one every user of the platform lives by (China has one time
// zone, UTC+8, and no daylight saving). A Date is a day count only; no instant or time zone is involved.
namespace app::dates {

using Date = std::chrono::sys_days;

// A strict YYYY-MM-DD (year 1900 or later) that exists (2026-02-29 does not), or nullopt.
std::optional<Date> ParseDate(std::string_view text);
std::string FormatDate(Date date);  // YYYY-MM-DD
// 2026年11月29日, the form official documents and posters use.
std::string FormatChineseDate(Date date);
int YearOf(Date date);
// The Asia/Shanghai calendar date of an instant (milliseconds since the Unix epoch).
Date ShanghaiDateOf(std::int64_t epoch_millis);
// Midnight at the start of a Shanghai calendar day, as milliseconds since the Unix epoch.
std::int64_t ShanghaiStartOf(Date date);

}  // namespace app::dates
