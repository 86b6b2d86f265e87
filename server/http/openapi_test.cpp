#include "http/openapi.hpp"

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>

namespace app::http {

TEST(OpenApiTest, DescribesEveryRouteWithItsPermission) {
    Router router;
    router.DeclarePermission({"system:user:view", "", ""});
    router.Add({.method = Method::kGet,
                .path = "/api/v1/users/{id}",
                .permission = "system:user:view",
                .tag = "system",
                .summary = "One user",
                .response_body = "User"},
               [](Request&) { return Response::NoContent(); });
    router.Add({.method = Method::kPost,
                .path = "/api/v1/auth/login",
                .access = Access::kPublic,
                .tag = "auth",
                .summary = "Sign in",
                .request_body = "LoginRequest"},
               [](Request&) { return Response::NoContent(); });
    const auto document = boost::json::parse(BuildOpenApiDocument(router, "1.2.3")).as_object();
    EXPECT_EQ(document.at("openapi").as_string(), "3.0.3");
    const auto& paths = document.at("paths").as_object();
    ASSERT_TRUE(paths.contains("/api/v1/users/{id}"));
    const auto& get = paths.at("/api/v1/users/{id}").as_object().at("get").as_object();
    EXPECT_EQ(get.at("x-permission").as_string(), "system:user:view");
    EXPECT_EQ(get.at("parameters").as_array()[0].as_object().at("name").as_string(), "id");
    EXPECT_TRUE(get.at("responses").as_object().contains("404"));
    const auto& login = paths.at("/api/v1/auth/login").as_object().at("post").as_object();
    EXPECT_FALSE(login.contains("security"));
    EXPECT_TRUE(document.at("components").as_object().at("schemas").as_object().contains("LoginRequest"));
}

TEST(OpenApiTest, AGetWithoutJsonAnswerServesAFile) {
    Router router;
    router.DeclarePermission({"files:file:view", "", ""});
    router.Add({.method = Method::kGet,
                .path = "/api/v1/files/{id}",
                .permission = "files:file:view",
                .tag = "files",
                .summary = "A stored file"},
               [](Request&) { return Response::NoContent(); });
    const auto document = boost::json::parse(BuildOpenApiDocument(router, "1.2.3")).as_object();
    const auto& responses =
        document.at("paths").at("/api/v1/files/{id}").at("get").at("responses").as_object();
    EXPECT_TRUE(responses.contains("200"));
    EXPECT_FALSE(responses.contains("204"));
}

}  // namespace app::http
