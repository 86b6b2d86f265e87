#include "media/qr_code.hpp"

#include <gtest/gtest.h>
#include <unistd.h>
#include <vips/vips.h>

#include <sys/wait.h>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <optional>
#include <regex>
#include <string>

#include "core/error.hpp"

namespace app::media {
namespace {

constexpr std::string_view kPosterUrl = "https://ankang.example.cn/report.html#/e/7K3M9Q2X4WJD";

// The side of the SVG in modules, from its viewBox ("0 0 n n").
int ViewBoxSide(const std::string& svg) {
    std::smatch match;
    const std::regex pattern("viewBox=\"0 0 (\\d+) (\\d+)\"");
    if (!std::regex_search(svg, match, pattern) || match[1] != match[2]) return -1;
    return std::stoi(match[1]);
}

std::string PathData(const std::string& svg) {
    const auto start = svg.find(" d=\"");
    if (start == std::string::npos) return {};
    const auto end = svg.find('"', start + 4);
    return svg.substr(start + 4, end - start - 4);
}

std::size_t Count(const std::string& text, std::string_view needle) {
    std::size_t count = 0;
    for (auto at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++count;
    return count;
}

TEST(QrCodeSvg, IsAStandaloneSvgWithOnePathOfUnitSquares) {
    const std::string svg = QrCodeSvg(kPosterUrl, 6);
    EXPECT_TRUE(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" ")) << svg.substr(0, 80);
    EXPECT_TRUE(svg.ends_with("</svg>"));
    EXPECT_EQ(Count(svg, "<svg"), 1u);
    EXPECT_EQ(Count(svg, "<path "), 1u);
    EXPECT_EQ(Count(svg, "<rect "), 1u);
    EXPECT_EQ(Count(svg, "<"), Count(svg, ">"));
    EXPECT_NE(svg.find("shape-rendering=\"crispEdges\""), std::string::npos);

    // 54 bytes at level M need version 4: 33 modules, plus 2 × 4 of quiet zone.
    const int side = ViewBoxSide(svg);
    EXPECT_EQ(side, 33 + 2 * kQrQuietZone);
    EXPECT_NE(
        svg.find("width=\"" + std::to_string(side * 6) + "\" height=\"" + std::to_string(side * 6) + "\""),
        std::string::npos);

    // Every rectangle is one row high and lies inside the quiet zone.
    const std::string path = PathData(svg);
    ASSERT_FALSE(path.empty());
    const std::regex run("M(\\d+) (\\d+)h(\\d+)v1h-(\\d+)z");
    std::size_t covered = 0;
    int min_x = side, min_y = side, max_x = 0, max_y = 0;
    for (auto it = std::sregex_iterator(path.begin(), path.end(), run); it != std::sregex_iterator(); ++it) {
        const int x = std::stoi((*it)[1]), y = std::stoi((*it)[2]), length = std::stoi((*it)[3]);
        EXPECT_EQ((*it)[3], (*it)[4]);
        min_x = std::min(min_x, x);
        min_y = std::min(min_y, y);
        max_x = std::max(max_x, x + length);
        max_y = std::max(max_y, y + 1);
        covered += static_cast<std::size_t>(it->length());
    }
    EXPECT_EQ(covered, path.size()) << "the path holds nothing but runs";
    // The finder patterns sit in three corners of the symbol, right at the quiet zone.
    EXPECT_EQ(min_x, kQrQuietZone);
    EXPECT_EQ(min_y, kQrQuietZone);
    EXPECT_EQ(max_x, side - kQrQuietZone);
    EXPECT_EQ(max_y, side - kQrQuietZone);
    // The top-left finder pattern's first row: seven dark modules.
    EXPECT_TRUE(path.starts_with("M4 4h7v1h-7z")) << path.substr(0, 40);
}

TEST(QrCodeSvg, GrowsWithTheText) {
    const int short_side = ViewBoxSide(QrCodeSvg("A", 4));
    EXPECT_EQ(short_side, 21 + 2 * kQrQuietZone);  // version 1
    const int url_side = ViewBoxSide(QrCodeSvg(kPosterUrl, 4));
    const int long_side = ViewBoxSide(QrCodeSvg(std::string(500, 'x'), 4));
    const int longest_side = ViewBoxSide(QrCodeSvg(std::string(kQrMaxBytes, 'x'), 4));
    EXPECT_LT(short_side, url_side);
    EXPECT_LT(url_side, long_side);
    EXPECT_LT(long_side, longest_side);
    EXPECT_EQ(longest_side, 177 + 2 * kQrQuietZone);  // version 40, the largest
}

TEST(QrCodeSvg, TheSameTextGivesTheSameSvg) {
    EXPECT_EQ(QrCodeSvg(kPosterUrl, 8), QrCodeSvg(kPosterUrl, 8));
    EXPECT_NE(QrCodeSvg(kPosterUrl, 8),
              QrCodeSvg("https://ankang.example.cn/report.html#/e/7K3M9Q2X4WJE", 8));
    // The module size changes only the declared size, not the drawing.
    EXPECT_EQ(PathData(QrCodeSvg(kPosterUrl, 2)), PathData(QrCodeSvg(kPosterUrl, 9)));
}

TEST(QrCodeSvg, RefusesWhatItCannotEncode) {
    EXPECT_THROW(QrCodeSvg("", 4), Error);
    EXPECT_THROW(QrCodeSvg(std::string(kQrMaxBytes + 1, 'x'), 4), Error);
    EXPECT_THROW(QrCodeSvg(kPosterUrl, 0), Error);
    EXPECT_THROW(QrCodeSvg(kPosterUrl, 101), Error);
    try {
        QrCodeSvg(std::string(kQrMaxBytes + 1, 'x'), 4);
        FAIL() << "no error";
    } catch (const Error& error) {
        EXPECT_EQ(error.GetCode(), ErrorCode::kInternal);
    }
}

// --- Round trip: render with libvips (librsvg), decode with zbarimg. ---

bool HaveZbarimg() {
    return std::system("command -v zbarimg >/dev/null 2>&1") == 0;
}

class TempDir {
public:
    TempDir() {
        std::string pattern = (std::filesystem::temp_directory_path() / "ankang-qr-XXXXXX").string();
        if (!mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
        path_ = pattern;
    }
    ~TempDir() {
        std::error_code ignored;
        std::filesystem::remove_all(path_, ignored);
    }
    const std::filesystem::path& Path() const { return path_; }

private:
    std::filesystem::path path_;
};

// Writes the SVG as a PNG (as libvips renders it) into `png`.
void RenderPng(const std::string& svg, const std::filesystem::path& png) {
    static const bool started = VIPS_INIT("ankang-qr-test") == 0;
    ASSERT_TRUE(started);
    VipsImage* image = nullptr;
    ASSERT_EQ(vips_svgload_buffer(const_cast<char*>(svg.data()), svg.size(), &image, nullptr), 0)
        << vips_error_buffer();
    EXPECT_GE(image->Xsize, 21 * 4);
    const int saved = vips_pngsave(image, png.c_str(), nullptr);
    g_object_unref(image);
    ASSERT_EQ(saved, 0) << vips_error_buffer();
}

// What zbarimg reads in the image: the exact bytes (-Sbinary), or nothing when it finds no code.
std::optional<std::string> Decode(const std::filesystem::path& png) {
    const std::string command =
        "zbarimg --quiet --raw -Sdisable -Sqrcode.enable -Sbinary '" + png.string() + "' 2>/dev/null";
    FILE* pipe = popen(command.c_str(), "r");
    if (!pipe) return std::nullopt;
    std::string output;
    char buffer[4096];
    for (std::size_t read; (read = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;)
        output.append(buffer, read);
    const int status = pclose(pipe);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) return std::nullopt;
    return output;
}

// zbarimg ends the symbol's bytes with a newline in binary mode too.
std::string WithoutFinalNewline(std::string text) {
    if (!text.empty() && text.back() == '\n') text.pop_back();
    return text;
}

TEST(QrCodeSvg, DecodesBackToTheText) {
    if (!HaveZbarimg()) GTEST_SKIP() << "zbarimg (Debian zbar-tools) is not installed";
    const TempDir directory;
    const std::string texts[] = {
        std::string(kPosterUrl),
        "https://union.example.gov.cn:8443/report.html#/e/ABCDEFGHJKMN?from=poster&site=" +
            std::string(200, '7'),
        "职工隐患随手拍 https://ankang.example.cn/report.html#/e/0123456789AB",
    };
    int index = 0;
    for (const std::string& text : texts) {
        const auto png = directory.Path() / ("qr-" + std::to_string(index++) + ".png");
        RenderPng(QrCodeSvg(text, 4), png);
        const auto decoded = Decode(png);
        ASSERT_TRUE(decoded.has_value()) << "zbarimg found no QR code for " << text;
        EXPECT_EQ(WithoutFinalNewline(*decoded), text);
    }
}

TEST(QrCodeSvg, ANonCodeIsNotDecoded) {
    // The decoder check above is meaningful only if zbarimg fails on an image without a code.
    if (!HaveZbarimg()) GTEST_SKIP() << "zbarimg (Debian zbar-tools) is not installed";
    const TempDir directory;
    const auto png = directory.Path() / "blank.png";
    RenderPng(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 29 29\" width=\"116\" height=\"116\">"
        "<rect width=\"29\" height=\"29\" fill=\"#fff\"/><path d=\"M4 4h7v7h-7z\"/></svg>",
        png);
    EXPECT_FALSE(Decode(png).has_value());
}

}  // namespace
}  // namespace app::media
