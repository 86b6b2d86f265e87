#include "app/api.hpp"

#include <gtest/gtest.h>

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include <set>

#include "http/json.hpp"
#include "test_support/test_database.hpp"

namespace app {
namespace {

config::Config TestConfig() {
    config::Config config;
    config.auth_password_hash = "minimal";
    return config;
}

TEST(ApiTest, RouteTableJsonListsEveryRouteOnceWithItsAccess) {
    testing::TestDatabase database;
    testing::FixedClock clock;
    const Api api(database.Get(), clock, TestConfig());
    const auto& routes = api.GetRouter().Routes();
    const boost::json::array table = http::ParseJsonText(RouteTableJson(api.GetRouter())).as_array();
    ASSERT_EQ(table.size(), routes.size());

    std::set<std::string> seen;
    for (std::size_t index = 0; index < table.size(); ++index) {
        const boost::json::object& row = table[index].as_object();
        const http::RouteSpec& spec = routes[index].spec;
        const std::string name =
            std::string(row.at("method").as_string()) + " " + std::string(row.at("path").as_string());
        EXPECT_TRUE(seen.insert(name).second) << name;
        EXPECT_EQ(row.at("path").as_string(), spec.path);
        EXPECT_EQ(row.at("bodyLimit").to_number<std::size_t>(), spec.body_limit) << name;
        EXPECT_FALSE(row.at("summary").as_string().empty()) << name;
        const std::string access(row.at("access").as_string());
        if (access == "permission") {
            ASSERT_TRUE(row.at("permission").is_string()) << name;
            EXPECT_EQ(row.at("permission").as_string(), spec.permission);
            EXPECT_TRUE(api.PermissionKeys().count(spec.permission)) << name;
        } else {
            EXPECT_TRUE(access == "public" || access == "signed_in") << name << ": " << access;
            EXPECT_TRUE(row.at("permission").is_null()) << name;
        }
    }
    // A few rows whose access is part of the contract.
    const auto find = [&](const std::string& method, const std::string& path) -> const boost::json::object* {
        for (const auto& row : table) {
            if (row.at("method").as_string() == method && row.at("path").as_string() == path)
                return &row.as_object();
        }
        return nullptr;
    };
    ASSERT_NE(find("GET", "/api/v1/health"), nullptr);
    EXPECT_EQ(find("GET", "/api/v1/health")->at("access").as_string(), "public");
    ASSERT_NE(find("GET", "/api/v1/openapi.json"), nullptr);
    ASSERT_NE(find("GET", "/api/v1/auth/me"), nullptr);
    EXPECT_EQ(find("GET", "/api/v1/auth/me")->at("access").as_string(), "signed_in");
    ASSERT_NE(find("DELETE", "/api/v1/users/{id}"), nullptr);
    EXPECT_EQ(find("DELETE", "/api/v1/users/{id}")->at("permission").as_string(), "system:user:delete");
    ASSERT_NE(find("GET", "/api/v1/organisations/{id}"), nullptr);
    EXPECT_EQ(find("GET", "/api/v1/organisations/{id}")->at("permission").as_string(),
              "organisation:org:view");
}

TEST(ApiTest, PermissionKeysCoverEveryModule) {
    testing::TestDatabase database;
    testing::FixedClock clock;
    const Api api(database.Get(), clock, TestConfig());
    const auto keys = api.PermissionKeys();
    // The command-line operator acts with these keys: the organisation module's must be among them.
    EXPECT_TRUE(keys.count("organisation:org:view"));
    EXPECT_TRUE(keys.count("system:user:delete"));
    EXPECT_TRUE(keys.count("system:loginlog:view"));
    for (const auto& route : api.GetRouter().Routes()) {
        if (route.spec.access == http::Access::kPermission) {
            EXPECT_TRUE(keys.count(route.spec.permission)) << route.spec.path;
        }
    }
}

}  // namespace
}  // namespace app
