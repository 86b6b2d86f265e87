#include "reports/report_deadlines.hpp"

#include <spdlog/spdlog.h>

#include <optional>
#include <vector>

#include "auth/audit.hpp"
#include "auth/data_scope.hpp"
#include "core/calendar_date.hpp"
#include "inbox/inbox_writer.hpp"
#include "reports/report_service.hpp"
#include "scheduler/act_once.hpp"

namespace app::reports {
namespace {

bool EscalateOne(db::Session& session, std::int64_t id, EpochMillis now, const std::string& today) {
    const db::Result rows = session.Query(
        "SELECT r.status, r.acknowledge_due, r.organisation_id, r.organisation_path, r.code, e.name FROM"
        " worker_reports r JOIN enterprises e ON e.id = r.enterprise_id WHERE r.id = $1",
        id);
    if (rows.Empty()) return false;
    const db::Row row = rows.Front();
    const std::string due = row.GetString(1);
    if (row.GetString(0) != "SUBMITTED" || !(due < today)) return false;
    if (!scheduler::ClaimDeadlineAction(session, "worker_report", id, "ESCALATE", due, now)) return false;
    const std::int64_t organisation_id = row.GetInt64(2);
    const std::string path = row.GetString(3);
    const std::string code = row.GetString(4);
    const std::string enterprise = row.GetString(5);
    // The root has no higher union: its own cadres get the escalation.
    const std::int64_t handler = auth::ParentOrganisationId(path).value_or(organisation_id);
    session.Execute(
        "UPDATE worker_reports SET overdue_at = $1, escalated_to_organisation_id = $2, updated_at = $1 WHERE "
        "id = $3",
        now, handler, id);
    session.Execute(
        "INSERT INTO worker_report_events (report_id, event, from_status, to_status, comment, actor, "
        "created_at)"
        " VALUES ($1, 'ESCALATE', 'SUBMITTED', 'SUBMITTED', $2, '系统', $3)",
        id, "受理期限 " + due + " 已过，系统自动报上级工会", now);
    inbox::NotifyOrganisations(session, {handler}, kViewPermission,
                               {"REPORT_ESCALATED", "职工报告逾期未受理：" + enterprise,
                                code + "（受理期限 " + due + "）", "worker_report", id, organisation_id},
                               now);
    inbox::OpenTodo(session,
                    {handler, kManagePermission, std::nullopt, "HANDLE_OVERDUE_REPORT",
                     "督办逾期未受理的职工报告：" + enterprise, "worker_report", id, today},
                    now);
    RequestContext context;
    context.request_id = "job:report-deadlines";
    auth::RecordAudit(session, context,
                      {"escalate", "worker_report", std::to_string(id), std::nullopt,
                       "{\"escalatedTo\":" + std::to_string(handler) + "}", path},
                      now);
    return true;
}

}  // namespace

std::string ReportSweepResult::Summary() const {
    return "examined " + std::to_string(examined) + ", escalations " + std::to_string(escalations) +
           ", failures " + std::to_string(failures);
}

ReportSweepResult RunReportDeadlines(db::Database& database, const Clock& clock) {
    ReportSweepResult result;
    const EpochMillis started = clock.Now();
    const std::string today = dates::FormatDate(dates::ShanghaiDateOf(started));
    const std::vector<std::int64_t> ids = database.Read([&](db::Session& session) {
        std::vector<std::int64_t> late;
        for (const db::Row row : session.Query("SELECT id FROM worker_reports WHERE status = 'SUBMITTED' AND"
                                               " acknowledge_due < $1 AND overdue_at IS NULL ORDER BY id",
                                               today)) {
            late.push_back(row.GetInt64(0));
        }
        return late;
    });
    for (const std::int64_t id : ids) {
        ++result.examined;
        try {
            const EpochMillis now = clock.Now();
            if (database.Write([&](db::Session& session) { return EscalateOne(session, id, now, today); }))
                ++result.escalations;
        } catch (const std::exception& error) {
            ++result.failures;
            spdlog::warn("report-deadlines: report {} failed: {}", id, error.what());
        }
    }
    return result;
}

}  // namespace app::reports
