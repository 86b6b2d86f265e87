#include "http/dispatcher.hpp"

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>

namespace app::http {
namespace {

Principal MakePrincipal(std::vector<std::string> permissions, bool must_change_password = false) {
    Principal principal;
    principal.user_id = 7;
    principal.username = "county_cadre";
    principal.csrf_token = "csrf-secret";
    principal.permissions = std::move(permissions);
    principal.must_change_password = must_change_password;
    return principal;
}

class DispatcherTest : public ::testing::Test {
protected:
    DispatcherTest() {
        router_.DeclarePermission({"system:user:view", "", ""});
        router_.DeclarePermission({"system:user:create", "", ""});
        router_.Add(
            {.method = Method::kGet,
             .path = "/api/v1/users",
             .permission = "system:user:view",
             .summary = "list"},
            [](Request& request) {
                return Response::Json("{\"user\":" + std::to_string(request.context.principal.user_id) + "}");
            });
        router_.Add({.method = Method::kPost,
                     .path = "/api/v1/users",
                     .permission = "system:user:create",
                     .summary = "create"},
                    [](Request&) -> Response {
                        throw Error::InvalidField("username", {"必填", "is required"});
                    });
        router_.Add(
            {.method = Method::kGet, .path = "/api/v1/boom", .access = Access::kSignedIn, .summary = "boom"},
            [](Request&) -> Response { throw std::runtime_error("secret internal detail"); });
        router_.Add({.method = Method::kGet,
                     .path = "/api/v1/me",
                     .access = Access::kSignedIn,
                     .during_password_change = DuringPasswordChange::kAllowed,
                     .summary = "me"},
                    [](Request&) { return Response::Json("{}"); });
    }

    Response Call(Method method, const std::string& path,
                  std::vector<std::pair<std::string, std::string>> headers = {}) {
        Dispatcher dispatcher(
            router_,
            [this](std::string_view token) -> std::optional<Principal> {
                if (token == "good") return principal_;
                return std::nullopt;
            },
            nullptr);
        Request request;
        request.method = method;
        request.path = path;
        request.headers = std::move(headers);
        return dispatcher.Handle(request);
    }

    static std::string Code(const Response& response) {
        return std::string(boost::json::parse(response.body).as_object().at("code").as_string());
    }

    Router router_;
    Principal principal_ = MakePrincipal({"system:user:create", "system:user:view"});
};

}  // namespace

TEST_F(DispatcherTest, SignedInUserWithPermissionReachesTheHandler) {
    const Response response = Call(Method::kGet, "/api/v1/users", {{"cookie", "ankang_session=good"}});
    EXPECT_EQ(response.status, 200);
    EXPECT_EQ(response.body, "{\"user\":7}");
    bool has_request_id = false;
    for (const auto& [name, value] : response.headers)
        has_request_id = has_request_id || (name == "X-Request-Id" && value.size() == 16);
    EXPECT_TRUE(has_request_id);
}

TEST_F(DispatcherTest, NoOrUnknownSessionIs401) {
    EXPECT_EQ(Call(Method::kGet, "/api/v1/users").status, 401);
    EXPECT_EQ(Call(Method::kGet, "/api/v1/users", {{"cookie", "ankang_session=forged"}}).status, 401);
    // Authentication comes before the CSRF check, so an anonymous write is 401 too.
    EXPECT_EQ(Call(Method::kPost, "/api/v1/users").status, 401);
}

TEST_F(DispatcherTest, WritesNeedTheSessionsCsrfToken) {
    const auto missing = Call(Method::kPost, "/api/v1/users", {{"cookie", "ankang_session=good"}});
    EXPECT_EQ(missing.status, 403);
    EXPECT_EQ(Code(missing), "csrf");
    const auto wrong =
        Call(Method::kPost, "/api/v1/users", {{"cookie", "ankang_session=good"}, {"x-csrf-token", "guess"}});
    EXPECT_EQ(wrong.status, 403);
    const auto right = Call(Method::kPost, "/api/v1/users",
                            {{"cookie", "ankang_session=good"}, {"x-csrf-token", "csrf-secret"}});
    EXPECT_EQ(right.status, 400);
    EXPECT_NE(right.body.find("username"), std::string::npos);
}

TEST_F(DispatcherTest, MissingPermissionIs403) {
    principal_ = MakePrincipal({"system:user:view"});
    const auto response = Call(Method::kPost, "/api/v1/users",
                               {{"cookie", "ankang_session=good"}, {"x-csrf-token", "csrf-secret"}});
    EXPECT_EQ(response.status, 403);
    EXPECT_EQ(Code(response), "forbidden");
}

TEST_F(DispatcherTest, PendingPasswordChangeBlocksAllButAllowedRoutes) {
    principal_ = MakePrincipal({"system:user:view"}, true);
    const auto blocked = Call(Method::kGet, "/api/v1/users", {{"cookie", "ankang_session=good"}});
    EXPECT_EQ(blocked.status, 403);
    EXPECT_EQ(Code(blocked), "password_change_required");
    EXPECT_EQ(Call(Method::kGet, "/api/v1/me", {{"cookie", "ankang_session=good"}}).status, 200);
}

TEST_F(DispatcherTest, UnknownRoutesAndMethods) {
    EXPECT_EQ(Call(Method::kGet, "/api/v1/nothing", {{"cookie", "ankang_session=good"}}).status, 404);
    EXPECT_EQ(Call(Method::kDelete, "/api/v1/users",
                   {{"cookie", "ankang_session=good"}, {"x-csrf-token", "csrf-secret"}})
                  .status,
              405);
    EXPECT_EQ(Call(Method::kGet, "/index.html").status, 404);  // no static directory configured
}

TEST_F(DispatcherTest, UnexpectedExceptionsHideTheirDetail) {
    const auto response = Call(Method::kGet, "/api/v1/boom", {{"cookie", "ankang_session=good"}});
    EXPECT_EQ(response.status, 500);
    EXPECT_EQ(Code(response), "internal");
    EXPECT_EQ(response.body.find("secret internal detail"), std::string::npos);
}

TEST_F(DispatcherTest, ErrorsFollowTheRequestLanguage) {
    const auto english =
        Call(Method::kPost, "/api/v1/users",
             {{"cookie", "ankang_session=good"}, {"x-csrf-token", "csrf-secret"}, {"accept-language", "en"}});
    EXPECT_NE(english.body.find("is required"), std::string::npos);
    const auto chinese = Call(Method::kPost, "/api/v1/users",
                              {{"cookie", "ankang_session=good"}, {"x-csrf-token", "csrf-secret"}});
    EXPECT_NE(chinese.body.find("必填"), std::string::npos);
}

TEST_F(DispatcherTest, SecurityHeadersOnEveryResponse) {
    const auto response = Call(Method::kGet, "/api/v1/users");
    std::map<std::string, std::string> headers(response.headers.begin(), response.headers.end());
    EXPECT_NE(headers["Content-Security-Policy"].find("frame-ancestors 'none'"), std::string::npos);
    EXPECT_EQ(headers["X-Content-Type-Options"], "nosniff");
    EXPECT_EQ(headers["Referrer-Policy"], "no-referrer");
}

}  // namespace app::http
