#include "documents/document_json.hpp"

#include <boost/json/array.hpp>

#include "core/calendar_date.hpp"
#include "documents/document_rules.hpp"
#include "http/json.hpp"

namespace app::documents {
namespace {

boost::json::value OptionalInt(const std::optional<std::int64_t>& value) {
    return value ? boost::json::value(*value) : boost::json::value(nullptr);
}

std::string DateOf(const std::optional<std::int64_t>& at) {
    return at ? dates::FormatDate(dates::ShanghaiDateOf(*at)) : std::string();
}

}  // namespace

boost::json::object HazardToJson(const DocumentHazard& hazard) {
    return {{"id", hazard.id},
            {"code", hazard.code},
            {"title", hazard.title},
            {"description", hazard.description},
            {"location", hazard.location},
            {"grade", hazard.grade},
            {"status", hazard.status},
            {"rectificationDeadline", hazard.rectification_deadline}};
}

boost::json::object DocumentToJson(const Document& document) {
    boost::json::array actions;
    for (const std::string& action : AllowedActions(document.status)) actions.emplace_back(action);
    boost::json::object object{{"id", document.id},
                               {"organisationId", document.organisation_id},
                               {"organisationName", document.organisation_name},
                               {"documentType", document.document_type},
                               {"year", OptionalInt(document.year)},
                               {"serial", OptionalInt(document.serial)},
                               {"documentNo", document.document_no},
                               {"enterpriseId", OptionalInt(document.enterprise_id)},
                               {"enterpriseName", document.enterprise_name},
                               {"addressee", document.addressee},
                               {"title", document.title},
                               {"content", document.content},
                               {"requestedActions", document.requested_actions},
                               {"signedBy", document.signed_by},
                               {"replyDue", document.reply_due},
                               {"status", document.status},
                               {"actions", std::move(actions)},
                               {"issuedAt", OptionalInt(document.issued_at)},
                               {"issuedOn", DateOf(document.issued_at)},
                               {"servedAt", OptionalInt(document.served_at)},
                               {"servedOn", DateOf(document.served_at)},
                               {"serviceMethod", document.service_method},
                               {"replyReceivedAt", OptionalInt(document.reply_received_at)},
                               {"replyDecision", document.reply_decision},
                               {"replyContent", document.reply_content},
                               {"replyPlan", document.reply_plan},
                               {"replyContact", document.reply_contact},
                               {"replyRectificationDeadline", document.reply_rectification_deadline},
                               // The same, under the name the supervision web reads.
                               {"replyDeadline", document.reply_rectification_deadline},
                               {"reviewNote", document.review_note},
                               {"withdrawReason", document.withdraw_reason},
                               {"ruleSetVersionId", OptionalInt(document.rule_set_version_id)},
                               {"createdAt", document.created_at},
                               {"updatedAt", document.updated_at}};
    boost::json::array hazards;
    for (const DocumentHazard& hazard : document.hazards) hazards.push_back(HazardToJson(hazard));
    object["hazards"] = std::move(hazards);
    boost::json::array hazard_ids;
    for (const DocumentHazard& hazard : document.hazards) hazard_ids.push_back(hazard.id);
    object["hazardIds"] = std::move(hazard_ids);
    boost::json::array files;
    for (const DocumentFile& file : document.files) {
        files.push_back({{"id", file.id},
                         {"purpose", file.purpose},
                         {"mediaType", file.media_type},
                         {"originalName", file.original_name},
                         {"byteSize", file.byte_size},
                         {"createdAt", file.created_at}});
    }
    object["files"] = std::move(files);
    if (document.reply_link) {
        const ReplyLinkInfo& link = *document.reply_link;
        object["replyLink"] = boost::json::object{{"id", link.id},
                                                  {"state", link.state},
                                                  {"expiresAt", link.expires_at},
                                                  {"usedAt", OptionalInt(link.used_at)},
                                                  {"revokedAt", OptionalInt(link.revoked_at)},
                                                  {"createdAt", link.created_at}};
    } else {
        object["replyLink"] = nullptr;
    }
    return object;
}

boost::json::object PublicDocumentToJson(const Document& document, std::int64_t link_expires_at) {
    boost::json::array hazards;
    for (const DocumentHazard& hazard : document.hazards) {
        hazards.push_back({{"code", hazard.code},
                           {"title", hazard.title},
                           {"description", hazard.description},
                           {"location", hazard.location},
                           {"grade", hazard.grade},
                           {"rectificationDeadline", hazard.rectification_deadline}});
    }
    return {{"documentNo", document.document_no},
            {"documentType", document.document_type},
            {"documentTypeLabel", TypeLabel(document.document_type)},
            {"organisationName", document.organisation_name},
            {"addressee", document.addressee},
            {"title", document.title},
            {"content", document.content},
            {"requestedActions", document.requested_actions},
            {"signedBy", document.signed_by},
            {"issuedOn", DateOf(document.issued_at)},
            {"servedOn", DateOf(document.served_at)},
            {"replyDue", document.reply_due},
            {"status", document.status},
            {"hazards", std::move(hazards)},
            {"linkExpiresAt", link_expires_at}};
}

DocumentInput ReadDocumentInput(const boost::json::object& body) {
    http::FieldReader reader(body);
    DocumentInput input;
    input.document_type = reader.RequiredString("documentType", 1, 40);
    input.organisation_id = reader.OptionalInt64("organisationId", 1, INT64_MAX);
    input.enterprise_id = reader.OptionalInt64("enterpriseId", 1, INT64_MAX);
    input.addressee = reader.RequiredString("addressee", 2, 100);
    input.title = reader.RequiredString("title", 2, 100);
    input.content = reader.OptionalString("content", 10'000).value_or("");
    input.requested_actions = reader.OptionalString("requestedActions", 5'000).value_or("");
    input.hazard_ids = reader.Int64Array("hazardIds", 100);
    input.reply_due = reader.OptionalString("replyDue", 10).value_or("");
    reader.Finish();
    return input;
}

DocumentFilter ReadDocumentFilter(const http::Request& request) {
    DocumentFilter filter;
    filter.document_type = http::QueryText(request, "type", 40).value_or("");
    if (filter.document_type.empty())
        filter.document_type = http::QueryText(request, "documentType", 40).value_or("");
    filter.status = http::QueryText(request, "status", 16).value_or("");
    filter.year = http::QueryInt64(request, "year");
    filter.enterprise_id = http::QueryInt64(request, "enterpriseId");
    filter.organisation_id = http::QueryInt64(request, "organisationId");
    filter.keyword = http::QueryText(request, "q", 64).value_or("");
    return filter;
}

ServeInput ReadServeInput(const boost::json::object& body) {
    http::FieldReader reader(body);
    ServeInput input;
    input.service_method = reader.RequiredString("serviceMethod", 1, 16);
    input.served_on = reader.RequiredString("servedOn", 10, 10);
    reader.Finish();
    return input;
}

ReviewInput ReadReviewInput(const boost::json::object& body) {
    http::FieldReader reader(body);
    ReviewInput input;
    input.decision = reader.RequiredString("decision", 1, 16);
    input.note = reader.OptionalString("note", 2'000).value_or("");
    reader.Finish();
    return input;
}

ReplyInput ReadReplyInput(const boost::json::object& body) {
    http::FieldReader reader(body);
    ReplyInput input;
    input.decision = reader.RequiredString("decision", 1, 16);
    input.content = reader.OptionalString("content", 5'000).value_or("");
    input.plan = reader.OptionalString("plan", 5'000).value_or("");
    input.rectification_deadline = reader.OptionalString("rectificationDeadline", 10).value_or("");
    input.contact = reader.OptionalString("contact", 100).value_or("");
    input.evidence_file_ids = reader.Int64Array("evidenceFileIds", 20);
    reader.Finish();
    return input;
}

}  // namespace app::documents
