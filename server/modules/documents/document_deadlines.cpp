#include "documents/document_deadlines.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "auth/audit.hpp"
#include "core/calendar_date.hpp"
#include "documents/document_store.hpp"
#include "inbox/inbox_writer.hpp"
#include "rules/rules_service.hpp"
#include "scheduler/act_once.hpp"

namespace app::documents {
namespace {

struct Candidate {
    std::int64_t id = 0;
    std::int64_t organisation_id = 0;
    std::string organisation_path;
    std::string reply_due;
};

constexpr std::int64_t kDefaultReminderDays = 3;

// REMINDER_BEFORE_DUE of the issuing union's rule set in force today, in calendar days.
std::int64_t ReminderDays(const rules::RulesService& rules, const Candidate& candidate) {
    RequestContext context;
    context.request_id = "scheduler";
    context.principal.organisation_id = candidate.organisation_id;
    context.principal.organisation_path = candidate.organisation_path;
    context.principal.data_scope = DataScope::kSubtree;
    try {
        for (const rules::RuleInForce& rule :
             rules.InForce(context, candidate.organisation_id, std::nullopt).rules) {
            if (rule.rule.code == "REMINDER_BEFORE_DUE")
                return rule.rule.unit == rules::Unit::kHours ? (rule.rule.value + 23) / 24 : rule.rule.value;
        }
    } catch (const Error&) {
    }
    return kDefaultReminderDays;
}

// Thrown to roll back an overdue mark whose document left SERVED after it was read.
struct StaleDocument {};

RequestContext SchedulerContext() {
    RequestContext context;
    context.request_id = "scheduler";
    return context;
}

}  // namespace

DocumentDeadlineReport RunDocumentDeadlines(db::Database& database, const Clock& clock) {
    const std::int64_t now = clock.Now();
    const dates::Date today = dates::ShanghaiDateOf(now);
    // Reminders start at most 60 days ahead; anything due later needs nothing yet.
    const std::string horizon = dates::FormatDate(today + std::chrono::days{60});
    const std::vector<Candidate> candidates = database.Read([&](db::Session& session) {
        std::vector<Candidate> rows;
        for (const db::Row row : session.Query("SELECT d.id, d.organisation_id, o.path, d.reply_due FROM "
                                               "union_documents d JOIN organisations o "
                                               "ON o.id = d.organisation_id WHERE d.status = 'SERVED' AND "
                                               "d.reply_due <> '' AND d.reply_due <= $1 "
                                               "ORDER BY d.id",
                                               horizon))
            rows.push_back({row.GetInt64(0), row.GetInt64(1), row.GetString(2), row.GetString(3)});
        return rows;
    });

    const rules::RulesService rules(database, clock);
    std::map<std::int64_t, std::int64_t> reminder_days;
    DocumentDeadlineReport report;
    for (const Candidate& candidate : candidates) {
        const auto due = dates::ParseDate(candidate.reply_due);
        if (!due) continue;
        if (today > *due) {
            bool acted = false;
            try {
                acted = database.Write([&](db::Session& session) {
                    const auto document = detail::FindDocument(session, candidate.id);
                    if (!document || document->status != "SERVED" ||
                        document->reply_due != candidate.reply_due)
                        return false;
                    if (!scheduler::ClaimDeadlineAction(session, "document", candidate.id, "OVERDUE",
                                                        candidate.reply_due, now))
                        return false;
                    // A reply (or withdrawal) committed since the read leaves no SERVED row: then nothing may
                    // be written, not even the claim (PostgreSQL reads committed data, so the read can be
                    // stale).
                    if (session.Execute(
                            "UPDATE union_documents SET status = 'OVERDUE', updated_at = $1 WHERE id = "
                            "$2 AND status = 'SERVED'",
                            now, candidate.id) != 1)
                        throw StaleDocument{};
                    const Document after = *detail::FindDocument(session, candidate.id);
                    inbox::NotifyOrganisations(
                        session, {after.organisation_id}, "supervision:document:manage",
                        {"DOCUMENT_OVERDUE", "文书逾期未获回复：" + after.document_no + " " + after.title,
                         after.addressee + " 未在 " + after.reply_due + " 前回复", "document", after.id,
                         after.organisation_id},
                        now);
                    inbox::Todo todo;
                    todo.organisation_id = after.organisation_id;
                    todo.permission = "supervision:document:manage";
                    todo.kind = "ESCALATE_DOCUMENT";
                    todo.title = "逾期未复，请上报：" + after.document_no;
                    todo.entity_type = "document";
                    todo.entity_id = after.id;
                    inbox::OpenTodo(session, todo, now);
                    auth::RecordAudit(
                        session, SchedulerContext(),
                        {"overdue", "union_document", std::to_string(after.id), detail::AuditJson(*document),
                         detail::AuditJson(after), after.organisation_path},
                        now);
                    return true;
                });
            } catch (const StaleDocument&) {
                acted = false;  // rolled back: the document moved on meanwhile
            }
            if (acted) ++report.overdue;
            continue;
        }
        auto days = reminder_days.find(candidate.organisation_id);
        if (days == reminder_days.end())
            days = reminder_days.emplace(candidate.organisation_id, ReminderDays(rules, candidate)).first;
        if (today < *due - std::chrono::days{days->second}) continue;
        const bool reminded = database.Write([&](db::Session& session) {
            const auto document = detail::FindDocument(session, candidate.id);
            if (!document || document->status != "SERVED" || document->reply_due != candidate.reply_due)
                return false;
            if (!scheduler::ClaimDeadlineAction(session, "document", candidate.id, "REMINDER",
                                                candidate.reply_due, now))
                return false;
            inbox::NotifyOrganisations(
                session, {document->organisation_id}, "supervision:document:manage",
                {"DEADLINE_REMINDER",
                 "文书回复期限将至：" + document->document_no + "（" + document->reply_due + "）",
                 document->addressee + " 尚未回复", "document", document->id, document->organisation_id},
                now);
            return true;
        });
        if (reminded) ++report.reminders;
    }
    return report;
}

}  // namespace app::documents
