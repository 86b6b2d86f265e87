#include "inbox/inbox_writer.hpp"

#include <string>

namespace app::inbox {

namespace {

// entity_id and organisation_id are nullable; db::Value takes std::optional. In a SELECT list PostgreSQL
// types an untyped parameter as text, so the integer ones are cast.
std::int64_t InsertForRecipients(db::Session& session, std::string_view recipients_sql_tail,
                                 const Message& message, EpochMillis at, std::int64_t first_key,
                                 std::string_view permission) {
    const std::string sql =
        "INSERT INTO notifications (user_id, kind, title, body, entity_type, entity_id, organisation_id, "
        "created_at) SELECT DISTINCT u.id, $3, $4, $5, $6, CAST($7 AS BIGINT), CAST($8 AS BIGINT), "
        "CAST($9 AS BIGINT) FROM users u " +
        std::string(recipients_sql_tail);
    return session.Execute(sql, first_key, std::string(permission), message.kind, message.title, message.body,
                           message.entity_type, message.entity_id, message.organisation_id, at);
}

}  // namespace

std::int64_t NotifyOrganisations(db::Session& session, const std::vector<std::int64_t>& organisation_ids,
                                 std::string_view permission, const Message& message, EpochMillis at) {
    std::int64_t recipients = 0;
    // One statement per organisation: the list is a handful of ancestors, and a fixed statement text keeps
    // the prepared-statement cache warm on both databases.
    for (std::int64_t organisation_id : organisation_ids) {
        recipients += InsertForRecipients(
            session,
            "JOIN user_roles ur ON ur.user_id = u.id JOIN role_permissions rp ON rp.role_id = ur.role_id "
            "WHERE u.organisation_id = $1 AND u.status = 'ACTIVE' AND rp.permission = $2",
            message, at, organisation_id, permission);
    }
    return recipients;
}

void NotifyUser(db::Session& session, std::int64_t user_id, const Message& message, EpochMillis at) {
    session.Execute(
        "INSERT INTO notifications (user_id, kind, title, body, entity_type, entity_id, organisation_id, "
        "created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        user_id, message.kind, message.title, message.body, message.entity_type, message.entity_id,
        message.organisation_id, at);
}

void OpenTodo(db::Session& session, const Todo& todo, EpochMillis at) {
    const std::int64_t updated = session.Execute(
        "UPDATE todos SET organisation_id = $1, permission = $2, user_id = $3, title = $4, due_date = $5 "
        "WHERE entity_type = $6 AND entity_id = $7 AND kind = $8 AND done_at IS NULL",
        todo.organisation_id, todo.permission, todo.user_id, todo.title, todo.due_date, todo.entity_type,
        todo.entity_id, todo.kind);
    if (updated > 0) return;
    session.Execute(
        "INSERT INTO todos (organisation_id, permission, user_id, kind, title, entity_type, entity_id, "
        "due_date, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        todo.organisation_id, todo.permission, todo.user_id, todo.kind, todo.title, todo.entity_type,
        todo.entity_id, todo.due_date, at);
}

void CloseTodos(db::Session& session, std::string_view entity_type, std::int64_t entity_id,
                std::optional<std::string_view> kind, EpochMillis at) {
    if (kind) {
        session.Execute(
            "UPDATE todos SET done_at = $1 WHERE entity_type = $2 AND entity_id = $3 AND kind = $4 "
            "AND done_at IS NULL",
            at, std::string(entity_type), entity_id, std::string(*kind));
        return;
    }
    session.Execute(
        "UPDATE todos SET done_at = $1 WHERE entity_type = $2 AND entity_id = $3 AND done_at IS NULL", at,
        std::string(entity_type), entity_id);
}

}  // namespace app::inbox
