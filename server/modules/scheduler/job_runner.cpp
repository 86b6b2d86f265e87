#include "scheduler/job_runner.hpp"

#include <spdlog/spdlog.h>
#include <unistd.h>

#include <algorithm>
#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>
#include <cstdio>
#include <map>
#include <random>
#include <stdexcept>

#include "auth/audit.hpp"
#include "core/error.hpp"

namespace app::scheduler {
namespace {

// How long the thread sleeps at most between looks at the schedule (it is woken early by Stop()).
constexpr std::chrono::milliseconds kLongestSleep{60'000};
constexpr std::chrono::milliseconds kShortestSleep{50};

void EnsureRow(db::Session& session, const std::string& name) {
    session.Execute("INSERT INTO job_leases (name) VALUES ($1) ON CONFLICT (name) DO NOTHING", name);
}

void RecordFinish(db::Session& session, const std::string& name, EpochMillis finished,
                  const std::string& result) {
    session.Execute("UPDATE job_leases SET last_finished_at = $1, last_result = $2 WHERE name = $3", finished,
                    result, name);
}

std::string FailureText(const std::exception& error) {
    return std::string("失败：") + error.what();
}

}  // namespace

JobRunner::JobRunner(db::Database& database, const Clock& clock, std::string holder)
    : database_(database), clock_(clock), holder_(std::move(holder)) {}

JobRunner::~JobRunner() {
    Stop();
}

std::string JobRunner::DefaultHolder() {
    char host[256] = {};
    if (::gethostname(host, sizeof host - 1) != 0) host[0] = '\0';
    std::random_device random;
    char suffix[16];
    std::snprintf(suffix, sizeof suffix, "%06x", static_cast<unsigned>(random() & 0xffffffu));
    return std::string(host[0] ? host : "host") + ":" + std::to_string(::getpid()) + ":" + suffix;
}

void JobRunner::Register(std::string name, std::chrono::milliseconds interval, JobFunction job) {
    if (name.empty() || interval.count() <= 0 || !job)
        throw std::logic_error("a job needs a name, a positive interval and a function");
    std::lock_guard lock(mutex_);
    if (thread_.joinable()) throw std::logic_error("job " + name + " registered after Start()");
    if (Find(name)) throw std::logic_error("job " + name + " registered twice");
    auto entry = std::make_unique<Job>();
    entry->name = std::move(name);
    entry->interval = interval;
    entry->function = std::move(job);
    entry->next_attempt = clock_.Now() + interval.count();
    jobs_.push_back(std::move(entry));
}

JobRunner::Job* JobRunner::Find(const std::string& name) const {
    for (const auto& job : jobs_) {
        if (job->name == name) return job.get();
    }
    return nullptr;
}

bool JobRunner::Knows(const std::string& name) const {
    return Find(name) != nullptr;
}

bool JobRunner::TakeLease(const Job& job, EpochMillis now) {
    return database_.Write([&](db::Session& session) {
        EnsureRow(session, job.name);
        return session.Execute(
                   "UPDATE job_leases SET holder = $1, lease_until = $2, last_started_at = $3 "
                   "WHERE name = $4 AND (lease_until < $3 OR holder = $1)",
                   holder_, now + 2 * job.interval.count(), now, job.name) == 1;
    });
}

std::string JobRunner::Execute(Job& job, EpochMillis now) {
    std::string result;
    try {
        result = job.function(now);
    } catch (const std::exception& error) {
        spdlog::error("job {} failed: {}", job.name, error.what());
        result = FailureText(error);
    }
    database_.Write([&](db::Session& session) { RecordFinish(session, job.name, clock_.Now(), result); });
    spdlog::info("job {}: {}", job.name, result);
    return result;
}

std::vector<std::string> JobRunner::Tick() {
    const EpochMillis now = clock_.Now();
    std::vector<std::string> ran;
    for (const auto& job : jobs_) {
        {
            std::lock_guard lock(mutex_);
            if (now < job->next_attempt) continue;
            job->next_attempt = now + job->interval.count();
        }
        std::lock_guard running(job->running);
        if (!TakeLease(*job, now)) continue;
        Execute(*job, now);
        ran.push_back(job->name);
    }
    return ran;
}

std::string JobRunner::RunNow(const RequestContext& context, const std::string& name) {
    Job* job = Find(name);
    if (!job) throw Error::NotFound("job");
    std::lock_guard running(job->running);
    const EpochMillis started = clock_.Now();
    database_.Write([&](db::Session& session) {
        EnsureRow(session, name);
        session.Execute("UPDATE job_leases SET last_started_at = $1 WHERE name = $2", started, name);
    });
    std::string result;
    std::exception_ptr failure;
    try {
        result = job->function(started);
    } catch (const std::exception& error) {
        spdlog::error("job {} (run by {}) failed: {}", name, context.principal.username, error.what());
        result = FailureText(error);
        failure = std::current_exception();
    }
    const EpochMillis finished = clock_.Now();
    database_.Write([&](db::Session& session) {
        RecordFinish(session, name, finished, result);
        auth::RecordAudit(session, context,
                          {"run", "job", name, std::nullopt,
                           boost::json::serialize(boost::json::object{{"result", result}}), ""},
                          finished);
    });
    if (failure) std::rethrow_exception(failure);
    return result;
}

std::vector<JobStatus> JobRunner::List() const {
    std::map<std::string, JobStatus> stored;
    database_.Read([&](db::Session& session) {
        const db::Result rows = session.Query(
            "SELECT name, holder, lease_until, last_started_at, last_finished_at, last_result FROM "
            "job_leases");
        for (const db::Row row : rows) {
            JobStatus status;
            status.holder = row.GetString(1);
            status.lease_until = row.GetInt64(2);
            status.last_started_at = row.GetInt64(3);
            status.last_finished_at = row.GetInt64(4);
            status.last_result = row.GetString(5);
            stored.emplace(row.GetString(0), std::move(status));
        }
    });
    std::vector<JobStatus> list;
    for (const auto& job : jobs_) {
        JobStatus status;
        if (auto found = stored.find(job->name); found != stored.end()) status = found->second;
        status.name = job->name;
        status.interval_ms = job->interval.count();
        list.push_back(std::move(status));
    }
    return list;
}

void JobRunner::Start() {
    std::lock_guard lock(mutex_);
    if (thread_.joinable() || stopping_) return;
    thread_ = std::thread([this] { Loop(); });
    spdlog::info("job runner {} started with {} job(s)", holder_, jobs_.size());
}

void JobRunner::Stop() {
    std::thread thread;
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
        thread = std::move(thread_);
    }
    wake_.notify_all();
    if (thread.joinable()) {
        thread.join();
        spdlog::info("job runner {} stopped", holder_);
    }
}

void JobRunner::Loop() {
    std::unique_lock lock(mutex_);
    while (!stopping_) {
        lock.unlock();
        try {
            Tick();
        } catch (const std::exception& error) {
            // The database may be briefly unavailable; the next pass tries again.
            spdlog::error("job runner pass failed: {}", error.what());
        }
        lock.lock();
        if (stopping_) break;
        EpochMillis next = clock_.Now() + kLongestSleep.count();
        for (const auto& job : jobs_) next = std::min(next, job->next_attempt);
        const auto sleep =
            std::clamp(std::chrono::milliseconds(next - clock_.Now()), kShortestSleep, kLongestSleep);
        wake_.wait_for(lock, sleep, [this] { return stopping_; });
    }
}

}  // namespace app::scheduler
