#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "core/clock.hpp"
#include "core/principal.hpp"
#include "db/database.hpp"

namespace app::scheduler {

// A periodic job: does its work at `now` in its own transactions and returns a one-line account of it
// ("3 hazards marked overdue"), stored as the job's last result.
using JobFunction = std::function<std::string(EpochMillis now)>;

struct JobStatus {
    std::string name;
    std::int64_t interval_ms = 0;
    std::string holder;  // the process holding the lease ("" before any run)
    EpochMillis lease_until = 0;
    EpochMillis last_started_at = 0;
    EpochMillis last_finished_at = 0;
    std::string last_result;
};

// The periodic job runner of one `ankang serve` process (ADR 0010, Scheduler). Every registered job runs once
// per interval, the first time one interval after registration. Before a run the runner takes the job's lease
// in job_leases — a row every process shares — and skips the run while another process holds it, so a cluster
// normally runs each job once per interval; a lease lasts two intervals, so a process that died leaves the
// job to the others after that. The lease only spares work: every deadline action is exactly-once by its own
// claim (ClaimDeadlineAction), which is why RunNow may run a job whoever holds the lease.
// Thread-safe; runs jobs on its own thread between Start() and Stop(), or when Tick()/RunNow() is called.
class JobRunner {
public:
    // `holder` names this process in job_leases; default: host name, process id and a random suffix.
    JobRunner(db::Database& database, const Clock& clock, std::string holder = DefaultHolder());
    ~JobRunner();
    JobRunner(const JobRunner&) = delete;
    JobRunner& operator=(const JobRunner&) = delete;

    // Before Start(). A second job of the same name is a programming error (std::logic_error).
    void Register(std::string name, std::chrono::milliseconds interval, JobFunction job);

    // One pass at the clock's now: every job whose interval has passed since its last attempt here is run if
    // this process gets its lease. Returns the names of the jobs run.
    std::vector<std::string> Tick();

    // Runs a job now whoever holds the lease, records the run (and an audit row for `context`) and returns
    // its result. An unknown name throws Error::NotFound.
    std::string RunNow(const RequestContext& context, const std::string& name);

    // The registered jobs, in registration order, with their lease and last run as stored.
    std::vector<JobStatus> List() const;
    bool Knows(const std::string& name) const;

    // Starts the background thread (at most once); Stop() wakes it, waits for a job in progress to finish and
    // joins it. The destructor stops too.
    void Start();
    void Stop();

    const std::string& Holder() const { return holder_; }
    static std::string DefaultHolder();

private:
    struct Job {
        std::string name;
        std::chrono::milliseconds interval;
        JobFunction function;
        EpochMillis next_attempt = 0;
        std::mutex running;  // one run of a job at a time in this process
    };

    Job* Find(const std::string& name) const;
    bool TakeLease(const Job& job, EpochMillis now);
    std::string Execute(Job& job, EpochMillis now);
    void Loop();

    db::Database& database_;
    const Clock& clock_;
    const std::string holder_;
    std::vector<std::unique_ptr<Job>> jobs_;

    std::mutex mutex_;  // guards next_attempt, stopping_ and thread_
    std::condition_variable wake_;
    bool stopping_ = false;
    std::thread thread_;
};

}  // namespace app::scheduler
