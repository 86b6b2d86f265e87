#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "db/session.hpp"

namespace app::auth {

// Failed sign-ins per account and per client address in a sliding window, counted from the login log (which
// records every attempt anyway), so every server process on one database sees the same attempts and an
// attacker gains nothing by spreading guesses over the processes behind nginx (ADR 0014). A success clears
// the account's count; throttled attempts do not count.
class LoginThrottle {
public:
    struct Limits {
        int failures_per_account = 5;
        int failures_per_address = 20;
        std::int64_t window_ms = 15 * 60 * 1000;
    };

    explicit LoginThrottle(Limits limits) : limits_(limits) {}

    // Milliseconds until another attempt is allowed for this account from this address; 0 when allowed now.
    std::int64_t RetryAfter(db::Session& session, const std::string& account, const std::string& address,
                            std::int64_t now) const;

    // The wait given the failures that count, newest first (at most `limit` of them).
    static std::int64_t WaitFor(const std::vector<std::int64_t>& failures_newest_first, int limit,
                                std::int64_t window_ms, std::int64_t now);

private:
    Limits limits_;
};

}  // namespace app::auth
