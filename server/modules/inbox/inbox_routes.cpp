#include "inbox/inbox_routes.hpp"

#include <boost/json/object.hpp>

#include "http/json.hpp"

namespace app::inbox {
namespace {

using http::Method;

boost::json::value OptionalId(const std::optional<std::int64_t>& id) {
    return id ? boost::json::value(*id) : boost::json::value(nullptr);
}

boost::json::object NotificationToJson(const Notification& notification) {
    return {{"id", notification.id},
            {"kind", notification.kind},
            {"title", notification.title},
            {"body", notification.body},
            {"entityType", notification.entity_type},
            {"entityId", OptionalId(notification.entity_id)},
            {"organisationId", OptionalId(notification.organisation_id)},
            {"createdAt", notification.created_at},
            {"readAt", OptionalId(notification.read_at)}};
}

boost::json::object TodoToJson(const TodoItem& todo) {
    return {{"id", todo.id},
            {"kind", todo.kind},
            {"title", todo.title},
            {"entityType", todo.entity_type},
            {"entityId", todo.entity_id},
            {"organisationId", todo.organisation_id},
            {"organisationName", todo.organisation_name},
            {"dueDate", todo.due_date},
            {"overdue", todo.overdue},
            {"createdAt", todo.created_at}};
}

bool UnreadParameter(const http::Request& request) {
    const auto unread = http::QueryText(request, "unread", 8);
    if (!unread) return false;
    if (*unread != "true" && *unread != "false")
        throw Error::InvalidField("unread", {"只能是 true 或 false", "must be true or false"});
    return *unread == "true";
}

}  // namespace

void RegisterInboxRoutes(http::Router& router, InboxService& inbox) {
    router.Add(
        {.method = Method::kGet,
         .path = "/api/v1/me/notifications",
         .access = http::Access::kSignedIn,
         .tag = "inbox",
         .summary = "The caller's messages, newest first (?unread=true: unread only), with the unread count",
         .response_body = "NotificationPage"},
        [&](http::Request& request) {
            const NotificationPage result = inbox.ListNotifications(request.context, UnreadParameter(request),
                                                                    http::ReadPageRequest(request));
            boost::json::object body = http::PageToJson(result.page, NotificationToJson);
            body["unread"] = result.unread;
            return http::Response::Json(http::Serialize(body));
        });
    router.Add({.method = Method::kGet,
                .path = "/api/v1/me/notifications/unread-count",
                .access = http::Access::kSignedIn,
                .tag = "inbox",
                .summary = "How many of the caller's messages are unread (polled by the header bell)",
                .response_body = "UnreadCount"},
               [&](http::Request& request) {
                   return http::Response::Json(
                       http::Serialize(boost::json::object{{"count", inbox.UnreadCount(request.context)}}));
               });
    router.Add({.method = Method::kPost,
                .path = "/api/v1/me/notifications/{id}/read",
                .access = http::Access::kSignedIn,
                .tag = "inbox",
                .summary = "Mark one of the caller's messages read (another user's message: 404)"},
               [&](http::Request& request) {
                   inbox.MarkRead(request.context, request.PathId("id"));
                   return http::Response::NoContent();
               });
    router.Add({.method = Method::kPost,
                .path = "/api/v1/me/notifications/read-all",
                .access = http::Access::kSignedIn,
                .tag = "inbox",
                .summary = "Mark every unread message of the caller read",
                .response_body = "MarkedRead"},
               [&](http::Request& request) {
                   return http::Response::Json(
                       http::Serialize(boost::json::object{{"marked", inbox.MarkAllRead(request.context)}}));
               });
    router.Add(
        {.method = Method::kGet,
         .path = "/api/v1/me/todos",
         .access = http::Access::kSignedIn,
         .tag = "inbox",
         .summary = "Open to-dos awaiting the caller (theirs, or their organisation's for a permission they "
                    "hold), by due date",
         .response_body = "TodoPage"},
        [&](http::Request& request) {
            return http::Response::Json(http::Serialize(http::PageToJson(
                inbox.ListTodos(request.context, http::ReadPageRequest(request)), TodoToJson)));
        });
}

}  // namespace app::inbox
