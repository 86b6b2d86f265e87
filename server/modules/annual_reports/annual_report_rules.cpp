#include "annual_reports/annual_report_rules.hpp"

#include <chrono>
#include <cstdio>

#include "core/calendar_date.hpp"

namespace app::annual_reports {
namespace {

std::string Month(std::int64_t year, int month) {
    char text[16];
    std::snprintf(text, sizeof text, "%04lld-%02d", static_cast<long long>(year), month);
    return text;
}

unsigned ShanghaiMonth(EpochMillis now) {
    return static_cast<unsigned>(std::chrono::year_month_day(dates::ShanghaiDateOf(now)).month());
}

}  // namespace

statistics::MonthRange StatisticalYear(std::int64_t year) {
    return {Month(year - 1, 10), Month(year, 9)};
}

std::int64_t DefaultYear(EpochMillis now) {
    const std::int64_t year = dates::YearOf(dates::ShanghaiDateOf(now));
    return ShanghaiMonth(now) >= 10 ? year : year - 1;
}

std::int64_t LatestYear(EpochMillis now) {
    return DefaultYear(now) + 1;
}

std::vector<const statistics::IndicatorDefinition*> ReportIndicators() {
    std::vector<const statistics::IndicatorDefinition*> indicators;
    for (const statistics::IndicatorDefinition& definition : statistics::Catalogue()) {
        if (definition.kind == statistics::IndicatorKind::kCount ||
            definition.kind == statistics::IndicatorKind::kStock)
            indicators.push_back(&definition);
    }
    return indicators;
}

std::string_view SectionOf(std::string_view code) {
    if (code.starts_with("SV")) return "SUPERVISION";
    if (code.starts_with("O")) return "ORGANISATION";
    if (code.starts_with("E")) return "ENTERPRISES";
    if (code.starts_with("H")) return "HAZARDS";
    if (code.starts_with("R")) return "WORKER_REPORTS";
    return "OTHER";
}

CheckResult CheckOf(const ReportItem& item) {
    if (!item.children_sum) return CheckResult::kNotChecked;
    return item.Value() >= *item.children_sum ? CheckResult::kPassed : CheckResult::kFailed;
}

std::int64_t FailedChecks(const std::vector<ReportItem>& items) {
    std::int64_t failed = 0;
    for (const ReportItem& item : items)
        if (CheckOf(item) == CheckResult::kFailed) ++failed;
    return failed;
}

std::string_view CheckName(CheckResult result) {
    switch (result) {
        case CheckResult::kPassed:
            return "PASSED";
        case CheckResult::kFailed:
            return "FAILED";
        case CheckResult::kNotChecked:
            break;
    }
    return "";
}

bool IsEditable(std::string_view status) {
    return status == kDraft || status == kReturned;
}

bool IsStatus(std::string_view status) {
    return status == kDraft || status == kSubmitted || status == kReturned || status == kApproved;
}

}  // namespace app::annual_reports
