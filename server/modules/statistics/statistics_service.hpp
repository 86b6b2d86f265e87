#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/paging.hpp"
#include "core/principal.hpp"
#include "db/database.hpp"
#include "statistics/indicators.hpp"

namespace app::statistics {

struct NodeFigures {
    std::optional<std::int64_t> organisation_id;  // nullopt: records attached to the node itself
    std::string name;
    int level = 0;
    bool has_children = false;
    IndicatorValues values;
};

struct TrendPoint {
    std::string month;
    IndicatorValues values;  // SV03, SV04, SV05, SV11 of that month
};

struct Crumb {
    std::int64_t organisation_id = 0;
    std::string name;
};

struct Dashboard {
    NodeFigures organisation;
    MonthRange period;
    MonthRange previous_period;
    IndicatorValues previous_values;  // flows only: stocks are current values (ADR 0013)
    std::vector<NodeFigures> children;
    std::vector<TrendPoint> trend;   // the 12 months ending with the period
    std::vector<Crumb> breadcrumbs;  // from the caller's scope root down to the organisation
    EpochMillis generated_at = 0;
};

enum class BreakdownDimension { kOwnership, kSize, kIndustry };

struct BreakdownRow {
    std::string key;
    std::string label;
    std::string label_en;
    IndicatorValues values;  // E01 E02 E03 E09
};

struct EnterpriseFigures {
    std::int64_t id = 0;
    std::string name;
    std::string credit_code;
    std::string organisation_name;
    bool covered = false;
    IndicatorValues values;  // SV03 (in the period), H01, H03 (now), SV11 (in the period)
};

struct LevelCapacity {
    int level = 0;  // the level of the organisations, or of the child for child rows
    std::optional<std::int64_t> organisation_id;  // child rows only
    std::string name;                             // child rows only
    std::int64_t organisations = 0;
    std::int64_t with_department = 0;  // organisations with a labour-protection department that year
    std::int64_t enterprises = 0;
    std::int64_t covered = 0;
    std::int64_t non_public = 0;
    std::int64_t non_public_covered = 0;
    std::int64_t small_and_micro = 0;
    std::int64_t small_and_micro_covered = 0;
    std::int64_t committees = 0;
    std::int64_t inspectors = 0;
    std::int64_t fulltime_cadres = 0;
    std::int64_t parttime_cadres = 0;
    std::int64_t budget_planned_fen = 0;
    std::int64_t budget_spent_fen = 0;

    void Add(const LevelCapacity& other);
};

struct CoverageCapacityReport {
    std::int64_t organisation_id = 0;
    std::string organisation_name;
    int organisation_level = 0;
    int year = 0;
    std::vector<LevelCapacity> levels;  // the node's level and each level below it
    LevelCapacity below_county;         // every level below the county (level > 3)
    LevelCapacity total;
    std::vector<LevelCapacity> children;  // each child's subtree
};

// The leaders' dashboard and its drill-down (ADR 0013). Every call checks that the organisation lies in the
// caller's scope (404 otherwise).
class StatisticsService {
public:
    StatisticsService(db::Database& database, const Clock& clock) : database_(database), clock_(clock) {}

    // January of this year to this month, China time.
    MonthRange DefaultRange() const;

    Dashboard Load(const RequestContext& context, std::int64_t organisation_id,
                   const MonthRange& months) const;
    std::vector<BreakdownRow> Breakdown(const RequestContext& context, std::int64_t organisation_id,
                                        BreakdownDimension dimension) const;
    Page<EnterpriseFigures> Enterprises(const RequestContext& context, std::int64_t organisation_id,
                                        const MonthRange& months, const std::string& search,
                                        const PageRequest& page) const;
    CoverageCapacityReport CoverageCapacity(const RequestContext& context, std::int64_t organisation_id,
                                            int year) const;

private:
    db::Database& database_;
    const Clock& clock_;
};

// Recomputes hazard_rollups, report_rollups, the committee and volunteer counts of organisation_statistics and
// organisation_totals from the raw rows (after a bulk load without triggers; organisation_statistics' other
// counts must be right, as ADR 0006's statements leave them).
// Returns the number of roll-up rows written.
std::int64_t RebuildRollups(db::Session& session);

}  // namespace app::statistics
