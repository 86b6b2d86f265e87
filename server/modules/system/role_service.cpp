#include "system/role_service.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include <algorithm>
#include <cctype>

#include "auth/audit.hpp"
#include "core/text.hpp"
#include "db/duplicate_value.hpp"
#include "http/json.hpp"

namespace app::system {
namespace {

constexpr std::string_view kColumns =
    "SELECT id, code, name, data_scope, builtin, remark, created_at, updated_at FROM roles";

Role ReadRole(const db::Row& row) {
    Role role;
    role.id = row.GetInt64(0);
    role.code = row.GetString(1);
    role.name = row.GetString(2);
    role.data_scope = row.GetString(3) == "SELF" ? DataScope::kSelf : DataScope::kSubtree;
    role.builtin = row.GetBool(4);
    role.remark = row.GetString(5);
    role.created_at = row.GetInt64(6);
    role.updated_at = row.GetInt64(7);
    return role;
}

void LoadPermissions(db::Session& session, Role& role) {
    const db::Result rows = session.Query(
        "SELECT permission FROM role_permissions WHERE role_id = $1 ORDER BY permission", role.id);
    for (const db::Row row : rows) role.permissions.push_back(row.GetString(0));
}

std::string AuditJson(const Role& role) {
    boost::json::array permissions;
    for (const auto& permission : role.permissions) permissions.emplace_back(permission);
    return http::Serialize(boost::json::object{{"code", role.code},
                                               {"name", role.name},
                                               {"dataScope", DataScopeName(role.data_scope)},
                                               {"permissions", std::move(permissions)},
                                               {"remark", role.remark}});
}

}  // namespace

std::optional<Role> RoleService::Find(db::Session& session, std::int64_t id) {
    const db::Result rows = session.Query(std::string(kColumns) + " WHERE id = $1", id);
    if (rows.Empty()) return std::nullopt;
    Role role = ReadRole(rows.Front());
    LoadPermissions(session, role);
    return role;
}

Page<Role> RoleService::List(const RequestContext&, const std::string& keyword, PageRequest page) const {
    const std::string pattern = "%" + text::EscapeLike(text::ToLowerAscii(keyword)) + "%";
    return database_.Read([&](db::Session& session) {
        constexpr std::string_view kFilter =
            " WHERE ($1 = '' OR LOWER(code) LIKE $2 ESCAPE '\\' OR LOWER(name) LIKE $2 ESCAPE '\\')";
        Page<Role> result;
        result.total = session.Query("SELECT COUNT(*) FROM roles" + std::string(kFilter), keyword, pattern)
                           .Front()
                           .GetInt64(0);
        const db::Result rows =
            session.Query(std::string(kColumns) + std::string(kFilter) + " ORDER BY id LIMIT $3 OFFSET $4",
                          keyword, pattern, page.page_size, page.Offset());
        for (const db::Row row : rows) {
            Role role = ReadRole(row);
            LoadPermissions(session, role);
            result.items.push_back(std::move(role));
        }
        return result;
    });
}

Role RoleService::Get(const RequestContext&, std::int64_t id) const {
    auto role = database_.Read([&](db::Session& session) { return Find(session, id); });
    if (!role) throw Error::NotFound("role");
    return *role;
}

void RoleService::Check(const Principal& principal, const RoleInput& input, bool check_code) const {
    Error::FieldErrors errors;
    if (check_code) {
        const bool code_ok = input.code.size() >= 2 && input.code.size() <= 32 &&
                             std::isupper(static_cast<unsigned char>(input.code[0])) &&
                             std::all_of(input.code.begin(), input.code.end(), [](char c) {
                                 return std::isupper(static_cast<unsigned char>(c)) ||
                                        std::isdigit(static_cast<unsigned char>(c)) || c == '_';
                             });
        if (!code_ok) {
            errors.emplace(
                "code",
                LocalizedText{"编码须为 2–32 位大写字母、数字或下划线，以字母开头",
                              "Code must be 2–32 capital letters, digits or '_', starting with a letter"});
        }
    }
    // A caller who sees only their own records cannot hand out the organisation subtree either.
    if (principal.data_scope == DataScope::kSelf && input.data_scope != DataScope::kSelf) {
        errors.emplace("dataScope", LocalizedText{"不能设置超出您自身数据范围的数据范围",
                                                  "You cannot give a role a wider data scope than your own"});
    }
    for (const auto& permission : input.permissions) {
        if (!known_permissions_.count(permission)) {
            errors.emplace("permissions",
                           LocalizedText{"未知的权限：" + permission, "Unknown permission: " + permission});
            break;
        }
        if (!principal.HasPermission(permission)) {
            errors.emplace("permissions",
                           LocalizedText{"不能授予您自身没有的权限：" + permission,
                                         "You cannot grant a permission you do not hold: " + permission});
            break;
        }
    }
    if (!errors.empty()) throw Error::InvalidInput(errors);
}

Role RoleService::Create(const RequestContext& context, const RoleInput& input) {
    Check(context.principal, input, true);
    const std::int64_t now = clock_.Now();
    try {
        return database_.Write([&](db::Session& session) {
            const std::int64_t id =
                session
                    .Query(
                        "INSERT INTO roles (code, name, data_scope, builtin, remark, created_at, updated_at) "
                        "VALUES ($1, $2, $3, 0, $4, $5, $5) RETURNING id",
                        input.code, input.name, DataScopeName(input.data_scope), input.remark, now)
                    .Front()
                    .GetInt64(0);
            for (const auto& permission :
                 std::set<std::string>(input.permissions.begin(), input.permissions.end())) {
                session.Execute("INSERT INTO role_permissions (role_id, permission) VALUES ($1, $2)", id,
                                permission);
            }
            Role created = *Find(session, id);
            auth::RecordAudit(session, context,
                              {"create", "role", std::to_string(id), std::nullopt, AuditJson(created), {}},
                              now);
            return created;
        });
    } catch (const db::ConstraintViolation& violation) {
        if (violation.GetKind() == db::ConstraintViolation::Kind::kUnique) {
            throw db::DuplicateValue(violation, "code", {"角色编码已存在", "This role code already exists"});
        }
        throw;
    }
}

Role RoleService::Update(const RequestContext& context, std::int64_t id, const RoleInput& input) {
    Check(context.principal, input, false);
    const std::int64_t now = clock_.Now();
    return database_.Write([&](db::Session& session) {
        const auto before = Find(session, id);
        if (!before) throw Error::NotFound("role");
        // Removing a permission the caller does not hold would also be a change they cannot judge.
        for (const auto& permission : before->permissions) {
            const bool kept = std::find(input.permissions.begin(), input.permissions.end(), permission) !=
                              input.permissions.end();
            if (!kept && !context.principal.HasPermission(permission)) {
                throw Error::InvalidField("permissions",
                                          {"不能移除您自身没有的权限：" + permission,
                                           "You cannot remove a permission you do not hold: " + permission});
            }
        }
        session.Execute(
            "UPDATE roles SET name = $1, data_scope = $2, remark = $3, updated_at = $4 WHERE id = $5",
            input.name, DataScopeName(input.data_scope), input.remark, now, id);
        session.Execute("DELETE FROM role_permissions WHERE role_id = $1", id);
        for (const auto& permission :
             std::set<std::string>(input.permissions.begin(), input.permissions.end())) {
            session.Execute("INSERT INTO role_permissions (role_id, permission) VALUES ($1, $2)", id,
                            permission);
        }
        Role after = *Find(session, id);
        auth::BumpAuthEpoch(session);
        auth::RecordAudit(session, context,
                          {"update", "role", std::to_string(id), AuditJson(*before), AuditJson(after), {}},
                          now);
        return after;
    });
}

void RoleService::Delete(const RequestContext& context, std::int64_t id) {
    const std::int64_t now = clock_.Now();
    database_.Write([&](db::Session& session) {
        const auto role = Find(session, id);
        if (!role) throw Error::NotFound("role");
        if (role->builtin) throw Error::Conflict({"内置角色不能删除", "Built-in roles cannot be deleted"});
        const std::int64_t holders =
            session.Query("SELECT COUNT(*) FROM user_roles WHERE role_id = $1", id).Front().GetInt64(0);
        if (holders > 0) {
            throw Error::Conflict({"该角色仍分配给 " + std::to_string(holders) + " 个用户，不能删除",
                                   "The role is still assigned to " + std::to_string(holders) + " user(s)"});
        }
        session.Execute("DELETE FROM roles WHERE id = $1", id);
        auth::BumpAuthEpoch(session);
        auth::RecordAudit(session, context,
                          {"delete", "role", std::to_string(id), AuditJson(*role), std::nullopt, {}}, now);
    });
}

}  // namespace app::system
