#include "hazards/hazard_json.hpp"

#include <boost/json/array.hpp>

#include "core/calendar_date.hpp"
#include "http/json.hpp"

namespace app::hazards {
namespace {

boost::json::value OptionalId(const std::optional<std::int64_t>& id) {
    return id ? boost::json::value(*id) : boost::json::value(nullptr);
}

boost::json::value OptionalText(const std::string& text) {
    return text.empty() ? boost::json::value(nullptr) : boost::json::value(text);
}

boost::json::string_view View(std::string_view text) {
    return {text.data(), text.size()};
}

}  // namespace

boost::json::object HazardToJson(const Hazard& hazard) {
    boost::json::array next;
    if (const auto status = ParseStatus(hazard.status)) {
        for (HazardEvent event : EventsFrom(*status)) {
            if (IsSchedulerOnly(event)) continue;
            // The service refuses an evacuation recommendation for a hazard without immediate danger (409).
            if (event == HazardEvent::kRecommendEvacuation && !hazard.immediate_danger) continue;
            next.push_back(View(EventName(event)));
        }
    }
    return {{"id", hazard.id},
            {"code", hazard.code},
            {"organisationId", hazard.organisation_id},
            {"organisationName", hazard.organisation_name},
            {"enterpriseId", hazard.enterprise_id},
            {"enterpriseName", hazard.enterprise_name},
            {"inspectionId", OptionalId(hazard.inspection_id)},
            {"checklistItemCode", hazard.checklist_item_code},
            {"source", hazard.source},
            {"category", hazard.category},
            {"grade", hazard.grade},
            {"majorSubgrade", OptionalId(hazard.major_subgrade)},
            {"majorCriterion", hazard.major_criterion},
            {"title", hazard.title},
            {"description", hazard.description},
            {"location", hazard.location},
            {"immediateDanger", hazard.immediate_danger},
            {"foundOn", hazard.found_on},
            {"foundBy", hazard.found_by},
            {"rectificationDeadline", hazard.rectification_deadline},
            {"replyDue", hazard.reply_due},
            {"recheckDue", hazard.recheck_due},
            {"rectificationPlan", hazard.rectification_plan},
            {"status", hazard.status},
            {"statusChangedAt", hazard.status_changed_at},
            {"overdue", hazard.overdue},
            {"nextEvents", std::move(next)},
            {"ruleSetVersionId", OptionalId(hazard.rule_set_version_id)},
            {"createdBy", OptionalId(hazard.created_by)},
            {"createdAt", hazard.created_at},
            {"updatedAt", hazard.updated_at},
            {"closedAt", OptionalId(hazard.closed_at)}};
}

boost::json::object HazardDetailToJson(const Hazard& hazard) {
    boost::json::object json = HazardToJson(hazard);
    boost::json::array photos;
    boost::json::array evidence;
    for (const HazardFile& file : hazard.files) {
        const std::string url = "/api/v1/files/" + std::to_string(file.file_id);
        boost::json::object item{{"id", file.file_id},
                                 {"fileId", file.file_id},
                                 {"purpose", file.purpose},
                                 {"eventId", OptionalId(file.event_id)},
                                 {"mediaType", file.media_type},
                                 {"originalName", file.original_name},
                                 {"url", url},
                                 {"thumbnailUrl", file.has_thumbnail ? boost::json::value(url + "/thumbnail")
                                                                     : boost::json::value(nullptr)}};
        (file.purpose == "PHOTO" ? photos : evidence).push_back(std::move(item));
    }
    boost::json::array events;
    for (const TimelineEntry& entry : hazard.events) {
        events.push_back({{"id", entry.id},
                          {"event", entry.event},
                          {"fromStatus", entry.from_status},
                          {"toStatus", entry.to_status},
                          {"comment", entry.comment},
                          {"userId", OptionalId(entry.user_id)},
                          {"actor", entry.actor},
                          {"createdAt", entry.created_at}});
    }
    boost::json::array verifications;
    for (const Verification& verification : hazard.verifications) {
        verifications.push_back({{"id", verification.id},
                                 {"verificationType", verification.verification_type},
                                 {"result", verification.result},
                                 {"verifiers", verification.verifiers},
                                 {"note", verification.note},
                                 {"verifiedOn", verification.verified_on},
                                 {"eventId", OptionalId(verification.event_id)},
                                 {"userId", OptionalId(verification.user_id)},
                                 {"createdAt", verification.created_at}});
    }
    boost::json::array escalations;
    for (const Escalation& escalation : hazard.escalations) {
        escalations.push_back({{"id", escalation.id},
                               {"fromOrganisationId", escalation.from_organisation_id},
                               {"fromOrganisationName", escalation.from_organisation_name},
                               {"toOrganisationId", OptionalId(escalation.to_organisation_id)},
                               {"toOrganisationName", OptionalText(escalation.to_organisation_name)},
                               {"toAgency", escalation.to_agency},
                               {"reason", escalation.reason},
                               {"note", escalation.note},
                               {"automatic", escalation.automatic},
                               {"sentAt", escalation.sent_at},
                               {"acknowledgedAt", OptionalId(escalation.acknowledged_at)},
                               {"outcome", escalation.outcome},
                               {"userId", OptionalId(escalation.user_id)}});
    }
    boost::json::array documents;
    for (const LinkedDocument& document : hazard.documents) {
        documents.push_back({{"id", document.id},
                             {"documentNo", document.document_no},
                             {"type", document.document_type},
                             {"documentType", document.document_type},
                             {"title", document.title},
                             {"status", document.status}});
    }
    json["photos"] = std::move(photos);
    json["evidence"] = std::move(evidence);
    json["events"] = std::move(events);
    json["verifications"] = std::move(verifications);
    json["escalations"] = std::move(escalations);
    json["documents"] = std::move(documents);
    return json;
}

HazardInput ReadHazardInput(const boost::json::object& body) {
    http::FieldReader reader(body);
    HazardInput input;
    input.enterprise_id = reader.RequiredInt64("enterpriseId", 1, INT64_MAX);
    input.organisation_id = reader.OptionalInt64("organisationId", 1, INT64_MAX);
    input.inspection_id = reader.OptionalInt64("inspectionId", 1, INT64_MAX);
    input.checklist_item_code = reader.OptionalString("checklistItemCode", 64).value_or("");
    input.source = reader.OptionalString("source", 32).value_or("UNION_INSPECTION");
    input.category = reader.RequiredString("category", 1, 32);
    input.grade = reader.OptionalString("grade", 16).value_or("GENERAL");
    input.major_subgrade = reader.OptionalInt64("majorSubgrade", INT64_MIN, INT64_MAX);
    input.major_criterion = reader.OptionalString("majorCriterion", 200).value_or("");
    input.title = reader.RequiredString("title", 2, 100);
    input.description = reader.OptionalString("description", 2000).value_or("");
    input.location = reader.OptionalString("location", 200).value_or("");
    input.immediate_danger = reader.OptionalBool("immediateDanger").value_or(false);
    input.found_on = reader.RequiredString("foundOn", 10, 10);
    input.found_by = reader.OptionalString("foundBy", 100).value_or("");
    input.photo_file_ids = reader.Int64Array("photoFileIds", 20);
    reader.Finish();
    return input;
}

TransitionInput ReadTransitionInput(const boost::json::object& body) {
    http::FieldReader reader(body);
    TransitionInput input;
    input.event = reader.RequiredString("event", 1, 32);
    input.comment = reader.OptionalString("comment", 2000).value_or("");
    input.grade = reader.OptionalString("grade", 16);
    input.category = reader.OptionalString("category", 32);
    input.rectification_deadline = reader.OptionalString("rectificationDeadline", 10).value_or("");
    input.rectification_plan = reader.OptionalString("rectificationPlan", 4000).value_or("");
    input.reply_due = reader.OptionalString("replyDue", 10).value_or("");
    input.result = reader.OptionalString("result", 16).value_or("");
    input.verification_type = reader.OptionalString("verificationType", 32).value_or("");
    // verifiers: a text ("张三、李四") or a list of names.
    const auto* verifiers = body.if_contains("verifiers");
    if (verifiers && verifiers->is_array()) {
        for (const std::string& name : reader.StringArray("verifiers", 20, 50)) {
            if (name.empty()) continue;
            input.verifiers += (input.verifiers.empty() ? "" : "、") + name;
        }
    } else {
        input.verifiers = reader.OptionalString("verifiers", 200).value_or("");
    }
    input.verified_on = reader.OptionalString("verifiedOn", 10).value_or("");
    input.evidence_file_ids = reader.Int64Array("evidenceFileIds", 20);
    reader.Finish();
    return input;
}

HazardFilter ReadHazardFilter(const http::Request& request) {
    HazardFilter filter;
    filter.keyword = http::QueryText(request, "q", 100).value_or("");
    for (const auto& [name, value] : http::ParseQueryString(request.query_string)) {
        if (name != "status") continue;
        std::size_t at = 0;
        while (at <= value.size()) {
            std::size_t end = value.find(',', at);
            if (end == std::string::npos) end = value.size();
            const std::string status = value.substr(at, end - at);
            if (!status.empty()) {
                if (!ParseStatus(status)) {
                    throw Error::InvalidField("status",
                                              {"未知的状态：" + status, "Unknown status: " + status});
                }
                filter.statuses.push_back(status);
            }
            at = end + 1;
        }
    }
    filter.grade = http::QueryText(request, "grade", 16).value_or("");
    filter.category = http::QueryText(request, "category", 32).value_or("");
    filter.source = http::QueryText(request, "source", 32).value_or("");
    filter.enterprise_id = http::QueryInt64(request, "enterpriseId");
    filter.organisation_id = http::QueryInt64(request, "organisationId");
    const auto overdue = http::QueryText(request, "overdue", 5);
    if (overdue && *overdue != "true" && *overdue != "false") {
        throw Error::InvalidField("overdue", {"只能是 true 或 false", "must be true or false"});
    }
    filter.overdue = overdue == "true";
    for (const char* name : {"from", "to"}) {
        const auto date = http::QueryText(request, name, 10);
        if (date && !dates::ParseDate(*date)) {
            throw Error::InvalidField(name, {"日期格式为 YYYY-MM-DD", "Use a date like 2026-11-29"});
        }
        (std::string_view(name) == "from" ? filter.found_from : filter.found_to) = date.value_or("");
    }
    filter.sort = http::QueryText(request, "sort", 32).value_or("");
    return filter;
}

}  // namespace app::hazards
