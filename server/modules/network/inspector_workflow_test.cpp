#include "network/inspector_workflow.hpp"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace app::network {
namespace {

std::set<std::string> Next(std::string_view from) {
    InspectorStatus status{};
    EXPECT_TRUE(ParseInspectorStatus(from, status)) << from;
    std::set<std::string> names;
    for (InspectorStatus next : NextStatuses(status)) names.emplace(InspectorStatusName(next));
    return names;
}

}  // namespace

TEST(InspectorWorkflowTest, TheTableIsWorkflowW10) {
    using Names = std::set<std::string>;
    EXPECT_EQ(Next("NOMINATED"), (Names{"TRAINING"}));
    EXPECT_EQ(Next("TRAINING"), (Names{"PASSED", "FAILED"}));
    EXPECT_EQ(Next("FAILED"), (Names{"TRAINING", "CLOSED"}));
    EXPECT_EQ(Next("PASSED"), (Names{"APPOINTED"}));
    EXPECT_EQ(Next("APPOINTED"), (Names{"ACTIVE"}));
    EXPECT_EQ(Next("ACTIVE"), (Names{"SUSPENDED", "TERM_EXPIRED", "REVOKED", "RESIGNED"}));
    EXPECT_EQ(Next("SUSPENDED"), (Names{"ACTIVE", "REVOKED"}));
    EXPECT_EQ(Next("TERM_EXPIRED"), (Names{"ACTIVE", "RETIRED"}));
    for (const char* final_status : {"CLOSED", "REVOKED", "RESIGNED", "RETIRED"}) {
        EXPECT_TRUE(Next(final_status).empty()) << final_status;
    }
}

TEST(InspectorWorkflowTest, NamesRoundTripAndUnknownNamesAreRefused) {
    for (InspectorStatus status : AllInspectorStatuses()) {
        InspectorStatus parsed{};
        ASSERT_TRUE(ParseInspectorStatus(InspectorStatusName(status), parsed));
        EXPECT_EQ(parsed, status);
    }
    InspectorStatus parsed{};
    EXPECT_FALSE(ParseInspectorStatus("EXAMINED", parsed));  // an examination ends in PASSED or FAILED
    EXPECT_FALSE(ParseInspectorStatus("active", parsed));
}

TEST(InspectorWorkflowTest, AppointmentsAreTheFirstAppointmentAndTheReappointment) {
    using enum InspectorStatus;
    EXPECT_EQ(AppointmentKindOf(kPassed, kAppointed), AppointmentKind::kFirstAppointment);
    EXPECT_EQ(AppointmentKindOf(kTermExpired, kActive), AppointmentKind::kReappointment);
    EXPECT_EQ(AppointmentKindOf(kSuspended, kActive), AppointmentKind::kNone);
    EXPECT_EQ(AppointmentKindOf(kAppointed, kActive), AppointmentKind::kNone);
}

}  // namespace app::network
