#include "inspections/inspection_workflow.hpp"

#include <gtest/gtest.h>

namespace app::inspections {
namespace {

TEST(InspectionWorkflowTest, TheHappyPathAndTheCancellationAreTheOnlyWaysForward) {
    EXPECT_EQ(Next(Status::kPlanned, Event::kStart), Status::kInProgress);
    EXPECT_EQ(Next(Status::kInProgress, Event::kRecordFindings), Status::kFindingsRecorded);
    EXPECT_EQ(Next(Status::kFindingsRecorded, Event::kAcknowledge), Status::kAcknowledged);
    EXPECT_EQ(Next(Status::kFindingsRecorded, Event::kRefuseSignature), Status::kSignatureRefused);
    EXPECT_EQ(Next(Status::kAcknowledged, Event::kFollowUp), Status::kFollowUp);
    EXPECT_EQ(Next(Status::kSignatureRefused, Event::kFollowUp), Status::kFollowUp);
    EXPECT_EQ(Next(Status::kFollowUp, Event::kClose), Status::kClosed);
    EXPECT_EQ(Next(Status::kPlanned, Event::kCancel), Status::kCancelled);
    int allowed = 0;
    for (Status from : AllStatuses()) {
        for (Event event : AllEvents()) allowed += Next(from, event) ? 1 : 0;
    }
    EXPECT_EQ(allowed, 8);
    EXPECT_FALSE(Next(Status::kInProgress, Event::kCancel));
    EXPECT_FALSE(Next(Status::kAcknowledged, Event::kClose));
    EXPECT_TRUE(EventsFrom(Status::kClosed).empty());
    EXPECT_TRUE(EventsFrom(Status::kCancelled).empty());
}

TEST(InspectionWorkflowTest, NamesRoundTrip) {
    for (Status status : AllStatuses()) EXPECT_EQ(ParseStatus(StatusName(status)), status);
    for (Event event : AllEvents()) EXPECT_EQ(ParseEvent(EventName(event)), event);
    EXPECT_FALSE(ParseStatus("DONE"));
    EXPECT_FALSE(ParseEvent("start"));
}

}  // namespace
}  // namespace app::inspections
