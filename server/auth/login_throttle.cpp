#include "auth/login_throttle.hpp"

#include <algorithm>

namespace app::auth {
namespace {

std::vector<std::int64_t> Times(const db::Result& result) {
    std::vector<std::int64_t> times;
    for (const db::Row row : result) times.push_back(row.GetInt64(0));
    return times;
}

}  // namespace

std::int64_t LoginThrottle::WaitFor(const std::vector<std::int64_t>& failures_newest_first, int limit,
                                    std::int64_t window_ms, std::int64_t now) {
    if (static_cast<int>(failures_newest_first.size()) < limit) return 0;
    // Blocked until the oldest failure that still counts leaves the window.
    const std::int64_t oldest_counted = failures_newest_first[static_cast<std::size_t>(limit) - 1];
    return std::max<std::int64_t>(0, oldest_counted + window_ms - now);
}

std::int64_t LoginThrottle::RetryAfter(db::Session& session, const std::string& account,
                                       const std::string& address, std::int64_t now) const {
    const std::int64_t since = now - limits_.window_ms;
    // login_log_username_idx and login_log_address_idx (migration 0019) serve these.
    const auto account_failures = Times(session.Query(
        "SELECT at FROM login_log WHERE username = $1 AND success = 0 AND reason <> 'throttled' AND at > $2"
        " AND at > (SELECT COALESCE(MAX(at), 0) FROM login_log WHERE username = $1 AND success = 1)"
        " ORDER BY at DESC LIMIT $3",
        account, since, limits_.failures_per_account));
    const auto address_failures =
        Times(session.Query("SELECT at FROM login_log WHERE client_address = $1 AND success = 0 AND reason "
                            "<> 'throttled' AND at > $2"
                            " ORDER BY at DESC LIMIT $3",
                            address, since, limits_.failures_per_address));
    return std::max(WaitFor(account_failures, limits_.failures_per_account, limits_.window_ms, now),
                    WaitFor(address_failures, limits_.failures_per_address, limits_.window_ms, now));
}

}  // namespace app::auth
