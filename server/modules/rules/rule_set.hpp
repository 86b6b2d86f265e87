#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "rules/calendar.hpp"

// The versioned deadline rule set (规则集, domain model §3.5, §15.4): pure rules, no I/O.
namespace app::rules {

enum class Unit { kWorkingDays, kCalendarDays, kHours };
std::string_view UnitName(Unit unit);  // "WORKING_DAYS", "CALENDAR_DAYS", "HOURS"
std::optional<Unit> ParseUnit(std::string_view name);

// The rule codes the platform knows, in display order. A version may only carry these.
const std::vector<std::string>& RuleCodes();
bool IsKnownRule(std::string_view code);

// Limits of a rule's value: 1–365 days, 1–720 hours (30 days).
constexpr std::int64_t kMaxDays = 365;
constexpr std::int64_t kMaxHours = 720;

struct Rule {
    std::string code;
    std::int64_t value = 0;
    Unit unit = Unit::kCalendarDays;
};

// One published version. organisation_id is empty for the platform default. Never changed once stored.
struct RuleSetVersion {
    std::int64_t id = 0;
    std::optional<std::int64_t> organisation_id;
    std::string organisation_name;  // empty for the platform default
    std::string organisation_path;  // empty for the platform default
    std::int64_t version = 0;       // 1, 2, … per owner
    std::string effective_from;     // YYYY-MM-DD (Asia/Shanghai calendar day)
    std::string note;
    std::string created_by;
    std::int64_t created_at = 0;
    std::vector<Rule> rules;  // in RuleCodes() order
};

// A rule in force and the version it comes from.
struct RuleInForce {
    Rule rule;
    std::int64_t version_id = 0;
    std::optional<std::int64_t> organisation_id;  // empty: the platform default
    std::string organisation_name;
    std::int64_t version = 0;
    std::string effective_from;
};

// Owners from nearest to farthest: the organisation itself, its parent, …, the root, then the platform
// (nullopt). For each owner the version in force on `date` is the one with the latest effective date on or
// before `date` (the higher version number on a tie). Each rule comes from the nearest owner whose version in
// force carries it; an override version carries only the rules it overrides. Rules no owner carries are left
// out.
std::vector<RuleInForce> Resolve(const std::vector<RuleSetVersion>& versions,
                                 const std::vector<std::optional<std::int64_t>>& owners_nearest_first,
                                 std::string_view date);

// The rows of a version as submitted, before they are trusted.
struct RuleInput {
    std::string code;
    std::int64_t value = 0;
    std::string unit;
};
// Field errors of submitted rules, named rules[i].code / .value / .unit, or "rules" for an empty list.
Error::FieldErrors CheckRuleInputs(const std::vector<RuleInput>& inputs);

// The due date of a day-unit rule counted from `from`.
Date DueDate(const WorkingCalendar& calendar, const Rule& rule, Date from);

}  // namespace app::rules
