#include "app/config.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace app::config {
namespace {
std::string WriteFile(const std::string& text) {
    const auto path =
        std::filesystem::temp_directory_path() / ("ankang-config-" + std::to_string(::getpid()) + ".toml");
    std::ofstream(path) << text;
    return path.string();
}

std::string MessageOf(const std::function<void()>& action) {
    try {
        action();
    } catch (const ConfigError& error) {
        return error.what();
    }
    return "no error";
}
}  // namespace

TEST(ConfigTest, DefaultsThenFileThenEnvironment) {
    const std::string file =
        WriteFile("[server]\nport = 9000\nlisten = \"0.0.0.0\"\n[database]\nurl = \"sqlite:/tmp/x.db\"\n");
    const Config config = Load(file, {{"ANKANG_SERVER_PORT", "9100"},
                                      {"HOME", "/root"},
                                      {"ANKANG_TEST_DATABASE_URL", "ignored"},
                                      {"ANKANG_E2E_BINARY", "ignored"}});
    EXPECT_EQ(config.server_port, 9100);
    EXPECT_EQ(config.server_listen, "0.0.0.0");
    EXPECT_EQ(config.database_url, "sqlite:/tmp/x.db");
    EXPECT_EQ(config.auth_session_hours, 12);
}

TEST(ConfigTest, UnknownKeysAndBadValuesNameThemselves) {
    EXPECT_NE(MessageOf([] { Load(WriteFile("[server]\nprot = 1\n"), {}); }).find("server.prot"),
              std::string::npos);
    EXPECT_NE(MessageOf([] {
                  Load(std::nullopt, {{"ANKANG_SERVER_PROT", "1"}});
              }).find("ANKANG_SERVER_PROT"),
              std::string::npos);
    EXPECT_NE(MessageOf([] {
                  Load(std::nullopt, {{"ANKANG_SERVER_PORT", "70000"}});
              }).find("server.port"),
              std::string::npos);
    EXPECT_NE(MessageOf([] {
                  Load(std::nullopt, {{"ANKANG_DATABASE_URL", "mysql://x"}});
              }).find("database.url"),
              std::string::npos);
    EXPECT_NE(MessageOf([] {
                  Load(std::nullopt, {{"ANKANG_LOG_LEVEL", "loud"}});
              }).find("log.level"),
              std::string::npos);
    EXPECT_NE(MessageOf([] { Load(WriteFile("[server\n"), {}); }).find("line"), std::string::npos);
}

TEST(ConfigTest, SchedulerIsOnEveryMinuteUnlessConfigured) {
    const Config defaults = Load(std::nullopt, {});
    EXPECT_TRUE(defaults.scheduler_enabled);
    EXPECT_EQ(defaults.scheduler_interval_seconds, 60);
    const Config configured = Load(WriteFile("[scheduler]\nenabled = false\ninterval_seconds = 300\n"), {});
    EXPECT_FALSE(configured.scheduler_enabled);
    EXPECT_EQ(configured.scheduler_interval_seconds, 300);
    EXPECT_NE(MessageOf([] {
                  Load(std::nullopt, {{"ANKANG_SCHEDULER_INTERVAL_SECONDS", "0"}});
              }).find("scheduler.interval_seconds"),
              std::string::npos);
}

TEST(ConfigTest, DescribeMasksSecrets) {
    Config config =
        Load(std::nullopt, {{"ANKANG_DATABASE_URL", "postgresql://ankang:topsecret@127.0.0.1/ankang"}});
    const std::string text = Describe(config);
    EXPECT_EQ(text.find("topsecret"), std::string::npos);
    EXPECT_EQ(text.find("Admin@12345"), std::string::npos);
    EXPECT_NE(text.find("ANKANG_SERVER_PORT"), std::string::npos);
}

}  // namespace app::config

namespace app::config {

TEST(ConfigTest, TheDataDirectoryDefaultsToTheSqliteFilesDirectory) {
    Config config;
    EXPECT_EQ(DataDirectory(config), "data");  // sqlite:data/ankang.db
    config.database_url = "sqlite:/var/lib/ankang/ankang.db";
    EXPECT_EQ(DataDirectory(config), "/var/lib/ankang");
    config.database_url = "sqlite:ankang.db";
    EXPECT_EQ(DataDirectory(config), ".");
    config.database_url = "postgresql://ankang@db/ankang";
    EXPECT_EQ(DataDirectory(config), "data");
    const Config set = Load(std::nullopt, {{"ANKANG_STORAGE_DATA_DIR", "/srv/ankang"}});
    EXPECT_EQ(DataDirectory(set), "/srv/ankang");
    EXPECT_NE(MessageOf([] { Load(std::nullopt, {{"ANKANG_STORAGE_DATA_DIR", ""}}); }), "no error");
}

}  // namespace app::config

namespace app::config {

TEST(ConfigTest, AStatisticsStandbyNeedsPostgresqlOnBothSides) {
    const Config config =
        Load(std::nullopt, {{"ANKANG_DATABASE_URL", "postgresql://ankang@primary/ankang"},
                            {"ANKANG_DATABASE_STATISTICS_URL", "postgresql://ankang@standby/ankang"}});
    EXPECT_EQ(config.database_statistics_url, "postgresql://ankang@standby/ankang");
    EXPECT_TRUE(Load(std::nullopt, {}).database_statistics_url.empty());
    EXPECT_NE(
        MessageOf([] {
            Load(std::nullopt, {{"ANKANG_DATABASE_STATISTICS_URL", "postgresql://ankang@standby/ankang"}});
        }).find("needs database.url on PostgreSQL"),
        std::string::npos);
    EXPECT_NE(MessageOf([] {
                  Load(std::nullopt, {{"ANKANG_DATABASE_URL", "postgresql://a@primary/a"},
                                      {"ANKANG_DATABASE_STATISTICS_URL", "sqlite:/tmp/copy.db"}});
              }).find("database.statistics_url"),
              std::string::npos);
}

TEST(ConfigTest, TrustedProxiesAreAddresses) {
    EXPECT_EQ(
        Load(std::nullopt, {{"ANKANG_SERVER_TRUSTED_PROXIES", "127.0.0.1, ::1"}}).server_trusted_proxies,
        "127.0.0.1, ::1");
    EXPECT_NE(MessageOf([] {
                  Load(std::nullopt, {{"ANKANG_SERVER_TRUSTED_PROXIES", "127.0.0.1,nginx.local"}});
              }).find("'nginx.local' is not an IP address"),
              std::string::npos);
}

}  // namespace app::config
