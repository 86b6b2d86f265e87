#include "auth/session_service.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>

#include "auth/audit.hpp"
#include "core/text.hpp"

namespace app::auth {

SessionService::SessionService(db::Database& database, const Clock& clock, SessionOptions options)
    : database_(database),
      clock_(clock),
      options_(options),
      throttle_(options.throttle),
      dummy_hash_(HashPassword("not a real password 0", options.password_hash_cost)) {}

std::optional<Principal> SessionService::LoadPrincipal(db::Session& session, std::int64_t user_id) {
    const db::Result users = session.Query(
        "SELECT u.id, u.username, u.display_name, u.organisation_id, o.name, o.path, u.must_change_password, "
        "u.status "
        "FROM users u JOIN organisations o ON o.id = u.organisation_id WHERE u.id = $1",
        user_id);
    if (users.Empty()) return std::nullopt;
    const db::Row row = users.Front();
    if (row.GetString(7) != "ACTIVE") return std::nullopt;
    Principal principal;
    principal.user_id = row.GetInt64(0);
    principal.username = row.GetString(1);
    principal.display_name = row.GetString(2);
    principal.organisation_id = row.GetInt64(3);
    principal.organisation_name = row.GetString(4);
    principal.organisation_path = row.GetString(5);
    principal.must_change_password = row.GetBool(6);

    const db::Result grants = session.Query(
        "SELECT DISTINCT rp.permission FROM user_roles ur JOIN role_permissions rp ON rp.role_id = "
        "ur.role_id "
        "WHERE ur.user_id = $1 ORDER BY rp.permission",
        user_id);
    for (const db::Row grant : grants) principal.permissions.push_back(grant.GetString(0));
    std::sort(principal.permissions.begin(), principal.permissions.end());

    // The widest scope among the user's roles applies.
    const db::Result scopes = session.Query(
        "SELECT COUNT(*) FROM user_roles ur JOIN roles r ON r.id = ur.role_id WHERE ur.user_id = $1 AND "
        "r.data_scope = 'SUBTREE'",
        user_id);
    principal.data_scope = scopes.Front().GetInt64(0) > 0 ? DataScope::kSubtree : DataScope::kSelf;
    return principal;
}

void SessionService::WriteLoginLog(const std::string& username, std::optional<std::int64_t> user_id,
                                   const std::string& path, bool success, const std::string& reason,
                                   const RequestContext& context) {
    database_.Write([&](db::Session& session) {
        session.Execute(
            "INSERT INTO login_log (at, username, user_id, organisation_path, success, reason, "
            "client_address, user_agent) "
            "VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
            clock_.Now(), username.substr(0, 64), user_id, path, success, reason, context.client_address,
            context.user_agent.substr(0, 256));
    });
}

LoginResult SessionService::Login(const std::string& username_input, const std::string& password,
                                  const RequestContext& context) {
    // User names are stored in lower case (see UserService::Create), so sign-in ignores case too.
    const std::string username = text::ToLowerAscii(text::Trim(username_input));
    const std::string& account_key = username;
    const std::int64_t now = clock_.Now();
    const std::int64_t wait = database_.Read([&](db::Session& session) {
        return throttle_.RetryAfter(session, account_key, context.client_address, now);
    });
    if (wait > 0) {
        WriteLoginLog(username, std::nullopt, "", false, "throttled", context);
        const std::string minutes = std::to_string((wait + 59'999) / 60'000);
        throw Error(ErrorCode::kTooManyRequests,
                    {"登录失败次数过多，请 " + minutes + " 分钟后再试",
                     "Too many failed sign-ins; try again in " + minutes + " minute(s)"});
    }

    struct Candidate {
        std::int64_t id;
        std::string hash;
        std::string status;
        std::string path;
    };
    const std::optional<Candidate> candidate =
        database_.Read([&](db::Session& session) -> std::optional<Candidate> {
            const db::Result result = session.Query(
                "SELECT u.id, u.password_hash, u.status, o.path FROM users u JOIN organisations o ON o.id = "
                "u.organisation_id "
                "WHERE u.username = $1",
                username);
            if (result.Empty()) return std::nullopt;
            const db::Row row = result.Front();
            return Candidate{row.GetInt64(0), row.GetString(1), row.GetString(2), row.GetString(3)};
        });

    const bool password_matches = VerifyPassword(candidate ? candidate->hash : dummy_hash_, password);
    if (!candidate || !password_matches || candidate->status != "ACTIVE") {
        const std::string reason = !candidate          ? "unknown_user"
                                   : !password_matches ? "wrong_password"
                                                       : "disabled";
        WriteLoginLog(username, candidate ? std::optional(candidate->id) : std::nullopt,
                      candidate ? candidate->path : "", false, reason, context);
        throw Error(ErrorCode::kUnauthenticated, {"用户名或密码错误", "Wrong username or password"}, reason);
    }

    LoginResult result;
    result.token = NewSecretToken();
    const std::string csrf_token = NewSecretToken();
    result.principal = database_.Write([&](db::Session& session) {
        // Expired sessions are swept here, where a write happens anyway, rather than by a timer.
        session.Execute("DELETE FROM sessions WHERE expires_at <= $1", now);
        const db::Result inserted = session.Query(
            "INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at, last_seen_at) "
            "VALUES ($1, $2, $3, $4, $5, $4) RETURNING id",
            HashToken(result.token), candidate->id, csrf_token, now, now + options_.session_lifetime_ms);
        session.Execute(
            "INSERT INTO login_log (at, username, user_id, organisation_path, success, reason, "
            "client_address, user_agent) "
            "VALUES ($1, $2, $3, $4, 1, 'ok', $5, $6)",
            now, username, candidate->id, candidate->path, context.client_address,
            context.user_agent.substr(0, 256));
        auto principal = LoadPrincipal(session, candidate->id);
        if (!principal) throw Error::Unauthenticated();
        principal->session_id = inserted.Front().GetInt64(0);
        principal->csrf_token = csrf_token;
        return *principal;
    });
    return result;
}

std::optional<Principal> SessionService::Authenticate(std::string_view token) {
    if (token.size() != 43) return std::nullopt;  // NewSecretToken's length; anything else was never issued
    const std::string token_hash = HashToken(token);
    const std::int64_t now = clock_.Now();
    return database_.Read([&](db::Session& session) -> std::optional<Principal> {
        const std::int64_t epoch =
            session.Query("SELECT value FROM auth_epoch WHERE id = 1").Front().GetInt64(0);
        {
            std::lock_guard lock(cache_mutex_);
            const auto found = cache_.find(token_hash);
            if (found != cache_.end() && found->second.epoch == epoch && found->second.expires_at > now) {
                return found->second.principal;
            }
        }
        return LoadSession(session, token_hash, now, epoch);
    });
}

std::optional<Principal> SessionService::LoadSession(db::Session& session, const std::string& token_hash,
                                                     std::int64_t now, std::int64_t epoch) {
    const db::Result found = session.Query(
        "SELECT id, user_id, csrf_token, expires_at FROM sessions WHERE token_hash = $1 AND expires_at > $2",
        token_hash, now);
    if (found.Empty()) return std::nullopt;
    const db::Row row = found.Front();
    auto principal = LoadPrincipal(session, row.GetInt64(1));
    if (!principal) return std::nullopt;
    principal->session_id = row.GetInt64(0);
    principal->csrf_token = row.GetString(2);
    std::lock_guard lock(cache_mutex_);
    if (cache_.size() >= kMaxCachedSessions) cache_.clear();
    cache_[token_hash] = {*principal, row.GetInt64(3), epoch};
    return principal;
}

void SessionService::Logout(const RequestContext& context) {
    database_.Write([&](db::Session& session) {
        session.Execute("DELETE FROM sessions WHERE id = $1", context.principal.session_id);
        BumpAuthEpoch(session);
    });
}

void SessionService::LogoutEverywhere(const RequestContext& context) {
    database_.Write([&](db::Session& session) {
        session.Execute("DELETE FROM sessions WHERE user_id = $1", context.principal.user_id);
        BumpAuthEpoch(session);
        RecordAudit(session, context,
                    {"logout_everywhere", "user", std::to_string(context.principal.user_id), {}, {}, {}},
                    clock_.Now());
    });
}

void SessionService::ChangePassword(const RequestContext& context, const std::string& current_password,
                                    const std::string& new_password) {
    Error::FieldErrors errors;
    if (current_password.empty()) errors.emplace("currentPassword", LocalizedText{"必填", "is required"});
    if (auto problem = CheckPasswordRule(new_password)) errors.emplace("newPassword", *problem);
    if (!errors.empty()) throw Error::InvalidInput(errors);
    if (current_password == new_password) {
        throw Error::InvalidField(
            "newPassword", {"新密码不能与当前密码相同", "The new password must differ from the current one"});
    }
    const std::string stored = database_.Read([&](db::Session& session) {
        return session.Query("SELECT password_hash FROM users WHERE id = $1", context.principal.user_id)
            .Front()
            .GetString(0);
    });
    if (!VerifyPassword(stored, current_password)) {
        throw Error::InvalidField("currentPassword", {"当前密码不正确", "The current password is wrong"});
    }
    const std::string new_hash = HashPassword(new_password, options_.password_hash_cost);
    database_.Write([&](db::Session& session) {
        session.Execute(
            "UPDATE users SET password_hash = $1, must_change_password = 0, updated_at = $2 WHERE id = $3",
            new_hash, clock_.Now(), context.principal.user_id);
        // Other sessions of this user end; the current one stays signed in.
        session.Execute("DELETE FROM sessions WHERE user_id = $1 AND id <> $2", context.principal.user_id,
                        context.principal.session_id);
        BumpAuthEpoch(session);
        RecordAudit(session, context,
                    {"change_password", "user", std::to_string(context.principal.user_id), {}, {}, {}},
                    clock_.Now());
    });
}

}  // namespace app::auth
