#pragma once

#include <chrono>

#include "core/clock.hpp"
#include "db/database.hpp"
#include "scheduler/job_runner.hpp"

namespace app {

// The names under which the supervision deadline jobs run (job_leases.name, POST /system/jobs/{name}/run).
inline constexpr const char* kHazardDeadlinesJob = "hazard-deadlines";
inline constexpr const char* kDocumentDeadlinesJob = "document-deadlines";

// Registers the periodic supervision jobs (ADR 0010, Scheduler) — hazards' and documents' deadline reminders,
// overdue marks and escalations — every `interval`. Each job function does its own transactions and claims
// every action with scheduler::ClaimDeadlineAction, so two processes running it at once act once.
void RegisterSupervisionJobs(scheduler::JobRunner& jobs, db::Database& database, const Clock& clock,
                             std::chrono::milliseconds interval);

}  // namespace app
