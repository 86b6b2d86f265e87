#pragma once

#include <set>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/paging.hpp"
#include "core/principal.hpp"
#include "db/database.hpp"

namespace app::system {

struct Role {
    std::int64_t id = 0;
    std::string code;
    std::string name;
    DataScope data_scope = DataScope::kSubtree;
    std::vector<std::string> permissions;
    bool builtin = false;
    std::string remark;
    std::int64_t created_at = 0;
    std::int64_t updated_at = 0;
};

struct RoleInput {
    std::string code;  // ignored on update: codes are stable
    std::string name;
    DataScope data_scope = DataScope::kSubtree;
    std::vector<std::string> permissions;
    std::string remark;
};

// Roles are platform-wide. A caller may only put permissions they hold into a role, and built-in roles
// cannot be deleted. Thread-safe.
class RoleService {
public:
    RoleService(db::Database& database, const Clock& clock, std::set<std::string> known_permissions)
        : database_(database), clock_(clock), known_permissions_(std::move(known_permissions)) {}

    Page<Role> List(const RequestContext& context, const std::string& keyword, PageRequest page) const;
    Role Get(const RequestContext& context, std::int64_t id) const;
    Role Create(const RequestContext& context, const RoleInput& input);
    Role Update(const RequestContext& context, std::int64_t id, const RoleInput& input);
    void Delete(const RequestContext& context, std::int64_t id);

private:
    void Check(const Principal& principal, const RoleInput& input, bool check_code) const;
    static std::optional<Role> Find(db::Session& session, std::int64_t id);

    db::Database& database_;
    const Clock& clock_;
    std::set<std::string> known_permissions_;
};

}  // namespace app::system
