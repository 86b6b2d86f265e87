#include "hazards/hazard_deadlines.hpp"

#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <thread>

#include "db/migrator.hpp"
#include "organisations/organisation_service.hpp"

#include "hazards/hazard_test_fixture.hpp"

namespace app::hazards {
namespace {

class HazardDeadlinesTest : public testing_support::HazardFixture {
protected:
    SweepResult Sweep() { return RunHazardDeadlines(database_.Get(), clock_); }

    std::int64_t Escalations(std::int64_t id) {
        return Count("SELECT COUNT(*) FROM hazard_escalations WHERE automatic = 1 AND hazard_id = " +
                     std::to_string(id));
    }
};

TEST_F(HazardDeadlinesTest, RemindsOnceWithinTheReminderWindowPerDeadline) {
    const std::int64_t id = Notified("2026-03-09");  // REMINDER_BEFORE_DUE: 3 calendar days → from 03-06
    SetDate("2026-03-05");
    EXPECT_EQ(Sweep().reminders, 0);
    SetDate("2026-03-06");
    const SweepResult first = Sweep();
    EXPECT_EQ(first.examined, 1);
    EXPECT_EQ(first.reminders, 1);
    EXPECT_EQ(Unread(county_x_cadre_, "DEADLINE_REMINDER"), 1);
    EXPECT_EQ(
        Count("SELECT COUNT(*) FROM todos WHERE done_at IS NULL AND kind = 'FOLLOW_UP_HAZARD' AND due_date = "
              "'2026-03-09' AND entity_id = " +
              std::to_string(id)),
        1);
    SetDate("2026-03-07");
    EXPECT_EQ(Sweep().reminders, 0);
    // Accepted with a rectification deadline on the same day: that deadline has its own reminder.
    TransitionInput accept = Event("ENTERPRISE_ACCEPT");
    accept.rectification_deadline = "2026-03-09";
    Move(id, accept);
    EXPECT_EQ(Sweep().reminders, 1);
    EXPECT_EQ(Sweep().reminders, 0);
    SetDate("2026-03-09");  // the due day itself: still not overdue
    const SweepResult due_day = Sweep();
    EXPECT_EQ(due_day.reminders, 0);
    EXPECT_EQ(due_day.overdue, 0);
    EXPECT_EQ(Unread(county_x_cadre_, "DEADLINE_REMINDER"), 2);
    EXPECT_EQ(StatusOf(id), "RECTIFYING");
}

TEST_F(HazardDeadlinesTest, MarksOverdueOnceForTheReplyAndTheRectification) {
    const std::int64_t reply = Notified("2026-03-04");
    const std::int64_t rectification = Rectifying("2026-03-05");
    SetDate("2026-03-05");
    EXPECT_EQ(Sweep().overdue, 1);
    EXPECT_EQ(StatusOf(reply), "OVERDUE_REPLY");
    EXPECT_EQ(StatusOf(rectification), "RECTIFYING");
    SetDate("2026-03-06");
    EXPECT_EQ(Sweep().overdue, 1);
    EXPECT_EQ(StatusOf(rectification), "OVERDUE_RECTIFICATION");
    EXPECT_EQ(Sweep().overdue, 0);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM hazard_events WHERE event = 'MARK_OVERDUE' AND actor = '系统' AND "
                    "user_id IS "
                    "NULL"),
              2);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE entity_type = 'hazard' AND username = 'system'"),
              2);
    // The enterprise may still answer an overdue reply.
    TransitionInput accept = Event("ENTERPRISE_ACCEPT");
    accept.rectification_deadline = "2026-03-20";
    EXPECT_EQ(Move(reply, accept).status, "RECTIFYING");
}

TEST_F(HazardDeadlinesTest, EscalatesOnceAfterWorkingDaysOverAWeekend) {
    const std::int64_t id = Rectifying("2026-03-06");  // a Friday
    SetDate("2026-03-07");
    EXPECT_EQ(Sweep().overdue, 1);
    // ESCALATE_AFTER_OVERDUE: 5 working days after Friday 03-06 → Mon 9 … Fri 13. Calendar days would give
    // 03-11.
    for (const char* day : {"2026-03-08", "2026-03-11", "2026-03-12"}) {
        SetDate(day);
        EXPECT_EQ(Sweep().escalations, 0) << day;
    }
    SetDate("2026-03-13");
    EXPECT_EQ(Sweep().escalations, 1);
    EXPECT_EQ(StatusOf(id), "ESCALATED");
    EXPECT_EQ(Escalations(id), 1);
    EXPECT_EQ(
        Count("SELECT COUNT(*) FROM hazard_escalations WHERE reason = 'OVERDUE' AND to_organisation_id = " +
              std::to_string(city_)),
        1);
    EXPECT_EQ(Unread(city_cadre_, "HAZARD_ESCALATED"), 1);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM todos WHERE done_at IS NULL AND kind = 'HANDLE_ESCALATION' AND "
                    "organisation_id = " +
                    std::to_string(city_)),
              1);
    SetDate("2026-03-16");
    EXPECT_EQ(Sweep().escalations, 0);
    EXPECT_EQ(Escalations(id), 1);
}

TEST_F(HazardDeadlinesTest, EscalatesAcrossTheYearEndOnPlainWeekdaysOf2027) {
    SetDate("2026-12-28");
    const std::int64_t id = Notified("2026-12-31");  // a Thursday
    SetDate("2027-01-01");
    const SweepResult marked = Sweep();
    EXPECT_EQ(marked.overdue, 1);
    EXPECT_EQ(marked.escalations, 0);
    // 2027 has no published holidays: Fri 01-01, Mon 4, 5, 6, 7 are the five working days.
    SetDate("2027-01-06");
    EXPECT_EQ(Sweep().escalations, 0);
    SetDate("2027-01-07");
    EXPECT_EQ(Sweep().escalations, 1);
    EXPECT_EQ(StatusOf(id), "ESCALATED");
}

TEST_F(HazardDeadlinesTest, ASweepThatMissedDaysOwesTheMarkAndTheEscalationAtOnce) {
    const std::int64_t id = Notified("2026-03-04");
    SetDate("2026-03-20");
    const SweepResult result = Sweep();
    EXPECT_EQ(result.overdue, 1);
    EXPECT_EQ(result.escalations, 1);
    EXPECT_EQ(StatusOf(id), "ESCALATED");
}

TEST_F(HazardDeadlinesTest, ConcurrentSweepsActExactlyOnce) {
    std::vector<std::int64_t> ids;
    for (int i = 0; i < 4; ++i) ids.push_back(Notified("2026-03-06"));
    SetDate("2026-03-04");  // reminders due
    const auto race = [&] {
        SweepResult results[2];
        std::thread a([&] { results[0] = Sweep(); });
        std::thread b([&] { results[1] = Sweep(); });
        a.join();
        b.join();
        SweepResult total;
        for (const SweepResult& result : results) {
            total.reminders += result.reminders;
            total.overdue += result.overdue;
            total.escalations += result.escalations;
            total.failures += result.failures;
        }
        return total;
    };
    SweepResult total = race();
    EXPECT_EQ(total.reminders, 4);
    EXPECT_EQ(Unread(county_x_cadre_, "DEADLINE_REMINDER"), 4);
    SetDate("2026-03-09");
    total = race();
    EXPECT_EQ(total.overdue, 4);
    SetDate("2026-03-13");  // five working days after Friday 03-06
    total = race();
    EXPECT_EQ(total.escalations, 4);
    for (std::int64_t id : ids) {
        EXPECT_EQ(Escalations(id), 1);
        EXPECT_EQ(Count("SELECT COUNT(*) FROM notifications WHERE kind = 'HAZARD_ESCALATED' AND user_id = " +
                        std::to_string(city_cadre_) + " AND entity_id = " + std::to_string(id)),
                  1);
    }
    EXPECT_EQ(Unread(city_cadre_, "HAZARD_ESCALATED"), 4);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM hazard_events WHERE event = 'ESCALATE'"), 4);
}

// Two Database objects on one SQLite file — as two `ankang serve` processes would have — sweep at once: each
// action still happens once. (On PostgreSQL the threads above already race on separate connections.)
TEST_F(HazardDeadlinesTest, TwoDatabasesOnOneFileActExactlyOnce) {
    if (testing::TestDatabase::UsingPostgres()) GTEST_SKIP() << "a SQLite file test";
    const std::filesystem::path file =
        std::filesystem::temp_directory_path() / ("hazard-sweep-" + std::to_string(::getpid()) + ".db");
    std::filesystem::remove(file);
    {
        auto first = db::OpenDatabase("sqlite:" + file.string());
        db::Migrate(*first);
        auto second = db::OpenDatabase("sqlite:" + file.string());
        testing::FixedClock file_clock(dates::ShanghaiStartOf(*dates::ParseDate("2026-03-02")) +
                                       10 * 3600 * 1000);
        std::int64_t city = 0;
        std::int64_t county = 0;
        std::int64_t city_cadre = 0;
        std::int64_t county_cadre = 0;
        first->Write([&](db::Session& session) {
            using organisations::OrganisationService;
            const std::int64_t root = OrganisationService::Insert(
                session, {std::nullopt, "江苏省总工会", "320000", "PROVINCIAL_FED", 1, "320000"}, 0);
            city = OrganisationService::Insert(session,
                                               {root, "南京市总工会", "320100", "CITY_FED", 2, "320100"}, 0);
            county = OrganisationService::Insert(
                session, {city, "玄武区总工会", "320102", "COUNTY_FED", 3, "320102"}, 0);
            city_cadre = AddUser(session, "city", city, "LP_CADRE", "x");
            county_cadre = AddUser(session, "county", county, "LP_CADRE", "x");
            AddEnterprise(session, "91320102MA1XXXXX09", "南京玄武机械有限公司", county);
        });
        RequestContext context;
        context.principal = *first->Read(
            [&](db::Session& session) { return auth::SessionService::LoadPrincipal(session, county_cadre); });
        HazardService service(*first, file_clock);
        const std::int64_t enterprise = first->Read([](db::Session& session) {
            return session.Query("SELECT id FROM enterprises").Front().GetInt64(0);
        });
        for (int i = 0; i < 6; ++i) {
            HazardInput input;
            input.enterprise_id = enterprise;
            input.source = "UNION_INSPECTION";
            input.category = "UNSAFE_CONDITION";
            input.grade = "GENERAL";
            input.title = "配电箱未接地";
            input.found_on = "2026-03-02";
            const std::int64_t id = service.Create(context, input).id;
            TransitionInput step;
            step.event = "TRIAGE";
            service.Transition(context, id, step);
            step.event = "NOTIFY";
            step.reply_due = "2026-03-06";
            service.Transition(context, id, step);
        }
        const auto race = [&](const char* day) {
            testing::FixedClock at(dates::ShanghaiStartOf(*dates::ParseDate(day)) + 10 * 3600 * 1000);
            SweepResult a;
            SweepResult b;
            std::thread one([&] { a = RunHazardDeadlines(*first, at); });
            std::thread two([&] { b = RunHazardDeadlines(*second, at); });
            one.join();
            two.join();
            EXPECT_EQ(a.failures + b.failures, 0);
            return std::array<std::int64_t, 3>{a.reminders + b.reminders, a.overdue + b.overdue,
                                               a.escalations + b.escalations};
        };
        EXPECT_EQ(race("2026-03-04")[0], 6);
        EXPECT_EQ(race("2026-03-09")[1], 6);
        EXPECT_EQ(race("2026-03-13")[2], 6);
        const auto count = [&](const std::string& sql) {
            return first->Read([&](db::Session& session) { return session.Query(sql).Front().GetInt64(0); });
        };
        EXPECT_EQ(count("SELECT COUNT(*) FROM hazard_escalations"), 6);
        EXPECT_EQ(count("SELECT COUNT(*) FROM notifications WHERE kind = 'DEADLINE_REMINDER' AND user_id = " +
                        std::to_string(county_cadre)),
                  6);
        EXPECT_EQ(count("SELECT COUNT(*) FROM notifications WHERE kind = 'HAZARD_ESCALATED' AND user_id = " +
                        std::to_string(city_cadre)),
                  6);
        EXPECT_EQ(
            count("SELECT COUNT(DISTINCT entity_id) FROM notifications WHERE kind = 'HAZARD_ESCALATED'"), 6);
    }
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(file.string() + suffix);
}

}  // namespace
}  // namespace app::hazards
