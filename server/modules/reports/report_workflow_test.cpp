#include "reports/report_workflow.hpp"

#include <gtest/gtest.h>

#include <set>

#include "reports/receipt.hpp"

namespace app::reports {
namespace {

const std::vector<std::string> kStatuses{"SUBMITTED", "UNDER_REVIEW", "ACCEPTED", "DUPLICATE", "REJECTED"};
const std::vector<ReportEventKind> kEventKinds{ReportEventKind::kAcknowledge, ReportEventKind::kAccept,
                                               ReportEventKind::kMerge, ReportEventKind::kReject};

TEST(ReportWorkflowTest, EveryStatusAndEventFollowsTheTable) {
    const std::map<std::pair<std::string, std::string>, std::string> allowed{
        {{"SUBMITTED", "ACKNOWLEDGE"}, "UNDER_REVIEW"}, {{"SUBMITTED", "ACCEPT"}, "ACCEPTED"},
        {{"SUBMITTED", "MERGE"}, "DUPLICATE"},          {{"SUBMITTED", "REJECT"}, "REJECTED"},
        {{"UNDER_REVIEW", "ACCEPT"}, "ACCEPTED"},       {{"UNDER_REVIEW", "MERGE"}, "DUPLICATE"},
        {{"UNDER_REVIEW", "REJECT"}, "REJECTED"}};
    for (const std::string& status : kStatuses) {
        for (const ReportEventKind event : kEventKinds) {
            const auto next = NextStatus(status, event);
            const auto expected = allowed.find({status, std::string(EventName(event))});
            if (expected == allowed.end()) {
                EXPECT_FALSE(next) << status << " + " << EventName(event);
            } else {
                ASSERT_TRUE(next) << status << " + " << EventName(event);
                EXPECT_EQ(*next, expected->second);
            }
        }
    }
}

TEST(ReportWorkflowTest, EventNamesRoundTripAndUnknownNamesAreRefused) {
    for (const ReportEventKind event : kEventKinds) EXPECT_EQ(ParseEvent(EventName(event)), event);
    EXPECT_FALSE(ParseEvent("CLOSE"));
    EXPECT_FALSE(ParseEvent("accept"));
}

TEST(ReportWorkflowTest, TheWorkerSeesResolvedOnlyWhenTheLinkedHazardIsClosed) {
    EXPECT_EQ(WorkerFacingStatus("ACCEPTED", "RECTIFYING"), "ACCEPTED");
    EXPECT_EQ(WorkerFacingStatus("ACCEPTED", "CLOSED"), "RESOLVED");
    EXPECT_EQ(WorkerFacingStatus("DUPLICATE", "CLOSED"), "RESOLVED");
    EXPECT_EQ(WorkerFacingStatus("REJECTED", ""), "REJECTED");
}

TEST(ReportWorkflowTest, MobileNumbersAreElevenDigitsStartingWithOneAndThreeToNine) {
    EXPECT_TRUE(IsMobileNumber("13912345678"));
    EXPECT_TRUE(IsMobileNumber("19900000000"));
    EXPECT_FALSE(IsMobileNumber("12912345678"));
    EXPECT_FALSE(IsMobileNumber("1391234567"));
    EXPECT_FALSE(IsMobileNumber("139123456789"));
    EXPECT_FALSE(IsMobileNumber("1391234567a"));
    EXPECT_FALSE(IsMobileNumber(""));
}

TEST(ReportWorkflowTest, TimesAreCutToTheHour) {
    EXPECT_EQ(TruncateToHour(1'764'401'999'999), 1'764'399'600'000);
    EXPECT_EQ(TruncateToHour(1'764'399'600'000), 1'764'399'600'000);
}

TEST(ReceiptTest, TwentyDigitsThatDoNotRepeat) {
    std::set<std::string> seen;
    for (int i = 0; i < 1'000; ++i) {
        const std::string receipt = NewReceipt();
        ASSERT_EQ(receipt.size(), kReceiptDigits);
        for (const char c : receipt) ASSERT_TRUE(c >= '0' && c <= '9') << receipt;
        seen.insert(receipt);
    }
    EXPECT_EQ(seen.size(), 1'000U);
}

TEST(ReceiptTest, SpacesAndDashesDoNotMatterAndTheHashIsOfTheDigits) {
    const std::string receipt = "12345678901234567890";
    EXPECT_EQ(FormatReceipt(receipt), "1234 5678 9012 3456 7890");
    EXPECT_EQ(NormaliseReceipt("1234 5678-9012 3456\t7890"), receipt);
    EXPECT_EQ(ReceiptHash(NormaliseReceipt(FormatReceipt(receipt))), ReceiptHash(receipt));
    EXPECT_NE(ReceiptHash(receipt), ReceiptHash("12345678901234567891"));
    EXPECT_EQ(ReceiptHash(receipt).size(), 64U);
}

}  // namespace
}  // namespace app::reports
