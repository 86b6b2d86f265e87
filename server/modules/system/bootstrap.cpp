#include "system/bootstrap.hpp"

#include <spdlog/spdlog.h>

#include "auth/audit.hpp"
#include "auth/data_scope.hpp"
#include "organisations/organisation_service.hpp"

namespace app::system {

bool EnsureBootstrapped(db::Database& database, const Clock& clock, const BootstrapOptions& options) {
    const bool empty = database.Read([](db::Session& session) {
        return session.Query("SELECT COUNT(*) FROM organisations").Front().GetInt64(0) == 0;
    });
    if (!empty) return false;
    const std::string hash = auth::HashPassword(options.initial_admin_password, options.hash_cost);
    const std::int64_t now = clock.Now();
    return database.Write([&](db::Session& session) {
        // Re-check inside the write transaction: two processes may start on one new database.
        if (session.Query("SELECT COUNT(*) FROM organisations").Front().GetInt64(0) != 0) return false;
        const std::int64_t root = organisations::OrganisationService::Insert(
            session, {std::nullopt, options.root_organisation_name, "ROOT", "PROVINCIAL_FED", 1, ""}, now);
        const std::int64_t admin = session
                                       .Query(
                                           "INSERT INTO users (username, display_name, password_hash, "
                                           "organisation_id, status, must_change_password, "
                                           "created_at, updated_at) VALUES ('admin', '系统管理员', $1, $2, "
                                           "'ACTIVE', 1, $3, $3) RETURNING id",
                                           hash, root, now)
                                       .Front()
                                       .GetInt64(0);
        session.Execute(
            "INSERT INTO user_roles (user_id, role_id) SELECT $1, id FROM roles WHERE code = "
            "'PLATFORM_ADMIN'",
            admin);
        RequestContext system_context;
        system_context.request_id = "bootstrap";
        auth::RecordAudit(session, system_context,
                          {"bootstrap", "organisation", std::to_string(root), std::nullopt,
                           R"({"created":"root organisation and admin account"})", auth::PathSegment(root)},
                          now);
        spdlog::info(
            "created the root organisation and the admin account (password must be changed at first "
            "sign-in)");
        return true;
    });
}

}  // namespace app::system
