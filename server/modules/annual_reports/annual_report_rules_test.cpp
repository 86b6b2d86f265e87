#include "annual_reports/annual_report_rules.hpp"

#include <gtest/gtest.h>

namespace app::annual_reports {
namespace {

constexpr EpochMillis kHour = 60LL * 60 * 1000;
// 2026-09-30 16:00 UTC is 2026-10-01 00:00 in Shanghai.
constexpr EpochMillis kOctoberFirst2026 = 1'790'784'000'000;

TEST(AnnualReportRules, TheStatisticalYearRunsFromOctoberToSeptember) {
    const statistics::MonthRange year = StatisticalYear(2026);
    EXPECT_EQ(year.from, "2025-10");
    EXPECT_EQ(year.to, "2026-09");
    EXPECT_EQ(StatisticalYear(2000).from, "1999-10");
}

TEST(AnnualReportRules, TheDefaultYearIsTheLastOneEndedOnTheShanghaiCalendar) {
    EXPECT_EQ(DefaultYear(kOctoberFirst2026), 2026) << "the 2026 year ended on September 30";
    EXPECT_EQ(DefaultYear(kOctoberFirst2026 - kHour), 2025) << "23:00 on September 30 in Shanghai";
    EXPECT_EQ(DefaultYear(kOctoberFirst2026 + 150 * 24 * kHour), 2026) << "still 2026 in February 2027";
    EXPECT_EQ(LatestYear(kOctoberFirst2026), 2027) << "the year in progress may be started";
    EXPECT_EQ(LatestYear(kOctoberFirst2026 - kHour), 2026);
}

TEST(AnnualReportRules, ItemsAreTheCatalogueCountsAndStocksInOrder) {
    const auto indicators = ReportIndicators();
    ASSERT_FALSE(indicators.empty());
    std::size_t expected = 0;
    for (const statistics::IndicatorDefinition& definition : statistics::Catalogue()) {
        const bool counted = definition.kind == statistics::IndicatorKind::kCount ||
                             definition.kind == statistics::IndicatorKind::kStock;
        if (!counted) continue;
        ASSERT_LT(expected, indicators.size());
        EXPECT_EQ(indicators[expected]->code, definition.code);
        ++expected;
    }
    EXPECT_EQ(expected, indicators.size()) << "no ratio or average is an item";
}

TEST(AnnualReportRules, SectionsFollowTheCodePrefix) {
    EXPECT_EQ(SectionOf("O01"), "ORGANISATION");
    EXPECT_EQ(SectionOf("O07S"), "ORGANISATION");
    EXPECT_EQ(SectionOf("E03"), "ENTERPRISES");
    EXPECT_EQ(SectionOf("SV05T"), "SUPERVISION");
    EXPECT_EQ(SectionOf("H02"), "HAZARDS");
    EXPECT_EQ(SectionOf("R01S"), "WORKER_REPORTS");
    EXPECT_EQ(SectionOf("X9"), "OTHER");
}

TEST(AnnualReportRules, TheCheckComparesTheValueUsedWithTheChildrenSum) {
    ReportItem item{"SV03", 10, std::nullopt, "", std::nullopt};
    EXPECT_EQ(CheckOf(item), CheckResult::kNotChecked) << "not additive: no sum";
    item.children_sum = 10;
    EXPECT_EQ(CheckOf(item), CheckResult::kPassed) << "equal is fine";
    item.children_sum = 11;
    EXPECT_EQ(CheckOf(item), CheckResult::kFailed);
    item.manual_value = 12;
    EXPECT_EQ(item.Value(), 12) << "the manual value replaces the system value";
    EXPECT_EQ(CheckOf(item), CheckResult::kPassed);
    item.manual_value = 0;
    EXPECT_EQ(item.Value(), 0) << "a manual zero still counts";
    EXPECT_EQ(FailedChecks({item, item, ReportItem{"O01", 1, std::nullopt, "", 1}}), 2);
}

TEST(AnnualReportRules, OnlyDraftsAndReturnedReportsChange) {
    EXPECT_TRUE(IsEditable(kDraft));
    EXPECT_TRUE(IsEditable(kReturned));
    EXPECT_FALSE(IsEditable(kSubmitted));
    EXPECT_FALSE(IsEditable(kApproved));
    EXPECT_TRUE(IsStatus(kApproved));
    EXPECT_FALSE(IsStatus("LOCKED"));
}

}  // namespace
}  // namespace app::annual_reports
