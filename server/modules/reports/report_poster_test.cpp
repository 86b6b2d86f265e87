#include "reports/report_poster.hpp"

#include <gtest/gtest.h>

#include <string>

#include "core/error.hpp"
#include "media/qr_code.hpp"

namespace app::reports {
namespace {

constexpr const char* kUrl = "https://ankang.example.cn/report.html#/e/7K3M9Q2X4WJD";

PosterContent Sample() {
    PosterContent content;
    content.union_name = "南京金陵精密机械有限公司工会委员会";
    content.enterprise_name = "南京金陵精密机械有限公司";
    content.site_name = "二号车间";
    content.report_url = kUrl;
    content.qr_svg = media::QrCodeSvg(kUrl, 8);
    content.acknowledge_rule = "工会将在 2 个工作日内受理";
    content.print_date = "2026-11-29";
    return content;
}

bool Contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

TEST(ReportPosterTest, IsAnA4PageWithEverythingAWorkerNeeds) {
    const std::string html = RenderPosterHtml(Sample());
    EXPECT_TRUE(html.starts_with("<!DOCTYPE html>"));
    EXPECT_TRUE(Contains(html, "<html lang=\"zh-CN\">"));
    EXPECT_TRUE(Contains(html, "size: A4"));
    EXPECT_TRUE(Contains(html, "<h1>职工隐患随手拍</h1>"));
    EXPECT_TRUE(Contains(html, "南京金陵精密机械有限公司工会委员会"));
    EXPECT_TRUE(Contains(html, "南京金陵精密机械有限公司&ensp;·&ensp;<span class=\"site\">二号车间</span>"));
    EXPECT_TRUE(Contains(html, "<p class=\"url\">" + std::string(kUrl) + "</p>"));
    EXPECT_TRUE(Contains(html, "<p class=\"rule\">工会将在 2 个工作日内受理</p>"));
    EXPECT_TRUE(Contains(html, "打印日期：2026年11月29日"));
    // The four steps, the law and the hotline.
    EXPECT_TRUE(Contains(html, "扫码"));
    EXPECT_TRUE(Contains(html, "在哪里"));
    EXPECT_TRUE(Contains(html, "可匿名"));
    EXPECT_TRUE(Contains(html, "保存回执码"));
    EXPECT_TRUE(Contains(html, "《安全生产法》第五十四条"));
    EXPECT_TRUE(Contains(html, "不得因此降低其工资、福利等待遇或者解除与其订立的劳动合同"));
    EXPECT_TRUE(Contains(html, "《工会法》"));
    EXPECT_TRUE(Contains(html, "<b>12350</b>"));
    // The QR code 10 cm wide with its quiet zone, the symbol itself about 8–9 cm.
    EXPECT_TRUE(Contains(html, ".qr svg { display: block; width: 100mm; height: 100mm; }"));
}

TEST(ReportPosterTest, EmbedsTheQrCodeSvgAsItIs) {
    const PosterContent content = Sample();
    const std::string html = RenderPosterHtml(content);
    EXPECT_TRUE(Contains(
        html, "<div class=\"qr\" role=\"img\" aria-label=\"隐患报告二维码\">" + content.qr_svg + "</div>"));
    EXPECT_EQ(html.find("<svg"), html.rfind("<svg"));
}

TEST(ReportPosterTest, EscapesEveryField) {
    PosterContent content = Sample();
    content.union_name = "工会<i>U</i>";
    content.enterprise_name = "<script>alert('e')</script>公司";
    content.site_name = "车间\"><img src=x onerror=alert(1)>";
    content.report_url = "https://x.example/report.html#/e/A<b>&amp;";
    content.acknowledge_rule = "2 个工作日<style>body{display:none}</style>";
    content.print_date = "<u>2026</u>";
    const std::string html = RenderPosterHtml(content);

    EXPECT_FALSE(Contains(html, "<script")) << "the enterprise name must not open a script";
    EXPECT_TRUE(Contains(html, "&lt;script&gt;alert(&#39;e&#39;)&lt;/script&gt;公司"));
    EXPECT_FALSE(Contains(html, "<i>U</i>"));
    EXPECT_TRUE(Contains(html, "工会&lt;i&gt;U&lt;/i&gt;"));
    EXPECT_FALSE(Contains(html, "<img"));
    EXPECT_TRUE(Contains(html, "车间&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"));
    EXPECT_TRUE(Contains(html, "https://x.example/report.html#/e/A&lt;b&gt;&amp;amp;"));
    EXPECT_FALSE(Contains(html, "<style>body"));
    EXPECT_TRUE(Contains(html, "2 个工作日&lt;style&gt;body{display:none}&lt;/style&gt;"));
    EXPECT_FALSE(Contains(html, "<u>"));
    EXPECT_TRUE(Contains(html, "打印日期：&lt;u&gt;2026&lt;/u&gt;"));
    // The title repeats the enterprise, escaped too.
    EXPECT_TRUE(Contains(html, "<title>职工隐患随手拍 · &lt;script&gt;"));
}

TEST(ReportPosterTest, LeavesOutAnEmptySite) {
    PosterContent content = Sample();
    content.site_name.clear();
    const std::string html = RenderPosterHtml(content);
    EXPECT_TRUE(Contains(html, "<p class=\"place\">南京金陵精密机械有限公司</p>"));
    EXPECT_FALSE(Contains(html, "class=\"site\""));
}

TEST(ReportPosterTest, LoadsNothingAndRunsNothing) {
    const std::string html = RenderPosterHtml(Sample());
    EXPECT_TRUE(Contains(html, "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';"));
    EXPECT_TRUE(Contains(std::string(kPosterContentSecurityPolicy), "script-src 'none'"));
    EXPECT_FALSE(Contains(html, "<script"));
    EXPECT_FALSE(Contains(html, "<link"));
    EXPECT_FALSE(Contains(html, "<img"));
    EXPECT_FALSE(Contains(html, "src="));
    EXPECT_FALSE(Contains(html, "url("));
    EXPECT_FALSE(Contains(html, "@import"));
    EXPECT_FALSE(Contains(html, "@font-face"));
}

TEST(ReportPosterTest, RefusesAQrCodeThatIsNotAnSvg) {
    PosterContent content = Sample();
    content.qr_svg = "<img src=\"https://tracker.example/qr.png\">";
    EXPECT_THROW(RenderPosterHtml(content), Error);
    content.qr_svg = "<svg></svg><script>alert(1)</script>";
    EXPECT_THROW(RenderPosterHtml(content), Error);
    content.qr_svg = "<svg viewBox=\"0 0 9 9\"><script>alert(1)</script></svg>";
    EXPECT_THROW(RenderPosterHtml(content), Error);
    content.qr_svg = "<svg viewBox=\"0 0 9 9\"><path d=\"M0 0h1v1h-1z\"/></svg><svg ></svg>";
    EXPECT_THROW(RenderPosterHtml(content), Error);
    content.qr_svg = "<svg viewBox=\"0 0 9 9\"><foreignObject><p>x</p></foreignObject></svg>";
    EXPECT_THROW(RenderPosterHtml(content), Error);
    content.qr_svg.clear();
    EXPECT_THROW(RenderPosterHtml(content), Error);
}

}  // namespace
}  // namespace app::reports
