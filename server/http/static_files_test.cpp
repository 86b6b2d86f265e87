#include "http/static_files.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace app::http {
namespace {

class StaticFilesTest : public ::testing::Test {
protected:
    void SetUp() override {
        root_ = std::filesystem::temp_directory_path() / ("ankang-static-" + std::to_string(::getpid()));
        std::filesystem::create_directories(root_ / "dist" / "assets");
        Write(root_ / "dist" / "index.html", "<html>index</html>");
        Write(root_ / "dist" / "assets" / "app-abc123.js", "console.log(1)");
        Write(root_ / "dist" / "assets" / "app-abc123.js.gz", "GZIPPED");
        Write(root_ / "dist" / ".env", "secret");
        Write(root_ / "outside.txt", "outside");
    }
    void TearDown() override { std::filesystem::remove_all(root_); }
    static void Write(const std::filesystem::path& path, const std::string& text) {
        std::ofstream(path) << text;
    }
    Request Get(const std::string& path, std::vector<std::pair<std::string, std::string>> headers = {}) {
        Request request;
        request.path = path;
        request.headers = std::move(headers);
        return request;
    }
    static std::string HeaderOf(const Response& response, const std::string& name) {
        for (const auto& [key, value] : response.headers) {
            if (key == name) return value;
        }
        return {};
    }
    std::filesystem::path root_;
};

}  // namespace

TEST_F(StaticFilesTest, ServesIndexWithRevalidation) {
    StaticFiles files(root_ / "dist");
    const auto response = files.Serve(Get("/"));
    ASSERT_TRUE(response);
    EXPECT_EQ(response->body, "<html>index</html>");
    EXPECT_EQ(response->content_type, "text/html; charset=utf-8");
    EXPECT_EQ(HeaderOf(*response, "Cache-Control"), "no-cache");
    const auto again = files.Serve(Get("/", {{"if-none-match", HeaderOf(*response, "ETag")}}));
    ASSERT_TRUE(again);
    EXPECT_EQ(again->status, 304);
    EXPECT_TRUE(again->body.empty());
}

TEST_F(StaticFilesTest, HashedAssetsAreImmutableAndPrecompressed) {
    StaticFiles files(root_ / "dist");
    const auto plain = files.Serve(Get("/assets/app-abc123.js"));
    ASSERT_TRUE(plain);
    EXPECT_EQ(plain->body, "console.log(1)");
    EXPECT_EQ(HeaderOf(*plain, "Cache-Control"), "public, max-age=31536000, immutable");
    const auto compressed = files.Serve(Get("/assets/app-abc123.js", {{"accept-encoding", "gzip, br"}}));
    ASSERT_TRUE(compressed);
    EXPECT_EQ(compressed->body, "GZIPPED");
    EXPECT_EQ(HeaderOf(*compressed, "Content-Encoding"), "gzip");
    EXPECT_EQ(compressed->content_type, "text/javascript; charset=utf-8");
}

TEST_F(StaticFilesTest, RefusesTraversalHiddenFilesAndDirectories) {
    StaticFiles files(root_ / "dist");
    EXPECT_FALSE(files.Serve(Get("/../outside.txt")));
    EXPECT_FALSE(files.Serve(Get("/assets/../../outside.txt")));
    EXPECT_FALSE(files.Serve(Get("/.env")));
    EXPECT_FALSE(files.Serve(Get("/assets")));
    EXPECT_FALSE(files.Serve(Get("/missing.js")));
    EXPECT_FALSE(files.Serve(Get("/assets\\..\\..\\outside.txt")));
    Request post = Get("/");
    post.method = Method::kPost;
    EXPECT_FALSE(files.Serve(post));
}

}  // namespace app::http
