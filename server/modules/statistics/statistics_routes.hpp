#pragma once

#include "http/router.hpp"
#include "statistics/statistics_service.hpp"

namespace app::statistics {

// /api/v1/statistics/… (statistics:dashboard:view): the catalogue, the dashboard, its breakdowns and
// drill-down, and the coverage and capacity report (ADR 0013).
void RegisterStatisticsRoutes(http::Router& router, StatisticsService& statistics);

}  // namespace app::statistics
