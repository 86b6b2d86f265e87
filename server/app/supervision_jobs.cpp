#include "app/supervision_jobs.hpp"

#include "hazards/hazard_deadlines.hpp"

namespace app {

void RegisterSupervisionJobs(scheduler::JobRunner& jobs, db::Database& database, const Clock& clock,
                             std::chrono::milliseconds interval) {
    jobs.Register(kHazardDeadlinesJob, interval, [&database, &clock](EpochMillis) {
        return hazards::RunHazardDeadlines(database, clock).Summary();
    });
    // TODO(integrator): once the documents branch has landed, register its deadline job the same way:
    //   jobs.Register(kDocumentDeadlinesJob, interval, [&database, &clock](EpochMillis) {
    //       return documents::RunDocumentDeadlines(database, clock)…;
    //   });
}

}  // namespace app
