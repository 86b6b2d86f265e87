#include "rules/rule_set.hpp"

#include <gtest/gtest.h>

namespace app::rules {
namespace {

RuleSetVersion Version(std::int64_t id, std::optional<std::int64_t> owner, std::int64_t number,
                       std::string effective, std::vector<Rule> rules) {
    RuleSetVersion version;
    version.id = id;
    version.organisation_id = owner;
    version.organisation_name = owner ? "org" + std::to_string(*owner) : "";
    version.version = number;
    version.effective_from = std::move(effective);
    version.rules = std::move(rules);
    return version;
}

const RuleInForce* Find(const std::vector<RuleInForce>& rules, const std::string& code) {
    for (const RuleInForce& rule : rules) {
        if (rule.rule.code == code) return &rule;
    }
    return nullptr;
}

// Province 1 → county 3 → town 5.
const std::vector<std::optional<std::int64_t>> kTownChain{5, 3, 1, std::nullopt};

std::vector<RuleSetVersion> Versions() {
    return {
        Version(1, std::nullopt, 1, "2000-01-01",
                {{"ENTERPRISE_REPLY", 7, Unit::kCalendarDays}, {"OPINION_REPLY", 15, Unit::kWorkingDays}}),
        Version(2, 3, 1, "2026-03-01", {{"OPINION_REPLY", 10, Unit::kWorkingDays}}),
        Version(3, 5, 1, "2026-06-01", {{"OPINION_REPLY", 8, Unit::kWorkingDays}}),
        Version(4, 3, 2, "2026-09-01", {{"ENTERPRISE_REPLY", 5, Unit::kWorkingDays}}),
    };
}

TEST(RuleSetTest, TheDefaultAppliesWhereNoOneOverrides) {
    const auto rules = Resolve(Versions(), kTownChain, "2026-02-28");
    ASSERT_NE(Find(rules, "OPINION_REPLY"), nullptr);
    EXPECT_EQ(Find(rules, "OPINION_REPLY")->rule.value, 15);
    EXPECT_FALSE(Find(rules, "OPINION_REPLY")->organisation_id.has_value());
    EXPECT_EQ(Find(rules, "ENTERPRISE_REPLY")->version_id, 1);
    EXPECT_EQ(Find(rules, "GENERAL_RECTIFICATION"), nullptr);  // no version carries it
}

TEST(RuleSetTest, AnAncestorsOverrideAppliesFromItsEffectiveDate) {
    EXPECT_EQ(Find(Resolve(Versions(), kTownChain, "2026-02-28"), "OPINION_REPLY")->rule.value, 15);
    const auto rules = Resolve(Versions(), kTownChain, "2026-03-01");
    EXPECT_EQ(Find(rules, "OPINION_REPLY")->rule.value, 10);
    EXPECT_EQ(Find(rules, "OPINION_REPLY")->organisation_id, 3);
    EXPECT_EQ(Find(rules, "ENTERPRISE_REPLY")->rule.value, 7);  // the override carries only OPINION_REPLY
}

TEST(RuleSetTest, AnOrganisationsOwnOverrideWinsOverItsAncestors) {
    const auto rules = Resolve(Versions(), kTownChain, "2026-06-01");
    EXPECT_EQ(Find(rules, "OPINION_REPLY")->rule.value, 8);
    EXPECT_EQ(Find(rules, "OPINION_REPLY")->version_id, 3);
    // The county itself still sees its own value.
    EXPECT_EQ(Find(Resolve(Versions(), {3, 1, std::nullopt}, "2026-06-01"), "OPINION_REPLY")->rule.value, 10);
}

TEST(RuleSetTest, ALaterVersionReplacesTheOwnersWholeOverride) {
    // County version 2 overrides ENTERPRISE_REPLY only: from its date the county no longer overrides
    // OPINION_REPLY, so the county itself falls back to the default for that rule.
    const auto county = Resolve(Versions(), {3, 1, std::nullopt}, "2026-09-01");
    EXPECT_EQ(Find(county, "ENTERPRISE_REPLY")->rule.value, 5);
    EXPECT_EQ(Find(county, "ENTERPRISE_REPLY")->rule.unit, Unit::kWorkingDays);
    EXPECT_EQ(Find(county, "OPINION_REPLY")->rule.value, 15);
    // Earlier dates still resolve to version 1: old versions keep explaining old deadlines.
    EXPECT_EQ(Find(Resolve(Versions(), {3, 1, std::nullopt}, "2026-08-31"), "OPINION_REPLY")->rule.value, 10);
}

TEST(RuleSetTest, OnTheSameEffectiveDateTheHigherVersionWins) {
    auto versions = Versions();
    versions.push_back(Version(5, 3, 3, "2026-09-01", {{"ENTERPRISE_REPLY", 4, Unit::kCalendarDays}}));
    EXPECT_EQ(Find(Resolve(versions, kTownChain, "2026-09-02"), "ENTERPRISE_REPLY")->rule.value, 4);
}

TEST(RuleSetTest, BadRulesAreNamedByPosition) {
    const auto errors = CheckRuleInputs({{"OPINION_REPLY", 10, "WORKING_DAYS"},
                                         {"NO_SUCH_RULE", 3, "CALENDAR_DAYS"},
                                         {"OPINION_REPLY", 0, "WORKING_DAYS"},
                                         {"ENTERPRISE_REPLY", 721, "HOURS"},
                                         {"WORKER_REPORT_ACK", 2, "WEEKS"}});
    EXPECT_EQ(errors.count("rules[0].code") + errors.count("rules[0].value"), 0U);
    EXPECT_EQ(errors.count("rules[1].code"), 1U);
    EXPECT_EQ(errors.count("rules[2].code"), 1U);  // duplicate
    EXPECT_EQ(errors.count("rules[2].value"), 1U);
    EXPECT_EQ(errors.count("rules[3].value"), 1U);
    EXPECT_EQ(errors.count("rules[4].unit"), 1U);
    EXPECT_EQ(CheckRuleInputs({}).count("rules"), 1U);
    EXPECT_TRUE(CheckRuleInputs({{"EVACUATION_DECISION", 720, "HOURS"}}).empty());
}

}  // namespace
}  // namespace app::rules
