#include "core/calendar_date.hpp"

#include <cstdio>

namespace app::dates {

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

namespace {
constexpr std::int64_t kShanghaiOffsetMillis = 8LL * 3600 * 1000;
}  // namespace

Date ShanghaiDateOf(std::int64_t epoch_millis) {
    return floor<days>(sys_time<milliseconds>(milliseconds(epoch_millis + kShanghaiOffsetMillis)));
}

std::int64_t ShanghaiStartOf(Date date) {
    return duration_cast<milliseconds>(date.time_since_epoch()).count() - kShanghaiOffsetMillis;
}

std::string FormatChineseDate(Date date) {
    const std::chrono::year_month_day day{date};
    return std::to_string(static_cast<int>(day.year())) + "年" +
           std::to_string(static_cast<unsigned>(day.month())) + "月" +
           std::to_string(static_cast<unsigned>(day.day())) + "日";
}

}  // namespace app::dates
