#include "auth/login_throttle.hpp"

#include <algorithm>

namespace app::auth {

std::int64_t LoginThrottle::RetryAfterFor(std::deque<std::int64_t>& failures, int limit,
                                          std::int64_t now) const {
    while (!failures.empty() && failures.front() <= now - limits_.window_ms) failures.pop_front();
    if (static_cast<int>(failures.size()) < limit) return 0;
    // Blocked until the oldest failure that still counts leaves the window.
    const std::int64_t oldest_counted = failures[failures.size() - static_cast<std::size_t>(limit)];
    return std::max<std::int64_t>(1, oldest_counted + limits_.window_ms - now);
}

std::int64_t LoginThrottle::RetryAfter(const std::string& account, const std::string& address,
                                       std::int64_t now) {
    std::lock_guard lock(mutex_);
    std::int64_t wait = 0;
    if (auto found = account_failures_.find(account); found != account_failures_.end()) {
        wait = std::max(wait, RetryAfterFor(found->second, limits_.failures_per_account, now));
    }
    if (auto found = address_failures_.find(address); found != address_failures_.end()) {
        wait = std::max(wait, RetryAfterFor(found->second, limits_.failures_per_address, now));
    }
    return wait;
}

void LoginThrottle::RecordFailure(const std::string& account, const std::string& address, std::int64_t now) {
    std::lock_guard lock(mutex_);
    // Bound memory under a flood of distinct names: forget everything rather than grow without limit.
    if (account_failures_.size() > 100'000) account_failures_.clear();
    if (address_failures_.size() > 100'000) address_failures_.clear();
    account_failures_[account].push_back(now);
    address_failures_[address].push_back(now);
}

void LoginThrottle::RecordSuccess(const std::string& account) {
    std::lock_guard lock(mutex_);
    account_failures_.erase(account);
}

}  // namespace app::auth
