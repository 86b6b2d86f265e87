// Composition root: command line → configuration → the chosen command (which wires database, services,
// routes and the server explicitly; nothing registers itself).
#include <spdlog/pattern_formatter.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>
#include <CLI/CLI.hpp>

#include <cstdlib>
#include <iostream>

#include "app/commands.hpp"
#include "app/config.hpp"
#include "core/error.hpp"
#include "core/log_context.hpp"

namespace {

// %* in the log pattern: the request id of the request the logging thread serves.
class RequestIdFlag final : public spdlog::custom_flag_formatter {
public:
    void format(const spdlog::details::log_msg&, const std::tm&, spdlog::memory_buf_t& destination) override {
        const std::string& id = app::log_context::CurrentRequestId();
        destination.append(id.data(), id.data() + id.size());
    }
    std::unique_ptr<custom_flag_formatter> clone() const override {
        return std::make_unique<RequestIdFlag>();
    }
};

void SetUpLogging(const std::string& level) {
    auto logger = spdlog::stderr_color_mt("ankang");
    auto formatter = std::make_unique<spdlog::pattern_formatter>();
    formatter->add_flag<RequestIdFlag>('*').set_pattern("%Y-%m-%dT%H:%M:%S.%e %^%l%$ [%*] %v");
    logger->set_formatter(std::move(formatter));
    logger->set_level(spdlog::level::from_str(level));
    spdlog::set_default_logger(logger);
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App cli{"Ankang (安康) — trade-union labour-protection platform"};
    cli.require_subcommand(1);
    std::optional<std::string> config_file;
    std::optional<std::string> database_url;
    cli.add_option("--config", config_file, "TOML config file (also ANKANG_CONFIG)");
    cli.add_option("--db", database_url, "database: sqlite:PATH or postgresql://…");

    app::commands::ServeFlags serve_flags;
    auto* serve = cli.add_subcommand("serve", "Run the HTTP server (migrates first)");
    serve->add_option("--port", serve_flags.port, "port, 0 for any free port");
    serve->add_option("--listen", serve_flags.listen, "address to listen on");
    serve->add_option("--static", serve_flags.static_dir, "directory of the built web front end");

    auto* migrate =
        cli.add_subcommand("migrate", "Apply pending database migrations and create the admin account");
    auto* demo = cli.add_subcommand("demo", "Create the demo province and demo accounts");

    auto* user = cli.add_subcommand("user", "Manage accounts");
    user->require_subcommand(1);
    app::commands::UserFlags user_flags;
    auto* user_add =
        user->add_subcommand("add", "Create an account (must change the password at first sign-in)");
    user_add->add_option("--username", user_flags.username)->required();
    user_add->add_option("--display-name", user_flags.display_name)->required();
    user_add->add_option("--organisation", user_flags.organisation_code, "organisation code, e.g. 320102")
        ->required();
    user_add->add_option("--role", user_flags.role_codes, "role code, repeatable")->required();
    user_add->add_option("--password", user_flags.password)->required();
    std::string password_username;
    std::string new_password;
    auto* user_passwd = user->add_subcommand("passwd", "Reset a password (to be changed at next sign-in)");
    user_passwd->add_option("--username", password_username)->required();
    user_passwd->add_option("--password", new_password)->required();
    std::string disable_username;
    auto* user_disable = user->add_subcommand("disable", "Disable an account and end its sessions");
    user_disable->add_option("--username", disable_username)->required();

    auto* import = cli.add_subcommand("import", "Import data from files");
    import->require_subcommand(1);
    app::commands::ImportFlags import_flags;
    std::string import_mode = "all-or-nothing";
    bool import_dry_run = false;
    auto* import_enterprises = import->add_subcommand(
        "enterprises",
        "Import enterprises from a CSV file (header row with the template's labels), keyed by "
        "credit code: new ones are inserted, changed ones updated, identical ones left alone");
    import_enterprises->add_option("file", import_flags.file, "CSV file, UTF-8")->required();
    import_enterprises->add_option(
        "--organisation", import_flags.organisation_code,
        "code of the organisation whose subtree the import acts in (default: the root)");
    import_enterprises
        ->add_option("--mode", import_mode,
                     "all-or-nothing: any bad row and nothing is written; valid-rows: write the good rows")
        ->check(CLI::IsMember({"all-or-nothing", "valid-rows"}));
    import_enterprises->add_flag("--dry-run", import_dry_run, "check every row and count, write nothing");
    import_enterprises->add_option("--report", import_flags.report_file,
                                   "write the row errors to this CSV file");

    std::string backup_destination;
    auto* backup = cli.add_subcommand("backup", "Copy the live SQLite database to a file (online backup)");
    backup->add_option("--to", backup_destination, "destination file")->required();
    auto* statistics_rebuild = cli.add_subcommand(
        "statistics-rebuild", "Recompute the statistics roll-ups from the raw rows (after a bulk load)");
    auto* check_config = cli.add_subcommand("check-config", "Validate the configuration and print it");
    auto* routes = cli.add_subcommand(
        "routes", "Print the route table as JSON (method, path, access, permission key, body limit)");

    CLI11_PARSE(cli, argc, argv);

    try {
        auto environment = app::config::ReadEnvironment();
        if (!config_file) {
            if (auto found = environment.find("ANKANG_CONFIG"); found != environment.end())
                config_file = found->second;
        }
        app::config::Config config = app::config::Load(config_file, environment);
        if (database_url) {
            config = app::config::Load(config_file, [&] {
                auto with_flag = environment;
                with_flag["ANKANG_DATABASE_URL"] = *database_url;
                return with_flag;
            }());
        }
        SetUpLogging(config.log_level);

        if (*serve) return app::commands::Serve(config, serve_flags);
        if (*migrate) return app::commands::Migrate(config);
        if (*demo) return app::commands::Demo(config);
        if (*user_add) return app::commands::UserAdd(config, user_flags);
        if (*user_passwd) return app::commands::UserPassword(config, password_username, new_password);
        if (*user_disable) return app::commands::UserDisable(config, disable_username);
        if (*import_enterprises) {
            import_flags.mode = *app::organisations::ParseImportMode(import_mode);
            import_flags.run = import_dry_run ? app::organisations::ImportRun::kDryRun
                                              : app::organisations::ImportRun::kWrite;
            return app::commands::ImportEnterprises(config, import_flags);
        }
        if (*backup) return app::commands::Backup(config, backup_destination);
        if (*statistics_rebuild) return app::commands::StatisticsRebuild(config);
        if (*check_config) return app::commands::CheckConfig(config);
        if (*routes) return app::commands::Routes(config);
    } catch (const app::config::ConfigError& error) {
        std::cerr << "configuration error: " << error.what() << "\n";
        return 2;
    } catch (const app::Error& error) {
        std::string fields;
        for (const auto& [field, message] : error.GetFieldErrors())
            fields += " " + field + ": " + message.zh + " / " + message.en + ";";
        std::cerr << "error: " << error.GetMessage().zh << " / " << error.GetMessage().en << fields << "\n";
        return 1;
    } catch (const std::exception& error) {
        std::cerr << "error: " << error.what() << "\n";
        return 1;
    }
    return 0;
}
