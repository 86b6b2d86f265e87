#include "reports/report_poster.hpp"

#include <chrono>
#include <string_view>

#include "core/calendar_date.hpp"
#include "core/error.hpp"
#include "core/text.hpp"

namespace app::reports {
namespace {

// 2026-11-29 → 2026年11月29日; anything else escaped as it is.
std::string ChineseDate(const std::string& date) {
    const auto parsed = dates::ParseDate(date);
    if (!parsed) return text::EscapeHtml(date);
    return dates::FormatChineseDate(*parsed);
}

// The same policy for a saved copy of the page. A meta element cannot carry frame-ancestors (browsers ignore
// it there with a warning), so it is left out.
constexpr const char* kMetaContentSecurityPolicy =
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'none'; base-uri 'none'; "
    "form-action 'none'";

// A4 is 210 × 297 mm; with 14 mm margins the page holds 182 × 269 mm, and everything below fits in it with
// room to spare (the poster must never spill onto a second sheet).
constexpr const char* kStyle = R"css(
@page { size: A4; margin: 14mm; }
* { box-sizing: border-box; }
html, body { margin: 0; padding: 0; }
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif;
       color: #1a1a1a; background: #fff; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.poster { width: 182mm; height: 268mm; margin: 0 auto; display: flex; flex-direction: column;
          align-items: center; text-align: center; overflow: hidden; break-inside: avoid;
          page-break-inside: avoid; border-top: 4mm solid #c00000; padding-top: 5mm; }
h1 { font-size: 36pt; line-height: 1.15; letter-spacing: 0.12em; color: #c00000; margin: 0; }
.union { font-size: 16pt; font-weight: bold; margin: 2mm 0 0; }
.place { font-size: 13pt; line-height: 1.4; margin: 1.5mm 0 0; max-width: 170mm; }
.place .site { white-space: nowrap; }
.qr { width: 100mm; height: 100mm; margin: 3mm 0 0; }
.qr svg { display: block; width: 100mm; height: 100mm; }
.url { font-family: "DejaVu Sans Mono", monospace; font-size: 8pt; color: #444; margin: 1.5mm 0 0;
       max-width: 150mm; word-break: break-all; }
.scan { font-size: 15pt; font-weight: bold; margin: 2mm 0 0; }
ol.steps { list-style: none; margin: 3mm 0 0; padding: 0; width: 160mm; text-align: left; counter-reset: step; }
ol.steps li { counter-increment: step; position: relative; font-size: 13pt; line-height: 1.45;
              padding: 0 0 0 11mm; margin: 0 0 2.2mm; }
ol.steps li::before { content: counter(step); position: absolute; left: 0; top: 0.3mm; width: 7.5mm; height: 7.5mm;
                      border-radius: 50%; background: #c00000; color: #fff; font-weight: bold; font-size: 12pt;
                      line-height: 7.5mm; text-align: center; }
ol.steps b { color: #c00000; }
.rule { font-size: 13pt; font-weight: bold; margin: 1mm 0 0; padding: 1.5mm 5mm; border: 0.6mm solid #c00000;
        border-radius: 2mm; }
.law { font-size: 9.5pt; line-height: 1.55; color: #333; text-align: justify; width: 170mm; margin: 3.5mm 0 0;
       padding: 2mm 0 0; border-top: 0.3mm solid #999; }
.law p { margin: 0 0 1mm; }
.hotline { font-size: 11pt; margin: 1.5mm 0 0; }
.hotline b { font-size: 13pt; color: #c00000; letter-spacing: 0.05em; }
.footer { margin-top: auto; padding-top: 2mm; width: 170mm; display: flex; justify-content: space-between;
          font-size: 9pt; color: #555; }
)css";

// What media::QrCodeSvg draws: one <svg> element holding only <rect> and <path> elements. Any other tag (a
// script, a foreignObject, a second svg) is refused, whatever the CSP would do with it.
bool IsStandaloneSvg(const std::string& svg) {
    if (!svg.starts_with("<svg ") || !svg.ends_with("</svg>")) return false;
    for (auto at = svg.find('<', 1); at != std::string::npos; at = svg.find('<', at + 1)) {
        const std::string_view tag = std::string_view(svg).substr(at);
        if (tag.starts_with("</svg>")) return at + tag.size() == svg.size() && tag.size() == 6;
        if (!tag.starts_with("<rect ") && !tag.starts_with("<path ")) return false;
    }
    return false;
}

}  // namespace

std::string RenderPosterHtml(const PosterContent& content) {
    if (!IsStandaloneSvg(content.qr_svg))
        throw Error::Internal("reports::RenderPosterHtml: not a QR code SVG");
    const std::string union_name = text::EscapeHtml(content.union_name);
    const std::string enterprise = text::EscapeHtml(content.enterprise_name);

    std::string html;
    html.reserve(8192 + content.qr_svg.size());
    html += "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">";
    html += "<meta http-equiv=\"Content-Security-Policy\" content=\"";
    html += kMetaContentSecurityPolicy;
    html += "\"><meta name=\"referrer\" content=\"no-referrer\">";
    html += "<title>职工隐患随手拍 · " + enterprise + "</title>";
    html += "<style>";
    html += kStyle;
    html += "</style></head><body><main class=\"poster\">";

    html += "<h1>职工隐患随手拍</h1>";
    html += "<p class=\"union\">" + union_name + "</p>";
    html += "<p class=\"place\">" + enterprise;
    if (!content.site_name.empty())
        html += "&ensp;·&ensp;<span class=\"site\">" + text::EscapeHtml(content.site_name) + "</span>";
    html += "</p>";

    html += "<div class=\"qr\" role=\"img\" aria-label=\"隐患报告二维码\">" + content.qr_svg + "</div>";
    html += "<p class=\"url\">" + text::EscapeHtml(content.report_url) + "</p>";
    html += "<p class=\"scan\">发现事故隐患，扫码告诉工会</p>";

    html += "<ol class=\"steps\">";
    html += "<li><b>扫码</b>：用微信或手机相机扫描上方二维码。</li>";
    html += "<li><b>拍照</b>，写明<b>什么问题</b>、<b>在哪里</b>。</li>";
    html += "<li><b>可匿名</b>：不必留姓名、电话，平台不记录您的网络地址。</li>";
    html += "<li>提交后<b>保存回执码</b>（只显示一次），凭回执码查询处理进度、与工会对话。</li>";
    html += "</ol>";
    html += "<p class=\"rule\">" + text::EscapeHtml(content.acknowledge_rule) + "</p>";

    // Art. 54 of the Work Safety Law (2021) and the union's right under the Trade Union Law, close to the
    // statutes' own words.
    html += "<div class=\"law\">";
    html +=
        "<p>依据《安全生产法》第五十四条，从业人员有权对本单位安全生产工作中存在的问题提出批评、检举、控告；"
        "生产经营单位不得因此降低其工资、福利等待遇或者解除与其订立的劳动合同。</p>";
    html +=
        "<p>依据《工会法》，工会发现生产过程中明显重大事故隐患和职业危害，有权提出解决的建议，"
        "企业应当及时研究答复。</p>";
    html += "</div>";
    html += "<p class=\"hotline\">也可拨打安全生产举报投诉电话 <b>12350</b> 向应急管理部门举报</p>";

    html += "<div class=\"footer\"><span>" + union_name + "</span><span>打印日期：" +
            ChineseDate(content.print_date) + "</span></div>";
    html += "</main></body></html>\n";
    return html;
}

}  // namespace app::reports
