#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/clock.hpp"
#include "core/paging.hpp"
#include "core/principal.hpp"
#include "db/database.hpp"

// Reading side of the inbox: the signed-in user's own messages and the to-dos that await them. Every call
// acts on the caller only; another user's message is "not found".
namespace app::inbox {

struct Notification {
    std::int64_t id = 0;
    std::string kind;
    std::string title;
    std::string body;
    std::string entity_type;
    std::optional<std::int64_t> entity_id;
    std::optional<std::int64_t> organisation_id;
    EpochMillis created_at = 0;
    std::optional<EpochMillis> read_at;
};

struct NotificationPage {
    Page<Notification> page;
    std::int64_t unread = 0;  // the caller's unread messages in all, whatever the filter
};

struct TodoItem {
    std::int64_t id = 0;
    std::string kind;
    std::string title;
    std::string entity_type;
    std::int64_t entity_id = 0;
    std::int64_t organisation_id = 0;
    std::string organisation_name;
    std::string due_date;  // YYYY-MM-DD or empty
    bool overdue = false;  // due before today (Asia/Shanghai)
    EpochMillis created_at = 0;
};

class InboxService {
public:
    InboxService(db::Database& database, const Clock& clock) : database_(database), clock_(clock) {}

    NotificationPage ListNotifications(const RequestContext& context, bool unread_only,
                                       const PageRequest& page) const;
    // Cheap: counted on the partial index notifications_unread_idx.
    std::int64_t UnreadCount(const RequestContext& context) const;
    // Marks one of the caller's messages read (again: a no-op); another user's or an unknown id → not found.
    void MarkRead(const RequestContext& context, std::int64_t id) const;
    // Marks every unread message of the caller read; returns how many changed.
    std::int64_t MarkAllRead(const RequestContext& context) const;

    // Open to-dos the caller sees: assigned to them, or to their organisation for everyone there (empty
    // permission) or for those who hold the to-do's permission. Ordered by due date (none last), then id.
    Page<TodoItem> ListTodos(const RequestContext& context, const PageRequest& page) const;

private:
    db::Database& database_;
    const Clock& clock_;
};

}  // namespace app::inbox
