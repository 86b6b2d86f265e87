#include "core/rate_limiter.hpp"

namespace app {

std::int64_t RateLimiter::RetryAfterLocked(std::deque<std::int64_t>& events, std::int64_t now) const {
    while (!events.empty() && events.front() <= now - limit_.window_ms) events.pop_front();
    if (static_cast<int>(events.size()) < limit_.events) return 0;
    return events.front() + limit_.window_ms - now;
}

void RateLimiter::DropStaleLocked(std::int64_t now) {
    // At most once per window, forget keys whose last event has left the window, so memory stays bounded by
    // the keys active in one window.
    if (now < next_cleanup_) return;
    next_cleanup_ = now + limit_.window_ms;
    for (auto it = events_.begin(); it != events_.end();) {
        if (it->second.empty() || it->second.back() <= now - limit_.window_ms) {
            it = events_.erase(it);
        } else {
            ++it;
        }
    }
}

std::int64_t RateLimiter::RetryAfter(const std::string& key, std::int64_t now) {
    std::lock_guard lock(mutex_);
    DropStaleLocked(now);
    const auto it = events_.find(key);
    return it == events_.end() ? 0 : RetryAfterLocked(it->second, now);
}

void RateLimiter::Record(const std::string& key, std::int64_t now) {
    std::lock_guard lock(mutex_);
    DropStaleLocked(now);
    auto& events = events_[key];
    RetryAfterLocked(events, now);  // trims the window
    events.push_back(now);
}

std::int64_t RateLimiter::Acquire(const std::string& key, std::int64_t now) {
    std::lock_guard lock(mutex_);
    DropStaleLocked(now);
    auto& events = events_[key];
    const std::int64_t wait = RetryAfterLocked(events, now);
    if (wait == 0) events.push_back(now);
    return wait;
}

std::size_t RateLimiter::KeyCount() {
    std::lock_guard lock(mutex_);
    return events_.size();
}

}  // namespace app
