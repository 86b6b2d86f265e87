#pragma once

#include <chrono>
#include <cstdint>

namespace app {

// Milliseconds since the Unix epoch, UTC. Every stored instant uses this.
using EpochMillis = std::int64_t;

// The source of "now". Services take a Clock so tests can fix time.
class Clock {
public:
    virtual ~Clock() = default;
    virtual EpochMillis Now() const = 0;
};

class SystemClock final : public Clock {
public:
    EpochMillis Now() const override {
        return std::chrono::duration_cast<std::chrono::milliseconds>(
                   std::chrono::system_clock::now().time_since_epoch())
            .count();
    }
};

}  // namespace app
