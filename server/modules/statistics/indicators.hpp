#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace app::db {
class Session;
}

namespace app::statistics {

// A run of whole months, both ends included: "2026-01" .. "2026-11".
struct MonthRange {
    std::string from;
    std::string to;
};

enum class IndicatorKind { kCount, kStock, kRatio, kAverage };

// One entry of the catalogue (domain model §12.2). Codes are stable; ratios and averages name the count codes
// they are computed from, so every level recomputes them from rolled-up totals (§12.4 rule 5).
struct IndicatorDefinition {
    std::string_view code;
    std::string_view name;
    std::string_view name_en;
    std::string_view unit;
    IndicatorKind kind;
    std::string_view numerator;    // ratios and averages only
    std::string_view denominator;  // ratios and averages only
    std::string_view definition;
    std::string_view definition_en;
    // Additive counts can be checked against the sum of the levels below (annual report); ratios, averages
    // and distinct counts cannot.
    bool additive;
};

std::span<const IndicatorDefinition> Catalogue();
const IndicatorDefinition* FindIndicator(std::string_view code);

// Count and stock values by code; ratios and averages are derived with DerivedValue.
using IndicatorValues = std::map<std::string, std::int64_t, std::less<>>;

enum class StockValues { kInclude, kSkip };

// Every count and stock indicator for the subtree of the organisation whose path is `path`, in `months`
// (stocks are the current values: ADR 0013). kSkip leaves the stocks out, for a previous period's flows.
// No scope check: callers check the caller's scope first.
IndicatorValues ComputeIndicators(db::Session& session, const std::string& path, const MonthRange& months,
                                  StockValues stocks = StockValues::kInclude);

// ComputeIndicators for every child of the organisation at `path`, keyed by the child's path, in one
// statement per source rather than one per child (the dashboard's child table: PostgreSQL pays a round trip
// per statement).
std::map<std::string, IndicatorValues> ComputeChildIndicators(db::Session& session, const std::string& path,
                                                              const MonthRange& months);

// A ratio or average from the counts it names; nullopt when the denominator is 0.
std::optional<double> DerivedValue(const IndicatorDefinition& definition, const IndicatorValues& values);

}  // namespace app::statistics
