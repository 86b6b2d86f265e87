#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>

namespace app::config {

// Every setting of the server. Sources, later ones winning: built-in defaults, the config file (TOML),
// ANKANG_<SECTION>_<KEY> environment variables, then command-line flags.
struct Config {
    std::string server_listen = "127.0.0.1";
    std::int64_t server_port = 8080;
    std::int64_t server_worker_threads = 4;
    std::string server_static_dir = "web/dist";
    bool server_secure_cookie = false;
    std::int64_t server_header_timeout_seconds = 15;  // a client must send its request headers within this
    std::int64_t server_idle_timeout_seconds = 60;    // idle keep-alive connections are closed after this

    // Where workers reach the server, for the QR codes ("https://ankang.example.org", no trailing slash).
    // Empty: taken from each request's Host header, over http.
    std::string server_public_base_url;

    // Addresses of reverse proxies (nginx) whose X-Forwarded-For is believed: for a request from one of them
    // the client is the rightmost address in that header that is not itself a trusted proxy. Comma-separated
    // IP addresses; empty: the connection's peer is the client. The client address keys the login throttle
    // and the worker-report limits, so behind nginx it must be set or every worker shares nginx's address.
    std::string server_trusted_proxies;

    std::string database_url = "sqlite:data/ankang.db";
    std::int64_t database_read_connections = 4;
    // A hot standby of the PostgreSQL primary (streaming replication) for the statistics pages' reads
    // (ADR 0014). Empty: they read the primary. Needs database.url on PostgreSQL.
    std::string database_statistics_url;

    std::int64_t auth_session_hours = 12;
    std::string auth_password_hash = "interactive";  // or "minimal" (tests only)
    std::string auth_initial_admin_password = "Admin@12345";
    std::int64_t auth_max_failures_per_account = 5;
    std::int64_t auth_max_failures_per_address = 20;

    std::string organisation_root_name = "省总工会";

    // Worker reports' abuse limit per client address (ADR 0012); raised only for load benchmarks.
    std::int64_t reports_submissions_per_hour = 30;

    // Where uploaded files live (under <data dir>/files). Empty: the directory of the SQLite file, or
    // "data" (relative to the working directory) for PostgreSQL. See DataDirectory().
    std::string storage_data_dir;
    bool scheduler_enabled = true;                 // run periodic jobs (deadlines) in this process
    std::int64_t scheduler_interval_seconds = 60;  // how often each job runs

    std::string log_level = "info";
};

// Loads and validates. An unknown key (in the file or as ANKANG_* variable) or a bad value throws
// ConfigError naming it.
Config Load(const std::optional<std::string>& file, const std::map<std::string, std::string>& environment);

class ConfigError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// For `ankang check-config`: every key with its effective value, secrets masked.
std::string Describe(const Config& config);

std::map<std::string, std::string> ReadEnvironment();

// The data directory in effect: storage.data_dir when set, else the directory holding the SQLite file
// ("sqlite:data/ankang.db" → "data"; a bare file name → "."), else "data" (PostgreSQL, in-memory SQLite).
std::string DataDirectory(const Config& config);

}  // namespace app::config
