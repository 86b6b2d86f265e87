#include "app/commands.hpp"

#include <spdlog/spdlog.h>

#include <cstdio>
#include <filesystem>
#include <iostream>

#include "app/api.hpp"
#include "app/demo_data.hpp"
#include "auth/data_scope.hpp"
#include "auth/session_service.hpp"
#include "db/migrator.hpp"
#include "db/sqlite/sqlite_database.hpp"
#include "http/dispatcher.hpp"
#include "http/openapi.hpp"
#include "http/server.hpp"
#include "organisations/organisation_routes.hpp"
#include "system/bootstrap.hpp"
#include "system/permissions.hpp"
#include "system/system_routes.hpp"

namespace app::commands {
namespace {

std::unique_ptr<db::Database> OpenAndMigrate(const config::Config& config) {
    if (config.database_url.rfind("sqlite:", 0) == 0) {
        const std::filesystem::path file(config.database_url.substr(7));
        if (file.has_parent_path() && file != ":memory:")
            std::filesystem::create_directories(file.parent_path());
    }
    auto database = db::OpenDatabase(
        config.database_url, {.read_connections = static_cast<int>(config.database_read_connections)});
    db::Migrate(*database);
    return database;
}

void Bootstrap(db::Database& database, const config::Config& config) {
    system::EnsureBootstrapped(
        database, SystemClock(),
        {config.organisation_root_name, config.auth_initial_admin_password, HashCost(config)});
}

// Command-line operations act as the platform operator: the root organisation, every permission.
RequestContext OperatorContext(db::Database& database, const std::set<std::string>& permissions) {
    RequestContext context;
    context.request_id = "cli";
    context.principal.username = "cli";
    context.principal.data_scope = DataScope::kSubtree;
    context.principal.permissions.assign(permissions.begin(), permissions.end());
    const auto root = database.Read([](db::Session& session) {
        return session.Query(
            "SELECT id, path FROM organisations WHERE parent_id IS NULL ORDER BY id LIMIT 1");
    });
    if (root.Empty())
        throw std::runtime_error("the database has no root organisation; run `ankang migrate` first");
    context.principal.organisation_id = root.Front().GetInt64(0);
    context.principal.organisation_path = root.Front().GetString(1);
    return context;
}

// Every permission key the server declares, from the same wiring `serve` uses.
std::set<std::string> AllPermissions(db::Database& database, const config::Config& config) {
    const SystemClock clock;
    return Api(database, clock, config).PermissionKeys();
}

}  // namespace

int Serve(config::Config config, const ServeFlags& flags) {
    if (flags.port) config.server_port = *flags.port;
    if (flags.listen) config.server_listen = *flags.listen;
    if (flags.static_dir) config.server_static_dir = *flags.static_dir;

    auto database = OpenAndMigrate(config);
    Bootstrap(*database, config);
    const SystemClock clock;
    Api api(*database, clock, config);
    const http::Router& router = api.GetRouter();
    auth::SessionService& sessions = api.Sessions();

    std::unique_ptr<http::StaticFiles> static_files;
    if (std::filesystem::is_directory(config.server_static_dir)) {
        static_files = std::make_unique<http::StaticFiles>(config.server_static_dir);
    } else {
        spdlog::warn("static directory {} not found; only the API is served", config.server_static_dir);
    }
    http::Dispatcher dispatcher(
        router, [&sessions](std::string_view token) { return sessions.Authenticate(token); },
        std::move(static_files));
    http::ServerOptions options;
    options.address = config.server_listen;
    options.port = static_cast<std::uint16_t>(config.server_port);
    options.worker_threads = static_cast<int>(config.server_worker_threads);
    options.header_timeout = std::chrono::seconds(config.server_header_timeout_seconds);
    options.idle_timeout = std::chrono::seconds(config.server_idle_timeout_seconds);
    options.on_listening = [&](std::uint16_t port) {
        // Scripts and tests read this line to learn the port when 0 was asked for.
        std::printf("Ankang listening on http://%s:%u (database %s)\n", config.server_listen.c_str(), port,
                    database->Describe().c_str());
        std::fflush(stdout);
    };
    spdlog::info("{} routes, {} permission keys", router.Routes().size(), router.Permissions().size());
    http::Server server(options, router, dispatcher);
    server.Run();
    return 0;
}

int Migrate(const config::Config& config) {
    auto database = db::OpenDatabase(config.database_url, {.read_connections = 1});
    const auto report = db::Migrate(*database);
    Bootstrap(*database, config);
    std::printf("schema at version %d (%zu migration(s) applied now)\n", report.current_version,
                report.applied.size());
    return 0;
}

int Demo(const config::Config& config) {
    auto database = OpenAndMigrate(config);
    Bootstrap(*database, config);
    const auto report = demo::CreateDemoData(*database, SystemClock(), HashCost(config));
    if (!report.created) {
        std::printf("demo data already present in %s\n", database->Describe().c_str());
    } else {
        std::printf(
            "demo province created in %s: %d organisations, %d users, %d enterprises, %d inspectors\n",
            database->Describe().c_str(), report.organisations, report.users, report.enterprises,
            report.inspectors);
    }
    return 0;
}

int UserAdd(const config::Config& config, const UserFlags& flags) {
    auto database = OpenAndMigrate(config);
    Bootstrap(*database, config);
    const SystemClock clock;
    system::UserService users(*database, clock, HashCost(config));
    const RequestContext context = OperatorContext(*database, AllPermissions(*database, config));
    system::NewUser user{flags.username, flags.display_name, flags.password, 0, {}, "", ""};
    database->Read([&](db::Session& session) {
        const auto organisation =
            session.Query("SELECT id FROM organisations WHERE code = $1", flags.organisation_code);
        if (organisation.Empty())
            throw Error::InvalidField("organisation", {"组织编码不存在", "No organisation has this code"});
        user.organisation_id = organisation.Front().GetInt64(0);
        for (const auto& code : flags.role_codes) {
            const auto role = session.Query("SELECT id FROM roles WHERE code = $1", code);
            if (role.Empty())
                throw Error::InvalidField("role",
                                          {"角色编码不存在：" + code, "No role has the code " + code});
            user.role_ids.push_back(role.Front().GetInt64(0));
        }
    });
    const auto created = users.Create(context, user);
    std::printf("user %s created (id %lld); the password must be changed at first sign-in\n",
                created.username.c_str(), static_cast<long long>(created.id));
    return 0;
}

namespace {
std::int64_t UserIdByName(db::Database& database, const std::string& username) {
    const auto found = database.Read([&](db::Session& session) {
        return session.Query("SELECT id FROM users WHERE username = $1", username);
    });
    if (found.Empty()) throw Error::InvalidField("username", {"用户不存在", "No such user"});
    return found.Front().GetInt64(0);
}
}  // namespace

int UserPassword(const config::Config& config, const std::string& username, const std::string& password) {
    auto database = OpenAndMigrate(config);
    const SystemClock clock;
    system::UserService users(*database, clock, HashCost(config));
    users.ResetPassword(OperatorContext(*database, AllPermissions(*database, config)),
                        UserIdByName(*database, username), password);
    std::printf("password of %s reset; it must be changed at the next sign-in\n", username.c_str());
    return 0;
}

int UserDisable(const config::Config& config, const std::string& username) {
    auto database = OpenAndMigrate(config);
    const SystemClock clock;
    system::UserService users(*database, clock, HashCost(config));
    const RequestContext context = OperatorContext(*database, AllPermissions(*database, config));
    const auto user = users.Get(context, UserIdByName(*database, username));
    users.Update(context, user.id,
                 {user.display_name, user.organisation_id, user.role_ids, user.phone, user.email,
                  system::UserStatus::kDisabled});
    std::printf("user %s disabled and signed out everywhere\n", username.c_str());
    return 0;
}

int Backup(const config::Config& config, const std::string& destination) {
    if (config.database_url.rfind("sqlite:", 0) != 0) {
        std::fprintf(stderr,
                     "backup: only for SQLite; for PostgreSQL use pg_dump (see docs/operations.md)\n");
        return 2;
    }
    if (std::filesystem::exists(destination)) {
        std::fprintf(stderr, "backup: %s already exists; choose a new file\n", destination.c_str());
        return 2;
    }
    db::BackupSqliteDatabase(config.database_url.substr(7), destination);
    std::printf("backup written to %s\n", destination.c_str());
    return 0;
}

int Routes(config::Config config) {
    // The table is a property of the binary: it is built over an empty in-memory database that no handler
    // touches, with cheap password hashing (the session service hashes a dummy password when created).
    config.auth_password_hash = "minimal";
    auto database = db::OpenDatabase("sqlite::memory:");
    const SystemClock clock;
    const Api api(*database, clock, config);
    std::printf("%s", RouteTableJson(api.GetRouter()).c_str());
    return 0;
}

int CheckConfig(const config::Config& config) {
    std::printf("%s", config::Describe(config).c_str());
    std::printf("configuration is valid\n");
    return 0;
}

}  // namespace app::commands
