#include "system/system_routes.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "http/json.hpp"
#include "http/xlsx.hpp"
#include "system/permissions.hpp"
#include "system/user_json.hpp"

namespace app::system {
namespace {

using http::Method;

using http::Localize;

http::Response XlsxResponse(const http::XlsxTable& table, const std::string& file_name) {
    return http::Response::File(http::BuildXlsx(table), http::kXlsxContentType, file_name);
}

// ---- roles ----
boost::json::object RoleToJson(const Role& role) {
    boost::json::array permissions;
    for (const auto& permission : role.permissions) permissions.emplace_back(permission);
    return {{"id", role.id},
            {"code", role.code},
            {"name", role.name},
            {"dataScope", DataScopeName(role.data_scope)},
            {"permissions", std::move(permissions)},
            {"builtin", role.builtin},
            {"remark", role.remark},
            {"createdAt", role.created_at},
            {"updatedAt", role.updated_at}};
}

RoleInput ReadRoleInput(const http::Request& request, bool with_code) {
    const auto body = http::ParseJsonObject(request);
    http::FieldReader reader(body);
    RoleInput input;
    if (with_code) input.code = reader.RequiredString("code", 2, 32);
    input.name = reader.RequiredString("name", 1, 32);
    const std::string scope = reader.RequiredString("dataScope", 1, 16);
    if (scope == "SUBTREE" || scope == "SELF") {
        input.data_scope = ParseDataScope(scope);
    } else if (!reader.HasError("dataScope")) {
        reader.AddError("dataScope",
                        {"数据范围只能是 SUBTREE 或 SELF", "Data scope must be SUBTREE or SELF"});
    }
    input.permissions = reader.StringArray("permissions", 200, 64);
    input.remark = reader.OptionalString("remark", 200).value_or("");
    reader.Finish();
    return input;
}

// ---- dictionaries ----
boost::json::object ItemToJson(const DictionaryItem& item) {
    return {{"id", item.id},          {"dictCode", item.dict_code}, {"code", item.code},
            {"label", item.label},    {"labelEn", item.label_en},   {"sortOrder", item.sort_order},
            {"enabled", item.enabled}};
}

DictionaryItem ReadItem(const http::Request& request, bool with_code) {
    const auto body = http::ParseJsonObject(request);
    http::FieldReader reader(body);
    DictionaryItem item;
    if (with_code) item.code = reader.RequiredString("code", 1, 32);
    item.label = reader.RequiredString("label", 1, 64);
    item.label_en = reader.OptionalString("labelEn", 64).value_or("");
    item.sort_order = reader.OptionalInt64("sortOrder", 0, 9999).value_or(0);
    item.enabled = reader.OptionalBool("enabled").value_or(true);
    reader.Finish();
    return item;
}

// ---- logs ----
boost::json::value JsonOrNull(const std::optional<std::string>& text) {
    if (!text) return nullptr;
    try {
        return http::ParseJsonText(*text);
    } catch (const Error&) {
        return boost::json::value(*text);
    }
}

boost::json::object AuditToJson(const AuditEntry& entry) {
    boost::json::object object{{"id", entry.id},
                               {"at", entry.at},
                               {"username", entry.username},
                               {"action", entry.action},
                               {"entityType", entry.entity_type},
                               {"entityId", entry.entity_id},
                               {"requestId", entry.request_id}};
    object["userId"] = entry.user_id ? boost::json::value(*entry.user_id) : nullptr;
    object["organisationId"] = entry.organisation_id ? boost::json::value(*entry.organisation_id) : nullptr;
    object["before"] = JsonOrNull(entry.before_json);
    object["after"] = JsonOrNull(entry.after_json);
    return object;
}

boost::json::object LoginToJson(const LoginEntry& entry) {
    return {{"id", entry.id},
            {"at", entry.at},
            {"username", entry.username},
            {"success", entry.success},
            {"reason", entry.reason},
            {"clientAddress", entry.client_address},
            {"userAgent", entry.user_agent}};
}

std::optional<std::int64_t> QueryInstant(const http::Request& request, const char* name) {
    return http::QueryInt64(request, name);
}

AuditFilter ReadAuditFilter(const http::Request& request) {
    return {http::QueryText(request, "keyword", 64).value_or(""),
            http::QueryText(request, "entityType", 64).value_or(""),
            http::QueryText(request, "action", 64).value_or(""), QueryInstant(request, "from"),
            QueryInstant(request, "to")};
}

LoginFilter ReadLoginFilter(const http::Request& request) {
    LoginFilter filter{http::QueryText(request, "keyword", 64).value_or(""), std::nullopt,
                       QueryInstant(request, "from"), QueryInstant(request, "to")};
    if (const auto success = http::QueryText(request, "success", 8)) {
        if (*success != "true" && *success != "false") {
            throw Error::InvalidField("success", {"只能是 true 或 false", "must be true or false"});
        }
        filter.success = *success == "true";
    }
    return filter;
}

std::string FormatInstant(std::int64_t epoch_ms) {
    // Exports show China Standard Time, which is what users read on their wall clocks.
    const std::time_t seconds = static_cast<std::time_t>(epoch_ms / 1000) + 8 * 3600;
    std::tm parts{};
    gmtime_r(&seconds, &parts);
    char buffer[32];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%d %H:%M:%S", &parts);
    return buffer;
}

}  // namespace

void RegisterSystemRoutes(http::Router& router, SystemServices& services) {
    DeclareSystemPermissions(router);

    // ---- users ----
    router.Add({.method = Method::kGet,
                .path = "/api/v1/users",
                .permission = "system:user:view",
                .tag = "system",
                .summary = "List users in the caller's scope",
                .response_body = "UserPage"},
               [&](http::Request& request) {
                   const auto page = http::ReadPageRequest(request);
                   return http::Response::Json(http::Serialize(http::PageToJson(
                       services.users.List(request.context, ReadUserFilter(request), page), UserToJson)));
               });
    router.Add(
        {.method = Method::kGet,
         .path = "/api/v1/users/export",
         .permission = "system:user:export",
         .tag = "system",
         .summary = "Export the filtered user list as .xlsx"},
        [&](http::Request& request) {
            http::XlsxTable table{
                Localize(request, "用户", "Users"),
                {Localize(request, "用户名", "Username"), Localize(request, "姓名", "Name"),
                 Localize(request, "所属组织", "Organisation"), Localize(request, "角色", "Roles"),
                 Localize(request, "手机", "Phone"), Localize(request, "邮箱", "E-mail"),
                 Localize(request, "状态", "Status"), Localize(request, "创建时间", "Created")},
                {16, 12, 32, 24, 14, 24, 8, 20},
                {}};
            for (const User& user : services.users.ListForExport(request.context, ReadUserFilter(request))) {
                std::string roles;
                for (const auto& name : user.role_names) roles += (roles.empty() ? "" : "、") + name;
                const bool active = user.status == UserStatus::kActive;
                table.rows.push_back(
                    {user.username, user.display_name, user.organisation_name, roles, user.phone, user.email,
                     active ? Localize(request, "正常", "Active") : Localize(request, "停用", "Disabled"),
                     FormatInstant(user.created_at)});
            }
            return XlsxResponse(table, Localize(request, "用户.xlsx", "users.xlsx"));
        });
    router.Add({.method = Method::kGet,
                .path = "/api/v1/users/{id}",
                .permission = "system:user:view",
                .tag = "system",
                .summary = "One user",
                .response_body = "User"},
               [&](http::Request& request) {
                   return http::Response::Json(http::Serialize(
                       UserToJson(services.users.Get(request.context, request.PathId("id")))));
               });
    router.Add({.method = Method::kPost,
                .path = "/api/v1/users",
                .permission = "system:user:create",
                .body_limit = 8192,
                .tag = "system",
                .summary = "Create a user (must change the password at first sign-in)",
                .request_body = "NewUser",
                .response_body = "User"},
               [&](http::Request& request) {
                   const User user =
                       services.users.Create(request.context, ReadNewUser(http::ParseJsonObject(request)));
                   return http::Response::Json(http::Serialize(UserToJson(user)), 201);
               });
    router.Add({.method = Method::kPut,
                .path = "/api/v1/users/{id}",
                .permission = "system:user:update",
                .body_limit = 8192,
                .tag = "system",
                .summary = "Change a user",
                .request_body = "UserChanges",
                .response_body = "User"},
               [&](http::Request& request) {
                   const std::int64_t id = request.PathId("id");
                   const User user = services.users.Update(request.context, id,
                                                           ReadUserChanges(http::ParseJsonObject(request)));
                   return http::Response::Json(http::Serialize(UserToJson(user)));
               });
    router.Add({.method = Method::kDelete,
                .path = "/api/v1/users/{id}",
                .permission = "system:user:delete",
                .tag = "system",
                .summary = "Delete a user"},
               [&](http::Request& request) {
                   services.users.Delete(request.context, request.PathId("id"));
                   return http::Response::NoContent();
               });
    router.Add({.method = Method::kPost,
                .path = "/api/v1/users/{id}/password",
                .permission = "system:user:update",
                .body_limit = 4096,
                .tag = "system",
                .summary = "Reset a user's password (to be changed at next sign-in)",
                .request_body = "ResetPasswordRequest"},
               [&](http::Request& request) {
                   const std::int64_t id = request.PathId("id");
                   const auto body = http::ParseJsonObject(request);
                   http::FieldReader reader(body);
                   const std::string password = reader.RequiredSecret("newPassword", 256);
                   reader.Finish();
                   services.users.ResetPassword(request.context, id, password);
                   return http::Response::NoContent();
               });

    // ---- roles and permissions ----
    router.Add({.method = Method::kGet,
                .path = "/api/v1/roles",
                .permission = "system:role:view",
                .tag = "system",
                .summary = "List roles",
                .response_body = "RolePage"},
               [&](http::Request& request) {
                   const auto page = http::ReadPageRequest(request);
                   const auto keyword = http::QueryText(request, "keyword", 64).value_or("");
                   return http::Response::Json(http::Serialize(
                       http::PageToJson(services.roles.List(request.context, keyword, page), RoleToJson)));
               });
    router.Add(
        {.method = Method::kGet,
         .path = "/api/v1/roles/export",
         .permission = "system:role:view",
         .tag = "system",
         .summary = "Export the filtered role list as .xlsx"},
        [&](http::Request& request) {
            const auto keyword = http::QueryText(request, "keyword", 64).value_or("");
            http::XlsxTable table{
                Localize(request, "角色", "Roles"),
                {Localize(request, "编码", "Code"), Localize(request, "名称", "Name"),
                 Localize(request, "数据范围", "Data scope"), Localize(request, "权限", "Permissions"),
                 Localize(request, "备注", "Remark")},
                {18, 18, 10, 60, 30},
                {}};
            const auto roles = services.roles.List(request.context, keyword, {1, PageRequest::kMaxPageSize});
            for (const Role& role : roles.items) {
                std::string permissions;
                for (const auto& key : role.permissions)
                    permissions += (permissions.empty() ? "" : ", ") + key;
                table.rows.push_back({role.code, role.name, std::string(DataScopeName(role.data_scope)),
                                      permissions, role.remark});
            }
            return XlsxResponse(table, Localize(request, "角色.xlsx", "roles.xlsx"));
        });
    router.Add({.method = Method::kGet,
                .path = "/api/v1/roles/{id}",
                .permission = "system:role:view",
                .tag = "system",
                .summary = "One role",
                .response_body = "Role"},
               [&](http::Request& request) {
                   return http::Response::Json(http::Serialize(
                       RoleToJson(services.roles.Get(request.context, request.PathId("id")))));
               });
    router.Add({.method = Method::kPost,
                .path = "/api/v1/roles",
                .permission = "system:role:create",
                .body_limit = 16384,
                .tag = "system",
                .summary = "Create a role",
                .request_body = "RoleInput",
                .response_body = "Role"},
               [&](http::Request& request) {
                   const Role role = services.roles.Create(request.context, ReadRoleInput(request, true));
                   return http::Response::Json(http::Serialize(RoleToJson(role)), 201);
               });
    router.Add({.method = Method::kPut,
                .path = "/api/v1/roles/{id}",
                .permission = "system:role:update",
                .body_limit = 16384,
                .tag = "system",
                .summary = "Change a role (its code stays)",
                .request_body = "RoleInput",
                .response_body = "Role"},
               [&](http::Request& request) {
                   const std::int64_t id = request.PathId("id");
                   const Role role =
                       services.roles.Update(request.context, id, ReadRoleInput(request, false));
                   return http::Response::Json(http::Serialize(RoleToJson(role)));
               });
    router.Add({.method = Method::kDelete,
                .path = "/api/v1/roles/{id}",
                .permission = "system:role:delete",
                .tag = "system",
                .summary = "Delete a role that no user holds"},
               [&](http::Request& request) {
                   services.roles.Delete(request.context, request.PathId("id"));
                   return http::Response::NoContent();
               });
    router.Add({.method = Method::kGet,
                .path = "/api/v1/permissions",
                .permission = "system:role:view",
                .tag = "system",
                .summary = "Every permission key the server knows, with labels",
                .response_body = "PermissionList"},
               [&router](http::Request&) {
                   boost::json::array items;
                   for (const auto& info : router.Permissions()) {
                       items.push_back({{"key", info.key},
                                        {"module", info.key.substr(0, info.key.find(':'))},
                                        {"labelZh", info.label_zh},
                                        {"labelEn", info.label_en}});
                   }
                   return http::Response::Json(http::Serialize(items));
               });

    // ---- dictionaries ----
    router.Add({.method = Method::kGet,
                .path = "/api/v1/dictionaries",
                .permission = "system:dict:view",
                .tag = "system",
                .summary = "List dictionaries",
                .response_body = "DictionaryList"},
               [&](http::Request&) {
                   boost::json::array items;
                   for (const auto& dictionary : services.dictionaries.ListDictionaries()) {
                       items.push_back({{"code", dictionary.code},
                                        {"name", dictionary.name},
                                        {"nameEn", dictionary.name_en},
                                        {"itemCount", dictionary.item_count}});
                   }
                   return http::Response::Json(http::Serialize(items));
               });
    router.Add({.method = Method::kGet,
                .path = "/api/v1/dictionaries/{code}/items",
                .access = http::Access::kSignedIn,
                .tag = "system",
                .summary = "Items of a dictionary (every signed-in user needs the labels)",
                .response_body = "DictionaryItemList"},
               [&](http::Request& request) {
                   boost::json::array items;
                   for (const auto& item : services.dictionaries.Items(request.PathParameter("code")))
                       items.push_back(ItemToJson(item));
                   return http::Response::Json(http::Serialize(items));
               });
    router.Add({.method = Method::kPost,
                .path = "/api/v1/dictionaries/{code}/items",
                .permission = "system:dict:update",
                .body_limit = 4096,
                .tag = "system",
                .summary = "Add an item to a dictionary",
                .request_body = "DictionaryItemInput",
                .response_body = "DictionaryItem"},
               [&](http::Request& request) {
                   DictionaryItem item = ReadItem(request, true);
                   item.dict_code = request.PathParameter("code");
                   return http::Response::Json(
                       http::Serialize(ItemToJson(services.dictionaries.CreateItem(request.context, item))),
                       201);
               });
    router.Add({.method = Method::kPut,
                .path = "/api/v1/dictionary-items/{id}",
                .permission = "system:dict:update",
                .body_limit = 4096,
                .tag = "system",
                .summary = "Change an item's label, order or enabled flag",
                .request_body = "DictionaryItemInput",
                .response_body = "DictionaryItem"},
               [&](http::Request& request) {
                   const std::int64_t id = request.PathId("id");
                   const DictionaryItem changes = ReadItem(request, false);
                   return http::Response::Json(http::Serialize(
                       ItemToJson(services.dictionaries.UpdateItem(request.context, id, changes))));
               });
    router.Add({.method = Method::kDelete,
                .path = "/api/v1/dictionary-items/{id}",
                .permission = "system:dict:update",
                .tag = "system",
                .summary = "Delete a dictionary item"},
               [&](http::Request& request) {
                   services.dictionaries.DeleteItem(request.context, request.PathId("id"));
                   return http::Response::NoContent();
               });

    // ---- audit and login logs ----
    router.Add(
        {.method = Method::kGet,
         .path = "/api/v1/audit-logs",
         .permission = "system:audit:view",
         .tag = "system",
         .summary = "Audit log of changes in the caller's scope",
         .response_body = "AuditPage"},
        [&](http::Request& request) {
            const auto page = http::ReadPageRequest(request);
            return http::Response::Json(http::Serialize(http::PageToJson(
                services.logs.ListAudit(request.context, ReadAuditFilter(request), page), AuditToJson)));
        });
    router.Add(
        {.method = Method::kGet,
         .path = "/api/v1/audit-logs/export",
         .permission = "system:audit:view",
         .tag = "system",
         .summary = "Export the filtered audit log as .xlsx"},
        [&](http::Request& request) {
            http::XlsxTable table{
                Localize(request, "审计日志", "Audit log"),
                {Localize(request, "时间", "Time"), Localize(request, "用户", "User"),
                 Localize(request, "操作", "Action"), Localize(request, "对象类型", "Entity"),
                 Localize(request, "对象编号", "Entity id"), Localize(request, "变更前", "Before"),
                 Localize(request, "变更后", "After"), Localize(request, "请求号", "Request id")},
                {20, 14, 14, 16, 10, 40, 40, 18},
                {}};
            const auto entries = services.logs.ListAudit(request.context, ReadAuditFilter(request),
                                                         {1, LogService::kExportLimit});
            for (const AuditEntry& entry : entries.items) {
                table.rows.push_back({FormatInstant(entry.at), entry.username, entry.action,
                                      entry.entity_type, entry.entity_id, entry.before_json.value_or(""),
                                      entry.after_json.value_or(""), entry.request_id});
            }
            return XlsxResponse(table, Localize(request, "审计日志.xlsx", "audit-log.xlsx"));
        });
    router.Add(
        {.method = Method::kGet,
         .path = "/api/v1/login-logs",
         .permission = "system:loginlog:view",
         .tag = "system",
         .summary = "Sign-in attempts in the caller's scope",
         .response_body = "LoginPage"},
        [&](http::Request& request) {
            const auto page = http::ReadPageRequest(request);
            return http::Response::Json(http::Serialize(http::PageToJson(
                services.logs.ListLogins(request.context, ReadLoginFilter(request), page), LoginToJson)));
        });
    router.Add({.method = Method::kGet,
                .path = "/api/v1/login-logs/export",
                .permission = "system:loginlog:view",
                .tag = "system",
                .summary = "Export the filtered login log as .xlsx"},
               [&](http::Request& request) {
                   http::XlsxTable table{
                       Localize(request, "登录日志", "Login log"),
                       {Localize(request, "时间", "Time"), Localize(request, "用户名", "Username"),
                        Localize(request, "结果", "Result"), Localize(request, "原因", "Reason"),
                        Localize(request, "地址", "Address"), Localize(request, "浏览器", "User agent")},
                       {20, 16, 8, 16, 16, 50},
                       {}};
                   const auto entries = services.logs.ListLogins(request.context, ReadLoginFilter(request),
                                                                 {1, LogService::kExportLimit});
                   for (const LoginEntry& entry : entries.items) {
                       table.rows.push_back({FormatInstant(entry.at), entry.username,
                                             entry.success ? Localize(request, "成功", "Success")
                                                           : Localize(request, "失败", "Failed"),
                                             entry.reason, entry.client_address, entry.user_agent});
                   }
                   return XlsxResponse(table, Localize(request, "登录日志.xlsx", "login-log.xlsx"));
               });
}

}  // namespace app::system
