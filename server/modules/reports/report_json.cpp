#include "reports/report_json.hpp"

#include <array>
#include <boost/json/array.hpp>
#include <cstdio>

#include "core/calendar_date.hpp"
#include "http/json.hpp"
#include "reports/report_workflow.hpp"

namespace app::reports {
namespace {

struct Category {
    std::string_view code;
    std::string_view zh;
    std::string_view en;
};

// The hazard categories (hazards module) in words a worker recognises.
constexpr std::array<Category, 5> kCategories{{
    {"UNSAFE_CONDITION", "设备设施不安全（缺防护、漏电、破损等）",
     "Unsafe equipment or facilities (missing guards, live wires, damage)"},
    {"UNSAFE_ACT", "违章指挥、违章作业", "Unsafe orders or unsafe work practices"},
    {"MANAGEMENT_DEFECT", "管理缺陷（未培训、无防护用品、制度缺失等）",
     "Management failings (no training, no protective equipment, no rules)"},
    {"OCCUPATIONAL_HEALTH", "职业危害（粉尘、噪声、高温、有毒物质等）",
     "Occupational health (dust, noise, heat, toxic substances)"},
    {"ENVIRONMENT", "作业环境（通道堵塞、照明不足、易燃物堆放等）",
     "Work environment (blocked exits, poor lighting, stored flammables)"},
}};

boost::json::value OptionalInt(const std::optional<std::int64_t>& value) {
    return value ? boost::json::value(*value) : boost::json::value(nullptr);
}

std::string DateText(std::int64_t epoch_millis) {
    return dates::FormatDate(dates::ShanghaiDateOf(epoch_millis));
}

LocalizedText Outcome(const WorkerReport& report, std::string_view worker_status) {
    if (worker_status == "RESOLVED") {
        const std::string on = report.hazard_closed_at ? DateText(*report.hazard_closed_at) : "";
        return {
            "您报告的隐患已于 " + on + " 整改完毕，并经工会复查通过。感谢您的监督！",
            "The hazard you reported was rectified and passed the union's recheck on " + on + ". Thank you!"};
    }
    if (worker_status == "ACCEPTED")
        return {"工会已立案为隐患，正在督促企业整改。",
                "The union has taken it up as a hazard and is pressing the "
                "enterprise to fix it."};
    if (worker_status == "DUPLICATE")
        return {"您报告的问题工会已在处理中，已并入同一隐患一并督促整改。",
                "The union is already handling this problem; your report joins that case."};
    if (worker_status == "REJECTED")
        return {"未予立案。理由：" + report.reject_reason, "Not taken up. Reason: " + report.reject_reason};
    if (worker_status == "UNDER_REVIEW")
        return {"工会已受理，正在核查。", "The union has acknowledged your report and is looking into it."};
    return {"工会将在 " + report.acknowledge_due + " 前受理。",
            "The union will acknowledge it by " + report.acknowledge_due + "."};
}

}  // namespace

std::string HourText(std::int64_t epoch_millis) {
    const std::int64_t hour_of_day = ((epoch_millis / 3'600'000) + 8) % 24;  // Asia/Shanghai, no DST
    char buffer[8];
    std::snprintf(buffer, sizeof buffer, " %02lld:00", static_cast<long long>(hour_of_day));
    return DateText(epoch_millis) + buffer;
}

LocalizedText CategoryLabel(std::string_view category) {
    for (const Category& entry : kCategories) {
        if (entry.code == category) return {std::string(entry.zh), std::string(entry.en)};
    }
    return {std::string(category), std::string(category)};
}

boost::json::object ReportToJson(const WorkerReport& report) {
    boost::json::object json{{"id", report.id},
                             {"code", report.code},
                             {"enterpriseId", report.enterprise_id},
                             {"enterpriseName", report.enterprise_name},
                             {"siteName", report.site_name},
                             {"organisationId", report.organisation_id},
                             {"organisationName", report.organisation_name},
                             {"category", report.category},
                             {"description", report.description},
                             {"location", report.location},
                             {"anonymity", report.anonymity},
                             {"status", report.status},
                             {"workerStatus", WorkerFacingStatus(report.status, report.hazard_status)},
                             {"submittedAt", report.submitted_at},
                             {"submittedOn", report.submitted_on},
                             {"acknowledgeDue", report.acknowledge_due},
                             {"acknowledgedAt", OptionalInt(report.acknowledged_at)},
                             {"decidedAt", OptionalInt(report.decided_at)},
                             {"overdue", report.overdue},
                             {"escalated", report.escalated_to_organisation_id.has_value()},
                             {"escalatedToOrganisationName", report.escalated_to_organisation_name},
                             {"rejectReason", report.reject_reason},
                             {"hazardId", OptionalInt(report.hazard_id)},
                             {"hazardCode", report.hazard_code},
                             {"hazardStatus", report.hazard_status},
                             {"unreadMessages", report.unread_worker_messages}};
    boost::json::array photos;
    for (const ReportPhoto& photo : report.photos) {
        photos.push_back({{"fileId", photo.file_id},
                          {"mediaType", photo.media_type},
                          {"hasThumbnail", photo.has_thumbnail}});
    }
    json["photos"] = std::move(photos);
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
    boost::json::array messages;
    for (const ReportMessage& message : report.messages) {
        messages.push_back({{"id", message.id},
                            {"author", message.author},
                            {"body", message.body},
                            {"actor", message.actor},
                            {"createdAt", message.created_at}});
    }
    json["messages"] = std::move(messages);
    return json;
}

boost::json::object PublicReportToJson(const WorkerReport& report, Language language) {
    const std::string status = WorkerFacingStatus(report.status, report.hazard_status);
    boost::json::object json{{"status", status},
                             {"statusLabel", Pick(StatusLabel(status), language)},
                             {"submittedOn", report.submitted_on},
                             {"enterpriseName", report.enterprise_name},
                             {"siteName", report.site_name},
                             {"unionName", report.organisation_name},
                             {"category", report.category},
                             {"categoryLabel", Pick(CategoryLabel(report.category), language)},
                             {"description", report.description},
                             {"location", report.location},
                             {"anonymity", report.anonymity},
                             {"acknowledgeDue", report.acknowledge_due},
                             {"rejectReason", report.reject_reason},
                             {"outcome", Pick(Outcome(report, status), language)},
                             {"photoCount", static_cast<std::int64_t>(report.photos.size())},
                             {"unreadFromUnion", report.unread_union_messages}};
    boost::json::array events;
    for (const ReportEvent& event : report.events) {
        events.push_back({{"event", event.event},
                          {"label", Pick(EventLabel(event.event), language)},
                          {"at", HourText(event.created_at)}});
    }
    if (status == "RESOLVED" && report.hazard_closed_at) {
        events.push_back({{"event", "RESOLVE"},
                          {"label", Pick(EventLabel("RESOLVE"), language)},
                          {"at", HourText(*report.hazard_closed_at)}});
    }
    json["events"] = std::move(events);
    boost::json::array messages;
    for (const ReportMessage& message : report.messages) {
        messages.push_back(
            {{"author", message.author},
             {"from", message.author == "UNION" ? report.organisation_name : Pick({"我", "Me"}, language)},
             {"body", message.body},
             {"at", HourText(message.created_at)}});
    }
    json["messages"] = std::move(messages);
    return json;
}

boost::json::object EntryPointToJson(const EntryPoint& entry, const std::string& public_base_url) {
    return {{"id", entry.id},
            {"code", entry.code},
            {"enterpriseId", entry.enterprise_id},
            {"enterpriseName", entry.enterprise_name},
            {"siteName", entry.site_name},
            {"organisationName", entry.organisation_name},
            {"url", public_base_url + "/report.html#/e/" + entry.code},
            {"createdAt", entry.created_at},
            {"revokedAt", OptionalInt(entry.revoked_at)}};
}

boost::json::object PublicEntryToJson(const EntryPoint& entry) {
    boost::json::array categories;
    for (const Category& category : kCategories) {
        categories.push_back({{"value", category.code}, {"label", category.zh}, {"labelEn", category.en}});
    }
    return {{"enterpriseName", entry.enterprise_name},
            {"siteName", entry.site_name},
            {"unionName", entry.organisation_name},
            {"categories", std::move(categories)}};
}

SubmitInput ReadSubmitInput(const boost::json::object& body) {
    http::FieldReader reader(body);
    SubmitInput input;
    // Lengths are checked by the service with messages a worker understands; these caps only bound the input.
    input.category = reader.OptionalString("category", 40).value_or("");
    input.description = reader.OptionalString("description", 4'000).value_or("");
    input.location = reader.OptionalString("location", 400).value_or("");
    input.anonymity = reader.OptionalString("anonymity", 16).value_or("");
    input.reporter_name = reader.OptionalString("reporterName", 100).value_or("");
    input.reporter_phone = reader.OptionalString("reporterPhone", 20).value_or("");
    input.upload_tokens = reader.StringArray("uploadTokens", 6, 100);
    reader.Finish();
    return input;
}

TransitionInput ReadTransitionInput(const boost::json::object& body) {
    http::FieldReader reader(body);
    TransitionInput input;
    input.event = reader.RequiredString("event", 1, 32);
    input.comment = reader.OptionalString("comment", 2'000).value_or("");
    input.grade = reader.OptionalString("grade", 16).value_or("");
    input.category = reader.OptionalString("category", 40).value_or("");
    input.title = reader.OptionalString("title", 200).value_or("");
    input.description = reader.OptionalString("description", 2'000).value_or("");
    input.hazard_id = reader.OptionalInt64("hazardId", 1, INT64_MAX);
    input.reason = reader.OptionalString("reason", 1'000).value_or("");
    reader.Finish();
    return input;
}

ReportFilter ReadReportFilter(const http::Request& request) {
    ReportFilter filter;
    filter.keyword = http::QueryText(request, "q", 100).value_or("");
    const std::string statuses = http::QueryText(request, "status", 200).value_or("");
    std::size_t at = 0;
    while (at < statuses.size()) {
        std::size_t end = statuses.find(',', at);
        if (end == std::string::npos) end = statuses.size();
        const std::string status = statuses.substr(at, end - at);
        if (!status.empty()) {
            if (!IsStatus(status))
                throw Error::InvalidField("status", {"未知的状态：" + status, "Unknown status: " + status});
            filter.statuses.push_back(status);
        }
        at = end + 1;
    }
    filter.anonymity = http::QueryText(request, "anonymity", 16).value_or("");
    if (!filter.anonymity.empty() && !IsAnonymity(filter.anonymity))
        throw Error::InvalidField("anonymity", {"只能是 ANONYMOUS 或 NAMED", "Use ANONYMOUS or NAMED"});
    filter.enterprise_id = http::QueryInt64(request, "enterpriseId");
    filter.organisation_id = http::QueryInt64(request, "organisationId");
    const std::string overdue = http::QueryText(request, "overdue", 5).value_or("");
    filter.overdue = overdue == "true" || overdue == "1";
    for (const auto& [name, field] : {std::pair{"submittedFrom", &filter.submitted_from},
                                      std::pair{"submittedTo", &filter.submitted_to}}) {
        *field = http::QueryText(request, name, 10).value_or("");
        if (!field->empty() && !dates::ParseDate(*field))
            throw Error::InvalidField(name, {"日期格式为 YYYY-MM-DD", "Use a date like 2026-11-29"});
    }
    filter.sort = http::QueryText(request, "sort", 32).value_or("");
    return filter;
}

}  // namespace app::reports
