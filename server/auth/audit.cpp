#include "auth/audit.hpp"

namespace app::auth {

void RecordAudit(db::Session& session, const RequestContext& context, AuditRecord record, std::int64_t at) {
    const Principal& actor = context.principal;
    const std::string& path =
        record.organisation_path.empty() ? actor.organisation_path : record.organisation_path;
    session.Execute(
        "INSERT INTO audit_log (at, user_id, username, organisation_id, organisation_path, action, "
        "entity_type, "
        "entity_id, before_json, after_json, request_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, "
        "$11)",
        at, actor.user_id > 0 ? std::optional<std::int64_t>(actor.user_id) : std::nullopt,
        actor.username.empty() ? std::string("system") : actor.username,
        actor.organisation_id > 0 ? std::optional<std::int64_t>(actor.organisation_id) : std::nullopt, path,
        record.action, record.entity_type, record.entity_id, record.before_json, record.after_json,
        context.request_id);
}

void BumpAuthEpoch(db::Session& session) {
    session.Execute("UPDATE auth_epoch SET value = value + 1 WHERE id = 1");
}

}  // namespace app::auth
