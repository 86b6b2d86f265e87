#include "scheduler/job_runner.hpp"

#include <gtest/gtest.h>

#include "core/error.hpp"
#include "test_support/test_database.hpp"

namespace app::scheduler {
namespace {

using std::chrono::milliseconds;
using Names = std::vector<std::string>;
constexpr std::int64_t kMinute = 60'000;

// A fake job: counts its runs and answers a fixed text.
struct Counter {
    int runs = 0;
    EpochMillis last_now = 0;
    JobFunction Function() {
        return [this](EpochMillis now) {
            ++runs;
            last_now = now;
            return "ran " + std::to_string(runs);
        };
    }
};

ErrorCode CodeOf(const std::function<void()>& action) {
    try {
        action();
    } catch (const Error& error) {
        return error.GetCode();
    }
    ADD_FAILURE() << "expected an app::Error";
    return ErrorCode::kInternal;
}

class JobRunnerTest : public ::testing::Test {
protected:
    testing::TestDatabase database_;
    testing::FixedClock clock_;

    RequestContext Operator() {
        RequestContext context;
        context.request_id = "test";
        context.principal.username = "operator";
        context.principal.organisation_path = "/00000001";
        return context;
    }

    std::int64_t Count(const std::string& sql) {
        return database_->Read([&](db::Session& session) { return session.Query(sql).Front().GetInt64(0); });
    }
};

TEST_F(JobRunnerTest, RunsEachJobOncePerIntervalStartingOneIntervalAfterRegistration) {
    JobRunner runner(database_.Get(), clock_, "a");
    Counter every_minute, every_five;
    runner.Register("minute", milliseconds(kMinute), every_minute.Function());
    runner.Register("five", milliseconds(5 * kMinute), every_five.Function());
    EXPECT_EQ(runner.Tick(), Names{});
    clock_.Advance(kMinute - 1);
    EXPECT_EQ(runner.Tick(), Names{});
    clock_.Advance(1);
    EXPECT_EQ(runner.Tick(), Names{"minute"});
    EXPECT_EQ(every_minute.last_now, clock_.Now());
    EXPECT_EQ(runner.Tick(), Names{});  // same instant: not again
    for (int minute = 2; minute <= 5; ++minute) {
        clock_.Advance(kMinute);
        runner.Tick();
    }
    EXPECT_EQ(every_minute.runs, 5);
    EXPECT_EQ(every_five.runs, 1);

    const std::vector<JobStatus> jobs = runner.List();
    ASSERT_EQ(jobs.size(), 2u);
    EXPECT_EQ(jobs[0].name, "minute");
    EXPECT_EQ(jobs[0].interval_ms, kMinute);
    EXPECT_EQ(jobs[0].holder, "a");
    EXPECT_EQ(jobs[0].last_started_at, clock_.Now());
    EXPECT_EQ(jobs[0].last_finished_at, clock_.Now());
    EXPECT_EQ(jobs[0].lease_until, clock_.Now() + 2 * kMinute);
    EXPECT_EQ(jobs[0].last_result, "ran 5");
    EXPECT_EQ(jobs[1].last_result, "ran 1");
}

TEST_F(JobRunnerTest, TheLeaseKeepsASecondProcessOffTheJobUntilItExpires) {
    JobRunner first(database_.Get(), clock_, "first");
    JobRunner second(database_.Get(), clock_, "second");
    Counter on_first, on_second;
    first.Register("deadlines", milliseconds(kMinute), on_first.Function());
    second.Register("deadlines", milliseconds(kMinute), on_second.Function());

    clock_.Advance(kMinute);
    EXPECT_EQ(first.Tick(), Names{"deadlines"});
    EXPECT_EQ(second.Tick(), Names{});  // the lease is the first's
    clock_.Advance(kMinute);
    EXPECT_EQ(second.Tick(), Names{});
    EXPECT_EQ(first.Tick(), Names{"deadlines"});  // the holder renews its lease
    EXPECT_EQ(on_first.runs, 2);
    EXPECT_EQ(on_second.runs, 0);

    // The first process stops ticking (it died): its lease runs for two intervals from its last start.
    clock_.Advance(2 * kMinute);
    EXPECT_EQ(second.Tick(), Names{});  // lease_until == now: still held
    clock_.Advance(1);
    EXPECT_EQ(second.Tick(), Names{});  // tried a moment ago: waits for its own interval
    clock_.Advance(kMinute);
    EXPECT_EQ(second.Tick(), Names{"deadlines"});  // the lease expired: the second takes over
    EXPECT_EQ(on_second.runs, 1);
    EXPECT_EQ(second.List().at(0).holder, "second");
    clock_.Advance(kMinute);
    EXPECT_EQ(first.Tick(), Names{});  // back from the dead, the first now waits its turn
    EXPECT_EQ(second.Tick(), Names{"deadlines"});
    EXPECT_EQ(on_first.runs, 2);
}

TEST_F(JobRunnerTest, RunNowRunsWhoeverHoldsTheLeaseAndRecordsAndAuditsTheRun) {
    JobRunner first(database_.Get(), clock_, "first");
    JobRunner second(database_.Get(), clock_, "second");
    Counter on_first, on_second;
    first.Register("deadlines", milliseconds(kMinute), on_first.Function());
    second.Register("deadlines", milliseconds(kMinute), on_second.Function());
    clock_.Advance(kMinute);
    first.Tick();

    clock_.Advance(1000);
    EXPECT_EQ(second.RunNow(Operator(), "deadlines"), "ran 1");
    EXPECT_EQ(on_second.runs, 1);
    const JobStatus status = second.List().at(0);
    EXPECT_EQ(status.holder, "first");  // the lease is not taken by a manual run
    EXPECT_EQ(status.last_started_at, clock_.Now());
    EXPECT_EQ(status.last_result, "ran 1");
    EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'run' AND entity_type = 'job' AND "
                    "entity_id = 'deadlines'"),
              1);

    EXPECT_EQ(CodeOf([&] { second.RunNow(Operator(), "no-such-job"); }), ErrorCode::kNotFound);
}

TEST_F(JobRunnerTest, AFailingJobIsRecordedAndTheRunnerCarriesOn) {
    JobRunner runner(database_.Get(), clock_, "a");
    int calls = 0;
    runner.Register("flaky", milliseconds(kMinute), [&](EpochMillis) -> std::string {
        if (++calls == 1) throw std::runtime_error("database busy");
        return "ok";
    });
    clock_.Advance(kMinute);
    EXPECT_EQ(runner.Tick(), Names{"flaky"});
    EXPECT_EQ(runner.List().at(0).last_result, "失败：database busy");
    clock_.Advance(kMinute);
    runner.Tick();
    EXPECT_EQ(runner.List().at(0).last_result, "ok");
    EXPECT_THROW(runner.Register("flaky", milliseconds(kMinute), [](EpochMillis) { return std::string(); }),
                 std::logic_error);
}

TEST_F(JobRunnerTest, StartsAndStopsItsThread) {
    JobRunner runner(database_.Get(), clock_, "a");
    Counter counter;
    runner.Register("minute", milliseconds(kMinute), counter.Function());
    runner.Start();
    runner.Stop();               // wakes the sleeping thread and joins it
    runner.Stop();               // idempotent
    EXPECT_EQ(counter.runs, 0);  // the fixed clock never reached the first interval
}

}  // namespace
}  // namespace app::scheduler
