#pragma once

#include "auth/session_service.hpp"
#include "db/database.hpp"
#include "http/router.hpp"
#include "system/dictionary_service.hpp"
#include "system/log_service.hpp"
#include "system/role_service.hpp"
#include "system/user_service.hpp"

namespace app::system {

struct SystemServices {
    db::Database& database;
    auth::SessionService& sessions;
    UserService& users;
    RoleService& roles;
    DictionaryService& dictionaries;
    LogService& logs;
    bool secure_cookie = false;
    std::int64_t session_lifetime_seconds = 12 * 3600;
};

// Sign-in routes (/auth/*) and the health check.
void RegisterAuthRoutes(http::Router& router, SystemServices& services);
// Users, roles, permissions, dictionaries, audit and login logs.
void RegisterSystemRoutes(http::Router& router, SystemServices& services);

}  // namespace app::system
