#include "system/user_service.hpp"

#include <boost/json/object.hpp>

#include <algorithm>
#include <cctype>
#include <set>

#include "auth/audit.hpp"
#include "auth/data_scope.hpp"
#include "core/text.hpp"
#include "db/duplicate_value.hpp"
#include "http/json.hpp"
#include "organisations/organisation_service.hpp"
#include "system/user_json.hpp"

namespace app::system {
namespace {

// One filter text for list, count and export. $1/$2 the scope's path range, $3 1 when the scope is SELF
// and $4 the caller, $5/$6 keyword and LIKE pattern, $7/$8 an organisation filter's path range, $9 status.
constexpr std::string_view kFilter =
    " WHERE u.organisation_path >= $1 AND u.organisation_path < $2 AND ($3 = 0 OR u.id = $4)"
    " AND ($5 = '' OR LOWER(u.username) LIKE $6 ESCAPE '\\' OR LOWER(u.display_name) LIKE $6 ESCAPE '\\')"
    " AND ($7 = '' OR (u.organisation_path >= $7 AND u.organisation_path < $8))"
    " AND ($9 = '' OR u.status = $9)";

constexpr std::string_view kColumns =
    "SELECT u.id, u.username, u.display_name, u.organisation_id, o.name, u.phone, u.email, u.status,"
    " u.must_change_password, u.created_at, u.updated_at, u.organisation_path"
    " FROM users u JOIN organisations o ON o.id = u.organisation_id";

User ReadUser(const db::Row& row) {
    User user;
    user.id = row.GetInt64(0);
    user.username = row.GetString(1);
    user.display_name = row.GetString(2);
    user.organisation_id = row.GetInt64(3);
    user.organisation_name = row.GetString(4);
    user.phone = row.GetString(5);
    user.email = row.GetString(6);
    user.status = ParseUserStatus(row.GetString(7)).value_or(UserStatus::kDisabled);
    user.must_change_password = row.GetBool(8);
    user.created_at = row.GetInt64(9);
    user.updated_at = row.GetInt64(10);
    user.organisation_path = row.GetString(11);
    return user;
}

void LoadRoles(db::Session& session, std::vector<User>& users) {
    if (users.empty()) return;
    // One query for the page's roles rather than one per user.
    std::string sql =
        "SELECT ur.user_id, r.id, r.name FROM user_roles ur JOIN roles r ON r.id = ur.role_id WHERE "
        "ur.user_id IN (";
    std::vector<db::Value> ids;
    for (std::size_t index = 0; index < users.size(); ++index) {
        sql += (index ? ", $" : "$") + std::to_string(index + 1);
        ids.emplace_back(users[index].id);
    }
    sql += ") ORDER BY r.id";
    const db::Result result = session.QueryValues(sql, ids);
    for (const db::Row row : result) {
        const std::int64_t user_id = row.GetInt64(0);
        for (User& user : users) {
            if (user.id == user_id) {
                user.role_ids.push_back(row.GetInt64(1));
                user.role_names.push_back(row.GetString(2));
            }
        }
    }
}

std::string AuditJson(const User& user) {
    return http::Serialize(UserToJson(user));
}

// A user regardless of the caller's scope: for reading back a row the caller has just written.
std::optional<User> FindById(db::Session& session, std::int64_t id) {
    const db::Result rows = session.Query(std::string(kColumns) + " WHERE u.id = $1", id);
    if (rows.Empty()) return std::nullopt;
    std::vector<User> users{ReadUser(rows.Front())};
    LoadRoles(session, users);
    return users[0];
}

}  // namespace

std::optional<LocalizedText> CheckUsername(std::string_view username) {
    const bool shape_ok =
        username.size() >= 3 && username.size() <= 32 &&
        std::isalpha(static_cast<unsigned char>(username[0])) &&
        std::all_of(username.begin(), username.end(), [](char c) {
            return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '_' || c == '-';
        });
    if (shape_ok) return std::nullopt;
    return LocalizedText{"用户名须为 3–32 位字母、数字或 . _ -，以字母开头",
                         "Username must be 3–32 letters, digits, '.', '_' or '-', starting with a letter"};
}

std::optional<LocalizedText> CheckPhone(std::string_view phone) {
    const bool ok = phone.empty() ||
                    (phone.size() == 11 && phone[0] == '1' && phone[1] >= '3' && phone[1] <= '9' &&
                     std::all_of(phone.begin(), phone.end(), [](char c) { return c >= '0' && c <= '9'; }));
    if (ok) return std::nullopt;
    return LocalizedText{"请输入 11 位手机号码", "Enter an 11-digit mainland mobile number"};
}

std::optional<LocalizedText> CheckEmail(std::string_view email) {
    if (email.empty()) return std::nullopt;
    const auto at = email.find('@');
    const auto dot = email.rfind('.');
    const bool ok = at != std::string_view::npos && at > 0 && dot != std::string_view::npos && dot > at + 1 &&
                    dot + 1 < email.size() && email.size() <= 100 &&
                    email.find(' ') == std::string_view::npos;
    if (ok) return std::nullopt;
    return LocalizedText{"邮箱格式不正确", "Enter a valid e-mail address"};
}

Page<User> UserService::Query(db::Session& session, const RequestContext& context, const UserFilter& filter,
                              std::int64_t limit, std::int64_t offset) const {
    const Principal& principal = context.principal;
    std::string organisation_lower;
    std::string organisation_upper;
    if (filter.organisation_id) {
        const auto organisation =
            organisations::OrganisationService::FindInScope(session, principal, *filter.organisation_id);
        // An organisation outside the scope filters to nothing rather than revealing that it exists.
        organisation_lower = organisation ? organisation->path : std::string("~");
        organisation_upper = auth::SubtreeUpperBound(organisation_lower);
    }
    const std::string keyword = text::ToLowerAscii(filter.keyword);
    const std::string pattern = "%" + text::EscapeLike(keyword) + "%";
    const std::string status = filter.status ? std::string(UserStatusName(*filter.status)) : std::string();
    const std::int64_t self_only = principal.data_scope == DataScope::kSelf ? 1 : 0;
    const std::string& lower = principal.organisation_path;
    const std::string upper = auth::SubtreeUpperBound(lower);

    Page<User> page;
    page.total =
        session
            .Query("SELECT COUNT(*) FROM users u" + std::string(kFilter), lower, upper, self_only,
                   principal.user_id, keyword, pattern, organisation_lower, organisation_upper, status)
            .Front()
            .GetInt64(0);
    const db::Result rows = session.Query(
        std::string(kColumns) + std::string(kFilter) + " ORDER BY u.id DESC LIMIT $10 OFFSET $11", lower,
        upper, self_only, principal.user_id, keyword, pattern, organisation_lower, organisation_upper, status,
        limit, offset);
    for (const db::Row row : rows) page.items.push_back(ReadUser(row));
    LoadRoles(session, page.items);
    return page;
}

Page<User> UserService::List(const RequestContext& context, const UserFilter& filter,
                             PageRequest page) const {
    return database_.Read(
        [&](db::Session& session) { return Query(session, context, filter, page.page_size, page.Offset()); });
}

std::vector<User> UserService::ListForExport(const RequestContext& context, const UserFilter& filter) const {
    return database_.Read(
        [&](db::Session& session) { return Query(session, context, filter, kExportLimit, 0).items; });
}

std::optional<User> UserService::FindInScope(db::Session& session, const Principal& principal,
                                             std::int64_t id) const {
    const db::Result rows = session.Query(std::string(kColumns) + " WHERE u.id = $1", id);
    if (rows.Empty()) return std::nullopt;
    std::vector<User> users{ReadUser(rows.Front())};
    const bool visible = principal.data_scope == DataScope::kSelf
                             ? users[0].id == principal.user_id
                             : auth::PathInSubtree(users[0].organisation_path, principal.organisation_path);
    if (!visible) return std::nullopt;
    LoadRoles(session, users);
    return users[0];
}

User UserService::Get(const RequestContext& context, std::int64_t id) const {
    auto user =
        database_.Read([&](db::Session& session) { return FindInScope(session, context.principal, id); });
    if (!user) throw Error::NotFound("user");
    return *user;
}

void UserService::CheckManageable(db::Session& session, const Principal& principal,
                                  std::int64_t user_id) const {
    const db::Result permissions = session.Query(
        "SELECT DISTINCT rp.permission FROM user_roles ur JOIN role_permissions rp ON rp.role_id = "
        "ur.role_id "
        "WHERE ur.user_id = $1",
        user_id);
    for (const db::Row row : permissions) {
        if (!principal.HasPermission(row.GetString(0))) {
            throw Error(
                ErrorCode::kForbidden,
                {"该用户拥有您没有的权限，不能由您修改、重置密码或删除",
                 "This user holds permissions you do not have; you cannot change, reset or delete them"},
                "target holds " + row.GetString(0));
        }
    }
}

void UserService::CheckAssignment(db::Session& session, const Principal& principal,
                                  std::int64_t organisation_id, const std::vector<std::int64_t>& role_ids,
                                  Error::FieldErrors& errors) const {
    if (organisation_id <= 0 ||
        !organisations::OrganisationService::FindInScope(session, principal, organisation_id)) {
        errors.emplace("organisationId",
                       LocalizedText{"所属组织不存在或不在您的管理范围内",
                                     "The organisation does not exist or is outside your scope"});
    }
    if (role_ids.empty()) {
        errors.emplace("roleIds", LocalizedText{"请至少选择一个角色", "Choose at least one role"});
        return;
    }
    // Nobody grants what they do not hold: every permission of every role must be the caller's too, and
    // a caller who sees only their own records cannot grant the organisation subtree.
    for (const std::int64_t role_id : role_ids) {
        const db::Result role = session.Query("SELECT data_scope FROM roles WHERE id = $1", role_id);
        if (role.Empty()) {
            errors.emplace("roleIds", LocalizedText{"角色不存在", "A chosen role does not exist"});
            return;
        }
        if (principal.data_scope == DataScope::kSelf && role.Front().GetString(0) != "SELF") {
            errors.emplace("roleIds",
                           LocalizedText{"不能授予超出您自身数据范围的角色",
                                         "You cannot grant a role with a wider data scope than your own"});
            return;
        }
        const db::Result permissions =
            session.Query("SELECT permission FROM role_permissions WHERE role_id = $1", role_id);
        for (const db::Row row : permissions) {
            if (!principal.HasPermission(row.GetString(0))) {
                errors.emplace("roleIds",
                               LocalizedText{"不能授予超出您自身权限的角色",
                                             "You cannot grant a role with permissions you do not hold"});
                return;
            }
        }
    }
}

User UserService::Create(const RequestContext& context, const NewUser& user_input) {
    // User names are case-insensitive: stored in lower case, so "County_Cadre" cannot sit beside
    // "county_cadre".
    NewUser input = user_input;
    input.username = text::ToLowerAscii(input.username);
    Error::FieldErrors errors;
    if (auto problem = CheckUsername(input.username)) errors.emplace("username", *problem);
    if (auto problem = auth::CheckPasswordRule(input.password)) errors.emplace("password", *problem);
    if (auto problem = CheckPhone(input.phone)) errors.emplace("phone", *problem);
    if (auto problem = CheckEmail(input.email)) errors.emplace("email", *problem);
    const std::string password_hash =
        errors.count("password") ? std::string() : auth::HashPassword(input.password, hash_cost_);
    const std::int64_t now = clock_.Now();
    try {
        return database_.Write([&](db::Session& session) {
            CheckAssignment(session, context.principal, input.organisation_id, input.role_ids, errors);
            if (!errors.empty()) throw Error::InvalidInput(errors);
            const std::int64_t id = session
                                        .Query(
                                            "INSERT INTO users (username, display_name, password_hash, "
                                            "organisation_id, phone, email, status, "
                                            "must_change_password, created_at, updated_at) VALUES ($1, $2, "
                                            "$3, $4, $5, $6, 'ACTIVE', 1, $7, $7) "
                                            "RETURNING id",
                                            input.username, input.display_name, password_hash,
                                            input.organisation_id, input.phone, input.email, now)
                                        .Front()
                                        .GetInt64(0);
            for (const std::int64_t role_id :
                 std::set<std::int64_t>(input.role_ids.begin(), input.role_ids.end())) {
                session.Execute("INSERT INTO user_roles (user_id, role_id) VALUES ($1, $2)", id, role_id);
            }
            // Not FindInScope: a SELF-scoped creator does not see the account they have just made.
            const User created = *FindById(session, id);
            const std::string& path = created.organisation_path;
            auth::RecordAudit(session, context,
                              {"create", "user", std::to_string(id), std::nullopt, AuditJson(created), path},
                              now);
            return created;
        });
    } catch (const db::ConstraintViolation& violation) {
        if (violation.GetKind() == db::ConstraintViolation::Kind::kUnique && violation.Mentions("username")) {
            throw db::DuplicateValue(violation, "username",
                                     {"用户名已被使用", "This username is already taken"});
        }
        throw;
    }
}

User UserService::Update(const RequestContext& context, std::int64_t id, const UserChanges& changes) {
    Error::FieldErrors errors;
    if (auto problem = CheckPhone(changes.phone)) errors.emplace("phone", *problem);
    if (auto problem = CheckEmail(changes.email)) errors.emplace("email", *problem);
    if (id == context.principal.user_id && changes.status == UserStatus::kDisabled) {
        errors.emplace("status", LocalizedText{"不能停用自己的账号", "You cannot disable your own account"});
    }
    const std::int64_t now = clock_.Now();
    return database_.Write([&](db::Session& session) {
        const auto before = FindInScope(session, context.principal, id);
        if (!before) throw Error::NotFound("user");
        CheckManageable(session, context.principal, id);
        CheckAssignment(session, context.principal, changes.organisation_id, changes.role_ids, errors);
        if (!errors.empty()) throw Error::InvalidInput(errors);
        session.Execute(
            "UPDATE users SET display_name = $1, organisation_id = $2, phone = $3, email = $4, status = $5, "
            "updated_at = $6 "
            "WHERE id = $7",
            changes.display_name, changes.organisation_id, changes.phone, changes.email,
            UserStatusName(changes.status), now, id);
        session.Execute("DELETE FROM user_roles WHERE user_id = $1", id);
        for (const std::int64_t role_id :
             std::set<std::int64_t>(changes.role_ids.begin(), changes.role_ids.end())) {
            session.Execute("INSERT INTO user_roles (user_id, role_id) VALUES ($1, $2)", id, role_id);
        }
        if (changes.status == UserStatus::kDisabled)
            session.Execute("DELETE FROM sessions WHERE user_id = $1", id);
        const User after = *FindInScope(session, context.principal, id);
        const std::string& path = after.organisation_path;
        auth::BumpAuthEpoch(session);
        auth::RecordAudit(session, context,
                          {"update", "user", std::to_string(id), AuditJson(*before), AuditJson(after), path},
                          now);
        return after;
    });
}

void UserService::Delete(const RequestContext& context, std::int64_t id) {
    const std::int64_t now = clock_.Now();
    database_.Write([&](db::Session& session) {
        const auto before = FindInScope(session, context.principal, id);
        if (!before) throw Error::NotFound("user");
        CheckManageable(session, context.principal, id);
        if (id == context.principal.user_id) {
            throw Error::Conflict({"不能删除自己的账号", "You cannot delete your own account"});
        }
        const std::string& path = before->organisation_path;
        session.Execute("DELETE FROM users WHERE id = $1", id);
        auth::BumpAuthEpoch(session);
        auth::RecordAudit(session, context,
                          {"delete", "user", std::to_string(id), AuditJson(*before), std::nullopt, path},
                          now);
    });
}

void UserService::ResetPassword(const RequestContext& context, std::int64_t id,
                                const std::string& new_password) {
    if (auto problem = auth::CheckPasswordRule(new_password))
        throw Error::InvalidField("newPassword", *problem);
    const std::string hash = auth::HashPassword(new_password, hash_cost_);
    const std::int64_t now = clock_.Now();
    database_.Write([&](db::Session& session) {
        const auto user = FindInScope(session, context.principal, id);
        if (!user) throw Error::NotFound("user");
        CheckManageable(session, context.principal, id);
        session.Execute(
            "UPDATE users SET password_hash = $1, must_change_password = 1, updated_at = $2 WHERE id = $3",
            hash, now, id);
        session.Execute("DELETE FROM sessions WHERE user_id = $1", id);
        const std::string& path = user->organisation_path;
        auth::BumpAuthEpoch(session);
        auth::RecordAudit(session, context,
                          {"reset_password", "user", std::to_string(id), std::nullopt, std::nullopt, path},
                          now);
    });
}

}  // namespace app::system
