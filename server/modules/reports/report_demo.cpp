#include "reports/report_demo.hpp"

#include <cstdio>
#include <string>
#include <vector>

#include "auth/data_scope.hpp"
#include "core/calendar_date.hpp"
#include "inbox/inbox_writer.hpp"
#include "reports/receipt.hpp"
#include "reports/report_service.hpp"
#include "reports/report_workflow.hpp"
#include "reports/worker_report.hpp"
#include "rules/rules_service.hpp"

namespace app::reports {
namespace {

constexpr std::int64_t kHour = 60 * 60 * 1000;
constexpr std::int64_t kDay = 24 * kHour;

struct DemoReport {
    const char* status;  // the W3 state; ACCEPTED and DUPLICATE link the enterprise's demo hazard
    int days_ago;
    const char* category;
    const char* description;
    const char* location;
    const char* anonymity;
    const char* union_message;   // empty: none
    const char* worker_message;  // empty: none
};

constexpr DemoReport kReports[] = {
    {"SUBMITTED", 0, "UNSAFE_CONDITION", "冲床光电保护被胶带缠住，开机时手容易伸进去。", "冲压工段",
     "ANONYMOUS", "", ""},
    {"SUBMITTED", 1, "ENVIRONMENT", "仓库北门消防通道又堆满了纸箱，晚上没人清理。", "仓库北门", "NAMED", "",
     ""},
    {"SUBMITTED", 6, "OCCUPATIONAL_HEALTH", "打磨车间除尘器一周没开，下班后鼻子里全是灰。", "打磨车间",
     "ANONYMOUS", "", "除尘器还是没开，班长说是为了省电。"},
    {"SUBMITTED", 8, "UNSAFE_ACT", "班长让我们不系安全带上屋顶装卸，说一会儿就好。", "装卸平台", "ANONYMOUS",
     "", ""},
    {"UNDER_REVIEW", 2, "MANAGEMENT_DEFECT", "新来的十几个人没有培训就直接上机台了。", "注塑车间",
     "ANONYMOUS", "已收到，我们将于本周到企业核查三级安全教育台账。请问大约是哪一天入职的？",
     "上周一入职的，一共 12 个人。"},
    {"UNDER_REVIEW", 3, "UNSAFE_CONDITION", "行车吊钩的防脱钩装置坏了，吊件时晃得厉害。", "总装车间", "NAMED",
     "感谢反映，工会正在联系企业安全科核实。", ""},
    {"ACCEPTED", 9, "UNSAFE_CONDITION", "配电箱外壳没接地，下雨天摸着麻手。", "一号车间", "ANONYMOUS",
     "已立案并向企业发出整改通知，整改完成后我们会复查。", "谢谢工会！"},
    {"ACCEPTED", 12, "ENVIRONMENT", "危化品库的排风扇坏了，油漆味很重。", "危化品库", "ANONYMOUS", "", ""},
    {"ACCEPTED", 20, "OCCUPATIONAL_HEALTH", "织造车间太吵了，没人发耳塞。", "织造车间", "NAMED",
     "企业已为织造车间全员配发耳塞，并经复查确认。感谢您的监督！", ""},
    {"DUPLICATE", 10, "UNSAFE_CONDITION", "一号车间东边的电箱漏电，有人被电过一下。", "一号车间东侧",
     "ANONYMOUS", "该问题工会已立案督促整改，您的报告已一并处理。", ""},
    {"REJECTED", 15, "ENVIRONMENT", "食堂的饭菜越来越难吃了。", "食堂", "ANONYMOUS", "", ""},
    {"REJECTED", 18, "UNSAFE_CONDITION", "三号线的护栏松了。", "三号线", "ANONYMOUS",
     "经现场核查，三号线护栏已于报告前一天由设备科紧固，现场照片已存档。", ""},
    {"SUBMITTED", 0, "UNSAFE_ACT", "叉车司机好像没有证，开得很快。", "成品库", "ANONYMOUS", "", ""},
    {"UNDER_REVIEW", 4, "MANAGEMENT_DEFECT", "今年一次应急演练都没搞过。", "全厂", "ANONYMOUS", "", ""},
    {"ACCEPTED", 6, "UNSAFE_CONDITION", "砂轮机的防护罩拆了没装回去。", "机修间", "ANONYMOUS", "", ""},
    {"SUBMITTED", 3, "ENVIRONMENT", "员工宿舍有人私拉电线给电动车充电。", "员工宿舍 3 号楼", "ANONYMOUS", "",
     ""},
};

constexpr const char* kRejectReasons[] = {
    "食堂饭菜质量不属于安全生产隐患，已转企业工会生活委员会反映。",
    "经现场核查，护栏已于报告前一天紧固完毕，不存在隐患。",
};

struct Target {
    std::int64_t enterprise_id;
    std::int64_t organisation_id;
    std::string path;
    std::int64_t hazard_id;
    std::string hazard_status;
};

std::string Date(EpochMillis at) {
    return dates::FormatDate(dates::ShanghaiDateOf(at));
}

}  // namespace

int AddDemoReports(db::Session& session, EpochMillis now) {
    // Enterprises of 玄武区 (320102) and 秦淮区 (320104) with a demo hazard, the enterprise's own union
    // answering.
    std::vector<Target> targets;
    for (const db::Row row :
         session.Query("SELECT e.id, e.organisation_id, o.path, MIN(h.id), '' FROM enterprises e JOIN "
                       "organisations o ON"
                       " o.id = e.organisation_id JOIN hazards h ON h.enterprise_id = e.id JOIN "
                       "organisations c ON c.code IN"
                       " ('320102', '320104') WHERE o.path > c.path AND o.path < c.path || '0' GROUP BY e.id,"
                       " e.organisation_id, o.path ORDER BY e.id")) {
        targets.push_back({row.GetInt64(0), row.GetInt64(1), row.GetString(2), row.GetInt64(3), ""});
    }
    if (targets.empty()) return 0;
    for (Target& target : targets) {
        target.hazard_status =
            session.Query("SELECT status FROM hazards WHERE id = $1", target.hazard_id).Front().GetString(0);
    }

    // One QR code per enterprise; the first has the fixed demo code.
    std::vector<std::int64_t> entry_points;
    for (std::size_t i = 0; i < targets.size(); ++i) {
        char code[32];
        std::snprintf(code, sizeof code, "DEMO2026XW%02zu", (i + 1) % 100);
        entry_points.push_back(session
                                   .Query("INSERT INTO report_entry_points (code, enterprise_id, site_name,"
                                          " created_at) VALUES ($1, $2, '', $3) RETURNING id",
                                          std::string(code), targets[i].enterprise_id, now - 30 * kDay)
                                   .Front()
                                   .GetInt64(0));
    }

    const rules::WorkingCalendar calendar = rules::LoadWorkingCalendar(session);
    int added = 0;
    int rejected = 0;
    for (const DemoReport& demo : kReports) {
        // Accepted and merged reports go to enterprises whose demo hazard fits: closed ones first (the
        // worker sees RESOLVED), others open.
        const std::size_t index = static_cast<std::size_t>(added) % targets.size();
        const Target& target = targets[index];
        const std::string status = demo.status;
        const EpochMillis submitted = TruncateToHour(now - demo.days_ago * kDay - 3 * kHour);
        const std::string submitted_on = Date(submitted);
        // The deadline as the service would set it: the rule in force for the union, on the working-day
        // calendar.
        std::string acknowledge_due = submitted_on;
        if (const auto rule = rules::RuleInForceFor(session, target.path, "WORKER_REPORT_ACK", submitted_on);
            rule && rule->rule.unit != rules::Unit::kHours) {
            acknowledge_due =
                dates::FormatDate(rules::DueDate(calendar, rule->rule, *dates::ParseDate(submitted_on)));
        }
        const bool linked = status == "ACCEPTED" || status == "DUPLICATE";
        const std::string receipt = added == 4 ? std::string(kDemoReceipt) : NewReceipt();
        const std::string reject_reason = status == "REJECTED" ? kRejectReasons[rejected++ % 2] : "";
        const bool acknowledged = status != "SUBMITTED";
        const std::int64_t id =
            session
                .Query(
                    "INSERT INTO worker_reports (receipt_hash, entry_point_id, enterprise_id, "
                    "organisation_id,"
                    " organisation_path, category, description, location, anonymity, status, submitted_at,"
                    " submitted_on, acknowledge_due, acknowledged_at, decided_at, reject_reason, hazard_id,"
                    " updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, "
                    "$16,"
                    " $17, $11) RETURNING id",
                    ReceiptHash(receipt), entry_points[index], target.enterprise_id, target.organisation_id,
                    target.path, std::string(demo.category), std::string(demo.description),
                    std::string(demo.location), std::string(demo.anonymity), status, submitted, submitted_on,
                    acknowledge_due,
                    acknowledged ? std::optional<std::int64_t>(submitted + 20 * kHour) : std::nullopt,
                    status == "SUBMITTED" || status == "UNDER_REVIEW"
                        ? std::nullopt
                        : std::optional<std::int64_t>(submitted + 26 * kHour),
                    reject_reason, linked ? std::optional<std::int64_t>(target.hazard_id) : std::nullopt)
                .Front()
                .GetInt64(0);
        session.Execute("UPDATE worker_reports SET code = $1 WHERE id = $2", ReportCode(id, submitted), id);
        const auto event = [&](const char* name, const char* from, const std::string& to,
                               const std::string& actor, EpochMillis at, const std::string& comment) {
            session.Execute(
                "INSERT INTO worker_report_events (report_id, event, from_status, to_status, comment, actor,"
                " created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
                id, std::string(name), std::string(from), to, comment, actor, at);
        };
        event("SUBMIT", "", "SUBMITTED", "职工", submitted, "");
        if (acknowledged)
            event("ACKNOWLEDGE", "SUBMITTED", "UNDER_REVIEW", "李华", submitted + 20 * kHour, "");
        if (status == "ACCEPTED") event("ACCEPT", "UNDER_REVIEW", status, "李华", submitted + 26 * kHour, "");
        if (status == "DUPLICATE") event("MERGE", "UNDER_REVIEW", status, "李华", submitted + 26 * kHour, "");
        if (status == "REJECTED")
            event("REJECT", "UNDER_REVIEW", status, "李华", submitted + 26 * kHour, reject_reason);
        if (status == "SUBMITTED" && acknowledge_due < Date(now)) {
            session.Execute(
                "UPDATE worker_reports SET overdue_at = $1, escalated_to_organisation_id = $2 WHERE id = $3",
                submitted + 5 * kDay,
                auth::ParentOrganisationId(target.path).value_or(target.organisation_id), id);
            event("ESCALATE", "SUBMITTED", "SUBMITTED", "系统", submitted + 5 * kDay,
                  "受理期限 " + acknowledge_due + " 已过，系统自动报上级工会");
        }
        if (status == "SUBMITTED") {
            inbox::OpenTodo(session,
                            {target.organisation_id, kManagePermission, std::nullopt, "ACKNOWLEDGE_REPORT",
                             "受理职工隐患报告", "worker_report", id, acknowledge_due},
                            submitted);
        }
        std::int64_t unread_worker = 0;
        std::int64_t unread_union = 0;
        if (*demo.union_message) {
            session.Execute(
                "INSERT INTO worker_report_messages (report_id, author, body, actor, created_at) VALUES ($1,"
                " 'UNION', $2, '李华', $3)",
                id, std::string(demo.union_message), submitted + 21 * kHour);
            unread_union = 1;
        }
        if (*demo.worker_message) {
            session.Execute(
                "INSERT INTO worker_report_messages (report_id, author, body, actor, created_at) VALUES ($1,"
                " 'WORKER', $2, '职工', $3)",
                id, std::string(demo.worker_message), submitted + 2 * kDay);
            unread_worker = 1;
            unread_union = 0;
        }
        session.Execute(
            "UPDATE worker_reports SET unread_worker_messages = $1, unread_union_messages = $2 WHERE id = $3",
            unread_worker, unread_union, id);
        if (std::string(demo.anonymity) == kNamed) {
            session.Execute(
                "INSERT INTO worker_report_identities (report_id, reporter_name, reporter_phone) VALUES ($1, "
                "$2, $3)",
                id, std::string(added % 2 == 0 ? "王建国" : "陈秀英"),
                std::string(added % 2 == 0 ? "13951700001" : "13851700002"));
        }
        ++added;
    }
    return added;
}

}  // namespace app::reports
