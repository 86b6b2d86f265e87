#pragma once

#include "annual_reports/annual_report_service.hpp"
#include "http/router.hpp"

namespace app::annual_reports {

// /api/v1/statistical-reports… (statistics:annual:view / edit / approve, declared here).
void RegisterAnnualReportRoutes(http::Router& router, AnnualReportService& reports);

}  // namespace app::annual_reports
