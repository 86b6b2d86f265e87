#pragma once

#include <cstdint>
#include <deque>
#include <mutex>
#include <string>
#include <unordered_map>

namespace app::auth {

// Counts failed sign-ins per account and per client address in a sliding window, in memory only
// (no addresses are persisted for this). Thread-safe.
class LoginThrottle {
public:
    struct Limits {
        int failures_per_account = 5;
        int failures_per_address = 20;
        std::int64_t window_ms = 15 * 60 * 1000;
    };

    explicit LoginThrottle(Limits limits) : limits_(limits) {}

    // Milliseconds until another attempt is allowed; 0 when allowed now.
    std::int64_t RetryAfter(const std::string& account, const std::string& address, std::int64_t now);
    void RecordFailure(const std::string& account, const std::string& address, std::int64_t now);
    void RecordSuccess(const std::string& account);

private:
    std::int64_t RetryAfterFor(std::deque<std::int64_t>& failures, int limit, std::int64_t now) const;

    Limits limits_;
    std::mutex mutex_;
    std::unordered_map<std::string, std::deque<std::int64_t>> account_failures_;
    std::unordered_map<std::string, std::deque<std::int64_t>> address_failures_;
};

}  // namespace app::auth
