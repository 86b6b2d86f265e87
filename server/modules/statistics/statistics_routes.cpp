#include "statistics/statistics_routes.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "http/json.hpp"
#include "statistics/months.hpp"

namespace app::statistics {
namespace {

using http::Method;

constexpr std::string_view kViewPermission = "statistics:dashboard:view";
constexpr int kLongestRangeMonths = 120;

std::string_view KindName(IndicatorKind kind) {
    switch (kind) {
        case IndicatorKind::kCount:
            return "COUNT";
        case IndicatorKind::kStock:
            return "STOCK";
        case IndicatorKind::kRatio:
            return "RATIO";
        case IndicatorKind::kAverage:
            return "AVERAGE";
    }
    return "COUNT";
}

// Counts as integers, then every ratio and average whose parts are present (null when the denominator is 0).
boost::json::object ValuesToJson(const IndicatorValues& values) {
    boost::json::object object;
    for (const auto& [code, value] : values) object[code] = value;
    for (const IndicatorDefinition& definition : Catalogue()) {
        if (definition.kind != IndicatorKind::kRatio && definition.kind != IndicatorKind::kAverage) continue;
        if (!values.contains(definition.numerator) || !values.contains(definition.denominator)) continue;
        const auto derived = DerivedValue(definition, values);
        object[definition.code] = derived ? boost::json::value(*derived) : boost::json::value(nullptr);
    }
    return object;
}

boost::json::object NodeToJson(const NodeFigures& node) {
    return {{"organisationId", node.organisation_id ? boost::json::value(*node.organisation_id) : nullptr},
            {"name", node.name},
            {"level", node.level},
            {"hasChildren", node.has_children},
            {"values", ValuesToJson(node.values)}};
}

boost::json::object RangeToJson(const MonthRange& range) {
    return {{"from", range.from}, {"to", range.to}};
}

std::int64_t OrganisationOf(const http::Request& request) {
    const auto id = http::QueryInt64(request, "organisationId");
    return id ? *id : request.context.principal.organisation_id;
}

MonthRange ReadRange(const http::Request& request, const StatisticsService& statistics) {
    MonthRange range = statistics.DefaultRange();
    Error::FieldErrors errors;
    for (const char* field : {"from", "to"}) {
        const auto text = http::QueryText(request, field, 7);
        if (!text || text->empty()) continue;
        const auto month = ParseMonth(*text);
        if (!month) {
            errors.emplace(field, LocalizedText{"须为年月，格式 YYYY-MM", "must be a month, YYYY-MM"});
        } else {
            (std::string_view(field) == "from" ? range.from : range.to) = *month;
        }
    }
    if (errors.empty() && range.to < range.from) {
        errors.emplace("to", LocalizedText{"结束月份不能早于开始月份", "must not be before from"});
    } else if (errors.empty() && MonthsBetween(range.from, range.to) >= kLongestRangeMonths) {
        errors.emplace("to", LocalizedText{"统计期最长 120 个月", "the period is at most 120 months"});
    }
    if (!errors.empty()) throw Error::InvalidInput(errors);
    return range;
}

BreakdownDimension ReadDimension(const http::Request& request) {
    const auto by = http::QueryText(request, "by", 20);
    if (!by || *by == "ownership") return BreakdownDimension::kOwnership;
    if (*by == "size") return BreakdownDimension::kSize;
    if (*by == "industry") return BreakdownDimension::kIndustry;
    throw Error::InvalidField("by",
                              {"须为 ownership、size 或 industry", "must be ownership, size or industry"});
}

std::string_view DimensionName(BreakdownDimension dimension) {
    switch (dimension) {
        case BreakdownDimension::kOwnership:
            return "ownership";
        case BreakdownDimension::kSize:
            return "size";
        case BreakdownDimension::kIndustry:
            return "industry";
    }
    return "ownership";
}

boost::json::object CapacityToJson(const LevelCapacity& entry) {
    boost::json::object object{{"level", entry.level},
                               {"organisations", entry.organisations},
                               {"withDepartment", entry.with_department},
                               {"enterprises", entry.enterprises},
                               {"covered", entry.covered},
                               {"nonPublic", entry.non_public},
                               {"nonPublicCovered", entry.non_public_covered},
                               {"smallAndMicro", entry.small_and_micro},
                               {"smallAndMicroCovered", entry.small_and_micro_covered},
                               {"committees", entry.committees},
                               {"inspectors", entry.inspectors},
                               {"fulltimeCadres", entry.fulltime_cadres},
                               {"parttimeCadres", entry.parttime_cadres},
                               {"budgetPlannedFen", entry.budget_planned_fen},
                               {"budgetSpentFen", entry.budget_spent_fen}};
    if (entry.organisation_id) {
        object["organisationId"] = *entry.organisation_id;
        object["name"] = entry.name;
    }
    return object;
}

}  // namespace

void RegisterStatisticsRoutes(http::Router& router, StatisticsService& statistics) {
    router.DeclarePermission(
        {std::string(kViewPermission), "查看统计分析与驾驶舱", "View statistics and the dashboard"});
    router.Add(
        {.method = Method::kGet,
         .path = "/api/v1/statistics/indicators",
         .permission = std::string(kViewPermission),
         .tag = "statistics",
         .summary = "The indicator catalogue: codes, names, units, kinds, definitions",
         .response_body = "IndicatorCatalogue"},
        [](http::Request&) {
            boost::json::array items;
            for (const IndicatorDefinition& entry : Catalogue()) {
                items.push_back({{"code", entry.code},
                                 {"name", entry.name},
                                 {"nameEn", entry.name_en},
                                 {"unit", entry.unit},
                                 {"kind", KindName(entry.kind)},
                                 {"numerator", entry.numerator},
                                 {"denominator", entry.denominator},
                                 {"definition", entry.definition},
                                 {"definitionEn", entry.definition_en},
                                 {"additive", entry.additive}});
            }
            return http::Response::Json(http::Serialize(boost::json::object{{"items", std::move(items)}}));
        });
    router.Add(
        {.method = Method::kGet,
         .path = "/api/v1/statistics/dashboard",
         .permission = std::string(kViewPermission),
         .tag = "statistics",
         .summary = "Key figures of an organisation's subtree for a month range with the previous period, "
                    "each child's figures, a 12-month trend and the breadcrumbs (ADR 0013)",
         .response_body = "StatisticsDashboard"},
        [&](http::Request& request) {
            const MonthRange range = ReadRange(request, statistics);
            const Dashboard dashboard = statistics.Load(request.context, OrganisationOf(request), range);
            boost::json::array children;
            for (const NodeFigures& child : dashboard.children) children.push_back(NodeToJson(child));
            boost::json::array trend;
            for (const TrendPoint& point : dashboard.trend) {
                trend.push_back({{"month", point.month}, {"values", ValuesToJson(point.values)}});
            }
            boost::json::array crumbs;
            for (const Crumb& crumb : dashboard.breadcrumbs) {
                crumbs.push_back({{"id", crumb.organisation_id}, {"name", crumb.name}});
            }
            boost::json::object organisation{{"id", *dashboard.organisation.organisation_id},
                                             {"name", dashboard.organisation.name},
                                             {"level", dashboard.organisation.level},
                                             {"hasChildren", dashboard.organisation.has_children}};
            return http::Response::Json(http::Serialize(
                boost::json::object{{"organisation", std::move(organisation)},
                                    {"period", RangeToJson(dashboard.period)},
                                    {"previousPeriod", RangeToJson(dashboard.previous_period)},
                                    {"values", ValuesToJson(dashboard.organisation.values)},
                                    {"previousValues", ValuesToJson(dashboard.previous_values)},
                                    {"children", std::move(children)},
                                    {"trend", std::move(trend)},
                                    {"breadcrumbs", std::move(crumbs)},
                                    {"generatedAt", dashboard.generated_at}}));
        });
    router.Add(
        {.method = Method::kGet,
         .path = "/api/v1/statistics/breakdown",
         .permission = std::string(kViewPermission),
         .tag = "statistics",
         .summary = "Enterprises of an organisation's subtree by ownership, size class or industry section, "
                    "with headcount and coverage",
         .response_body = "StatisticsBreakdown"},
        [&](http::Request& request) {
            const BreakdownDimension dimension = ReadDimension(request);
            boost::json::array rows;
            for (const BreakdownRow& row :
                 statistics.Breakdown(request.context, OrganisationOf(request), dimension)) {
                rows.push_back({{"key", row.key},
                                {"label", row.label},
                                {"labelEn", row.label_en},
                                {"values", ValuesToJson(row.values)}});
            }
            return http::Response::Json(http::Serialize(
                boost::json::object{{"by", DimensionName(dimension)}, {"rows", std::move(rows)}}));
        });
    router.Add(
        {.method = Method::kGet,
         .path = "/api/v1/statistics/enterprises",
         .permission = std::string(kViewPermission),
         .tag = "statistics",
         .summary = "The drill-down's last step: the enterprises of an organisation's subtree with their "
                    "hazards and worker reports",
         .response_body = "StatisticsEnterprisePage"},
        [&](http::Request& request) {
            const MonthRange range = ReadRange(request, statistics);
            const PageRequest page = http::ReadPageRequest(request);
            const std::string search = http::QueryText(request, "q", 100).value_or("");
            const auto result =
                statistics.Enterprises(request.context, OrganisationOf(request), range, search, page);
            return http::Response::Json(
                http::Serialize(http::PageToJson(result, [](const EnterpriseFigures& enterprise) {
                    return boost::json::object{{"id", enterprise.id},
                                               {"name", enterprise.name},
                                               {"creditCode", enterprise.credit_code},
                                               {"organisationName", enterprise.organisation_name},
                                               {"covered", enterprise.covered},
                                               {"values", ValuesToJson(enterprise.values)}};
                })));
        });
    router.Add(
        {.method = Method::kGet,
         .path = "/api/v1/statistics/coverage-capacity",
         .permission = std::string(kViewPermission),
         .tag = "statistics",
         .summary = "The coverage and capacity report: organisations, coverage, committees, inspectors, "
                    "cadres and funds per level and per child, and below the county",
         .response_body = "CoverageCapacityReport"},
        [&](http::Request& request) {
            const auto year_value = http::QueryInt64(request, "year");
            const int year = year_value ? static_cast<int>(*year_value)
                                        : std::stoi(statistics.DefaultRange().to.substr(0, 4));
            if (year < 2000 || year > 2099) {
                throw Error::InvalidField("year", {"年度须为 2000 到 2099", "year must be 2000 to 2099"});
            }
            const CoverageCapacityReport report =
                statistics.CoverageCapacity(request.context, OrganisationOf(request), year);
            boost::json::array levels;
            for (const LevelCapacity& level : report.levels) levels.push_back(CapacityToJson(level));
            boost::json::array children;
            for (const LevelCapacity& child : report.children) children.push_back(CapacityToJson(child));
            return http::Response::Json(
                http::Serialize(boost::json::object{{"organisation",
                                                     {{"id", report.organisation_id},
                                                      {"name", report.organisation_name},
                                                      {"level", report.organisation_level}}},
                                                    {"year", report.year},
                                                    {"levels", std::move(levels)},
                                                    {"belowCounty", CapacityToJson(report.below_county)},
                                                    {"total", CapacityToJson(report.total)},
                                                    {"children", std::move(children)}}));
        });
}

}  // namespace app::statistics
