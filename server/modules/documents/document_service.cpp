#include "documents/document_service.hpp"

#include <algorithm>
#include <set>

#include "auth/audit.hpp"
#include "auth/data_scope.hpp"
#include "auth/password.hpp"
#include "core/calendar_date.hpp"
#include "core/text.hpp"
#include "documents/document_rules.hpp"
#include "documents/document_store.hpp"
#include "hazards/hazard_events_api.hpp"
#include "http/json.hpp"
#include "inbox/inbox_writer.hpp"
#include "organisations/organisation_service.hpp"

namespace app::documents {
namespace {

constexpr const char* kEntity = "document";  // entity_type of to-dos and notifications
constexpr const char* kAuditEntity = "union_document";
constexpr const char* kManage = "supervision:document:manage";
constexpr const char* kSign = "supervision:document:sign";
constexpr std::int64_t kDayMillis = 24LL * 3600 * 1000;

const LocalizedText kDateFormat{"日期格式为 YYYY-MM-DD", "Use a date like 2026-11-29"};
const LocalizedText kOutOfScope{"组织不存在或不在您的管辖范围内",
                                "The organisation does not exist or is outside your scope"};

Error Conflict(LocalizedText message) {
    return Error::Conflict(std::move(message));
}

Document LoadInScope(db::Session& session, const RequestContext& context, std::int64_t id) {
    auto document = detail::FindInScope(session, context.principal, id);
    if (!document) throw Error::NotFound("document");
    return *document;
}

// The status `action` leads to, or the 409.
std::string Next(const Document& document, DocumentAction action) {
    const auto next = NextStatus(document.status, action);
    if (!next) throw Conflict(IllegalTransition(document.status, action));
    return *next;
}

// Moves the status with a guard on the one read, so a concurrent change makes this a 409 rather than a lost
// update.
void MoveStatus(db::Session& session, const Document& document, const std::string& to, std::int64_t now,
                DocumentAction action) {
    const std::int64_t changed = session.Execute(
        "UPDATE union_documents SET status = $1, updated_at = $2 WHERE id = $3 AND status = $4", to, now,
        document.id, document.status);
    if (changed != 1) throw Conflict(IllegalTransition(document.status, action));
}

void Audit(db::Session& session, const RequestContext& context, const std::string& action,
           const std::optional<Document>& before, const Document& after, std::int64_t now,
           const std::string& note = "") {
    std::string after_json = detail::AuditJson(after);
    if (!note.empty()) {
        boost::json::object object = http::ParseJsonText(after_json).as_object();
        object["note"] = note;
        after_json = http::Serialize(object);
    }
    auth::RecordAudit(session, context,
                      {action, kAuditEntity, std::to_string(after.id),
                       before ? std::optional<std::string>(detail::AuditJson(*before)) : std::nullopt,
                       std::move(after_json), after.organisation_path},
                      now);
}

Document Reload(db::Session& session, std::int64_t id, std::int64_t now) {
    Document document = *detail::FindDocument(session, id);
    detail::LoadDetail(session, document, now);
    return document;
}

std::string Titled(const char* what, const Document& document) {
    return std::string(what) + "：" + (document.document_no.empty() ? document.title : document.document_no);
}

bool InScope(const Principal& principal, const std::string& path) {
    const auto [lower, upper] = auth::ScopeRange(principal);
    return path >= lower && path < upper;
}

struct OrganisationRow {
    std::int64_t id = 0;
    std::string path;
    std::string org_type;
};

std::optional<OrganisationRow> OrganisationInScope(db::Session& session, const Principal& principal,
                                                   std::int64_t id) {
    const db::Result rows = session.Query("SELECT id, path, org_type FROM organisations WHERE id = $1", id);
    if (rows.Empty()) return std::nullopt;
    OrganisationRow organisation{rows.Front().GetInt64(0), rows.Front().GetString(1),
                                 rows.Front().GetString(2)};
    if (!InScope(principal, organisation.path)) return std::nullopt;
    return organisation;
}

LocalizedText RecommendationRefused() {
    return {"整改建议书只能由县级以上地方总工会制发，请选择县（区）总工会或更高一级的总工会",
            "A rectification recommendation may only be issued by a county-level federation or above"};
}

// Checks a draft's input against the database: every problem as a field error, then the 409 of a 建议书 from
// a union below county level.
void CheckDraft(db::Session& session, const Principal& principal, const DocumentInput& input,
                std::int64_t organisation_id, const std::string& today) {
    Error::FieldErrors errors;
    const bool typed = IsDocumentType(input.document_type);
    if (!typed) {
        errors.emplace("documentType",
                       LocalizedText{"请选择隐患整改通知书、监督检查意见书或整改建议书",
                                     "Choose HAZARD_RECTIFICATION_NOTICE, "
                                     "LP_SUPERVISION_OPINION or RECTIFICATION_RECOMMENDATION"});
    }
    const auto organisation = OrganisationInScope(session, principal, organisation_id);
    if (!organisation) errors.emplace("organisationId", kOutOfScope);
    const bool to_enterprise = input.document_type != kRectificationRecommendation;
    if (input.enterprise_id) {
        const db::Result rows =
            session.Query("SELECT organisation_path FROM enterprises WHERE id = $1", *input.enterprise_id);
        if (rows.Empty() || !InScope(principal, rows.Front().GetString(0))) {
            errors.emplace("enterpriseId",
                           LocalizedText{"企业不存在或不在您的管辖范围内",
                                         "The enterprise does not exist or is outside your scope"});
        }
    } else if (typed && to_enterprise) {
        errors.emplace("enterpriseId", LocalizedText{"请选择受文企业", "Choose the enterprise addressed"});
    }
    if (!input.reply_due.empty()) {
        if (!dates::ParseDate(input.reply_due)) {
            errors.emplace("replyDue", kDateFormat);
        } else if (input.reply_due < today) {
            errors.emplace("replyDue",
                           LocalizedText{"回复期限不能早于今天", "The reply deadline cannot be in the past"});
        }
    }
    std::set<std::int64_t> seen;
    for (const std::int64_t hazard_id : input.hazard_ids) {
        if (!seen.insert(hazard_id).second) {
            errors.emplace("hazardIds", LocalizedText{"隐患重复", "A hazard is listed twice"});
            break;
        }
        const db::Result rows = session.Query(
            "SELECT h.enterprise_id, h.status, o.path, h.code FROM hazards h JOIN organisations o ON o.id = "
            "h.organisation_id WHERE h.id = $1",
            hazard_id);
        if (rows.Empty() || !InScope(principal, rows.Front().GetString(2))) {
            errors.emplace("hazardIds",
                           LocalizedText{"隐患不存在或不在您的管辖范围内：" + std::to_string(hazard_id),
                                         "No such hazard in your scope: " + std::to_string(hazard_id)});
            break;
        }
        const db::Row row = rows.Front();
        // The issuing union's users see the document and the hazards it names, so a hazard handled outside
        // the issuing union's subtree (invisible to them) cannot be named.
        const std::string hazard_path = row.GetString(2);
        if (organisation && !(hazard_path >= organisation->path &&
                              hazard_path < auth::SubtreeUpperBound(organisation->path))) {
            errors.emplace("hazardIds",
                           LocalizedText{"隐患不由发文工会或其下级工会办理：" + row.GetString(3),
                                         "The hazard is not handled by the issuing union or one below it: " +
                                             row.GetString(3)});
            break;
        }
        if (!input.enterprise_id || row.GetInt64(0) != *input.enterprise_id) {
            errors.emplace(
                "hazardIds",
                LocalizedText{"隐患须属于受文企业：" + row.GetString(3),
                              "Every hazard must belong to the enterprise addressed: " + row.GetString(3)});
            break;
        }
        const std::string status = row.GetString(1);
        const bool notifiable = status == "TRIAGED" || status == "EVACUATION_RECOMMENDED";
        if (to_enterprise && !notifiable) {
            errors.emplace(
                "hazardIds",
                LocalizedText{
                    "只有已核定（或已建议撤离）的隐患可以写入通知书或意见书：" + row.GetString(3),
                    "Only TRIAGED or EVACUATION_RECOMMENDED hazards can be named: " + row.GetString(3)});
            break;
        }
        if (!to_enterprise && (status == "REPORTED" || status == "REJECTED" || status == "CLOSED")) {
            errors.emplace("hazardIds",
                           LocalizedText{"隐患尚未核定或已结案：" + row.GetString(3),
                                         "The hazard is not triaged or already closed: " + row.GetString(3)});
            break;
        }
    }
    if (!errors.empty()) throw Error::InvalidInput(errors);
    if (typed && input.document_type == kRectificationRecommendation &&
        !MayIssueRecommendation(organisation->org_type))
        throw Conflict(RecommendationRefused());
}

void ReplaceHazards(db::Session& session, std::int64_t document_id,
                    const std::vector<std::int64_t>& hazard_ids) {
    session.Execute("DELETE FROM document_hazards WHERE document_id = $1", document_id);
    for (const std::int64_t hazard_id : hazard_ids) {
        session.Execute("INSERT INTO document_hazards (document_id, hazard_id) VALUES ($1, $2)", document_id,
                        hazard_id);
    }
}

inbox::Todo TodoFor(const Document& document, const char* kind, const char* permission, const char* what,
                    std::string due_date = "") {
    inbox::Todo todo;
    todo.organisation_id = document.organisation_id;
    todo.permission = permission;
    todo.kind = kind;
    todo.title = Titled(what, document);
    todo.entity_type = kEntity;
    todo.entity_id = document.id;
    todo.due_date = std::move(due_date);
    return todo;
}

// Tells the higher union that a document was escalated to it.
void NotifyParent(db::Session& session, const Document& document, const std::string& note, std::int64_t now) {
    const auto parent = detail::ParentOf(session, document.organisation_id);
    if (!parent) return;
    inbox::NotifyOrganisations(
        session, {*parent}, "supervision:document:view",
        {"DOCUMENT_ESCALATED", "下级工会上报文书：" + document.document_no + " " + document.title,
         document.organisation_name + "：" + note, kEntity, document.id, document.organisation_id},
        now);
}

}  // namespace

rules::Deadline DocumentService::DefaultReplyDue(const RequestContext& context, std::int64_t organisation_id,
                                                 const std::string& document_type,
                                                 const std::string& from) const {
    rules::DeadlineQuery query;
    query.organisation_id = organisation_id;
    query.rule = ReplyRuleFor(document_type);
    query.from = from;
    try {
        return rules_.ComputeDeadline(context, query);
    } catch (const Error& error) {
        if (error.GetCode() == ErrorCode::kNotFound) throw Error::InvalidField("organisationId", kOutOfScope);
        throw Error::InvalidField("replyDue", {"规则集中没有默认回复期限，请填写回复期限",
                                               "The rule set gives no default; enter the reply deadline"});
    }
}

Page<Document> DocumentService::List(const RequestContext& context, const DocumentFilter& filter,
                                     PageRequest page) const {
    const auto [scope_lower, scope_upper] = auth::ScopeRange(context.principal);
    return database_.Read([&](db::Session& session) {
        std::string filter_lower, filter_upper;
        if (filter.organisation_id) {
            const auto organisation =
                OrganisationInScope(session, context.principal, *filter.organisation_id);
            // An organisation outside the scope narrows to nothing rather than revealing that it exists.
            filter_lower = organisation ? organisation->path : "~";
            filter_upper = organisation ? auth::SubtreeUpperBound(organisation->path) : "~";
        }
        const std::string pattern = "%" + text::EscapeLike(filter.keyword) + "%";
        const std::string where =
            " WHERE o.path >= $1 AND o.path < $2 AND ($3 = '' OR (o.path >= $3 AND o.path < $4))"
            " AND ($5 = '' OR d.document_type = $5) AND ($6 = '' OR d.status = $6) AND ($7 = 0 OR d.year = "
            "$7)"
            " AND ($8 = 0 OR d.enterprise_id = $8) AND ($9 = '' OR d.document_no LIKE $10 ESCAPE '\\'"
            " OR d.title LIKE $10 ESCAPE '\\' OR d.addressee LIKE $10 ESCAPE '\\')";
        const std::int64_t year = filter.year.value_or(0);
        const std::int64_t enterprise = filter.enterprise_id.value_or(0);
        Page<Document> result;
        result.total = session
                           .Query(
                               "SELECT COUNT(*) FROM union_documents d JOIN organisations o ON o.id = "
                               "d.organisation_id" +
                                   where,
                               scope_lower, scope_upper, filter_lower, filter_upper, filter.document_type,
                               filter.status, year, enterprise, filter.keyword, pattern)
                           .Front()
                           .GetInt64(0);
        const db::Result rows = session.Query(
            std::string(detail::SelectDocuments()) + where + " ORDER BY d.id DESC LIMIT $11 OFFSET $12",
            scope_lower, scope_upper, filter_lower, filter_upper, filter.document_type, filter.status, year,
            enterprise, filter.keyword, pattern, page.page_size, page.Offset());
        for (const db::Row row : rows) result.items.push_back(detail::ReadDocument(row));
        return result;
    });
}

std::vector<Document> DocumentService::ListForExport(const RequestContext& context,
                                                     const DocumentFilter& filter) const {
    return List(context, filter, {1, kExportLimit}).items;
}

Document DocumentService::Get(const RequestContext& context, std::int64_t id) const {
    const std::int64_t now = clock_.Now();
    return database_.Read([&](db::Session& session) {
        Document document = LoadInScope(session, context, id);
        detail::LoadDetail(session, document, now);
        return document;
    });
}

Document DocumentService::Create(const RequestContext& context, const DocumentInput& input) {
    const std::int64_t now = clock_.Now();
    const std::string today = detail::Today(now);
    const std::int64_t organisation_id = input.organisation_id.value_or(context.principal.organisation_id);
    std::optional<rules::Deadline> deadline;
    if (input.reply_due.empty() && IsDocumentType(input.document_type))
        deadline = DefaultReplyDue(context, organisation_id, input.document_type, today);
    return database_.Write([&](db::Session& session) {
        CheckDraft(session, context.principal, input, organisation_id, today);
        const std::int64_t id =
            session
                .Query(
                    "INSERT INTO union_documents (organisation_id, document_type, enterprise_id, addressee, "
                    "title, content, requested_actions, reply_due, status, rule_set_version_id, created_by, "
                    "created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'DRAFT', $9, $10, $11, "
                    "$11) RETURNING id",
                    organisation_id, input.document_type, input.enterprise_id, input.addressee, input.title,
                    input.content, input.requested_actions, deadline ? deadline->due : input.reply_due,
                    deadline ? std::optional<std::int64_t>(deadline->rule.version_id) : std::nullopt,
                    context.principal.user_id > 0 ? std::optional<std::int64_t>(context.principal.user_id)
                                                  : std::nullopt,
                    now)
                .Front()
                .GetInt64(0);
        ReplaceHazards(session, id, input.hazard_ids);
        const Document created = Reload(session, id, now);
        inbox::OpenTodo(session, TodoFor(created, "SIGN_DOCUMENT", kSign, "签发文书"), now);
        Audit(session, context, "create", std::nullopt, created, now);
        return created;
    });
}

Document DocumentService::Update(const RequestContext& context, std::int64_t id, const DocumentInput& input) {
    const std::int64_t now = clock_.Now();
    const std::string today = detail::Today(now);
    const Document current = Get(context, id);
    const std::int64_t organisation_id = input.organisation_id.value_or(current.organisation_id);
    std::optional<rules::Deadline> deadline;
    if (current.status == "DRAFT" && input.reply_due.empty() && IsDocumentType(input.document_type))
        deadline = DefaultReplyDue(context, organisation_id, input.document_type, today);
    return database_.Write([&](db::Session& session) {
        const Document before = LoadInScope(session, context, id);
        if (before.status != "DRAFT") {
            throw Conflict({"只有草稿可以修改；已签发的文书请撤回后重新起草",
                            "Only a draft can be changed; withdraw an issued document and draft a new one"});
        }
        CheckDraft(session, context.principal, input, organisation_id, today);
        const std::int64_t changed = session.Execute(
            "UPDATE union_documents SET organisation_id = $1, document_type = $2, enterprise_id = $3, "
            "addressee = $4, title = $5, content = $6, requested_actions = $7, reply_due = $8, "
            "rule_set_version_id = $9, updated_at = $10 WHERE id = $11 AND status = 'DRAFT'",
            organisation_id, input.document_type, input.enterprise_id, input.addressee, input.title,
            input.content, input.requested_actions, deadline ? deadline->due : input.reply_due,
            deadline ? std::optional<std::int64_t>(deadline->rule.version_id) : std::nullopt, now, id);
        if (changed != 1) throw Conflict(IllegalTransition(before.status, DocumentAction::kIssue));
        ReplaceHazards(session, id, input.hazard_ids);
        const Document after = Reload(session, id, now);
        inbox::OpenTodo(session, TodoFor(after, "SIGN_DOCUMENT", kSign, "签发文书"), now);
        Audit(session, context, "update", before, after, now);
        return after;
    });
}

Document DocumentService::Issue(const RequestContext& context, std::int64_t id,
                                const std::string& signed_by) {
    const std::int64_t now = clock_.Now();
    const std::string today = detail::Today(now);
    const Document current = Get(context, id);
    std::optional<rules::Deadline> deadline;
    if (current.status == "DRAFT" && current.rule_set_version_id)
        deadline = DefaultReplyDue(context, current.organisation_id, current.document_type, today);
    return database_.Write([&](db::Session& session) {
        const Document before = LoadInScope(session, context, id);
        const std::string next = Next(before, DocumentAction::kIssue);
        if (before.document_type == kRectificationRecommendation &&
            !MayIssueRecommendation(before.organisation_type))
            throw Conflict(RecommendationRefused());
        if ((deadline && before.organisation_id != current.organisation_id) ||
            (!deadline && before.rule_set_version_id)) {
            throw Conflict({"文书刚被修改，请刷新后重试", "The document was just changed; reload and retry"});
        }
        const std::string reply_due = deadline ? deadline->due : before.reply_due;
        if (before.document_type != kRectificationRecommendation && reply_due.empty())
            throw Error::InvalidField("replyDue", {"请先填写回复期限", "Enter the reply deadline first"});
        if (!reply_due.empty() && reply_due < today) {
            throw Error::InvalidField("replyDue", {"回复期限已过，请修改草稿中的回复期限",
                                                   "The reply deadline has passed; change it in the draft"});
        }
        // The status moves first, so a second issue of the same draft stops here and never touches the
        // counter.
        MoveStatus(session, before, next, now, DocumentAction::kIssue);
        const std::int64_t year = dates::YearOf(dates::ShanghaiDateOf(now));
        // ADR 0010: the counter row's lock (PostgreSQL) or the write lock (SQLite) serialises concurrent
        // issues, and a rolled-back issue gives its number back: serials have neither gaps nor duplicates.
        session.Execute(
            "INSERT INTO document_number_counters (organisation_id, year, last_serial) VALUES ($1, $2, 0) "
            "ON CONFLICT DO NOTHING",
            before.organisation_id, year);
        const std::int64_t serial =
            session
                .Query(
                    "UPDATE document_number_counters SET last_serial = last_serial + 1 "
                    "WHERE organisation_id = $1 AND year = $2 RETURNING last_serial",
                    before.organisation_id, year)
                .Front()
                .GetInt64(0);
        session.Execute(
            "UPDATE union_documents SET year = $1, serial = $2, document_no = $3, signed_by = $4, issued_at "
            "= $5, "
            "reply_due = $6, rule_set_version_id = $7, updated_at = $5 WHERE id = $8",
            year, serial, DocumentNumber(before.organisation_name, year, serial), signed_by, now, reply_due,
            deadline ? std::optional<std::int64_t>(deadline->rule.version_id) : before.rule_set_version_id,
            id);
        const Document after = Reload(session, id, now);
        inbox::CloseTodos(session, kEntity, id, "SIGN_DOCUMENT", now);
        inbox::OpenTodo(session, TodoFor(after, "SERVE_DOCUMENT", kManage, "送达文书"), now);
        Audit(session, context, "issue", before, after, now);
        return after;
    });
}

Document DocumentService::Serve(const RequestContext& context, std::int64_t id, const ServeInput& input) {
    const std::int64_t now = clock_.Now();
    const std::string today = detail::Today(now);
    Error::FieldErrors errors;
    if (input.service_method != "IN_PERSON" && input.service_method != "POST" &&
        input.service_method != "ELECTRONIC") {
        errors.emplace("serviceMethod", LocalizedText{"送达方式为当面送达、邮寄或电子送达",
                                                      "Choose IN_PERSON, POST or ELECTRONIC"});
    }
    const auto served_on = dates::ParseDate(input.served_on);
    if (!served_on) {
        errors.emplace("servedOn", kDateFormat);
    } else if (input.served_on > today) {
        errors.emplace("servedOn",
                       LocalizedText{"送达日期不能晚于今天", "The service date cannot be in the future"});
    }
    if (!errors.empty()) throw Error::InvalidInput(errors);
    return database_.Write([&](db::Session& session) {
        const Document before = LoadInScope(session, context, id);
        const std::string next = Next(before, DocumentAction::kServe);
        if (before.issued_at && input.served_on < detail::Today(*before.issued_at)) {
            throw Error::InvalidField(
                "servedOn", {"送达日期不能早于签发日期", "The service date cannot precede the issue"});
        }
        MoveStatus(session, before, next, now, DocumentAction::kServe);
        session.Execute("UPDATE union_documents SET served_at = $1, service_method = $2 WHERE id = $3",
                        input.served_on == today ? now : dates::ShanghaiStartOf(*served_on),
                        input.service_method, id);
        if (before.document_type != kRectificationRecommendation) {
            for (const DocumentHazard& hazard : detail::LinkedHazards(session, id)) {
                hazards::ExternalEvent event;
                event.event = "NOTIFY";
                event.comment = TypeLabel(before.document_type) + " " + before.document_no + " 已送达";
                event.actor = context.principal.display_name;
                if (context.principal.user_id > 0) event.user_id = context.principal.user_id;
                event.reply_due = before.reply_due;
                event.document_id = id;
                hazards::ApplyExternalEvent(session, context, hazard.id, event, now);
            }
        }
        const Document after = Reload(session, id, now);
        inbox::CloseTodos(session, kEntity, id, "SERVE_DOCUMENT", now);
        Audit(session, context, "serve", before, after, now);
        return after;
    });
}

Document DocumentService::Review(const RequestContext& context, std::int64_t id, const ReviewInput& input) {
    const std::int64_t now = clock_.Now();
    DocumentAction action;
    if (input.decision == "ACCEPT") {
        action = DocumentAction::kReviewAccept;
    } else if (input.decision == "REJECT") {
        action = DocumentAction::kReviewReject;
        if (text::Trim(input.note).empty())
            throw Error::InvalidField("note",
                                      {"不接受回复时请写明理由", "Give the reason for rejecting the reply"});
    } else {
        throw Error::InvalidField("decision",
                                  {"请选择接受（ACCEPT）或不接受（REJECT）", "Choose ACCEPT or REJECT"});
    }
    return database_.Write([&](db::Session& session) {
        const Document before = LoadInScope(session, context, id);
        const std::string next = Next(before, action);
        MoveStatus(session, before, next, now, action);
        session.Execute("UPDATE union_documents SET review_note = $1 WHERE id = $2", input.note, id);
        const Document after = Reload(session, id, now);
        if (next == "CLOSED") {
            inbox::CloseTodos(session, kEntity, id, std::nullopt, now);
        } else {
            inbox::CloseTodos(session, kEntity, id, "REVIEW_REPLY", now);
            NotifyParent(session, after, input.note, now);
        }
        Audit(session, context, input.decision == "ACCEPT" ? "review_accept" : "review_reject", before, after,
              now);
        return after;
    });
}

Document DocumentService::Refuse(const RequestContext& context, std::int64_t id, const std::string& note) {
    const std::int64_t now = clock_.Now();
    return database_.Write([&](db::Session& session) {
        const Document before = LoadInScope(session, context, id);
        const std::string next = Next(before, DocumentAction::kRefuse);
        MoveStatus(session, before, next, now, DocumentAction::kRefuse);
        detail::RevokeLinks(session, id, now);
        const Document after = Reload(session, id, now);
        inbox::OpenTodo(session, TodoFor(after, "ESCALATE_DOCUMENT", kManage, "企业拒收，请上报"), now);
        Audit(session, context, "refused", before, after, now, note);
        return after;
    });
}

Document DocumentService::Escalate(const RequestContext& context, std::int64_t id, const std::string& note) {
    const std::int64_t now = clock_.Now();
    return database_.Write([&](db::Session& session) {
        const Document before = LoadInScope(session, context, id);
        const std::string next = Next(before, DocumentAction::kEscalate);
        MoveStatus(session, before, next, now, DocumentAction::kEscalate);
        detail::RevokeLinks(session, id, now);
        const Document after = Reload(session, id, now);
        inbox::CloseTodos(session, kEntity, id, "ESCALATE_DOCUMENT", now);
        NotifyParent(session, after, note.empty() ? StatusLabel(before.status) : note, now);
        Audit(session, context, "escalate", before, after, now, note);
        return after;
    });
}

Document DocumentService::Withdraw(const RequestContext& context, std::int64_t id,
                                   const std::string& reason) {
    const std::int64_t now = clock_.Now();
    if (text::Trim(reason).empty())
        throw Error::InvalidField("reason", {"请写明撤回理由", "Give the reason for the withdrawal"});
    return database_.Write([&](db::Session& session) {
        const Document before = LoadInScope(session, context, id);
        const std::string next = Next(before, DocumentAction::kWithdraw);
        MoveStatus(session, before, next, now, DocumentAction::kWithdraw);
        session.Execute("UPDATE union_documents SET withdraw_reason = $1 WHERE id = $2", reason, id);
        detail::RevokeLinks(session, id, now);
        const Document after = Reload(session, id, now);
        inbox::CloseTodos(session, kEntity, id, std::nullopt, now);
        Audit(session, context, "withdraw", before, after, now);
        return after;
    });
}

NewReplyLink DocumentService::CreateReplyLink(const RequestContext& context, std::int64_t id,
                                              std::optional<std::int64_t> expires_in_hours) {
    const std::int64_t now = clock_.Now();
    const std::int64_t hours = expires_in_hours.value_or(kDefaultLinkHours);
    if (hours < 1 || hours > kDefaultLinkHours) {
        throw Error::InvalidField("expiresInHours", {"有效期为 1–720 小时", "The link lasts 1–720 hours"});
    }
    return database_.Write([&](db::Session& session) {
        // The document's row lock first (PostgreSQL): two links made at once must not both survive, so the
        // second waits and then revokes the first.
        session.Execute("UPDATE union_documents SET updated_at = updated_at WHERE id = $1", id);
        const Document document = LoadInScope(session, context, id);
        if (document.status != "SERVED") {
            throw Conflict({"只有已送达、等待回复的文书可以生成回复链接",
                            "Only a served document awaiting its reply can have a reply link"});
        }
        std::int64_t expires_at = now + hours * 3600 * 1000;
        if (const auto due = dates::ParseDate(document.reply_due)) {
            // The end of the reply day, plus 30 days.
            const std::int64_t latest = dates::ShanghaiStartOf(*due) + kDayMillis + 30 * kDayMillis;
            expires_at = std::min(expires_at, latest);
        }
        if (expires_at <= now) {
            throw Conflict({"回复期限已过去 30 天以上，不能再生成回复链接",
                            "The reply deadline passed more than 30 days ago; no link can be made"});
        }
        const std::int64_t revoked = detail::RevokeLinks(session, id, now);
        NewReplyLink link;
        link.token = auth::NewSecretToken();
        link.url = "/#/reply/" + link.token;
        link.expires_at = expires_at;
        const std::int64_t link_id =
            session
                .Query(
                    "INSERT INTO document_reply_links (document_id, token_hash, expires_at, created_by, "
                    "created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id",
                    id, auth::HashToken(link.token), expires_at,
                    context.principal.user_id > 0 ? std::optional<std::int64_t>(context.principal.user_id)
                                                  : std::nullopt,
                    now)
                .Front()
                .GetInt64(0);
        auth::RecordAudit(
            session, context,
            {"create_reply_link", kAuditEntity, std::to_string(id), std::nullopt,
             "{\"linkId\":" + std::to_string(link_id) + ",\"expiresAt\":" + std::to_string(expires_at) +
                 ",\"revokedEarlier\":" + std::to_string(revoked) + "}",
             document.organisation_path},
            now);
        return link;
    });
}

}  // namespace app::documents
