#include "http/message.hpp"

#include <gtest/gtest.h>

namespace app::http {

TEST(MessageTest, ParsesQueryStringsWithEscapes) {
    const auto pairs = ParseQueryString("keyword=%E5%AE%89%E5%BA%B7+cup&page=2&flag&bad=%ZZ&=x");
    ASSERT_EQ(pairs.size(), 4u);
    EXPECT_EQ(pairs[0], (std::pair<std::string, std::string>{"keyword", "安康 cup"}));
    EXPECT_EQ(pairs[1].second, "2");
    EXPECT_EQ(pairs[2], (std::pair<std::string, std::string>{"flag", ""}));
    EXPECT_EQ(pairs[3].first, "");
}

TEST(MessageTest, PercentDecodeRejectsTruncatedEscapes) {
    EXPECT_EQ(PercentDecode("%4", false), std::nullopt);
    EXPECT_EQ(PercentDecode("%", false), std::nullopt);
    EXPECT_EQ(PercentDecode("a%2Fb", false), std::optional<std::string>("a/b"));
    EXPECT_EQ(PercentDecode("a+b", false), std::optional<std::string>("a+b"));
}

TEST(MessageTest, EncodedSlashesAndNulInPathsAreRefused) {
    EXPECT_EQ(DecodeRequestPath("/api/v1/users%2F5"), std::nullopt);
    EXPECT_EQ(DecodeRequestPath("/assets/..%5c..%5cetc"), std::nullopt);
    EXPECT_EQ(DecodeRequestPath("/a%00b"), std::nullopt);
    EXPECT_EQ(DecodeRequestPath("/%E5%AE%89"), std::optional<std::string>("/安"));
}

TEST(MessageTest, RequestPathOfDecodesOrRefuses) {
    EXPECT_EQ(RequestPathOf("/api/v1/auth/log%69n?next=%2F"), "/api/v1/auth/login");
    EXPECT_EQ(RequestPathOf("/api/v1/users%2F5"), "/\x01invalid");
    EXPECT_EQ(RequestPathOf("/a%4"), "/\x01invalid");
    EXPECT_EQ(RequestPathOf("/"), "/");
}

TEST(MessageTest, ParsesCookies) {
    const auto cookies = ParseCookieHeader("theme=dark; ankang_session=abc123 ;quoted=\"v\"; broken");
    ASSERT_EQ(cookies.size(), 3u);
    EXPECT_EQ(cookies[1], (std::pair<std::string, std::string>{"ankang_session", "abc123"}));
    EXPECT_EQ(cookies[2].second, "v");
}

TEST(MessageTest, RequestHelpers) {
    Request request;
    request.headers = {{"cookie", "a=1; ankang_session=tok"}, {"accept-language", "en-US,en;q=0.9"}};
    request.query_string = "page=3&keyword=x";
    request.path_parameters = {{"id", "42"}, {"bad", "4x"}, {"zero", "0"}};
    EXPECT_EQ(request.Cookie("ankang_session"), std::optional<std::string>("tok"));
    EXPECT_EQ(request.Query("page"), std::optional<std::string>("3"));
    EXPECT_EQ(request.Query("missing"), std::nullopt);
    EXPECT_EQ(request.PathId("id"), 42);
    EXPECT_THROW(request.PathId("bad"), Error);
    EXPECT_THROW(request.PathId("zero"), Error);
}

TEST(MessageTest, LanguageFollowsTheFirstTag) {
    EXPECT_EQ(LanguageFromAcceptLanguage("en"), Language::kEnglish);
    EXPECT_EQ(LanguageFromAcceptLanguage("en-US,zh;q=0.5"), Language::kEnglish);
    EXPECT_EQ(LanguageFromAcceptLanguage("zh-CN,en;q=0.8"), Language::kChinese);
    EXPECT_EQ(LanguageFromAcceptLanguage(""), Language::kChinese);
}

}  // namespace app::http
