#include "app/config.hpp"

#include <toml++/toml.h>
#include <unistd.h>

#include <charconv>
#include <filesystem>
#include <functional>
#include <sstream>
#include <vector>

#include "core/text.hpp"
#include "db/database.hpp"

extern char** environ;

namespace app::config {
namespace {

struct Setting {
    std::string key;  // section.name
    std::function<void(Config&, const std::string&)> set;
    std::function<std::string(const Config&)> get;
};

std::int64_t ParseInteger(const std::string& key, const std::string& text, std::int64_t minimum,
                          std::int64_t maximum) {
    std::int64_t value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc{} || end != text.data() + text.size() || value < minimum || value > maximum) {
        throw ConfigError("setting " + key + ": '" + text + "' is not a whole number from " +
                          std::to_string(minimum) + " to " + std::to_string(maximum));
    }
    return value;
}

bool ParseBool(const std::string& key, const std::string& text) {
    if (text == "true" || text == "1") return true;
    if (text == "false" || text == "0") return false;
    throw ConfigError("setting " + key + ": '" + text + "' is not true or false");
}

std::string OneOf(const std::string& key, const std::string& text,
                  std::initializer_list<const char*> allowed) {
    std::string list;
    for (const char* option : allowed) {
        if (text == option) return text;
        list += (list.empty() ? "" : ", ") + std::string(option);
    }
    throw ConfigError("setting " + key + ": '" + text + "' is not one of " + list);
}

std::string NonEmpty(const std::string& key, const std::string& text) {
    if (text.empty()) throw ConfigError("setting " + key + " must not be empty");
    return text;
}

#define ANKANG_INTEGER(KEY, FIELD, MIN, MAX)                                                    \
    Setting {                                                                                   \
        KEY, [](Config& c, const std::string& v) { c.FIELD = ParseInteger(KEY, v, MIN, MAX); }, \
            [](const Config& c) { return std::to_string(c.FIELD); }                             \
    }
#define ANKANG_TEXT(KEY, FIELD)                                                   \
    Setting {                                                                     \
        KEY, [](Config& c, const std::string& v) { c.FIELD = NonEmpty(KEY, v); }, \
            [](const Config& c) { return c.FIELD; }                               \
    }

const std::vector<Setting>& Settings() {
    static const std::vector<Setting> settings{
        ANKANG_TEXT("server.listen", server_listen),
        ANKANG_INTEGER("server.port", server_port, 0, 65535),
        ANKANG_INTEGER("server.worker_threads", server_worker_threads, 1, 256),
        ANKANG_TEXT("server.static_dir", server_static_dir),
        Setting{"server.secure_cookie",
                [](Config& c, const std::string& v) {
                    c.server_secure_cookie = ParseBool("server.secure_cookie", v);
                },
                [](const Config& c) { return std::string(c.server_secure_cookie ? "true" : "false"); }},
        Setting{"server.public_base_url",
                [](Config& c, const std::string& v) {
                    if (!v.empty() && !text::StartsWith(v, "http://") && !text::StartsWith(v, "https://"))
                        throw ConfigError("setting server.public_base_url: '" + v +
                                          "' does not start with http:// or https://");
                    c.server_public_base_url = v.back() == '/' ? v.substr(0, v.size() - 1) : v;
                },
                [](const Config& c) { return c.server_public_base_url; }},
        Setting{"database.url",
                [](Config& c, const std::string& v) {
                    if (!text::StartsWith(v, "sqlite:") && !text::StartsWith(v, "postgresql://") &&
                        !text::StartsWith(v, "postgres://")) {
                        throw ConfigError("setting database.url: '" + db::RedactUrl(v) +
                                          "' must start with sqlite: or postgresql://");
                    }
                    c.database_url = v;
                },
                [](const Config& c) { return db::RedactUrl(c.database_url); }},
        Setting{"database.statistics_url",
                [](Config& c, const std::string& v) {
                    if (!v.empty() && !text::StartsWith(v, "postgresql://") &&
                        !text::StartsWith(v, "postgres://"))
                        throw ConfigError("setting database.statistics_url: '" + db::RedactUrl(v) +
                                          "' must start with postgresql:// (a hot standby of the primary)");
                    c.database_statistics_url = v;
                },
                [](const Config& c) { return db::RedactUrl(c.database_statistics_url); }},
        Setting{"server.trusted_proxies",
                [](Config& c, const std::string& v) {
                    std::istringstream entries(v);
                    for (std::string entry; std::getline(entries, entry, ',');) {
                        const std::string address = text::Trim(entry);
                        if (address.empty() ||
                            address.find_first_not_of("0123456789abcdefABCDEF.:") != std::string::npos)
                            throw ConfigError("setting server.trusted_proxies: '" + address +
                                              "' is not an IP address (comma-separated addresses expected)");
                    }
                    c.server_trusted_proxies = v;
                },
                [](const Config& c) { return c.server_trusted_proxies; }},
        ANKANG_INTEGER("server.header_timeout_seconds", server_header_timeout_seconds, 1, 600),
        ANKANG_INTEGER("server.idle_timeout_seconds", server_idle_timeout_seconds, 1, 3600),
        ANKANG_INTEGER("database.read_connections", database_read_connections, 1, 64),
        ANKANG_INTEGER("auth.session_hours", auth_session_hours, 1, 24 * 30),
        Setting{"auth.password_hash",
                [](Config& c, const std::string& v) {
                    c.auth_password_hash = OneOf("auth.password_hash", v, {"interactive", "minimal"});
                },
                [](const Config& c) { return c.auth_password_hash; }},
        Setting{"auth.initial_admin_password",
                [](Config& c, const std::string& v) {
                    c.auth_initial_admin_password = NonEmpty("auth.initial_admin_password", v);
                },
                [](const Config&) { return std::string("***"); }},
        ANKANG_INTEGER("auth.max_failures_per_account", auth_max_failures_per_account, 1, 1000),
        ANKANG_INTEGER("auth.max_failures_per_address", auth_max_failures_per_address, 1, 100000),
        ANKANG_INTEGER("reports.submissions_per_hour", reports_submissions_per_hour, 1, 1000000000),
        ANKANG_TEXT("organisation.root_name", organisation_root_name),
        Setting{"storage.data_dir",
                [](Config& c, const std::string& v) { c.storage_data_dir = NonEmpty("storage.data_dir", v); },
                [](const Config& c) { return DataDirectory(c); }},
        Setting{
            "scheduler.enabled",
            [](Config& c, const std::string& v) { c.scheduler_enabled = ParseBool("scheduler.enabled", v); },
            [](const Config& c) { return std::string(c.scheduler_enabled ? "true" : "false"); }},
        ANKANG_INTEGER("scheduler.interval_seconds", scheduler_interval_seconds, 1, 86400),
        Setting{"log.level",
                [](Config& c, const std::string& v) {
                    c.log_level = OneOf("log.level", v, {"trace", "debug", "info", "warn", "error"});
                },
                [](const Config& c) { return c.log_level; }},
    };
    return settings;
}

const Setting* Find(const std::string& key) {
    for (const Setting& setting : Settings()) {
        if (setting.key == key) return &setting;
    }
    return nullptr;
}

std::string EnvironmentName(const std::string& key) {
    std::string name = "ANKANG_";
    for (char c : key)
        name.push_back(c == '.' ? '_' : static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
    return name;
}

std::string TomlValueText(const std::string& key, const toml::node& node) {
    if (auto value = node.value<std::string>(); value && node.is_string()) return *value;
    if (node.is_integer()) return std::to_string(*node.value<std::int64_t>());
    if (node.is_boolean()) return *node.value<bool>() ? "true" : "false";
    throw ConfigError("setting " + key + " in the config file has an unsupported type");
}

}  // namespace

std::map<std::string, std::string> ReadEnvironment() {
    std::map<std::string, std::string> environment;
    for (char** entry = environ; entry && *entry; ++entry) {
        const std::string_view text(*entry);
        const auto equals = text.find('=');
        if (equals != std::string_view::npos)
            environment.emplace(text.substr(0, equals), text.substr(equals + 1));
    }
    return environment;
}

Config Load(const std::optional<std::string>& file, const std::map<std::string, std::string>& environment) {
    Config config;
    if (file) {
        toml::table table;
        try {
            table = toml::parse_file(*file);
        } catch (const toml::parse_error& error) {
            std::ostringstream message;
            message << "config file " << *file << ": " << error.description() << " at line "
                    << error.source().begin.line;
            throw ConfigError(message.str());
        }
        for (const auto& [section, node] : table) {
            const auto* entries = node.as_table();
            if (!entries)
                throw ConfigError("config file " + *file + ": '" + std::string(section.str()) +
                                  "' must be a [section]");
            for (const auto& [name, value] : *entries) {
                const std::string key = std::string(section.str()) + "." + std::string(name.str());
                const Setting* setting = Find(key);
                if (!setting) throw ConfigError("config file " + *file + ": unknown setting '" + key + "'");
                setting->set(config, TomlValueText(key, value));
            }
        }
    }
    std::map<std::string, const Setting*> by_environment_name;
    for (const Setting& setting : Settings())
        by_environment_name.emplace(EnvironmentName(setting.key), &setting);
    for (const auto& [name, value] : environment) {
        // ANKANG_TEST_* and ANKANG_E2E_* belong to the test suites, ANKANG_CONFIG names the file.
        if (!text::StartsWith(name, "ANKANG_") || text::StartsWith(name, "ANKANG_TEST_") ||
            text::StartsWith(name, "ANKANG_E2E_") || name == "ANKANG_CONFIG")
            continue;
        const auto found = by_environment_name.find(name);
        if (found == by_environment_name.end()) throw ConfigError("unknown environment variable " + name);
        found->second->set(config, value);
    }
    if (!config.database_statistics_url.empty() && !text::StartsWith(config.database_url, "postgres"))
        throw ConfigError(
            "setting database.statistics_url needs database.url on PostgreSQL (a standby of it)");
    return config;
}

std::string DataDirectory(const Config& config) {
    if (!config.storage_data_dir.empty()) return config.storage_data_dir;
    if (text::StartsWith(config.database_url, "sqlite:") && config.database_url != "sqlite::memory:") {
        const std::filesystem::path file(config.database_url.substr(7));
        const std::filesystem::path directory = file.parent_path();
        return directory.empty() ? std::string(".") : directory.string();
    }
    return "data";
}

std::string Describe(const Config& config) {
    std::string text;
    for (const Setting& setting : Settings()) {
        text += setting.key + " = " + setting.get(config) + "   (" + EnvironmentName(setting.key) + ")\n";
    }
    return text;
}

}  // namespace app::config
