#pragma once

#include "http/router.hpp"
#include "scheduler/job_runner.hpp"

namespace app::scheduler {

// GET /api/v1/system/jobs (system:audit:view) and POST /api/v1/system/jobs/{name}/run (system:job:run,
// declared here). Call after the system permissions are declared.
void RegisterJobRoutes(http::Router& router, JobRunner& jobs);

}  // namespace app::scheduler
