#include "rules/rules_routes.hpp"

#include <boost/json/array.hpp>

#include "http/json.hpp"
#include "rules/rules_json.hpp"

namespace app::rules {
namespace {

using http::Method;

constexpr const char* kView = "rules:ruleset:view";
constexpr const char* kManage = "rules:ruleset:manage";
constexpr const char* kCalendarManage = "rules:calendar:manage";

int YearParameter(const http::Request& request) {
    const std::int64_t year = request.PathId("year");
    if (year < RulesService::kMinYear || year > RulesService::kMaxYear) {
        throw Error::InvalidField("year", {"年份应在 2000–2100 之间", "The year must be 2000–2100"});
    }
    return static_cast<int>(year);
}

}  // namespace

void RegisterRulesRoutes(http::Router& router, RulesService& rules) {
    router.DeclarePermission(
        {kView, "查看规则集与工作日历", "View the rule set and the working-day calendar"});
    router.DeclarePermission(
        {kManage, "发布本级及下级的规则集版本", "Publish rule set versions for the subtree"});
    router.DeclarePermission(
        {kCalendarManage, "维护工作日历（法定节假日、调休）", "Edit the working-day calendar"});

    router.Add({.method = Method::kGet,
                .path = "/api/v1/rules/calendar/{year}",
                .permission = kView,
                .tag = "rules",
                .summary = "The statutory holidays and adjusted working days of a year",
                .response_body = "CalendarYear"},
               [&](http::Request& request) {
                   return http::Response::Json(
                       http::Serialize(CalendarYearToJson(rules.GetCalendar(YearParameter(request)))));
               });
    router.Add({.method = Method::kPut,
                .path = "/api/v1/rules/calendar/{year}",
                .permission = kCalendarManage,
                .body_limit = 65536,
                .tag = "rules",
                .summary = "Replace a year's holidays and adjusted working days (platform-wide)",
                .request_body = "CalendarYearInput",
                .response_body = "CalendarYear"},
               [&](http::Request& request) {
                   const int year = YearParameter(request);
                   const auto days = ReadCalendarDays(http::ParseJsonObject(request));
                   return http::Response::Json(
                       http::Serialize(CalendarYearToJson(rules.SaveCalendar(request.context, year, days))));
               });
    router.Add(
        {.method = Method::kGet,
         .path = "/api/v1/rules/versions",
         .permission = kView,
         .tag = "rules",
         .summary = "Rule set versions that govern an organisation (its own, its ancestors', the platform "
                    "default), newest first",
         .response_body = "RuleSetVersionList"},
        [&](http::Request& request) {
            boost::json::array items;
            for (const RuleSetVersion& version :
                 rules.ListVersions(request.context, http::QueryInt64(request, "organisationId"))) {
                items.push_back(VersionToJson(version));
            }
            return http::Response::Json(http::Serialize(items));
        });
    router.Add({.method = Method::kGet,
                .path = "/api/v1/rules/versions/{id}",
                .permission = kView,
                .tag = "rules",
                .summary = "One rule set version with its rules",
                .response_body = "RuleSetVersion"},
               [&](http::Request& request) {
                   return http::Response::Json(http::Serialize(
                       VersionToJson(rules.GetVersion(request.context, request.PathId("id")))));
               });
    router.Add({.method = Method::kPost,
                .path = "/api/v1/rules/versions",
                .permission = kManage,
                .body_limit = 16384,
                .tag = "rules",
                .summary = "Publish a new immutable rule set version for an organisation in scope",
                .request_body = "RuleSetVersionInput",
                .response_body = "RuleSetVersion"},
               [&](http::Request& request) {
                   const RuleSetVersion created =
                       rules.Publish(request.context, ReadPublishInput(http::ParseJsonObject(request)));
                   return http::Response::Json(http::Serialize(VersionToJson(created)), 201);
               });
    router.Add(
        {.method = Method::kGet,
         .path = "/api/v1/rules/in-force",
         .permission = kView,
         .tag = "rules",
         .summary = "The rules in force for an organisation on a date, each with the version it comes from",
         .response_body = "RuleSetInForce"},
        [&](http::Request& request) {
            return http::Response::Json(http::Serialize(
                InForceToJson(rules.InForce(request.context, http::QueryInt64(request, "organisationId"),
                                            http::QueryText(request, "date", 10)))));
        });
    router.Add(
        {.method = Method::kGet,
         .path = "/api/v1/rules/deadline",
         .permission = kView,
         .tag = "rules",
         .summary = "The due date of a rule for an organisation, counted from a date with the calendar",
         .response_body = "Deadline"},
        [&](http::Request& request) {
            DeadlineQuery query;
            query.organisation_id = http::QueryInt64(request, "organisationId");
            query.rule = http::QueryText(request, "rule", 64).value_or("");
            query.from = http::QueryText(request, "from", 10);
            query.from_at = http::QueryInt64(request, "fromAt");
            return http::Response::Json(
                http::Serialize(DeadlineToJson(rules.ComputeDeadline(request.context, query))));
        });
}

}  // namespace app::rules
