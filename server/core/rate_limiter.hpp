#pragma once

#include <cstdint>
#include <deque>
#include <mutex>
#include <string>
#include <unordered_map>

namespace app {

// Counts events per key (e.g. a client address) in a sliding window, in memory only: nothing it sees is
// written anywhere, and a key is forgotten once its window has passed. Thread-safe.
class RateLimiter {
public:
    struct Limit {
        int events = 10;
        std::int64_t window_ms = 60 * 60 * 1000;
    };

    explicit RateLimiter(Limit limit) : limit_(limit) {}

    // Milliseconds until another event for `key` is allowed; 0 when allowed now. Records nothing.
    std::int64_t RetryAfter(const std::string& key, std::int64_t now);
    // Records an event for `key`.
    void Record(const std::string& key, std::int64_t now);
    // RetryAfter, and when it is 0, Record: for limits on every attempt (not only failures).
    std::int64_t Acquire(const std::string& key, std::int64_t now);

    // Keys currently remembered (for tests: proof that old keys are dropped).
    std::size_t KeyCount();

private:
    std::int64_t RetryAfterLocked(std::deque<std::int64_t>& events, std::int64_t now) const;
    void DropStaleLocked(std::int64_t now);

    Limit limit_;
    std::mutex mutex_;
    std::unordered_map<std::string, std::deque<std::int64_t>> events_;
    std::int64_t next_cleanup_ = 0;
};

}  // namespace app
