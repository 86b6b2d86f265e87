#pragma once

#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "auth/login_throttle.hpp"
#include "auth/password.hpp"
#include "core/clock.hpp"
#include "core/principal.hpp"
#include "db/database.hpp"

namespace app::auth {

struct SessionOptions {
    std::int64_t session_lifetime_ms = 12LL * 60 * 60 * 1000;
    PasswordHashCost password_hash_cost = PasswordHashCost::kInteractive;
    LoginThrottle::Limits throttle;
};

struct LoginResult {
    std::string token;  // goes into the cookie; only its hash is stored
    Principal principal;
};

// Sign-in, sessions and passwords. Thread-safe.
class SessionService {
public:
    SessionService(db::Database& database, const Clock& clock, SessionOptions options);

    // Throws Error: kInvalidInput for a missing field, kUnauthenticated for wrong credentials or a disabled
    // account (one message for all, so accounts cannot be probed), kTooManyRequests when throttled.
    // Every attempt is written to the login log.
    LoginResult Login(const std::string& username, const std::string& password,
                      const RequestContext& context);

    std::optional<Principal> Authenticate(std::string_view token);
    void Logout(const RequestContext& context);
    void LogoutEverywhere(const RequestContext& context);
    void ChangePassword(const RequestContext& context, const std::string& current_password,
                        const std::string& new_password);

    // The principal for a user (permissions, organisation path, data scope), read in the given session.
    static std::optional<Principal> LoadPrincipal(db::Session& session, std::int64_t user_id);

    PasswordHashCost GetHashCost() const { return options_.password_hash_cost; }

private:
    struct CachedSession {
        Principal principal;
        std::int64_t expires_at = 0;
        std::int64_t epoch = 0;
    };
    std::optional<Principal> LoadSession(db::Session& session, const std::string& token_hash,
                                         std::int64_t now, std::int64_t epoch);

    void WriteLoginLog(const std::string& username, std::optional<std::int64_t> user_id,
                       const std::string& path, bool success, const std::string& reason,
                       const RequestContext& context);

    db::Database& database_;
    const Clock& clock_;
    SessionOptions options_;
    LoginThrottle throttle_;
    std::string dummy_hash_;
    // Principals by session-token hash, valid while the auth epoch they were read at is current.
    std::mutex cache_mutex_;
    std::unordered_map<std::string, CachedSession> cache_;
    static constexpr std::size_t kMaxCachedSessions =
        50'000;  // verified against when the user does not exist, so timing does not tell
};

}  // namespace app::auth
