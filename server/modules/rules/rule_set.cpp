#include "rules/rule_set.hpp"

#include <algorithm>
#include <set>
#include <stdexcept>

namespace app::rules {

std::string_view UnitName(Unit unit) {
    switch (unit) {
        case Unit::kWorkingDays:
            return "WORKING_DAYS";
        case Unit::kCalendarDays:
            return "CALENDAR_DAYS";
        case Unit::kHours:
            return "HOURS";
    }
    return "CALENDAR_DAYS";
}

std::optional<Unit> ParseUnit(std::string_view name) {
    if (name == "WORKING_DAYS") return Unit::kWorkingDays;
    if (name == "CALENDAR_DAYS") return Unit::kCalendarDays;
    if (name == "HOURS") return Unit::kHours;
    return std::nullopt;
}

const std::vector<std::string>& RuleCodes() {
    static const std::vector<std::string> kCodes{
        "ENTERPRISE_REPLY",   "EVACUATION_DECISION", "OPINION_REPLY",          "GENERAL_RECTIFICATION",
        "RECHECK_AFTER_DONE", "REMINDER_BEFORE_DUE", "ESCALATE_AFTER_OVERDUE", "WORKER_REPORT_ACK",
    };
    return kCodes;
}

bool IsKnownRule(std::string_view code) {
    const auto& codes = RuleCodes();
    return std::find(codes.begin(), codes.end(), code) != codes.end();
}

std::vector<RuleInForce> Resolve(const std::vector<RuleSetVersion>& versions,
                                 const std::vector<std::optional<std::int64_t>>& owners_nearest_first,
                                 std::string_view date) {
    // The version in force per owner, in owner order.
    std::vector<const RuleSetVersion*> in_force;
    for (const auto& owner : owners_nearest_first) {
        const RuleSetVersion* best = nullptr;
        for (const RuleSetVersion& version : versions) {
            if (version.organisation_id != owner || version.effective_from > date) continue;
            if (!best || version.effective_from > best->effective_from ||
                (version.effective_from == best->effective_from && version.version > best->version)) {
                best = &version;
            }
        }
        if (best) in_force.push_back(best);
    }
    std::vector<RuleInForce> result;
    for (const std::string& code : RuleCodes()) {
        for (const RuleSetVersion* version : in_force) {
            const auto rule = std::find_if(version->rules.begin(), version->rules.end(),
                                           [&](const Rule& candidate) { return candidate.code == code; });
            if (rule == version->rules.end()) continue;
            result.push_back({*rule, version->id, version->organisation_id, version->organisation_name,
                              version->version, version->effective_from});
            break;
        }
    }
    return result;
}

Error::FieldErrors CheckRuleInputs(const std::vector<RuleInput>& inputs) {
    Error::FieldErrors errors;
    if (inputs.empty()) {
        errors.emplace("rules", LocalizedText{"至少填写一条规则", "Give at least one rule"});
    }
    std::set<std::string> seen;
    for (std::size_t index = 0; index < inputs.size(); ++index) {
        const RuleInput& input = inputs[index];
        const std::string prefix = "rules[" + std::to_string(index) + "].";
        if (!IsKnownRule(input.code)) {
            errors.emplace(prefix + "code", LocalizedText{"未知的规则代码", "Unknown rule code"});
        } else if (!seen.insert(input.code).second) {
            errors.emplace(prefix + "code",
                           LocalizedText{"同一规则只能出现一次", "A rule may appear only once"});
        }
        const auto unit = ParseUnit(input.unit);
        if (!unit) {
            errors.emplace(prefix + "unit",
                           LocalizedText{"单位应为 WORKING_DAYS、CALENDAR_DAYS 或 HOURS",
                                         "The unit must be WORKING_DAYS, CALENDAR_DAYS or HOURS"});
            continue;
        }
        if (*unit == Unit::kHours && (input.value < 1 || input.value > kMaxHours)) {
            errors.emplace(prefix + "value", LocalizedText{"小时数应在 1–720 之间", "Hours must be 1–720"});
        } else if (*unit != Unit::kHours && (input.value < 1 || input.value > kMaxDays)) {
            errors.emplace(prefix + "value", LocalizedText{"天数应在 1–365 之间", "Days must be 1–365"});
        }
    }
    return errors;
}

Date DueDate(const WorkingCalendar& calendar, const Rule& rule, Date from) {
    switch (rule.unit) {
        case Unit::kWorkingDays:
            return calendar.AddWorkingDays(from, static_cast<int>(rule.value));
        case Unit::kCalendarDays:
            return WorkingCalendar::AddCalendarDays(from, static_cast<int>(rule.value));
        case Unit::kHours:
            break;
    }
    throw std::invalid_argument("DueDate: an hour rule has a due instant, not a date");
}

}  // namespace app::rules
