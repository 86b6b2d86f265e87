#include "app/supervision_jobs.hpp"

#include <string>

#include "documents/document_deadlines.hpp"
#include "hazards/hazard_deadlines.hpp"
#include "reports/report_deadlines.hpp"

namespace app {

void RegisterSupervisionJobs(scheduler::JobRunner& jobs, db::Database& database, const Clock& clock,
                             std::chrono::milliseconds interval) {
    jobs.Register(kHazardDeadlinesJob, interval, [&database, &clock](EpochMillis) {
        return hazards::RunHazardDeadlines(database, clock).Summary();
    });
    jobs.Register(kDocumentDeadlinesJob, interval, [&database, &clock](EpochMillis) {
        const documents::DocumentDeadlineReport report = documents::RunDocumentDeadlines(database, clock);
        return "reminders " + std::to_string(report.reminders) + ", overdue " +
               std::to_string(report.overdue);
    });
    jobs.Register(reports::kReportDeadlinesJob, interval, [&database, &clock](EpochMillis) {
        return reports::RunReportDeadlines(database, clock).Summary();
    });
}

}  // namespace app
