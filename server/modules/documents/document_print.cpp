#include "documents/document_print.hpp"

#include "core/text.hpp"

#include "core/calendar_date.hpp"
#include "documents/document_rules.hpp"

namespace app::documents {
namespace {

// 2026-11-29 → 2026年11月29日 (the form official documents use).
std::string ChineseDate(const std::string& date) {
    const auto parsed = dates::ParseDate(date);
    if (!parsed) return text::EscapeHtml(date);
    return dates::FormatChineseDate(*parsed);
}

// Text with line breaks kept (white-space: pre-wrap does the rest).
std::string Paragraphs(const std::string& text) {
    return "<div class=\"text\">" + text::EscapeHtml(text) + "</div>";
}

std::string GradeLabel(const std::string& grade) {
    if (grade == "MAJOR") return "重大";
    if (grade == "GENERAL") return "一般";
    return text::EscapeHtml(grade);
}

std::string ServiceMethodLabel(const std::string& method) {
    if (method == "IN_PERSON") return "当面送达";
    if (method == "POST") return "邮寄送达";
    if (method == "ELECTRONIC") return "电子送达";
    return "";
}

constexpr const char* kStyle = R"css(
@page { size: A4; margin: 25mm 20mm; }
* { box-sizing: border-box; }
html, body { margin: 0; padding: 0; }
body { font-family: "Noto Serif CJK SC", "Noto Sans CJK SC", serif; font-size: 12pt; line-height: 1.7;
       color: #000; background: #fff; }
.page { position: relative; }
.receipt { break-before: page; page-break-before: always; }
.red-head { color: #c00000; text-align: center; font-size: 26pt; font-weight: bold; letter-spacing: 0.15em;
            line-height: 1.3; margin: 0; }
.red-head .kind { display: block; font-size: 22pt; letter-spacing: 0.1em; }
.doc-no { text-align: center; margin: 8pt 0 4pt; font-size: 12pt; }
.red-line { border: 0; border-top: 2pt solid #c00000; margin: 0 0 14pt; }
h1.title { text-align: center; font-size: 16pt; margin: 6pt 0 12pt; }
.addressee { margin: 0 0 6pt; }
.text { white-space: pre-wrap; text-indent: 2em; margin: 0 0 6pt; }
h2 { font-size: 12pt; margin: 10pt 0 4pt; }
table { width: 100%; border-collapse: collapse; font-size: 10.5pt; line-height: 1.4; }
th, td { border: 0.75pt solid #000; padding: 3pt 4pt; vertical-align: top; text-align: left; }
th { background: #f2f2f2; }
.due { margin: 10pt 0 0; font-weight: bold; }
.sign { margin: 28pt 0 0 auto; width: 62%; text-align: center; position: relative; min-height: 120pt; }
.sign .org { font-size: 13pt; }
.seal { position: absolute; left: 50%; top: -22pt; width: 120pt; height: 120pt; margin-left: -60pt;
        border: 2pt dashed #c00000; border-radius: 50%; color: #c00000; opacity: 0.6; display: flex;
        align-items: center; justify-content: center; font-size: 11pt; }
.watermark { position: fixed; top: 40%; left: 0; right: 0; text-align: center; font-size: 120pt;
             color: rgba(160, 160, 160, 0.28); transform: rotate(-30deg); z-index: 10; pointer-events: none; }
.receipt h1 { text-align: center; font-size: 20pt; letter-spacing: 0.3em; margin: 0 0 16pt; }
.receipt td.label { width: 28%; background: #f7f7f7; }
.receipt td { height: 34pt; }
.receipt .note { font-size: 10pt; margin-top: 10pt; }
)css";

}  // namespace

std::string RenderPrintHtml(const Document& document) {
    const std::string type = TypeLabel(document.document_type);
    const bool draft = document.status == "DRAFT";
    const std::string issued_on =
        document.issued_at ? ChineseDate(dates::FormatDate(dates::ShanghaiDateOf(*document.issued_at)))
                           : "　　年　月　日";
    std::string html;
    html.reserve(8192);
    html += "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">";
    html += "<title>" +
            text::EscapeHtml(document.document_no.empty() ? document.title : document.document_no) +
            "</title>";
    html += "<style>";
    html += kStyle;
    html += "</style></head><body>";
    if (draft) html += "<div class=\"watermark\" aria-hidden=\"true\">草稿</div>";

    html += "<section class=\"page notice\">";
    html += "<p class=\"red-head\">" + text::EscapeHtml(document.organisation_name) +
            "<span class=\"kind\">" + type + "</span></p>";
    html += "<p class=\"doc-no\">" +
            (document.document_no.empty() ? std::string("（草稿，签发时编号）")
                                          : text::EscapeHtml(document.document_no)) +
            "</p>";
    html += "<hr class=\"red-line\">";
    html += "<h1 class=\"title\">" + text::EscapeHtml(document.title) + "</h1>";
    html += "<p class=\"addressee\">" + text::EscapeHtml(document.addressee) + "：</p>";
    if (!document.content.empty()) html += Paragraphs(document.content);
    if (!document.hazards.empty()) {
        html +=
            "<h2>一、存在的事故隐患</h2><table><thead><tr><th style=\"width:16%\">编号</th><th>隐患描述</th>"
            "<th style=\"width:22%\">部位</th><th style=\"width:8%\">等级</th><th "
            "style=\"width:16%\">整改期限</th>"
            "</tr></thead><tbody>";
        for (const DocumentHazard& hazard : document.hazards) {
            std::string description = text::EscapeHtml(hazard.title);
            if (!hazard.description.empty() && hazard.description != hazard.title)
                description += "：" + text::EscapeHtml(hazard.description);
            html += "<tr><td>" + text::EscapeHtml(hazard.code) + "</td><td>" + description + "</td><td>" +
                    text::EscapeHtml(hazard.location) + "</td><td>" + GradeLabel(hazard.grade) + "</td><td>" +
                    (hazard.rectification_deadline.empty() ? std::string()
                                                           : ChineseDate(hazard.rectification_deadline)) +
                    "</td></tr>";
        }
        html += "</tbody></table>";
    }
    if (!document.requested_actions.empty()) {
        html += std::string("<h2>") + (document.hazards.empty() ? "一" : "二") + "、整改要求</h2>";
        html += Paragraphs(document.requested_actions);
    }
    if (!document.reply_due.empty()) {
        html += "<p class=\"due\">请于 " + ChineseDate(document.reply_due) +
                " 前将整改措施或整改结果书面回复本会；逾期未复的，本会将依法报告上级工会和有关部门。</p>";
    }
    html += "<div class=\"sign\"><div class=\"seal\" aria-hidden=\"true\">（印章）</div>";
    html += "<div class=\"org\">" + text::EscapeHtml(document.organisation_name) + "</div>";
    html += "<div class=\"date\">" + issued_on + "</div>";
    if (!document.signed_by.empty())
        html += "<div class=\"signer\">签发人：" + text::EscapeHtml(document.signed_by) + "</div>";
    html += "</div></section>";

    html += "<section class=\"page receipt\"><h1>送达回执</h1><table><tbody>";
    html += "<tr><td class=\"label\">文书名称</td><td>" + type + "</td></tr>";
    html +=
        "<tr><td class=\"label\">文书编号</td><td>" + text::EscapeHtml(document.document_no) + "</td></tr>";
    html +=
        "<tr><td class=\"label\">受送达单位</td><td>" + text::EscapeHtml(document.addressee) + "</td></tr>";
    html += "<tr><td class=\"label\">送达方式</td><td>" + ServiceMethodLabel(document.service_method) +
            "</td></tr>";
    html += "<tr><td class=\"label\">送达地点</td><td></td></tr>";
    html += "<tr><td class=\"label\">送达人（签名）</td><td></td></tr>";
    html += "<tr><td class=\"label\">受送达人（签名）</td><td></td></tr>";
    html += "<tr><td class=\"label\">签收日期</td><td>　　　　年　　月　　日</td></tr>";
    html += "<tr><td class=\"label\">备注</td><td></td></tr>";
    html +=
        "</tbody></table><p "
        "class=\"note\">受送达人拒绝签收的，送达人应在备注栏注明情况并签名。本回执由发文工会留存。</p>";
    html += "<div class=\"sign\"><div class=\"org\">" + text::EscapeHtml(document.organisation_name) +
            "</div></div>";
    html += "</section></body></html>\n";
    return html;
}

}  // namespace app::documents
