#include "documents/document_store.hpp"

#include "auth/data_scope.hpp"
#include "core/calendar_date.hpp"
#include "documents/document_json.hpp"
#include "http/json.hpp"

namespace app::documents::detail {
namespace {

constexpr std::string_view kSelect =
    "SELECT d.id, d.organisation_id, o.name, o.path, o.org_type, d.document_type, d.year, d.serial, "
    "d.document_no, d.enterprise_id, e.name, d.addressee, d.title, d.content, d.requested_actions, "
    "d.signed_by, d.reply_due, d.status, d.issued_at, d.served_at, d.service_method, d.reply_received_at, "
    "d.reply_decision, d.reply_content, d.reply_plan, d.reply_contact, d.reply_rectification_deadline, "
    "d.review_note, d.withdraw_reason, d.rule_set_version_id, d.created_at, d.updated_at "
    "FROM union_documents d JOIN organisations o ON o.id = d.organisation_id "
    "LEFT JOIN enterprises e ON e.id = d.enterprise_id";

}  // namespace

std::string_view SelectDocuments() {
    return kSelect;
}

Document ReadDocument(const db::Row& row) {
    Document document;
    document.id = row.GetInt64(0);
    document.organisation_id = row.GetInt64(1);
    document.organisation_name = row.GetString(2);
    document.organisation_path = row.GetString(3);
    document.organisation_type = row.GetString(4);
    document.document_type = row.GetString(5);
    document.year = row.GetOptionalInt64(6);
    document.serial = row.GetOptionalInt64(7);
    document.document_no = row.GetString(8);
    document.enterprise_id = row.GetOptionalInt64(9);
    document.enterprise_name = row.GetOptionalString(10).value_or("");
    document.addressee = row.GetString(11);
    document.title = row.GetString(12);
    document.content = row.GetString(13);
    document.requested_actions = row.GetString(14);
    document.signed_by = row.GetString(15);
    document.reply_due = row.GetString(16);
    document.status = row.GetString(17);
    document.issued_at = row.GetOptionalInt64(18);
    document.served_at = row.GetOptionalInt64(19);
    document.service_method = row.GetString(20);
    document.reply_received_at = row.GetOptionalInt64(21);
    document.reply_decision = row.GetString(22);
    document.reply_content = row.GetString(23);
    document.reply_plan = row.GetString(24);
    document.reply_contact = row.GetString(25);
    document.reply_rectification_deadline = row.GetString(26);
    document.review_note = row.GetString(27);
    document.withdraw_reason = row.GetString(28);
    document.rule_set_version_id = row.GetOptionalInt64(29);
    document.created_at = row.GetInt64(30);
    document.updated_at = row.GetInt64(31);
    return document;
}

std::optional<Document> FindDocument(db::Session& session, std::int64_t id) {
    const db::Result rows = session.Query(std::string(kSelect) + " WHERE d.id = $1", id);
    if (rows.Empty()) return std::nullopt;
    return ReadDocument(rows.Front());
}

std::optional<Document> FindInScope(db::Session& session, const Principal& principal, std::int64_t id) {
    auto document = FindDocument(session, id);
    if (!document) return std::nullopt;
    const auto [lower, upper] = auth::ScopeRange(principal);
    if (document->organisation_path < lower || document->organisation_path >= upper) return std::nullopt;
    return document;
}

std::vector<DocumentHazard> LinkedHazards(db::Session& session, std::int64_t document_id) {
    std::vector<DocumentHazard> hazards;
    for (const db::Row row : session.Query(
             "SELECT h.id, h.code, h.title, h.description, h.location, h.grade, h.status, "
             "h.rectification_deadline FROM document_hazards dh JOIN hazards h ON h.id = dh.hazard_id "
             "WHERE dh.document_id = $1 ORDER BY h.id",
             document_id)) {
        hazards.push_back({row.GetInt64(0), row.GetString(1), row.GetString(2), row.GetString(3),
                           row.GetString(4), row.GetString(5), row.GetString(6), row.GetString(7)});
    }
    return hazards;
}

void LoadDetail(db::Session& session, Document& document, std::int64_t now) {
    document.hazards = LinkedHazards(session, document.id);
    document.files.clear();
    for (const db::Row row :
         session.Query("SELECT f.id, df.purpose, f.media_type, f.original_name, f.byte_size, f.created_at "
                       "FROM document_files df JOIN files f ON f.id = df.file_id WHERE df.document_id = $1 "
                       "ORDER BY f.id",
                       document.id)) {
        document.files.push_back({row.GetInt64(0), row.GetString(1), row.GetString(2), row.GetString(3),
                                  row.GetInt64(4), row.GetInt64(5)});
    }
    const db::Result links = session.Query(
        "SELECT id, expires_at, used_at, revoked_at, created_at FROM document_reply_links "
        "WHERE document_id = $1 ORDER BY id DESC LIMIT 1",
        document.id);
    document.reply_link.reset();
    if (!links.Empty()) {
        const db::Row row = links.Front();
        ReplyLinkInfo link{row.GetInt64(0),         row.GetInt64(1), row.GetOptionalInt64(2),
                           row.GetOptionalInt64(3), row.GetInt64(4), ""};
        link.state = link.used_at             ? "USED"
                     : link.revoked_at        ? "REVOKED"
                     : link.expires_at <= now ? "EXPIRED"
                                              : "ACTIVE";
        document.reply_link = link;
    }
}

std::string AuditJson(const Document& document) {
    boost::json::object object = DocumentToJson(document);
    object.erase("actions");
    object.erase("files");
    object.erase("replyLink");
    object.erase("hazards");
    return http::Serialize(object);
}

std::int64_t RevokeLinks(db::Session& session, std::int64_t document_id, std::int64_t now) {
    return session.Execute(
        "UPDATE document_reply_links SET revoked_at = $1 WHERE document_id = $2 AND used_at IS NULL "
        "AND revoked_at IS NULL",
        now, document_id);
}

std::optional<std::int64_t> ParentOf(db::Session& session, std::int64_t organisation_id) {
    const db::Result rows =
        session.Query("SELECT parent_id FROM organisations WHERE id = $1", organisation_id);
    if (rows.Empty()) return std::nullopt;
    return rows.Front().GetOptionalInt64(0);
}

std::string Today(std::int64_t now) {
    return dates::FormatDate(dates::ShanghaiDateOf(now));
}

}  // namespace app::documents::detail
