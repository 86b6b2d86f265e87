#pragma once

#include <cstdint>
#include <string>

#include "core/clock.hpp"
#include "db/database.hpp"

namespace app::reports {

inline constexpr const char* kReportDeadlinesJob = "report-deadlines";

struct ReportSweepResult {
    std::int64_t examined = 0;     // reports still SUBMITTED after their acknowledge-due day
    std::int64_t escalations = 0;  // escalated now
    std::int64_t failures = 0;     // reports whose transaction failed (logged; retried on the next run)

    std::string Summary() const;  // "examined 3, escalations 1, failures 0"
};

// The scheduler's job "report-deadlines" (ADR 0012): a report still SUBMITTED after its acknowledge-due day
// (Asia/Shanghai calendar) is marked overdue and escalated once to the parent union — an ESCALATE event, a
// REPORT_ESCALATED message and a HANDLE_OVERDUE_REPORT to-do for the parent's cadres — each in its own
// transaction, claimed with scheduler::ClaimDeadlineAction so concurrent sweeps act exactly once.
ReportSweepResult RunReportDeadlines(db::Database& database, const Clock& clock);

}  // namespace app::reports
