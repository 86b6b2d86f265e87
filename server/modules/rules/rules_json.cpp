#include "rules/rules_json.hpp"

#include <boost/json/array.hpp>

#include "http/json.hpp"

namespace app::rules {
namespace {

boost::json::value OptionalId(const std::optional<std::int64_t>& id) {
    return id ? boost::json::value(*id) : boost::json::value(nullptr);
}

boost::json::object RuleToJson(const Rule& rule) {
    return {{"code", rule.code}, {"value", rule.value}, {"unit", UnitName(rule.unit)}};
}

boost::json::object InForceRuleToJson(const RuleInForce& rule) {
    boost::json::object object = RuleToJson(rule.rule);
    object["source"] = {{"versionId", rule.version_id},
                        {"organisationId", OptionalId(rule.organisation_id)},
                        {"organisationName", rule.organisation_name},
                        {"version", rule.version},
                        {"effectiveFrom", rule.effective_from}};
    return object;
}

}  // namespace

boost::json::object CalendarYearToJson(const CalendarYear& year) {
    boost::json::array days;
    for (const CalendarEntry& entry : year.days) {
        days.push_back({{"date", entry.date}, {"kind", entry.kind}, {"name", entry.name}});
    }
    return {{"year", year.year}, {"days", std::move(days)}};
}

boost::json::object VersionToJson(const RuleSetVersion& version) {
    boost::json::array rules;
    for (const Rule& rule : version.rules) rules.push_back(RuleToJson(rule));
    return {{"id", version.id},
            {"organisationId", OptionalId(version.organisation_id)},
            {"organisationName", version.organisation_name},
            {"version", version.version},
            {"effectiveFrom", version.effective_from},
            {"note", version.note},
            {"createdBy", version.created_by},
            {"createdAt", version.created_at},
            {"rules", std::move(rules)}};
}

boost::json::object InForceToJson(const RuleSetInForce& in_force) {
    boost::json::array rules;
    for (const RuleInForce& rule : in_force.rules) rules.push_back(InForceRuleToJson(rule));
    return {{"organisationId", in_force.organisation_id},
            {"organisationName", in_force.organisation_name},
            {"date", in_force.date},
            {"rules", std::move(rules)}};
}

boost::json::object DeadlineToJson(const Deadline& deadline) {
    return {{"organisationId", deadline.organisation_id},
            {"rule", InForceRuleToJson(deadline.rule)},
            {"from", deadline.from},
            {"due", deadline.due},
            {"dueAt", deadline.due_at ? boost::json::value(*deadline.due_at) : boost::json::value(nullptr)},
            {"workingDays", deadline.working_days}};
}

PublishInput ReadPublishInput(const boost::json::object& object) {
    http::FieldReader reader(object);
    PublishInput input;
    input.organisation_id = reader.RequiredInt64("organisationId", 1, INT64_MAX);
    input.effective_from = reader.RequiredString("effectiveFrom", 10, 10);
    input.note = reader.OptionalString("note", 200).value_or("");
    const auto* rules = object.if_contains("rules");
    if (!rules || !rules->is_array()) {
        reader.AddError("rules", {"请填写规则列表", "Give the list of rules"});
    } else if (rules->as_array().size() > 50) {
        reader.AddError("rules", {"规则过多", "Too many rules"});
    } else {
        const auto& array = rules->as_array();
        for (std::size_t index = 0; index < array.size(); ++index) {
            const std::string prefix = "rules[" + std::to_string(index) + "].";
            if (!array[index].is_object()) {
                reader.AddError("rules[" + std::to_string(index) + "]", {"应为对象", "Must be an object"});
                continue;
            }
            const auto& row = array[index].as_object();
            RuleInput rule;
            const auto text = [&](const char* key, std::string& out) {
                const auto* value = row.if_contains(key);
                if (value && value->is_string() && value->as_string().size() <= 64) {
                    out = std::string(value->as_string());
                }
            };
            text("code", rule.code);
            text("unit", rule.unit);
            const auto* value = row.if_contains("value");
            if (value && value->is_int64()) {
                rule.value = value->as_int64();
            } else if (value && value->is_uint64()) {
                rule.value = -1;  // far out of range: reported below
            } else {
                reader.AddError(prefix + "value", {"请填写整数", "Give a whole number"});
                rule.value = 1;
            }
            input.rules.push_back(std::move(rule));
        }
    }
    reader.Finish();
    return input;
}

std::vector<CalendarEntry> ReadCalendarDays(const boost::json::object& object) {
    http::FieldReader reader(object);
    std::vector<CalendarEntry> days;
    const auto* array = object.if_contains("days");
    if (!array || !array->is_array()) {
        reader.AddError("days", {"请填写日期列表", "Give the list of days"});
    } else if (array->as_array().size() > 366) {
        reader.AddError("days", {"日期过多", "Too many days"});
    } else {
        for (std::size_t index = 0; index < array->as_array().size(); ++index) {
            const auto& item = array->as_array()[index];
            const std::string prefix = "days[" + std::to_string(index) + "].";
            if (!item.is_object()) {
                reader.AddError("days[" + std::to_string(index) + "]", {"应为对象", "Must be an object"});
                continue;
            }
            CalendarEntry entry;
            const auto text = [&](const char* key, std::string& out, std::size_t max) {
                const auto* value = item.as_object().if_contains(key);
                if (value && value->is_string() && value->as_string().size() <= max) {
                    out = std::string(value->as_string());
                }
            };
            text("date", entry.date, 10);
            text("kind", entry.kind, 16);
            text("name", entry.name, 90);  // 30 Chinese characters
            days.push_back(std::move(entry));
        }
    }
    reader.Finish();
    return days;
}

}  // namespace app::rules
