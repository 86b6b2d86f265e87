#include "hazards/hazard_deadlines.hpp"

#include <spdlog/spdlog.h>

#include <vector>

#include "core/calendar_date.hpp"
#include "hazards/hazard_internal.hpp"
#include "inbox/inbox_writer.hpp"
#include "rules/rules_service.hpp"
#include "scheduler/act_once.hpp"

namespace app::hazards {
namespace {

// The day `rule` (a day-unit rule in force for the hazard's union on `on`) counts to from `from`, or nullopt.
std::optional<dates::Date> RuleDate(db::Session& session, const Hazard& hazard, std::string_view rule,
                                    const std::string& on, dates::Date from) {
    const auto in_force = rules::RuleInForceFor(session, hazard.organisation_path, rule, on);
    if (!in_force || in_force->rule.unit == rules::Unit::kHours) return std::nullopt;
    return rules::DueDate(rules::LoadWorkingCalendar(session), in_force->rule, from);
}

void SweepOne(db::Session& session, std::int64_t id, EpochMillis now, SweepResult& result) {
    const std::string today = detail::Today(now);
    const dates::Date today_date = *dates::ParseDate(today);
    auto hazard = detail::FindHazard(session, id, today);
    if (!hazard) return;
    RequestContext context;
    context.request_id = "job:hazard-deadlines";
    const detail::Actor system{std::nullopt, "系统", true, std::nullopt};
    const auto apply = [&](HazardEvent event) {
        TransitionInput input;
        input.event = std::string(EventName(event));
        input.comment = event == HazardEvent::kMarkOverdue ? "期限已过，系统自动标记逾期"
                                                           : "逾期未整改，系统自动上报上级工会";
        hazard = detail::ApplyEvent(session, context, *hazard, event, input, system, false, now);
    };

    if (hazard->status == "NOTIFIED" || hazard->status == "RECTIFYING") {
        const std::string due =
            hazard->status == "NOTIFIED" ? hazard->reply_due : hazard->rectification_deadline;
        const auto due_date = dates::ParseDate(due);
        if (!due_date) return;
        if (today_date > *due_date) {
            if (!scheduler::ClaimDeadlineAction(session, "hazard", id, "MARK_OVERDUE", due, now)) return;
            apply(HazardEvent::kMarkOverdue);
            ++result.overdue;
            // Fall through: a sweep that did not run for a while may owe the escalation as well.
        } else {
            const auto window_end = RuleDate(session, *hazard, "REMINDER_BEFORE_DUE", today, today_date);
            if (!window_end || *window_end < *due_date) return;
            const bool reply = hazard->status == "NOTIFIED";
            // The reply and the rectification may fall due on one day: each has its own reminder.
            if (!scheduler::ClaimDeadlineAction(session, "hazard", id,
                                                reply ? "REMIND_REPLY" : "REMIND_RECTIFICATION", due, now))
                return;
            const std::string what = reply ? "企业答复期限" : "整改期限";
            inbox::NotifyOrganisations(
                session, {hazard->organisation_id}, detail::kManagePermission,
                {"DEADLINE_REMINDER",
                 what + "将至（" + due + "）：" + hazard->enterprise_name + " " + hazard->title, hazard->code,
                 "hazard", hazard->id, hazard->organisation_id},
                now);
            inbox::OpenTodo(
                session,
                {hazard->organisation_id, detail::kManagePermission, std::nullopt, "FOLLOW_UP_HAZARD",
                 "跟进" + what + "：" + hazard->enterprise_name + " " + hazard->title, "hazard", hazard->id,
                 due},
                now);
            ++result.reminders;
            return;
        }
    }
    if (hazard->status == "OVERDUE_REPLY" || hazard->status == "OVERDUE_RECTIFICATION") {
        const std::string due =
            hazard->status == "OVERDUE_REPLY" ? hazard->reply_due : hazard->rectification_deadline;
        const auto due_date = dates::ParseDate(due);
        if (!due_date) return;
        const auto escalate_on = RuleDate(session, *hazard, "ESCALATE_AFTER_OVERDUE", due, *due_date);
        if (!escalate_on || today_date < *escalate_on) return;
        if (!scheduler::ClaimDeadlineAction(session, "hazard", id, "ESCALATE", due, now)) return;
        apply(HazardEvent::kEscalate);
        ++result.escalations;
    }
}

}  // namespace

std::string SweepResult::Summary() const {
    return "examined " + std::to_string(examined) + ", reminders " + std::to_string(reminders) +
           ", overdue " + std::to_string(overdue) + ", escalations " + std::to_string(escalations) +
           ", failures " + std::to_string(failures);
}

SweepResult RunHazardDeadlines(db::Database& database, const Clock& clock) {
    SweepResult result;
    const std::vector<std::int64_t> ids = database.Read([](db::Session& session) {
        std::vector<std::int64_t> open;
        for (const db::Row row : session.Query(
                 "SELECT id FROM hazards WHERE status IN ('NOTIFIED', 'RECTIFYING', 'OVERDUE_REPLY',"
                 " 'OVERDUE_RECTIFICATION') ORDER BY id")) {
            open.push_back(row.GetInt64(0));
        }
        return open;
    });
    for (std::int64_t id : ids) {
        ++result.examined;
        const EpochMillis now = clock.Now();
        try {
            SweepResult one;
            database.Write([&](db::Session& session) { SweepOne(session, id, now, one); });
            result.reminders += one.reminders;
            result.overdue += one.overdue;
            result.escalations += one.escalations;
        } catch (const std::exception& error) {
            ++result.failures;
            spdlog::warn("hazard-deadlines: hazard {} failed: {}", id, error.what());
        }
    }
    return result;
}

}  // namespace app::hazards
