#pragma once

#include <optional>
#include <string>

#include "core/paging.hpp"
#include "core/principal.hpp"
#include "db/database.hpp"

namespace app::system {

struct AuditEntry {
    std::int64_t id = 0;
    std::int64_t at = 0;
    std::optional<std::int64_t> user_id;
    std::string username;
    std::optional<std::int64_t> organisation_id;
    std::string action;
    std::string entity_type;
    std::string entity_id;
    std::optional<std::string> before_json;
    std::optional<std::string> after_json;
    std::string request_id;
};

struct AuditFilter {
    std::string keyword;  // username or entity id
    std::string entity_type;
    std::string action;
    std::optional<std::int64_t> from;  // epoch ms, inclusive
    std::optional<std::int64_t> to;    // epoch ms, exclusive
};

struct LoginEntry {
    std::int64_t id = 0;
    std::int64_t at = 0;
    std::string username;
    bool success = false;
    std::string reason;
    std::string client_address;
    std::string user_agent;
};

struct LoginFilter {
    std::string keyword;
    std::optional<bool> success;
    std::optional<std::int64_t> from;
    std::optional<std::int64_t> to;
};

// Read-only access to the audit and login logs. A record belongs to the organisation of the user it is
// about, so a county cadre sees the county's records only. Attempts on unknown usernames belong to no
// organisation and are shown to users of the root organisation.
class LogService {
public:
    explicit LogService(db::Database& database) : database_(database) {}

    Page<AuditEntry> ListAudit(const RequestContext& context, const AuditFilter& filter,
                               PageRequest page) const;
    Page<LoginEntry> ListLogins(const RequestContext& context, const LoginFilter& filter,
                                PageRequest page) const;

    static constexpr std::int64_t kExportLimit = 100'000;

private:
    db::Database& database_;
};

}  // namespace app::system
