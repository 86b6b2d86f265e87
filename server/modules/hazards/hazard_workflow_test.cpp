#include "hazards/hazard_workflow.hpp"

#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>
#include <utility>

namespace app::hazards {
namespace {

// ADR 0010's table, written out again by hand as (event, from) → to; RECHECK's failed target separately.
const std::map<std::pair<std::string, std::string>, std::string>& Expected() {
    static const std::map<std::pair<std::string, std::string>, std::string> table{
        {{"TRIAGE", "REPORTED"}, "TRIAGED"},
        {{"REJECT", "REPORTED"}, "REJECTED"},
        {{"RECOMMEND_EVACUATION", "TRIAGED"}, "EVACUATION_RECOMMENDED"},
        {{"NOTIFY", "TRIAGED"}, "NOTIFIED"},
        {{"NOTIFY", "EVACUATION_RECOMMENDED"}, "NOTIFIED"},
        {{"ENTERPRISE_ACCEPT", "NOTIFIED"}, "RECTIFYING"},
        {{"ENTERPRISE_ACCEPT", "OVERDUE_REPLY"}, "RECTIFYING"},
        {{"ENTERPRISE_DISPUTE", "NOTIFIED"}, "DISPUTED"},
        {{"ENTERPRISE_DISPUTE", "OVERDUE_REPLY"}, "DISPUTED"},
        {{"REPORT_RECTIFIED", "RECTIFYING"}, "PENDING_VERIFICATION"},
        {{"REPORT_RECTIFIED", "OVERDUE_RECTIFICATION"}, "PENDING_VERIFICATION"},
        {{"REPORT_RECTIFIED", "NOTIFIED"}, "PENDING_VERIFICATION"},
        {{"RECHECK", "PENDING_VERIFICATION"}, "CLOSED"},
        {{"ACCEPT_DISPUTE", "DISPUTED"}, "CLOSED"},
        {{"MAINTAIN_POSITION", "DISPUTED"}, "ESCALATED"},
        {{"MARK_OVERDUE", "NOTIFIED"}, "OVERDUE_REPLY"},
        {{"MARK_OVERDUE", "RECTIFYING"}, "OVERDUE_RECTIFICATION"},
        {{"ESCALATE", "OVERDUE_REPLY"}, "ESCALATED"},
        {{"ESCALATE", "OVERDUE_RECTIFICATION"}, "ESCALATED"},
        {{"AUTHORITY_ORDERS", "ESCALATED"}, "RECTIFYING"},
        {{"AUTHORITY_CLOSES", "ESCALATED"}, "CLOSED"},
    };
    return table;
}

TEST(HazardWorkflowTest, EveryStateTimesEveryEventFollowsTheAdrTableAndNothingElse) {
    ASSERT_EQ(AllHazardStatuses().size(), 12u);
    ASSERT_EQ(AllHazardEvents().size(), 14u);
    int allowed = 0;
    for (HazardStatus from : AllHazardStatuses()) {
        for (HazardEvent event : AllHazardEvents()) {
            const std::pair<std::string, std::string> key{std::string(EventName(event)),
                                                          std::string(StatusName(from))};
            const auto expected = Expected().find(key);
            for (bool passed : {true, false}) {
                const auto target = Target(from, event, passed);
                if (expected == Expected().end()) {
                    EXPECT_FALSE(target) << key.first << " from " << key.second << " must be refused";
                    continue;
                }
                ASSERT_TRUE(target) << key.first << " from " << key.second << " must be allowed";
                std::string want = expected->second;
                if (event == HazardEvent::kRecheck && !passed) want = "RECTIFYING";
                EXPECT_EQ(StatusName(*target), want) << key.first << " from " << key.second;
            }
            if (expected != Expected().end()) ++allowed;
        }
    }
    EXPECT_EQ(allowed, static_cast<int>(Expected().size()));
}

TEST(HazardWorkflowTest, FinalStatesHaveNoWayOutAndEventsFromListsTheAllowedOnes) {
    EXPECT_TRUE(EventsFrom(HazardStatus::kClosed).empty());
    EXPECT_TRUE(EventsFrom(HazardStatus::kRejected).empty());
    EXPECT_TRUE(IsFinal(HazardStatus::kClosed));
    EXPECT_TRUE(IsFinal(HazardStatus::kRejected));
    EXPECT_FALSE(IsFinal(HazardStatus::kEscalated));
    std::set<std::string> from_reported;
    for (HazardEvent event : EventsFrom(HazardStatus::kReported)) from_reported.emplace(EventName(event));
    EXPECT_EQ(from_reported, (std::set<std::string>{"TRIAGE", "REJECT"}));
    std::set<std::string> from_notified;
    for (HazardEvent event : EventsFrom(HazardStatus::kNotified)) from_notified.emplace(EventName(event));
    EXPECT_EQ(from_notified, (std::set<std::string>{"ENTERPRISE_ACCEPT", "ENTERPRISE_DISPUTE",
                                                    "REPORT_RECTIFIED", "MARK_OVERDUE"}));
    EXPECT_TRUE(IsSchedulerOnly(HazardEvent::kMarkOverdue));
    EXPECT_FALSE(IsSchedulerOnly(HazardEvent::kEscalate));
}

TEST(HazardWorkflowTest, NamesRoundTripAndUnknownNamesAreRefused) {
    for (HazardStatus status : AllHazardStatuses()) EXPECT_EQ(ParseStatus(StatusName(status)), status);
    for (HazardEvent event : AllHazardEvents()) EXPECT_EQ(ParseEvent(EventName(event)), event);
    EXPECT_FALSE(ParseStatus("closed"));
    EXPECT_FALSE(ParseEvent("CLOSE"));
    EXPECT_FALSE(ParseEvent(""));
}

std::set<std::string> Fields(HazardEvent event, const TransitionInput& input,
                             std::string_view grade = "GENERAL") {
    std::set<std::string> fields;
    for (const auto& [field, message] : CheckEventFields(event, input, grade, "2026-03-02"))
        fields.insert(field);
    return fields;
}

TEST(HazardWorkflowTest, EachEventNeedsTheFieldsTheAdrNames) {
    using Names = std::set<std::string>;
    const TransitionInput empty;
    EXPECT_EQ(Fields(HazardEvent::kTriage, empty), Names{});  // a GENERAL deadline defaults from the rule set
    EXPECT_EQ(Fields(HazardEvent::kTriage, empty, "MAJOR"), Names{"rectificationDeadline"});
    EXPECT_EQ(Fields(HazardEvent::kReject, empty), Names{"comment"});
    EXPECT_EQ(Fields(HazardEvent::kNotify, empty), Names{});  // replyDue defaults from ENTERPRISE_REPLY
    EXPECT_EQ(Fields(HazardEvent::kEnterpriseAccept, empty), Names{"rectificationDeadline"});
    EXPECT_EQ(Fields(HazardEvent::kEnterpriseAccept, empty, "MAJOR"),
              (Names{"rectificationDeadline", "rectificationPlan"}));
    EXPECT_EQ(Fields(HazardEvent::kEnterpriseDispute, empty), Names{"comment"});
    EXPECT_EQ(Fields(HazardEvent::kReportRectified, empty), Names{"evidenceFileIds"});
    EXPECT_EQ(Fields(HazardEvent::kRecheck, empty), (Names{"result", "verifiers", "verifiedOn"}));
    EXPECT_EQ(Fields(HazardEvent::kAcceptDispute, empty), Names{"comment"});
    EXPECT_EQ(Fields(HazardEvent::kMaintainPosition, empty), Names{"comment"});
    EXPECT_EQ(Fields(HazardEvent::kAuthorityOrders, empty), Names{"rectificationDeadline"});
    EXPECT_EQ(Fields(HazardEvent::kAuthorityCloses, empty), Names{"evidenceFileIds"});
    EXPECT_EQ(Fields(HazardEvent::kRecommendEvacuation, empty), Names{});
    EXPECT_EQ(Fields(HazardEvent::kMarkOverdue, empty), Names{});
    EXPECT_EQ(Fields(HazardEvent::kEscalate, empty), Names{});
}

TEST(HazardWorkflowTest, NoCloseWithoutEvidenceAndDatesAreChecked) {
    TransitionInput recheck;
    recheck.result = "PASSED";
    recheck.verifiers = "张三、李四";
    recheck.verified_on = "2026-03-02";
    EXPECT_EQ(Fields(HazardEvent::kRecheck, recheck), std::set<std::string>{"evidenceFileIds"});
    recheck.result = "FAILED";
    EXPECT_TRUE(Fields(HazardEvent::kRecheck, recheck).empty());  // a failed recheck closes nothing
    recheck.result = "PASSED";
    recheck.evidence_file_ids = {4};
    EXPECT_TRUE(Fields(HazardEvent::kRecheck, recheck).empty());
    recheck.verified_on = "2026-03-03";  // tomorrow
    EXPECT_EQ(Fields(HazardEvent::kRecheck, recheck), std::set<std::string>{"verifiedOn"});
    recheck.verified_on = "2026-02-30";
    EXPECT_EQ(Fields(HazardEvent::kRecheck, recheck), std::set<std::string>{"verifiedOn"});
    recheck.verified_on = "2026-03-01";
    recheck.verification_type = "SOMEBODY";
    EXPECT_EQ(Fields(HazardEvent::kRecheck, recheck), std::set<std::string>{"verificationType"});

    TransitionInput triage;
    triage.rectification_deadline = "2026-03-01";  // yesterday
    EXPECT_EQ(Fields(HazardEvent::kTriage, triage), std::set<std::string>{"rectificationDeadline"});
    triage.rectification_deadline = "2026-03-02";
    triage.grade = "SEVERE";
    triage.category = "UNSAFE_ACT";
    EXPECT_EQ(Fields(HazardEvent::kTriage, triage), std::set<std::string>{"grade"});
    TransitionInput notify;
    notify.reply_due = "03/09/2026";
    EXPECT_EQ(Fields(HazardEvent::kNotify, notify), std::set<std::string>{"replyDue"});
}

}  // namespace
}  // namespace app::hazards
