#include "documents/reply_service.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "auth/audit.hpp"
#include "auth/password.hpp"
#include "core/calendar_date.hpp"
#include "core/text.hpp"
#include "documents/document_rules.hpp"
#include "documents/document_store.hpp"
#include "hazards/hazard_events_api.hpp"
#include "inbox/inbox_writer.hpp"

namespace app::documents {
namespace {

struct Link {
    std::int64_t id = 0;
    std::int64_t document_id = 0;
    std::int64_t expires_at = 0;
    std::int64_t created_at = 0;
};

Error Gone(LocalizedText message) {
    return Error(ErrorCode::kGone, std::move(message));
}

// One indexed lookup by the token's hash, then the link's state. A link whose document was withdrawn was
// revoked with it.
Link ResolveLink(db::Session& session, const std::string& token, std::int64_t now) {
    const db::Result rows = session.Query(
        "SELECT id, document_id, expires_at, used_at, revoked_at, created_at FROM document_reply_links WHERE "
        "token_hash = $1",
        auth::HashToken(token));
    if (rows.Empty()) {
        throw Error(ErrorCode::kNotFound, {"回复链接无效，请核对链接或联系发文工会",
                                           "This reply link is not valid; check it or contact the union"});
    }
    const db::Row row = rows.Front();
    if (!row.IsNull(3)) {
        throw Gone({"该回复链接已使用过，回复已提交，不能再次使用",
                    "This reply link has already been used; the reply was submitted"});
    }
    if (!row.IsNull(4)) {
        throw Gone({"该回复链接已被发文工会撤销，请联系发文工会获取新链接",
                    "This reply link was revoked by the union; ask it for a new one"});
    }
    if (row.GetInt64(2) <= now) {
        throw Gone({"该回复链接已过期，请联系发文工会获取新链接",
                    "This reply link has expired; ask the union for a new one"});
    }
    return {row.GetInt64(0), row.GetInt64(1), row.GetInt64(2), row.GetInt64(5)};
}

// The evidence uploaded through this link: its document's reply evidence stored since the link was made (an
// earlier, revoked link's uploads are not this link's to show or cite).
std::set<std::int64_t> LinkEvidence(db::Session& session, const Link& link) {
    std::set<std::int64_t> ids;
    for (const db::Row row :
         session.Query("SELECT df.file_id FROM document_files df JOIN files f ON f.id = df.file_id WHERE "
                       "df.document_id = $1 AND df.purpose = 'REPLY_EVIDENCE' AND f.created_at >= $2",
                       link.document_id, link.created_at))
        ids.insert(row.GetInt64(0));
    return ids;
}

bool Allows(const std::string& decision, const std::string& hazard_status) {
    if (decision == "RECTIFIED")
        return hazard_status == "RECTIFYING" || hazard_status == "OVERDUE_RECTIFICATION" ||
               hazard_status == "NOTIFIED";
    return hazard_status == "NOTIFIED" || hazard_status == "OVERDUE_REPLY";
}

void CheckReply(const ReplyInput& input, const std::string& today) {
    Error::FieldErrors errors;
    if (input.decision == "ACCEPT") {
        if (text::Trim(input.plan).empty())
            errors.emplace("plan", LocalizedText{"请填写整改方案", "Describe the rectification plan"});
        if (input.rectification_deadline.empty()) {
            errors.emplace("rectificationDeadline",
                           LocalizedText{"请填写整改完成期限", "Give the rectification deadline"});
        } else if (!dates::ParseDate(input.rectification_deadline)) {
            errors.emplace("rectificationDeadline",
                           LocalizedText{"日期格式为 YYYY-MM-DD", "Use a date like 2026-11-29"});
        } else if (input.rectification_deadline < today) {
            errors.emplace("rectificationDeadline",
                           LocalizedText{"整改期限不能早于今天", "The deadline cannot be in the past"});
        }
    } else if (input.decision == "RECTIFIED") {
        if (input.evidence_file_ids.empty()) {
            errors.emplace("evidenceFileIds", LocalizedText{"请上传至少一张整改后的照片",
                                                            "Upload at least one photo of the result"});
        }
    } else if (input.decision == "DISPUTE") {
        if (text::Trim(input.content).empty())
            errors.emplace("content", LocalizedText{"请写明异议理由", "Give the reasons for the dispute"});
    } else {
        errors.emplace("decision", LocalizedText{"请选择接受整改、已整改完毕或有异议",
                                                 "Choose ACCEPT, RECTIFIED or DISPUTE"});
    }
    if (!errors.empty()) throw Error::InvalidInput(errors);
}

}  // namespace

PublicReplyView ReplyService::View(const std::string& token) const {
    const std::int64_t now = clock_.Now();
    return database_.Read([&](db::Session& session) {
        const Link link = ResolveLink(session, token, now);
        PublicReplyView view;
        view.document = *detail::FindDocument(session, link.document_id);
        view.document.hazards = detail::LinkedHazards(session, link.document_id);
        view.expires_at = link.expires_at;
        return view;
    });
}

ReplyTarget ReplyService::Target(const std::string& token) const {
    const std::int64_t now = clock_.Now();
    return database_.Read([&](db::Session& session) {
        const Link link = ResolveLink(session, token, now);
        const Document document = *detail::FindDocument(session, link.document_id);
        return ReplyTarget{link.id, document.id, document.organisation_id};
    });
}

void ReplyService::AddEvidence(const RequestContext& context, const std::string& token,
                               std::int64_t file_id) {
    const std::int64_t now = clock_.Now();
    database_.Write([&](db::Session& session) {
        const Link link = ResolveLink(session, token, now);
        const Document document = *detail::FindDocument(session, link.document_id);
        session.Execute(
            "INSERT INTO document_files (document_id, file_id, purpose) VALUES ($1, $2, 'REPLY_EVIDENCE') "
            "ON CONFLICT DO NOTHING",
            document.id, file_id);
        auth::RecordAudit(
            session, context,
            {"reply_evidence", "union_document", std::to_string(document.id), std::nullopt,
             "{\"fileId\":" + std::to_string(file_id) + ",\"linkId\":" + std::to_string(link.id) + "}",
             document.organisation_path},
            now);
    });
}

files::FileRecord ReplyService::UploadEvidence(const RequestContext& context, const std::string& token,
                                               const files::PreparedFile& prepared) {
    const std::int64_t now = clock_.Now();
    return database_.Write([&](db::Session& session) {
        const Link link = ResolveLink(session, token, now);
        const Document document = *detail::FindDocument(session, link.document_id);
        if (!NextStatus(document.status, DocumentAction::kReply)) {
            throw Error::Conflict(
                {"该文书当前不接受回复（" + StatusLabel(document.status) + "），请联系发文工会",
                 "This document no longer accepts a reply; contact the union"});
        }
        const std::int64_t evidence = static_cast<std::int64_t>(LinkEvidence(session, link).size());
        if (evidence >= kMaxEvidenceFiles) {
            throw Error::InvalidField("file", {"最多上传 " + std::to_string(kMaxEvidenceFiles) + " 个文件",
                                               "At most " + std::to_string(kMaxEvidenceFiles) + " files"});
        }
        const files::FileRecord record =
            files::FileService::RecordUpload(session, context, prepared, document.organisation_id, now);
        session.Execute(
            "INSERT INTO document_files (document_id, file_id, purpose) VALUES ($1, $2, 'REPLY_EVIDENCE')",
            document.id, record.id);
        return record;
    });
}

files::FileRecord ReplyService::Evidence(const std::string& token, std::int64_t file_id) const {
    const std::int64_t now = clock_.Now();
    return database_.Read([&](db::Session& session) {
        const Link link = ResolveLink(session, token, now);
        const bool listed = LinkEvidence(session, link).count(file_id) > 0;
        const auto record = listed ? files::FileService::Find(session, file_id) : std::nullopt;
        if (!record) throw Error::NotFound("file");
        return *record;
    });
}

Document ReplyService::Reply(const RequestContext& context, const std::string& token,
                             const ReplyInput& input) {
    const std::int64_t now = clock_.Now();
    const std::string today = detail::Today(now);
    return database_.Write([&](db::Session& session) {
        const Link link = ResolveLink(session, token, now);
        const Document before = *detail::FindDocument(session, link.document_id);
        const auto next = NextStatus(before.status, DocumentAction::kReply);
        if (!next) {
            throw Error::Conflict(
                {"该文书当前不接受回复（" + StatusLabel(before.status) + "），请联系发文工会",
                 "This document no longer accepts a reply (" + before.status + "); contact the union"});
        }
        CheckReply(input, today);
        if (input.decision == "RECTIFIED") {
            const std::set<std::int64_t> allowed = LinkEvidence(session, link);
            for (const std::int64_t file_id : input.evidence_file_ids) {
                if (!allowed.count(file_id)) {
                    throw Error::InvalidField("evidenceFileIds",
                                              {"只能引用通过本链接上传的照片",
                                               "Only photos uploaded through this link can be cited"});
                }
            }
        }
        const std::int64_t used = session.Execute(
            "UPDATE document_reply_links SET used_at = $1 WHERE id = $2 AND used_at IS NULL AND revoked_at "
            "IS NULL",
            now, link.id);
        if (used != 1) throw Gone({"该回复链接已使用过", "This reply link has already been used"});
        const std::int64_t moved = session.Execute(
            "UPDATE union_documents SET status = $1, reply_received_at = $2, reply_decision = $3, "
            "reply_content = $4, reply_plan = $5, reply_contact = $6, reply_rectification_deadline = $7, "
            "updated_at = $2 WHERE id = $8 AND status = $9",
            *next, now, input.decision, input.content, input.plan, input.contact,
            input.decision == "ACCEPT" ? input.rectification_deadline : std::string(), before.id,
            before.status);
        if (moved != 1) throw Error::Conflict(IllegalTransition(before.status, DocumentAction::kReply));

        if (before.document_type != kRectificationRecommendation) {
            const std::string actor =
                "企业（" + (before.enterprise_name.empty() ? before.addressee : before.enterprise_name) +
                (input.contact.empty() ? "" : "，" + input.contact) + "）";
            for (const DocumentHazard& hazard : detail::LinkedHazards(session, before.id)) {
                if (!Allows(input.decision, hazard.status)) continue;
                hazards::ExternalEvent event;
                event.actor = actor;
                event.document_id = before.id;
                if (input.decision == "ACCEPT") {
                    event.event = "ENTERPRISE_ACCEPT";
                    event.comment = input.content;
                    event.rectification_deadline = input.rectification_deadline;
                    event.rectification_plan = input.plan;
                } else if (input.decision == "RECTIFIED") {
                    event.event = "REPORT_RECTIFIED";
                    event.comment = input.content;
                    event.evidence_file_ids = input.evidence_file_ids;
                } else {
                    event.event = "ENTERPRISE_DISPUTE";
                    event.comment = input.content;
                }
                hazards::ApplyExternalEvent(session, context, hazard.id, event, now);
            }
        }

        Document after = *detail::FindDocument(session, before.id);
        detail::LoadDetail(session, after, now);
        inbox::CloseTodos(session, "document", before.id, "ESCALATE_DOCUMENT", now);
        inbox::Todo todo;
        todo.organisation_id = after.organisation_id;
        todo.permission = "supervision:document:manage";
        todo.kind = "REVIEW_REPLY";
        todo.title = "审查企业回复：" + after.document_no;
        todo.entity_type = "document";
        todo.entity_id = after.id;
        inbox::OpenTodo(session, todo, now);
        static const std::map<std::string, std::string> kDecisionLabels{
            {"ACCEPT", "接受整改"}, {"RECTIFIED", "已整改完毕"}, {"DISPUTE", "有异议"}};
        inbox::NotifyOrganisations(
            session, {after.organisation_id}, "supervision:document:manage",
            {"DOCUMENT_REPLIED",
             "企业已回复：" + after.document_no + "（" + kDecisionLabels.at(input.decision) + "）",
             after.addressee + "：" + input.content, "document", after.id, after.organisation_id},
            now);
        auth::RecordAudit(session, context,
                          {"reply", "union_document", std::to_string(after.id), detail::AuditJson(before),
                           detail::AuditJson(after), after.organisation_path},
                          now);
        return after;
    });
}

}  // namespace app::documents
