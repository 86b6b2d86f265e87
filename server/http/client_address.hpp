#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace app::http {

// Which address a request came from when reverse proxies (nginx) stand in front of the server. The client
// address keys the login throttle and the worker-report limits and is written to the login log, so behind a
// proxy it must be the worker's, not the proxy's; and a client must not choose it by sending the header
// itself.
class TrustedProxies {
public:
    TrustedProxies() = default;
    // Comma-separated IP addresses; throws std::invalid_argument naming an entry that is not one.
    explicit TrustedProxies(std::string_view comma_separated);

    // The peer itself unless it is a trusted proxy; then the rightmost X-Forwarded-For entry that is not a
    // trusted proxy (entries to its left were written by the client and prove nothing). A malformed entry
    // stops the walk at the last address known good.
    std::string ClientAddress(const std::string& peer, std::string_view forwarded_for) const;

private:
    bool IsTrusted(const std::string& normalised) const;
    std::vector<std::string> addresses_;  // normalised text
};

}  // namespace app::http
