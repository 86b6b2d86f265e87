#pragma once

#include <optional>
#include <string>

#include "core/principal.hpp"
#include "db/session.hpp"

namespace app::auth {

struct AuditRecord {
    std::string action;       // create, update, delete, reset_password, login, ...
    std::string entity_type;  // user, role, dictionary_item, ...
    std::string entity_id;
    std::optional<std::string> before_json;  // the entity before the change, as JSON text
    std::optional<std::string> after_json;
    std::string organisation_path;  // whose subtree this record belongs to; defaults to the actor's
};

// Writes one audit row inside the caller's transaction, so the change and its record commit together.
void RecordAudit(db::Session& session, const RequestContext& context, AuditRecord record, std::int64_t at);

// Marks, inside the caller's transaction, that signed-in users' rights may have changed (see
// migrations/*/0004_auth_epoch.sql). Every server re-reads cached sessions after this commits.
void BumpAuthEpoch(db::Session& session);

}  // namespace app::auth
