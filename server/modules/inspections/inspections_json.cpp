#include "inspections/inspections_json.hpp"

#include <boost/json/array.hpp>

#include "http/json.hpp"
#include "inspections/inspection_workflow.hpp"

namespace app::inspections {
namespace {

boost::json::value OptionalInt(const std::optional<std::int64_t>& value) {
    return value ? boost::json::value(*value) : boost::json::value(nullptr);
}

boost::json::array IdArray(const std::vector<std::int64_t>& ids) {
    boost::json::array array;
    for (std::int64_t id : ids) array.push_back(id);
    return array;
}

boost::json::object VersionSummaryToJson(const VersionSummary& version) {
    return {{"id", version.id},
            {"version", version.version},
            {"status", version.status},
            {"note", version.note},
            {"itemCount", version.item_count},
            {"publishedAt", OptionalInt(version.published_at)}};
}

// Copies the nested FieldReader's errors under a prefix.
void Merge(http::FieldReader& outer, const http::FieldReader& inner, const std::string& prefix) {
    try {
        inner.Finish();
    } catch (const Error& error) {
        for (const auto& [field, message] : error.GetFieldErrors()) outer.AddError(prefix + field, message);
    }
}

const boost::json::array* ArrayField(http::FieldReader& reader, const boost::json::object& body,
                                     const std::string& key, const std::string& field, std::size_t max,
                                     bool required) {
    const auto* value = body.if_contains(key);
    if (!value || value->is_null()) {
        if (required) reader.AddError(field, {"必填", "is required"});
        return nullptr;
    }
    if (!value->is_array() || value->as_array().size() > max) {
        reader.AddError(field, {"须为列表（不超过 " + std::to_string(max) + " 项）",
                                "must be a list of at most " + std::to_string(max) + " entries"});
        return nullptr;
    }
    return &value->as_array();
}

std::vector<ChecklistSection> ReadSections(http::FieldReader& reader, const boost::json::object& body,
                                           bool required) {
    std::vector<ChecklistSection> sections;
    const auto* array = ArrayField(reader, body, "sections", "sections", 50, required);
    if (!array) return sections;
    std::size_t s = 0;
    for (const boost::json::value& value : *array) {
        const std::string prefix = "sections[" + std::to_string(s++) + "]";
        ChecklistSection section;
        if (!value.is_object()) {
            reader.AddError(prefix, {"须为对象", "must be an object"});
            sections.push_back(section);
            continue;
        }
        http::FieldReader section_reader(value.as_object());
        section.title =
            section_reader.OptionalString("title", 1000).value_or("");  // checked by ValidateSections
        Merge(reader, section_reader, prefix + ".");
        const auto* items = ArrayField(reader, value.as_object(), "items", prefix + ".items", 500, false);
        std::size_t i = 0;
        if (items) {
            for (const boost::json::value& item_value : *items) {
                const std::string item_prefix = prefix + ".items[" + std::to_string(i++) + "]";
                ChecklistItem item;
                if (!item_value.is_object()) {
                    reader.AddError(item_prefix, {"须为对象", "must be an object"});
                    section.items.push_back(item);
                    continue;
                }
                http::FieldReader item_reader(item_value.as_object());
                // Lengths and formats are checked by ValidateSections, which names every problem at once.
                item.code = item_reader.OptionalString("code", 1000).value_or("");
                item.text = item_reader.OptionalString("text", 10000).value_or("");
                item.basis_ref = item_reader.OptionalString("basisRef", 200).value_or("");
                item.max_score = item_reader.OptionalInt64("maxScore", 0, 100).value_or(0);
                item.answer_type = item_reader.OptionalString("answerType", 32).value_or("PASS_FAIL_NA");
                item.requires_photo = item_reader.OptionalBool("requiresPhoto").value_or(false);
                item.requires_note = item_reader.OptionalBool("requiresNote").value_or(false);
                item.severity_hint = item_reader.OptionalString("severityHint", 16).value_or("GENERAL");
                Merge(reader, item_reader, item_prefix + ".");
                section.items.push_back(std::move(item));
            }
        }
        sections.push_back(std::move(section));
    }
    return sections;
}

}  // namespace

boost::json::object ChecklistVersionToJson(const ChecklistVersion& version) {
    boost::json::array sections;
    for (const ChecklistSection& section : version.sections) {
        boost::json::array items;
        for (const ChecklistItem& item : section.items) {
            items.push_back({{"code", item.code},
                             {"text", item.text},
                             {"basisRef", item.basis_ref},
                             {"maxScore", item.max_score},
                             {"answerType", item.answer_type},
                             {"requiresPhoto", item.requires_photo},
                             {"requiresNote", item.requires_note},
                             {"severityHint", item.severity_hint}});
        }
        sections.push_back({{"title", section.title}, {"items", std::move(items)}});
    }
    return {{"id", version.id},
            {"templateId", version.template_id},
            {"version", version.version},
            {"status", version.status},
            {"note", version.note},
            {"itemCount", version.ItemCount()},
            {"maxScore", version.MaxScore()},
            {"sections", std::move(sections)},
            {"createdAt", version.created_at},
            {"updatedAt", version.updated_at},
            {"publishedAt", OptionalInt(version.published_at)}};
}

boost::json::object ChecklistTemplateToJson(const ChecklistTemplate& checklist) {
    boost::json::object json{
        {"id", checklist.id},
        {"code", checklist.code},
        {"name", checklist.name},
        {"kind", checklist.kind},
        {"season", checklist.season},
        {"description", checklist.description},
        {"organisationId", OptionalInt(checklist.organisation_id)},
        {"organisationName", checklist.organisation_id ? boost::json::value(checklist.organisation_name)
                                                       : boost::json::value(nullptr)},
        {"library", !checklist.organisation_id},
        {"copiedFromId", OptionalInt(checklist.copied_from_id)},
        {"copiedFromName", checklist.copied_from_id ? boost::json::value(checklist.copied_from_name)
                                                    : boost::json::value(nullptr)},
        {"copiedFromVersion", OptionalInt(checklist.copied_from_version)},
        {"currentVersion", checklist.current_version},
        {"itemCount", checklist.item_count},
        {"hasDraft", checklist.has_draft},
        {"editable", checklist.editable},
        {"createdAt", checklist.created_at},
        {"updatedAt", checklist.updated_at}};
    if (checklist.current || checklist.draft || !checklist.versions.empty()) {
        json["current"] = checklist.current ? boost::json::value(ChecklistVersionToJson(*checklist.current))
                                            : boost::json::value(nullptr);
        json["draft"] = checklist.draft ? boost::json::value(ChecklistVersionToJson(*checklist.draft))
                                        : boost::json::value(nullptr);
        boost::json::array versions;
        for (const VersionSummary& version : checklist.versions)
            versions.push_back(VersionSummaryToJson(version));
        json["versions"] = std::move(versions);
    }
    return json;
}

boost::json::object AnswerToJson(const Answer& answer) {
    return {{"itemCode", answer.item_code},
            {"result", answer.result},
            {"note", answer.note},
            {"photoFileIds", IdArray(answer.photo_file_ids)},
            {"updatedAt", answer.updated_at}};
}

boost::json::object InspectionToJson(const Inspection& inspection) {
    boost::json::array next;
    if (const auto status = ParseStatus(inspection.status)) {
        for (Event event : EventsFrom(*status)) {
            const std::string_view name = EventName(event);
            next.push_back(boost::json::string_view(name.data(), name.size()));
        }
    }
    boost::json::array inspectors, members;
    for (const TeamMember& member : inspection.team) {
        if (member.inspector_id) {
            inspectors.push_back({{"inspectorId", *member.inspector_id},
                                  {"name", member.name},
                                  {"certificateNo", member.certificate_no},
                                  {"status", member.inspector_status}});
        } else {
            members.push_back(boost::json::string(member.name));
        }
    }
    boost::json::object json{{"id", inspection.id},
                             {"code", inspection.code},
                             {"organisationId", inspection.organisation_id},
                             {"organisationName", inspection.organisation_name},
                             {"enterpriseId", inspection.enterprise_id},
                             {"enterpriseName", inspection.enterprise_name},
                             {"enterpriseAddress", inspection.enterprise_address},
                             {"mode", inspection.mode},
                             {"authorityName", inspection.authority_name},
                             {"topic", inspection.topic},
                             {"plannedDate", inspection.planned_date},
                             {"checklistId", inspection.checklist_template_id},
                             {"checklistName", inspection.checklist_name},
                             {"checklistVersionId", inspection.checklist_version_id},
                             {"checklistVersion", inspection.checklist_version},
                             {"status", inspection.status},
                             {"nextEvents", std::move(next)},
                             {"itemCount", inspection.item_count},
                             {"answeredCount", inspection.answered_count},
                             {"failedCount", inspection.failed_count},
                             {"score", inspection.score},
                             {"maxScore", inspection.max_score},
                             {"inspectors", std::move(inspectors)},
                             {"members", std::move(members)},
                             {"signatoryName", inspection.signatory_name},
                             {"signatoryTitle", inspection.signatory_title},
                             {"refusalNote", inspection.refusal_note},
                             {"summary", inspection.summary},
                             {"cancelReason", inspection.cancel_reason},
                             {"startedAt", OptionalInt(inspection.started_at)},
                             {"findingsRecordedAt", OptionalInt(inspection.findings_recorded_at)},
                             {"signedAt", OptionalInt(inspection.signed_at)},
                             {"closedAt", OptionalInt(inspection.closed_at)},
                             {"statusChangedAt", inspection.status_changed_at},
                             {"createdAt", inspection.created_at},
                             {"updatedAt", inspection.updated_at}};
    if (inspection.checklist) {
        json["checklist"] = ChecklistVersionToJson(*inspection.checklist);
        boost::json::array answers;
        for (const Answer& answer : inspection.answers) answers.push_back(AnswerToJson(answer));
        json["answers"] = std::move(answers);
        boost::json::array hazards;
        std::int64_t open = 0;
        for (const LinkedHazard& hazard : inspection.hazards) {
            hazards.push_back({{"id", hazard.id},
                               {"code", hazard.code},
                               {"title", hazard.title},
                               {"grade", hazard.grade},
                               {"status", hazard.status},
                               {"checklistItemCode", hazard.checklist_item_code},
                               {"open", hazard.open}});
            open += hazard.open ? 1 : 0;
        }
        json["hazards"] = std::move(hazards);
        json["openHazardCount"] = open;
        boost::json::array events;
        for (const InspectionEvent& event : inspection.events) {
            events.push_back({{"id", event.id},
                              {"event", event.event},
                              {"fromStatus", event.from_status},
                              {"toStatus", event.to_status},
                              {"comment", event.comment},
                              {"username", event.username},
                              {"createdAt", event.created_at}});
        }
        json["events"] = std::move(events);
    }
    return json;
}

TemplateInput ReadTemplateInput(const boost::json::object& body) {
    http::FieldReader reader(body);
    TemplateInput input;
    input.organisation_id = reader.OptionalInt64("organisationId", 1, INT64_MAX);
    input.code = reader.RequiredString("code", 1, 32);
    input.name = reader.RequiredString("name", 2, 100);
    input.kind = reader.RequiredString("kind", 1, 32);
    input.season = reader.OptionalString("season", 32).value_or("");
    input.description = reader.OptionalString("description", 1000).value_or("");
    input.sections = ReadSections(reader, body, false);
    reader.Finish();
    return input;
}

TemplateUpdate ReadTemplateUpdate(const boost::json::object& body) {
    http::FieldReader reader(body);
    TemplateUpdate input;
    input.name = reader.RequiredString("name", 2, 100);
    input.season = reader.OptionalString("season", 32).value_or("");
    input.description = reader.OptionalString("description", 1000).value_or("");
    reader.Finish();
    return input;
}

CopyInput ReadCopyInput(const boost::json::object& body) {
    http::FieldReader reader(body);
    CopyInput input;
    input.organisation_id = reader.OptionalInt64("organisationId", 1, INT64_MAX);
    input.code = reader.OptionalString("code", 32).value_or("");
    input.name = reader.OptionalString("name", 100).value_or("");
    reader.Finish();
    return input;
}

DraftInput ReadDraftInput(const boost::json::object& body) {
    http::FieldReader reader(body);
    DraftInput input;
    input.note = reader.OptionalString("note", 500).value_or("");
    input.sections = ReadSections(reader, body, true);
    reader.Finish();
    return input;
}

PlanInput ReadPlanInput(const boost::json::object& body) {
    http::FieldReader reader(body);
    PlanInput input;
    input.organisation_id = reader.OptionalInt64("organisationId", 1, INT64_MAX);
    input.enterprise_id = reader.RequiredInt64("enterpriseId", 1, INT64_MAX);
    input.mode = reader.RequiredString("mode", 1, 32);
    input.authority_name = reader.OptionalString("authorityName", 100).value_or("");
    input.topic = reader.OptionalString("topic", 200).value_or("");
    input.planned_date = reader.RequiredString("plannedDate", 10, 10);
    input.checklist_id = reader.RequiredInt64("checklistId", 1, INT64_MAX);
    input.inspector_ids = reader.Int64Array("inspectorIds", 20);
    input.members = reader.StringArray("members", 20, 50);
    reader.Finish();
    return input;
}

std::vector<AnswerInput> ReadAnswers(const boost::json::object& body) {
    http::FieldReader reader(body);
    std::vector<AnswerInput> answers;
    const auto* array = ArrayField(reader, body, "answers", "answers", 500, true);
    if (array) {
        std::size_t index = 0;
        for (const boost::json::value& value : *array) {
            const std::string prefix = "answers[" + std::to_string(index++) + "]";
            AnswerInput answer;
            if (!value.is_object()) {
                reader.AddError(prefix, {"须为对象", "must be an object"});
                continue;
            }
            http::FieldReader answer_reader(value.as_object());
            answer.item_code = answer_reader.RequiredString("itemCode", 1, 32);
            answer.result = answer_reader.OptionalString("result", 8);
            answer.note = answer_reader.OptionalString("note", 1000).value_or("");
            answer.photo_file_ids = answer_reader.Int64Array("photoFileIds", 20);
            Merge(reader, answer_reader, prefix + ".");
            answers.push_back(std::move(answer));
        }
    }
    reader.Finish();
    return answers;
}

TransitionInput ReadTransitionInput(const boost::json::object& body) {
    http::FieldReader reader(body);
    TransitionInput input;
    input.event = reader.RequiredString("event", 1, 32);
    input.comment = reader.OptionalString("comment", 1000).value_or("");
    if (reader.Has("inspectorIds")) input.inspector_ids = reader.Int64Array("inspectorIds", 20);
    input.signatory_name = reader.OptionalString("signatoryName", 50).value_or("");
    input.signatory_title = reader.OptionalString("signatoryTitle", 50).value_or("");
    input.summary = reader.OptionalString("summary", 2000);
    reader.Finish();
    return input;
}

ChecklistFilter ReadChecklistFilter(const http::Request& request) {
    ChecklistFilter filter;
    filter.kind = http::QueryText(request, "kind", 32).value_or("");
    filter.season = http::QueryText(request, "season", 32).value_or("");
    filter.keyword = http::QueryText(request, "q", 64).value_or("");
    filter.owner = http::QueryText(request, "owner", 16).value_or("");
    return filter;
}

InspectionFilter ReadInspectionFilter(const http::Request& request) {
    InspectionFilter filter;
    filter.organisation_id = http::QueryInt64(request, "organisationId");
    filter.enterprise_id = http::QueryInt64(request, "enterpriseId");
    filter.status = http::QueryText(request, "status", 32).value_or("");
    filter.mode = http::QueryText(request, "mode", 32).value_or("");
    filter.from = http::QueryText(request, "from", 10).value_or("");
    filter.to = http::QueryText(request, "to", 10).value_or("");
    filter.keyword = http::QueryText(request, "q", 64).value_or("");
    return filter;
}

}  // namespace app::inspections
