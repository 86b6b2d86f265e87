#include "annual_reports/annual_report_json.hpp"

#include <boost/json/array.hpp>
#include <cmath>

#include "annual_reports/annual_report_rules.hpp"
#include "core/error.hpp"
#include "statistics/indicators.hpp"

namespace app::annual_reports {
namespace {

boost::json::value Optional(const std::optional<std::int64_t>& value) {
    return value ? boost::json::value(*value) : boost::json::value(nullptr);
}

std::string_view KindName(statistics::IndicatorKind kind) {
    switch (kind) {
        case statistics::IndicatorKind::kCount:
            return "COUNT";
        case statistics::IndicatorKind::kStock:
            return "STOCK";
        case statistics::IndicatorKind::kRatio:
            return "RATIO";
        case statistics::IndicatorKind::kAverage:
            break;
    }
    return "AVERAGE";
}

boost::json::object ItemToJson(const ReportItem& item) {
    const statistics::IndicatorDefinition* definition = statistics::FindIndicator(item.code);
    const CheckResult check = CheckOf(item);
    boost::json::object json{
        {"code", item.code},
        {"name", definition ? definition->name : std::string_view(item.code)},
        {"nameEn", definition ? definition->name_en : std::string_view(item.code)},
        {"unit", definition ? definition->unit : std::string_view()},
        {"kind", definition ? KindName(definition->kind) : std::string_view("COUNT")},
        {"section", SectionOf(item.code)},
        {"additive", definition != nullptr && definition->additive},
        {"systemValue", item.system_value},
        {"manualValue", Optional(item.manual_value)},
        {"value", item.Value()},
        {"childrenSum", Optional(item.children_sum)},
        {"check", check == CheckResult::kNotChecked ? boost::json::value(nullptr)
                                                    : boost::json::value(CheckName(check))},
        {"difference", item.children_sum ? boost::json::value(item.Value() - *item.children_sum)
                                         : boost::json::value(nullptr)},
        {"note", item.note}};
    return json;
}

}  // namespace

boost::json::object ReportToJson(const StatisticalReport& report, bool detail) {
    boost::json::object json{{"id", report.id},
                             {"organisationId", report.organisation_id},
                             {"organisationName", report.organisation_name},
                             {"organisationLevel", report.organisation_level},
                             {"year", report.year},
                             {"status", report.status},
                             {"periodFrom", report.period_from},
                             {"periodTo", report.period_to},
                             {"checkNote", report.check_note},
                             {"returnComment", report.return_comment},
                             {"createdAt", report.created_at},
                             {"updatedAt", report.updated_at},
                             {"refreshedAt", report.refreshed_at},
                             {"submittedAt", Optional(report.submitted_at)},
                             {"submittedBy", report.submitted_by_name},
                             {"approvedAt", Optional(report.approved_at)},
                             {"approvedBy", report.approved_by_name},
                             {"actions", {{"edit", report.actions.edit}, {"review", report.actions.review}}}};
    if (!detail) return json;
    boost::json::array items;
    for (const ReportItem& item : report.items) items.push_back(ItemToJson(item));
    json["items"] = std::move(items);
    json["failedChecks"] = FailedChecks(report.items);
    json["children"] = {{"total", report.children}, {"reported", report.children_reported}};
    boost::json::array events;
    for (const ReportEvent& event : report.events) {
        events.push_back({{"event", event.event},
                          {"fromStatus", event.from_status},
                          {"toStatus", event.to_status},
                          {"comment", event.comment},
                          {"actor", event.actor},
                          {"createdAt", event.created_at}});
    }
    json["events"] = std::move(events);
    return json;
}

boost::json::object OverviewToJson(const ReportOverview& overview) {
    boost::json::array children;
    for (const ChildReportStatus& child : overview.children) {
        children.push_back({{"organisationId", child.organisation_id},
                            {"name", child.name},
                            {"level", child.level},
                            {"report", child.report ? boost::json::value(ReportToJson(*child.report, false))
                                                    : boost::json::value(nullptr)}});
    }
    return {{"year", overview.year},
            {"period", {{"from", overview.period_from}, {"to", overview.period_to}}},
            {"organisation",
             {{"id", overview.organisation_id},
              {"name", overview.organisation_name},
              {"level", overview.organisation_level}}},
            {"report", overview.report ? boost::json::value(ReportToJson(*overview.report, false))
                                       : boost::json::value(nullptr)},
            {"canCreate", overview.can_create},
            {"children", std::move(children)},
            {"completion",
             {{"total", static_cast<std::int64_t>(overview.children.size())},
              {"submitted", overview.submitted},
              {"approved", overview.approved}}}};
}

std::vector<ItemInput> ReadItemInputs(const boost::json::object& body) {
    Error::FieldErrors errors;
    std::vector<ItemInput> inputs;
    const boost::json::value* items = body.if_contains("items");
    if (!items || !items->is_array()) {
        errors.emplace("items", LocalizedText{"请提交指标数值", "items must be a list"});
        throw Error::InvalidInput(errors);
    }
    if (items->as_array().size() > 500) {
        errors.emplace("items", LocalizedText{"指标过多", "Too many items"});
        throw Error::InvalidInput(errors);
    }
    for (const boost::json::value& element : items->as_array()) {
        const boost::json::object* object = element.if_object();
        const boost::json::value* code = object ? object->if_contains("code") : nullptr;
        if (!code || !code->is_string() || code->as_string().empty() || code->as_string().size() > 16) {
            errors.emplace("items", LocalizedText{"每一项须有指标代码", "Each item needs its code"});
            continue;
        }
        ItemInput input;
        input.code = std::string(code->as_string());
        const std::string field = "items[" + input.code + "]";
        if (const boost::json::value* manual = object->if_contains("manualValue")) {
            input.set_manual = true;
            if (manual->is_null()) {
                input.manual_value = std::nullopt;
            } else if (manual->is_int64() && manual->as_int64() >= 0 &&
                       manual->as_int64() <= kMaxManualValue) {
                input.manual_value = manual->as_int64();
            } else if (manual->is_double() && std::floor(manual->as_double()) == manual->as_double() &&
                       manual->as_double() >= 0 &&
                       manual->as_double() <= static_cast<double>(kMaxManualValue)) {
                input.manual_value = static_cast<std::int64_t>(manual->as_double());
            } else {
                errors.emplace(field + ".manualValue",
                               LocalizedText{"请填写不小于 0 的整数", "Enter a whole number of 0 or more"});
            }
        }
        if (const boost::json::value* note = object->if_contains("note"); note && !note->is_null()) {
            if (note->is_string() && note->as_string().find('\0') == boost::json::string::npos)
                input.note = std::string(note->as_string());
            else
                errors.emplace(field + ".note", LocalizedText{"说明须为文字", "note must be text"});
        }
        inputs.push_back(std::move(input));
    }
    if (!errors.empty()) throw Error::InvalidInput(errors);
    return inputs;
}

}  // namespace app::annual_reports
