#include <gtest/gtest.h>

#include "core/text.hpp"
#include "documents/document_print.hpp"
#include "documents/document_rules.hpp"
#include "documents/document_test_fixture.hpp"

namespace app::documents {
namespace {

TEST(DocumentRulesTest, NumbersReadShortNameLaoBaoYearSerial) {
    EXPECT_EQ(DocumentNumber("玄武区总工会", 2026, 3), "玄武区总工会劳保〔2026〕3号");
    EXPECT_EQ(DocumentNumber("南京金陵精密机械有限公司工会委员会", 2026, 12),
              "南京金陵精密机械有限公司工会劳保〔2026〕12号");
    EXPECT_TRUE(MayIssueRecommendation("COUNTY_FED"));
    EXPECT_TRUE(MayIssueRecommendation("PROVINCIAL_FED"));
    EXPECT_FALSE(MayIssueRecommendation("TOWN_STREET_PARK"));
    EXPECT_FALSE(MayIssueRecommendation("BASE_UNION"));
    EXPECT_EQ(ReplyRuleFor(kHazardRectificationNotice), "ENTERPRISE_REPLY");
    EXPECT_EQ(ReplyRuleFor(kLpSupervisionOpinion), "OPINION_REPLY");
}

TEST(DocumentRulesTest, W4HasExactlyItsArrows) {
    EXPECT_EQ(NextStatus("DRAFT", DocumentAction::kIssue), "ISSUED");
    EXPECT_EQ(NextStatus("SERVED", DocumentAction::kMarkOverdue), "OVERDUE");
    EXPECT_EQ(NextStatus("REPLIED", DocumentAction::kReviewReject), "ESCALATED");
    EXPECT_EQ(NextStatus("ESCALATED", DocumentAction::kReviewAccept), "CLOSED");
    EXPECT_FALSE(NextStatus("ISSUED", DocumentAction::kReply));
    EXPECT_FALSE(NextStatus("CLOSED", DocumentAction::kWithdraw));
    EXPECT_FALSE(NextStatus("WITHDRAWN", DocumentAction::kWithdraw));
    EXPECT_EQ(NextStatus("ESCALATED", DocumentAction::kWithdraw), "WITHDRAWN");
    EXPECT_EQ(AllowedActions("SERVED"), (std::vector<std::string>{"reply-links", "refused", "withdraw"}));
}

TEST(DocumentPrintTest, EscapesEveryUserText) {
    EXPECT_EQ(text::EscapeHtml("<a href=\"x\" onclick='y'>&</a>"),
              "&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;");
    Document document;
    document.document_type = kHazardRectificationNotice;
    document.status = "ISSUED";
    document.organisation_name = "玄武区总工会<b>";
    document.document_no = "玄武区总工会劳保〔2026〕3号";
    document.title = "<script>alert('title')</script>";
    document.addressee = "<img src=x onerror=alert(1)>";
    document.content = "第一段\n</div><script>alert(2)</script>";
    document.requested_actions = "<iframe src=//evil>";
    document.signed_by = "\"><svg onload=alert(3)>";
    document.reply_due = "2026-01-08";
    document.issued_at = 1'767'225'600'000;
    document.hazards.push_back(
        {1, "YH-<1>", "<u>配电箱</u>", "", "<车间>", "GENERAL", "NOTIFIED", "2026-01-10"});
    const std::string html = RenderPrintHtml(document);
    for (const char* raw : {"<script", "<img", "<iframe", "<svg", "<u>", "<b>", "<车间>", "<1>"})
        EXPECT_EQ(html.find(raw), std::string::npos) << raw;
    EXPECT_NE(html.find("&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;"), std::string::npos);
    EXPECT_NE(html.find("&lt;img src=x onerror=alert(1)&gt;"), std::string::npos);
    EXPECT_NE(html.find("&lt;u&gt;配电箱&lt;/u&gt;"), std::string::npos);
}

TEST(DocumentPrintTest, OfficialLayoutOnA4WithReceiptStubAndDraftWatermark) {
    Document document;
    document.document_type = kHazardRectificationNotice;
    document.status = "ISSUED";
    document.organisation_name = "玄武区总工会";
    document.document_no = "玄武区总工会劳保〔2026〕3号";
    document.title = "关于配电箱隐患的整改通知";
    document.addressee = "南京玄武精密机械有限公司";
    document.reply_due = "2026-01-08";
    document.issued_at = 1'767'225'600'000;  // 2026-01-01 08:00 Shanghai
    document.hazards.push_back(
        {1, "YH-2026-1", "配电箱未接地", "", "二号车间", "MAJOR", "NOTIFIED", "2026-01-10"});
    const std::string html = RenderPrintHtml(document);
    EXPECT_NE(html.find("@page { size: A4; margin: 25mm 20mm; }"), std::string::npos);
    EXPECT_NE(html.find("Noto Serif CJK SC"), std::string::npos);
    EXPECT_NE(html.find("隐患整改通知书"), std::string::npos);
    EXPECT_NE(html.find("玄武区总工会劳保〔2026〕3号"), std::string::npos);
    EXPECT_NE(html.find("2026年1月8日"), std::string::npos);   // reply deadline
    EXPECT_NE(html.find("2026年1月1日"), std::string::npos);   // date of issue
    EXPECT_NE(html.find("2026年1月10日"), std::string::npos);  // hazard deadline
    EXPECT_NE(html.find("重大"), std::string::npos);
    EXPECT_NE(html.find("class=\"seal\""), std::string::npos);
    EXPECT_NE(html.find("送达回执"), std::string::npos);
    EXPECT_NE(html.find("break-before: page"), std::string::npos);
    EXPECT_EQ(html.find("<script"), std::string::npos);
    EXPECT_EQ(html.find("watermark\" aria-hidden"), std::string::npos);
    document.status = "DRAFT";
    EXPECT_NE(RenderPrintHtml(document).find("<div class=\"watermark\" aria-hidden=\"true\">草稿</div>"),
              std::string::npos);
}

}  // namespace
}  // namespace app::documents
