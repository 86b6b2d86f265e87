#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "annual_reports/annual_report.hpp"
#include "core/clock.hpp"
#include "statistics/indicators.hpp"

// The annual report's rules without storage: the statistical year, which indicators it holds, the checks
// against the children's reports and which states may change.
namespace app::annual_reports {

// The statistical year `year` (ANNUAL_UNION_STAT, §12.4 rule 6): October of year - 1 to September of year.
statistics::MonthRange StatisticalYear(std::int64_t year);
// The last statistical year that has ended on the Shanghai calendar at `now` (in November 2026: 2026; in
// March 2027: still 2026) — the year being reported on.
std::int64_t DefaultYear(EpochMillis now);
// The newest year a report may be made for: the one in progress at `now`.
std::int64_t LatestYear(EpochMillis now);
inline constexpr std::int64_t kFirstYear = 2000;

// The catalogue's count and stock indicators, in catalogue order: the report's items.
std::vector<const statistics::IndicatorDefinition*> ReportIndicators();
// The group a code is shown under: ORGANISATION (O…), ENTERPRISES (E…), SUPERVISION (SV…), HAZARDS (H…),
// WORKER_REPORTS (R…), OTHER.
std::string_view SectionOf(std::string_view code);

// Additive items are checked against the children's sum: the organisation's subtree contains its children's.
CheckResult CheckOf(const ReportItem& item);
std::int64_t FailedChecks(const std::vector<ReportItem>& items);
std::string_view CheckName(CheckResult result);  // "", "PASSED", "FAILED"

bool IsEditable(std::string_view status);  // DRAFT or RETURNED
bool IsStatus(std::string_view status);

}  // namespace app::annual_reports
