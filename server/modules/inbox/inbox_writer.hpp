#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"
#include "db/session.hpp"

// Writing side of the inbox (notifications and to-dos), called by workflows inside their own transaction so a
// message or a to-do exists exactly when the change that caused it commits. Reading is in inbox_service.
namespace app::inbox {

struct Message {
    std::string kind;         // e.g. MAJOR_HAZARD, DEADLINE_REMINDER, HAZARD_ESCALATED
    std::string title;        // shown in the list, Chinese
    std::string body;         // optional detail
    std::string entity_type;  // e.g. hazard, document; empty when the message points nowhere
    std::optional<std::int64_t> entity_id;
    std::optional<std::int64_t> organisation_id;  // the organisation the message is about
};

// Sends `message` to every active user of `organisation_ids` who holds `permission` through one of their
// roles. Returns the number of recipients.
std::int64_t NotifyOrganisations(db::Session& session, const std::vector<std::int64_t>& organisation_ids,
                                 std::string_view permission, const Message& message, EpochMillis at);

// Sends `message` to one user.
void NotifyUser(db::Session& session, std::int64_t user_id, const Message& message, EpochMillis at);

struct Todo {
    std::int64_t organisation_id = 0;    // whose work it is
    std::string permission;              // only users of that organisation holding it see it; empty: all
    std::optional<std::int64_t> user_id; // set: only this user sees it
    std::string kind;                    // e.g. TRIAGE_HAZARD, RECHECK_HAZARD, SIGN_DOCUMENT
    std::string title;
    std::string entity_type;
    std::int64_t entity_id = 0;
    std::string due_date;  // YYYY-MM-DD or empty
};

// Opens a to-do; when one is already open for the same entity and kind, it is brought up to date instead.
void OpenTodo(db::Session& session, const Todo& todo, EpochMillis at);

// Marks done the open to-dos of an entity: every kind, or only `kind`.
void CloseTodos(db::Session& session, std::string_view entity_type, std::int64_t entity_id,
                std::optional<std::string_view> kind, EpochMillis at);

}  // namespace app::inbox
