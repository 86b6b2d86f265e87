#include "inbox/inbox_service.hpp"

#include "core/calendar_date.hpp"
#include "core/error.hpp"

namespace app::inbox {
namespace {

constexpr std::string_view kNotificationColumns =
    "SELECT id, kind, title, body, entity_type, entity_id, organisation_id, created_at, read_at "
    "FROM notifications";

Notification ReadNotification(const db::Row& row) {
    Notification notification;
    notification.id = row.GetInt64(0);
    notification.kind = row.GetString(1);
    notification.title = row.GetString(2);
    notification.body = row.GetString(3);
    notification.entity_type = row.GetString(4);
    notification.entity_id = row.GetOptionalInt64(5);
    notification.organisation_id = row.GetOptionalInt64(6);
    notification.created_at = row.GetInt64(7);
    notification.read_at = row.GetOptionalInt64(8);
    return notification;
}

std::int64_t CountUnread(db::Session& session, std::int64_t user_id) {
    return session.Query("SELECT COUNT(*) FROM notifications WHERE user_id = $1 AND read_at IS NULL", user_id)
        .Front()
        .GetInt64(0);
}

// $1 the caller, $2 the caller's organisation. A to-do for an organisation and a permission is the caller's
// when one of the caller's roles grants that permission (read from the roles, as the inbox writer does).
constexpr std::string_view kTodoFrom =
    " FROM todos t JOIN organisations o ON o.id = t.organisation_id"
    " WHERE t.done_at IS NULL AND (t.user_id = $1 OR (t.user_id IS NULL AND t.organisation_id = $2 AND"
    " (t.permission = '' OR EXISTS (SELECT 1 FROM user_roles ur JOIN role_permissions rp ON rp.role_id ="
    " ur.role_id WHERE ur.user_id = $1 AND rp.permission = t.permission))))";

}  // namespace

NotificationPage InboxService::ListNotifications(const RequestContext& context, bool unread_only,
                                                 const PageRequest& page) const {
    const std::int64_t user_id = context.principal.user_id;
    return database_.Read([&](db::Session& session) {
        NotificationPage result;
        result.unread = CountUnread(session, user_id);
        // $2: 1 keeps only unread messages.
        constexpr std::string_view kFilter = " WHERE user_id = $1 AND ($2 = 0 OR read_at IS NULL)";
        const std::int64_t only_unread = unread_only ? 1 : 0;
        result.page.total = unread_only
                                ? result.unread
                                : session
                                      .Query("SELECT COUNT(*) FROM notifications" + std::string(kFilter),
                                             user_id, only_unread)
                                      .Front()
                                      .GetInt64(0);
        const db::Result rows = session.Query(
            std::string(kNotificationColumns) + std::string(kFilter) + " ORDER BY id DESC LIMIT $3 OFFSET $4",
            user_id, only_unread, page.page_size, page.Offset());
        for (const db::Row row : rows) result.page.items.push_back(ReadNotification(row));
        return result;
    });
}

std::int64_t InboxService::UnreadCount(const RequestContext& context) const {
    return database_.Read(
        [&](db::Session& session) { return CountUnread(session, context.principal.user_id); });
}

void InboxService::MarkRead(const RequestContext& context, std::int64_t id) const {
    const EpochMillis now = clock_.Now();
    database_.Write([&](db::Session& session) {
        const db::Result rows =
            session.Query("SELECT read_at FROM notifications WHERE id = $1 AND user_id = $2", id,
                          context.principal.user_id);
        if (rows.Empty()) throw Error::NotFound("notification");
        if (rows.Front().GetOptionalInt64(0)) return;
        session.Execute("UPDATE notifications SET read_at = $1 WHERE id = $2 AND read_at IS NULL", now, id);
    });
}

std::int64_t InboxService::MarkAllRead(const RequestContext& context) const {
    const EpochMillis now = clock_.Now();
    return database_.Write([&](db::Session& session) {
        return session.Execute("UPDATE notifications SET read_at = $1 WHERE user_id = $2 AND read_at IS NULL",
                               now, context.principal.user_id);
    });
}

Page<TodoItem> InboxService::ListTodos(const RequestContext& context, const PageRequest& page) const {
    const std::string today = dates::FormatDate(dates::ShanghaiDateOf(clock_.Now()));
    const Principal& me = context.principal;
    return database_.Read([&](db::Session& session) {
        Page<TodoItem> result;
        result.total =
            session.Query("SELECT COUNT(*)" + std::string(kTodoFrom), me.user_id, me.organisation_id)
                .Front()
                .GetInt64(0);
        const db::Result rows = session.Query(
            "SELECT t.id, t.kind, t.title, t.entity_type, t.entity_id, t.organisation_id, o.name, "
            "t.due_date, "
            "t.created_at" +
                std::string(kTodoFrom) +
                " ORDER BY CASE WHEN t.due_date = '' THEN 1 ELSE 0 END, t.due_date, t.id LIMIT $3 OFFSET $4",
            me.user_id, me.organisation_id, page.page_size, page.Offset());
        for (const db::Row row : rows) {
            TodoItem item;
            item.id = row.GetInt64(0);
            item.kind = row.GetString(1);
            item.title = row.GetString(2);
            item.entity_type = row.GetString(3);
            item.entity_id = row.GetInt64(4);
            item.organisation_id = row.GetInt64(5);
            item.organisation_name = row.GetString(6);
            item.due_date = row.GetString(7);
            item.overdue = !item.due_date.empty() && item.due_date < today;
            item.created_at = row.GetInt64(8);
            result.items.push_back(std::move(item));
        }
        return result;
    });
}

}  // namespace app::inbox
