#include "app/commands.hpp"

#include <spdlog/spdlog.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "app/api.hpp"
#include "app/demo_data.hpp"
#include "auth/data_scope.hpp"
#include "auth/session_service.hpp"
#include "core/csv.hpp"
#include "db/migrator.hpp"
#include "db/read_replica.hpp"
#include "db/sqlite/sqlite_database.hpp"
#include "http/dispatcher.hpp"
#include "http/openapi.hpp"
#include "http/server.hpp"
#include "organisations/organisation_routes.hpp"
#include "statistics/statistics_service.hpp"
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
    std::unique_ptr<db::ReadReplicaDatabase> statistics_database;
    if (!config.database_statistics_url.empty()) {
        statistics_database = std::make_unique<db::ReadReplicaDatabase>(
            *database, config.database_statistics_url,
            db::DatabaseOptions{.read_connections = static_cast<int>(config.database_read_connections)});
        spdlog::info("statistics read from {}", statistics_database->Describe());
    }
    Api api(*database, clock, config, statistics_database.get());
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
    try {
        options.trusted_proxies = http::TrustedProxies(config.server_trusted_proxies);
    } catch (const std::invalid_argument& error) {
        throw config::ConfigError(std::string("setting server.trusted_proxies: ") + error.what());
    }
    options.on_listening = [&](std::uint16_t port) {
        // Scripts and tests read this line to learn the port when 0 was asked for.
        std::printf("Ankang listening on http://%s:%u (database %s)\n", config.server_listen.c_str(), port,
                    database->Describe().c_str());
        std::fflush(stdout);
    };
    spdlog::info("{} routes, {} permission keys", router.Routes().size(), router.Permissions().size());
    http::Server server(options, router, dispatcher);
    // The job runner's thread lives as long as the server: Run() returns after SIGTERM/SIGINT and the
    // in-flight requests, then Stop() lets a job in progress finish and joins the thread.
    if (config.scheduler_enabled) {
        api.Jobs().Start();
    } else {
        spdlog::info("scheduler disabled (scheduler.enabled = false): no periodic jobs in this process");
    }
    server.Run();
    api.Jobs().Stop();
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
            "demo province created in %s: %d organisations, %d users, %d enterprises, %d inspectors, %d "
            "hazards"
            " and %d worker reports (%d and %d of them two years of history)\n",
            database->Describe().c_str(), report.organisations, report.users, report.enterprises,
            report.inspectors, report.hazards + report.history_hazards,
            report.worker_reports + report.history_reports, report.history_hazards, report.history_reports);
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

int ImportEnterprises(const config::Config& config, const ImportFlags& flags) {
    std::ifstream file(flags.file, std::ios::binary);
    if (!file) {
        std::fprintf(stderr, "import: cannot open %s\n", flags.file.c_str());
        return 1;
    }
    auto database = OpenAndMigrate(config);
    Bootstrap(*database, config);
    RequestContext context = OperatorContext(*database, AllPermissions(*database, config));
    context.request_id = "cli-import";
    if (!flags.organisation_code.empty()) {
        const auto organisation = database->Read([&](db::Session& session) {
            return session.Query("SELECT id, path, name FROM organisations WHERE code = $1",
                                 flags.organisation_code);
        });
        if (organisation.Empty())
            throw Error::InvalidField("organisation", {"组织编码不存在", "No organisation has this code"});
        context.principal.organisation_id = organisation.Front().GetInt64(0);
        context.principal.organisation_path = organisation.Front().GetString(1);
    }
    // The file is read in 1 MiB pieces while the rows are written, so its size does not decide memory use.
    std::vector<char> buffer(1 << 20);
    csv::Reader reader([&]() -> std::string_view {
        file.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
        return {buffer.data(), static_cast<std::size_t>(file.gcount())};
    });
    std::vector<std::string> ignored;
    organisations::ImportOptions options{flags.mode, flags.run, SIZE_MAX};
    const SystemClock clock;
    organisations::EnterpriseImportService imports(*database, clock);
    const organisations::ImportResult result =
        imports.Import(context, organisations::CsvImportRows(reader, ignored), options);

    for (const auto& column : ignored) std::printf("ignored column: %s\n", column.c_str());
    const double seconds = static_cast<double>(result.elapsed_ms) / 1000.0;
    std::printf("%s%s: %lld rows, %lld inserted, %lld updated, %lld unchanged, %lld rejected%s\n",
                std::string(organisations::ImportModeName(result.mode)).c_str(),
                result.run == organisations::ImportRun::kDryRun ? " (dry run)" : "",
                static_cast<long long>(result.rows), static_cast<long long>(result.inserted),
                static_cast<long long>(result.updated), static_cast<long long>(result.unchanged),
                static_cast<long long>(result.rejected), result.committed ? "" : "; nothing written");
    std::printf("%.2f s, %.0f rows/s\n", seconds,
                seconds > 0 ? static_cast<double>(result.rows) / seconds : 0.0);
    for (std::size_t index = 0; index < result.issues.size() && index < 20; ++index) {
        const auto& issue = result.issues[index];
        std::printf("row %lld, %s: %s\n", static_cast<long long>(issue.row_number),
                    std::string(organisations::InfoOf(issue.column).label_zh).c_str(),
                    issue.message.zh.c_str());
    }
    if (result.issues.size() > 20) std::printf("… %zu row errors in all\n", result.issues.size());
    if (!flags.report_file.empty()) {
        std::string report = "\xEF\xBB\xBF";
        csv::AppendRecord(report, {"行号", "列", "错误", "Column", "Error"});
        for (const auto& issue : result.issues) {
            const auto& info = organisations::InfoOf(issue.column);
            csv::AppendRecord(report, {std::to_string(issue.row_number), std::string(info.label_zh),
                                       issue.message.zh, std::string(info.label_en), issue.message.en});
        }
        std::ofstream(flags.report_file, std::ios::binary) << report;
        std::printf("error report: %s (%zu errors)\n", flags.report_file.c_str(), result.issues.size());
    }
    return result.rejected > 0 ? 3 : 0;
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

int StatisticsRebuild(const config::Config& config) {
    auto database = OpenAndMigrate(config);
    const std::int64_t rows =
        database->Write([](db::Session& session) { return statistics::RebuildRollups(session); });
    std::printf("statistics roll-ups rebuilt: %lld rows\n", static_cast<long long>(rows));
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
