#pragma once

#include <string>

namespace app::reports {

// What the entry point's poster (GET /report-entry-points/{id}/poster) shows. Every text is escaped when the
// page is rendered; qr_svg is markup and is embedded as it is.
struct PosterContent {
    std::string union_name;  // the union that handles the reports (the enterprise's organisation)
    std::string enterprise_name;
    std::string site_name;         // 车间/项目部; empty for the whole enterprise
    std::string report_url;        // <public base URL>/report.html#/e/<code>, the text of the QR code
    std::string qr_svg;            // media::QrCodeSvg(report_url, …): a standalone <svg>…</svg>
    std::string acknowledge_rule;  // the receipt rule in words, e.g. "工会将在 2 个工作日内受理"
    std::string print_date;        // YYYY-MM-DD (shown as 2026年11月29日); any other text is shown escaped
};

// The poster: one self-contained A4 page in Chinese — the title 职工隐患随手拍, the union, the enterprise and
// site, the QR code (10 cm with its quiet zone, the symbol itself 8–9 cm) with the URL under it, the four
// steps, the acknowledge rule, the worker's rights under Art. 54 of the Work Safety Law and the Trade Union
// Law, and the 12350 hotline. No script, no external resource (fonts, images, styles are all inline or the
// reader's own); the route sends kPosterContentSecurityPolicy and the page repeats it in a meta element for a
// saved copy. Throws app::Error (internal) when qr_svg is not a standalone <svg> element.
std::string RenderPosterHtml(const PosterContent& content);

// The poster route's Content-Security-Policy (the print views' policy): inline styles only, no script.
inline constexpr const char* kPosterContentSecurityPolicy =
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'none'; base-uri 'none'; "
    "form-action 'none'; frame-ancestors 'self'";

}  // namespace app::reports
