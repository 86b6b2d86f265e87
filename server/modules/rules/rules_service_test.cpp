#include "rules/rules_service.hpp"

#include <gtest/gtest.h>

#include "system/system_test_fixture.hpp"

namespace app::rules {
namespace {

using system::testing_support::CodeOf;

// The fixture's clock reads 2026-01-01T00:00Z, i.e. 2026-01-01 08:00 in Shanghai.
class RulesServiceTest : public system::testing_support::TreeFixture {
protected:
    RulesService rules_{database_.Get(), clock_};

    PublishInput Override(std::int64_t organisation, std::string effective, std::int64_t opinion_days) {
        return {
            organisation, std::move(effective), "测试", {{"OPINION_REPLY", opinion_days, "WORKING_DAYS"}}};
    }

    std::int64_t Value(std::int64_t user, std::int64_t organisation, const std::string& date,
                       const std::string& code) {
        for (const RuleInForce& rule : rules_.InForce(ContextFor(user), organisation, date).rules) {
            if (rule.rule.code == code) return rule.rule.value;
        }
        return -1;
    }

    Error::FieldErrors FieldsOf(const std::function<void()>& action) {
        try {
            action();
        } catch (const Error& error) {
            EXPECT_EQ(error.GetCode(), ErrorCode::kInvalidInput);
            return error.GetFieldErrors();
        }
        ADD_FAILURE() << "expected invalid input";
        return {};
    }
};

TEST_F(RulesServiceTest, TheOfficialCalendarIsSeeded) {
    const CalendarYear year = rules_.GetCalendar(2026);
    int holidays = 0, workdays = 0;
    for (const CalendarEntry& entry : year.days) (entry.kind == "HOLIDAY" ? holidays : workdays) += 1;
    EXPECT_EQ(holidays, 33);                               // 3 + 9 + 3 + 5 + 3 + 3 + 7
    EXPECT_EQ(workdays, 6);                                // 1/4, 2/14, 2/28, 5/9, 9/20, 10/10
    EXPECT_EQ(rules_.GetCalendar(2025).days.size(), 33U);  // 28 holidays + 5 adjusted working days
    EXPECT_TRUE(rules_.GetCalendar(2027).days.empty());
}

TEST_F(RulesServiceTest, DeadlinesUseTheSeededCalendarAndTheDefaultRuleSet) {
    const auto deadline = [&](const std::string& rule, const std::string& from) {
        return rules_.ComputeDeadline(ContextFor(town_cadre_), {town_, rule, from, std::nullopt});
    };
    EXPECT_EQ(deadline("OPINION_REPLY", "2026-02-10").due, "2026-03-09");
    EXPECT_EQ(deadline("OPINION_REPLY", "2026-02-10").working_days, 15);
    EXPECT_EQ(deadline("WORKER_REPORT_ACK", "2025-12-31").due, "2026-01-05");
    // 8, 9, 10 (Saturday, worked), 11 (Sunday, rest), 12, 13.
    EXPECT_EQ(deadline("RECHECK_AFTER_DONE", "2026-09-30").due, "2026-10-13");
    EXPECT_EQ(deadline("ENTERPRISE_REPLY", "2026-09-30").due, "2026-10-07");
    const Deadline hours = deadline("EVACUATION_DECISION", "2026-03-02");
    ASSERT_TRUE(hours.due_at.has_value());
    EXPECT_EQ(*hours.due_at - ShanghaiStartOf(*ParseDate("2026-03-02")), 3600 * 1000);
    EXPECT_FALSE(deadline("OPINION_REPLY", "2026-02-10").rule.organisation_id.has_value());
}

TEST_F(RulesServiceTest, DeadlineInputIsNamed) {
    const auto context = ContextFor(town_cadre_);
    EXPECT_EQ(FieldsOf([&] {
                  rules_.ComputeDeadline(context, {town_, "NOPE", "2026-02-30", std::nullopt});
              }).size(),
              2U);
    EXPECT_EQ(FieldsOf([&] {
                  rules_.ComputeDeadline(context, {town_, "OPINION_REPLY", std::nullopt, std::nullopt});
              }).count("from"),
              1U);
    EXPECT_EQ(CodeOf([&] {
                  rules_.ComputeDeadline(context, {county_y_, "OPINION_REPLY", "2026-02-10", {}});
              }),
              ErrorCode::kNotFound);
}

TEST_F(RulesServiceTest, OverridesResolveFromTheNearestOwnerOnTheirEffectiveDate) {
    rules_.Publish(ContextFor(county_x_cadre_), Override(county_x_, "2026-03-01", 10));
    EXPECT_EQ(Value(town_cadre_, town_, "2026-02-28", "OPINION_REPLY"), 15);          // before: the default
    EXPECT_EQ(Value(town_cadre_, town_, "2026-03-01", "OPINION_REPLY"), 10);          // the county's
    EXPECT_EQ(Value(county_y_cadre_, county_y_, "2026-03-01", "OPINION_REPLY"), 15);  // not another county's
    rules_.Publish(ContextFor(town_cadre_), Override(town_, "2026-04-01", 8));
    EXPECT_EQ(Value(town_cadre_, town_, "2026-04-01", "OPINION_REPLY"), 8);  // its own
    EXPECT_EQ(Value(county_x_cadre_, county_x_, "2026-04-01", "OPINION_REPLY"), 10);
    EXPECT_EQ(Value(town_cadre_, town_, "2026-04-01", "ENTERPRISE_REPLY"), 7);  // not overridden
    // The deadline names where its rule came from.
    const Deadline deadline =
        rules_.ComputeDeadline(ContextFor(town_cadre_), {town_, "OPINION_REPLY", "2026-03-02", std::nullopt});
    EXPECT_EQ(deadline.rule.organisation_id, county_x_);
    EXPECT_EQ(deadline.due, "2026-03-16");
}

TEST_F(RulesServiceTest, PublishedVersionsAreNumberedAndNeverChange) {
    const RuleSetVersion first =
        rules_.Publish(ContextFor(county_x_cadre_), Override(county_x_, "2026-03-01", 10));
    const RuleSetVersion second =
        rules_.Publish(ContextFor(county_x_cadre_), Override(county_x_, "2026-05-01", 12));
    EXPECT_EQ(first.version, 1);
    EXPECT_EQ(second.version, 2);
    const RuleSetVersion again = rules_.GetVersion(ContextFor(county_x_cadre_), first.id);
    EXPECT_EQ(again.effective_from, "2026-03-01");
    ASSERT_EQ(again.rules.size(), 1U);
    EXPECT_EQ(again.rules[0].value, 10);
    EXPECT_EQ(Value(town_cadre_, town_, "2026-04-30", "OPINION_REPLY"), 10);
    EXPECT_EQ(Value(town_cadre_, town_, "2026-05-01", "OPINION_REPLY"), 12);
    // The database refuses to change or delete a version or its rules.
    EXPECT_THROW(database_->Write([&](db::Session& session) {
        session.Execute("UPDATE rule_set_rules SET value = 1 WHERE version_id = $1", first.id);
    }),
                 db::DatabaseError);
    EXPECT_THROW(database_->Write([&](db::Session& session) {
        session.Execute("DELETE FROM rule_set_versions WHERE id = $1", first.id);
    }),
                 db::DatabaseError);
    EXPECT_EQ(rules_.GetVersion(ContextFor(admin_), first.id).rules[0].value, 10);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE entity_type = 'rule_set_version'"), 2);
    // The chain lists the county's versions and the default, newest first.
    const auto chain = rules_.ListVersions(ContextFor(town_cadre_), std::nullopt);
    ASSERT_EQ(chain.size(), 3U);
    EXPECT_EQ(chain[0].id, second.id);
    EXPECT_FALSE(chain[2].organisation_id.has_value());
}

TEST_F(RulesServiceTest, ACountyCadreCannotPublishForOrSeeAnotherCounty) {
    EXPECT_EQ(
        CodeOf([&] { rules_.Publish(ContextFor(county_x_cadre_), Override(county_y_, "2026-03-01", 10)); }),
        ErrorCode::kNotFound);
    EXPECT_EQ(CodeOf([&] { rules_.Publish(ContextFor(town_cadre_), Override(county_x_, "2026-03-01", 10)); }),
              ErrorCode::kNotFound);
    const RuleSetVersion qinhuai =
        rules_.Publish(ContextFor(county_y_cadre_), Override(county_y_, "2026-03-01", 9));
    EXPECT_EQ(CodeOf([&] { rules_.GetVersion(ContextFor(county_x_cadre_), qinhuai.id); }),
              ErrorCode::kNotFound);
    EXPECT_EQ(CodeOf([&] { rules_.ListVersions(ContextFor(county_x_cadre_), county_y_); }),
              ErrorCode::kNotFound);
    EXPECT_EQ(CodeOf([&] { rules_.InForce(ContextFor(county_x_cadre_), county_y_, std::nullopt); }),
              ErrorCode::kNotFound);
    // A town cadre reads its county's version: it governs the town's deadlines.
    const RuleSetVersion county = rules_.Publish(ContextFor(admin_), Override(county_x_, "2026-03-01", 11));
    EXPECT_EQ(rules_.GetVersion(ContextFor(town_cadre_), county.id).organisation_id, county_x_);
    EXPECT_EQ(
        Count("SELECT COUNT(*) FROM rule_set_versions WHERE organisation_id = " + std::to_string(county_y_)),
        1);
}

TEST_F(RulesServiceTest, BadVersionsAreRefusedNamingTheField) {
    const auto context = ContextFor(county_x_cadre_);
    PublishInput input = Override(county_x_, "2025-12-31", 0);  // yesterday in Shanghai
    input.rules.push_back({"BOGUS", 3, "DAYS"});
    const auto fields = FieldsOf([&] { rules_.Publish(context, input); });
    EXPECT_EQ(fields.count("effectiveFrom"), 1U);
    EXPECT_EQ(fields.count("rules[0].value"), 1U);
    EXPECT_EQ(fields.count("rules[1].code"), 1U);
    EXPECT_EQ(fields.count("rules[1].unit"), 1U);
    rules_.Publish(context, Override(county_x_, "2026-06-01", 10));
    EXPECT_EQ(FieldsOf([&] {
                  rules_.Publish(context, Override(county_x_, "2026-05-01", 10));
              }).count("effectiveFrom"),
              1U);
    EXPECT_EQ(FieldsOf([&] {
                  rules_.Publish(context, Override(county_x_, "2026-13-01", 10));
              }).count("effectiveFrom"),
              1U);
    // Nothing of the refused versions was stored.
    EXPECT_EQ(
        Count("SELECT COUNT(*) FROM rule_set_versions WHERE organisation_id = " + std::to_string(county_x_)),
        1);
    // Not today (a deadline may already have been computed today), but tomorrow.
    EXPECT_EQ(
        FieldsOf([&] { rules_.Publish(context, Override(town_, "2026-01-01", 10)); }).count("effectiveFrom"),
        1U);
    EXPECT_EQ(rules_.Publish(context, Override(town_, "2026-01-02", 10)).version, 1);
}

TEST_F(RulesServiceTest, AdministratorsReplaceAYearsCalendar) {
    const auto context = ContextFor(admin_);
    const auto fields = FieldsOf([&] {
        rules_.SaveCalendar(context, 2027,
                            {{"2027-01-01", "HOLIDAY", "元旦"},
                             {"2027-01-05", "WORKDAY", "周二"},
                             {"2026-12-31", "HOLIDAY", ""},
                             {"2027-01-01", "HOLIDAY", ""},
                             {"2027-01-09", "SOMETIMES", ""}});
    });
    EXPECT_EQ(fields.count("days[1].kind"), 1U);
    EXPECT_EQ(fields.count("days[2].date"), 1U);
    EXPECT_EQ(fields.count("days[3].date"), 1U);
    EXPECT_EQ(fields.count("days[4].kind"), 1U);
    EXPECT_TRUE(rules_.GetCalendar(2027).days.empty());
    rules_.SaveCalendar(context, 2027,
                        {{"2027-01-01", "HOLIDAY", "元旦"}, {"2027-01-02", "HOLIDAY", "元旦"}});
    EXPECT_EQ(rules_.GetCalendar(2027).days.size(), 2U);
    EXPECT_EQ(rules_.ComputeDeadline(context, {root_, "WORKER_REPORT_ACK", "2026-12-31", std::nullopt}).due,
              "2027-01-05");  // 1 January (Friday) is a holiday now; Monday 4, Tuesday 5
    EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE entity_type = 'calendar_year'"), 1);

    // Days up to today (2026-01-01 in the fixture) stay as they are; later ones may change.
    const std::size_t days_2026 = rules_.GetCalendar(2026).days.size();
    ASSERT_GT(days_2026, 0U);
    std::vector<CalendarEntry> changed = rules_.GetCalendar(2026).days;
    changed.erase(changed.begin());  // 2026-01-01, 元旦: today
    EXPECT_EQ(FieldsOf([&] { rules_.SaveCalendar(context, 2026, changed); }).count("days"), 1U);
    EXPECT_EQ(FieldsOf([&] { rules_.SaveCalendar(context, 2025, {}); }).count("days"), 1U);
    changed = rules_.GetCalendar(2026).days;
    changed.push_back({"2026-03-02", "HOLIDAY", "地方假日"});
    EXPECT_EQ(rules_.SaveCalendar(context, 2026, changed).days.size(), days_2026 + 1);
}

TEST_F(RulesServiceTest, AnInstantFarOutsideTheCalendarIsRefusedNamingTheField) {
    const auto context = ContextFor(county_x_cadre_);
    for (const std::int64_t instant : {std::int64_t{0}, std::int64_t{9'223'372'036'854'775'000}}) {
        EXPECT_EQ(
            FieldsOf([&] {
                rules_.ComputeDeadline(context, {county_x_, "GENERAL_RECTIFICATION", std::nullopt, instant});
            }).count("fromAt"),
            1U);
    }
    EXPECT_NO_THROW(rules_.ComputeDeadline(
        context, {county_x_, "GENERAL_RECTIFICATION", std::nullopt, std::int64_t{1'767'225'600'000}}));
}

}  // namespace
}  // namespace app::rules
