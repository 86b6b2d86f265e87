#include "app/supervision_jobs.hpp"

namespace app {

void RegisterSupervisionJobs(scheduler::JobRunner& jobs, db::Database& database, const Clock& clock,
                             std::chrono::milliseconds interval) {
    // TODO(integrator): register the deadline jobs once their modules have landed:
    //   jobs.Register(kHazardDeadlinesJob, interval,
    //                 [&database, &clock](EpochMillis) { return hazards::RunHazardDeadlines(database, clock);
    //                 });
    //   jobs.Register(kDocumentDeadlinesJob, interval,
    //                 [&database, &clock](EpochMillis) { return documents::RunDocumentDeadlines(database,
    //                 clock); });
    (void)jobs;
    (void)database;
    (void)clock;
    (void)interval;
}

}  // namespace app
