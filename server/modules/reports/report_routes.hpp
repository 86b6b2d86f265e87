#pragma once

#include <string>

#include "core/clock.hpp"
#include "core/rate_limiter.hpp"
#include "files/file_service.hpp"
#include "http/router.hpp"
#include "reports/report_service.hpp"

namespace app::reports {

// The public routes' abuse limits, per client address, in memory only and per process (ADR 0012). Failed
// receipt lookups are counted, not every lookup; submissions count when they succeed (many workers of one
// factory may share one address).
struct PublicReportLimits {
    explicit PublicReportLimits(int submissions_per_hour = 30)
        : submissions({submissions_per_hour, 60LL * 60 * 1000}) {}

    RateLimiter submissions;
    RateLimiter uploads{{120, 60LL * 60 * 1000}};
    RateLimiter failed_lookups{{10, 10LL * 60 * 1000}};
    RateLimiter messages{{60, 60LL * 60 * 1000}};
};

struct ReportRouteOptions {
    // Where workers reach the server ("https://ankang.example.org"), for the QR codes; empty: taken from the
    // request's Host header over http.
    std::string public_base_url;
};

// /api/v1/worker-reports… and /api/v1/report-entry-points… (reports:* keys, declared here), and the worker's
// public routes /api/v1/public/report-entry/{code}… and /api/v1/public/reports/… (no account). Public routes
// log their route template, never the entry point's code, and take the receipt only in a POST body.
// `limits` and `options` must outlive the router.
void RegisterReportRoutes(http::Router& router, ReportService& reports, PublicReportService& public_reports,
                          files::FileService& files, PublicReportLimits& limits, const Clock& clock,
                          const ReportRouteOptions& options);

}  // namespace app::reports
