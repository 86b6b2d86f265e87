#include "db/read_replica.hpp"

#include <spdlog/spdlog.h>

#include <atomic>
#include <mutex>

namespace app::db {

namespace {

// A standby that does not answer at all (a host gone, packets dropped) must not hold the dashboard for the
// operating system's connect timeout (minutes): give up after a few seconds and read the primary.
std::string WithConnectTimeout(std::string url) {
    if (url.find("connect_timeout=") != std::string::npos) return url;
    url += url.find('?') == std::string::npos ? "?" : "&";
    return url + "connect_timeout=3";
}

}  // namespace

struct ReadReplicaDatabase::State {
    std::mutex mutex;
    std::shared_ptr<Database> standby;               // opened on first use, kept while it answers
    std::chrono::steady_clock::time_point retry_at;  // no attempt before this after a failure
    std::atomic<long long> on_standby{0};
    std::atomic<long long> on_primary{0};
};

ReadReplicaDatabase::ReadReplicaDatabase(Database& primary, std::string standby_url,
                                         const DatabaseOptions& options, std::chrono::seconds retry_after)
    : primary_(primary),
      standby_url_(WithConnectTimeout(std::move(standby_url))),
      options_(options),
      retry_after_(retry_after),
      state_(std::make_unique<State>()) {}

ReadReplicaDatabase::~ReadReplicaDatabase() = default;

std::string ReadReplicaDatabase::Describe() const {
    return "standby " + RedactUrl(standby_url_) + " (primary " + primary_.Describe() + ")";
}

ReplicaReadCounts ReadReplicaDatabase::Counts() const {
    return {state_->on_standby.load(), state_->on_primary.load()};
}

std::shared_ptr<Database> ReadReplicaDatabase::Standby() {
    std::lock_guard lock(state_->mutex);
    if (state_->standby) return state_->standby;
    if (std::chrono::steady_clock::now() < state_->retry_at) return nullptr;
    try {
        state_->standby = OpenDatabase(standby_url_, options_);
        spdlog::info("statistics reads on the standby {}", RedactUrl(standby_url_));
        return state_->standby;
    } catch (const DatabaseUnavailable& error) {
        state_->retry_at = std::chrono::steady_clock::now() + retry_after_;
        spdlog::warn("standby unavailable, statistics read on the primary for {} s: {}", retry_after_.count(),
                     error.what());
        return nullptr;
    }
}

void ReadReplicaDatabase::MarkUnavailable(const std::string& reason) {
    std::lock_guard lock(state_->mutex);
    // The pool is dropped with its connections (reads still holding it keep it alive until they end) and
    // reopened after the wait.
    state_->standby.reset();
    state_->retry_at = std::chrono::steady_clock::now() + retry_after_;
    spdlog::warn("standby unavailable, statistics read on the primary for {} s: {}", retry_after_.count(),
                 reason);
}

void ReadReplicaDatabase::RunRead(const Work& work) {
    if (const std::shared_ptr<Database> standby = Standby()) {
        try {
            standby->Read([&](Session& session) { work(session); });
            ++state_->on_standby;
            return;
        } catch (const DatabaseUnavailable& error) {
            // A read has no effect, so running it again on the primary is safe.
            MarkUnavailable(error.what());
        }
    }
    primary_.Read([&](Session& session) { work(session); });
    ++state_->on_primary;
}

void ReadReplicaDatabase::RunWrite(const Work&) {
    throw DatabaseError("the statistics standby is read-only; writes go to the primary");
}

}  // namespace app::db
