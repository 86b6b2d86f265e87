#include "system/permissions.hpp"

namespace app::system {

void DeclareSystemPermissions(http::Router& router) {
    router.DeclarePermission({"system:user:view", "查看用户", "View users"});
    router.DeclarePermission({"system:user:create", "新增用户", "Create users"});
    router.DeclarePermission({"system:user:update", "修改用户、重置密码", "Edit users and reset passwords"});
    router.DeclarePermission({"system:user:delete", "删除用户", "Delete users"});
    router.DeclarePermission({"system:user:export", "导出用户", "Export users"});
    router.DeclarePermission({"system:role:view", "查看角色", "View roles"});
    router.DeclarePermission({"system:role:create", "新增角色", "Create roles"});
    router.DeclarePermission({"system:role:update", "修改角色", "Edit roles"});
    router.DeclarePermission({"system:role:delete", "删除角色", "Delete roles"});
    router.DeclarePermission({"system:dict:view", "查看字典", "View dictionaries"});
    router.DeclarePermission({"system:dict:update", "维护字典", "Edit dictionaries"});
    router.DeclarePermission({"system:audit:view", "查看审计日志", "View the audit log"});
    router.DeclarePermission({"system:loginlog:view", "查看登录日志", "View the login log"});
}

}  // namespace app::system
