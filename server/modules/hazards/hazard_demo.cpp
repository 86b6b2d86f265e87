#include "hazards/hazard_demo.hpp"

#include <cstdio>
#include <string>
#include <vector>

#include "core/calendar_date.hpp"
#include "hazards/hazard_internal.hpp"
#include "hazards/hazard_workflow.hpp"
#include "inbox/inbox_writer.hpp"

namespace app::hazards {
namespace {

struct DemoHazard {
    const char* title;
    const char* category;
    const char* location;
    const char* description;
};

constexpr DemoHazard kHazards[] = {
    {"配电箱未接地", "UNSAFE_CONDITION", "一号车间", "车间东侧配电箱外壳未做保护接地，箱门无警示标识。"},
    {"消防通道堵塞", "MANAGEMENT_DEFECT", "仓库北侧", "消防通道堆放成品纸箱约 30 立方米，宽度不足 1 米。"},
    {"有限空间作业未审批", "UNSAFE_ACT", "污水池", "清淤作业未办理有限空间作业审批，未进行气体检测。"},
    {"高温作业无防暑措施", "OCCUPATIONAL_HEALTH", "熔炼车间",
     "车间温度超过 35℃，未配备防暑降温饮品和休息区。"},
    {"冲压机光电保护失效", "UNSAFE_CONDITION", "冲压工段", "3 号冲床光电保护装置被短接，失去保护作用。"},
    {"叉车司机无证驾驶", "UNSAFE_ACT", "成品库", "叉车司机未取得特种设备作业人员证。"},
    {"粉尘浓度超标", "OCCUPATIONAL_HEALTH", "打磨车间", "打磨工位除尘设施停用，作业人员未佩戴防尘口罩。"},
    {"安全出口指示灯损坏", "UNSAFE_CONDITION", "办公楼二层", "疏散指示标志不亮，应急照明蓄电池失效。"},
    {"危化品仓库通风不良", "ENVIRONMENT", "危化品库", "库房排风扇损坏，油漆稀释剂挥发气味明显。"},
    {"未开展三级安全教育", "MANAGEMENT_DEFECT", "人事部", "新入职 12 名职工未接受三级安全教育即上岗。"},
    {"脚手架未设置防护栏杆", "UNSAFE_CONDITION", "厂房扩建工地", "外脚手架作业层未设防护栏杆和挡脚板。"},
    {"噪声岗位未配发耳塞", "OCCUPATIONAL_HEALTH", "织造车间", "织机区噪声约 95 分贝，职工未配发护听器。"},
    {"电焊作业未办动火证", "UNSAFE_ACT", "维修车间", "临时电焊作业未办理动火审批，周边有易燃物。"},
    {"砂轮机防护罩缺失", "UNSAFE_CONDITION", "机修间", "砂轮机防护罩拆除后未恢复。"},
    {"职业健康检查未落实", "MANAGEMENT_DEFECT", "喷涂车间", "接触苯系物岗位职工未进行岗中职业健康检查。"},
    {"员工宿舍私拉电线", "ENVIRONMENT", "员工宿舍", "宿舍内私拉电线为电动车充电。"},
    {"起重机限位器失灵", "UNSAFE_CONDITION", "总装车间", "10 吨行车上升限位器失灵。"},
    {"违章指挥冒险作业", "UNSAFE_ACT", "装卸区", "班组长安排职工在无防护情况下登高装卸。"},
    {"应急预案未演练", "MANAGEMENT_DEFECT", "安全管理部", "本年度未组织生产安全事故应急预案演练。"},
    {"夜班照明不足", "ENVIRONMENT", "包装车间", "夜班作业区照度不足，通道存在绊倒风险。"},
};

// The target states, in a mix a county's case list shows; a few MAJOR and some overdue.
constexpr const char* kStates[] = {
    "REPORTED",
    "TRIAGED",
    "NOTIFIED",
    "RECTIFYING",
    "PENDING_VERIFICATION",
    "CLOSED",
    "RECTIFYING",
    "OVERDUE_REPLY",
    "OVERDUE_RECTIFICATION",
    "ESCALATED",
    "DISPUTED",
    "REJECTED",
    "NOTIFIED",
    "RECTIFYING",
    "CLOSED",
    "REPORTED",
    "EVACUATION_RECOMMENDED",
    "RECTIFYING",
    "PENDING_VERIFICATION",
    "OVERDUE_RECTIFICATION",
};

// The events that bring a hazard from REPORTED to `state`.
std::vector<HazardEvent> PathTo(const std::string& state) {
    using enum HazardEvent;
    if (state == "REPORTED") return {};
    if (state == "REJECTED") return {kReject};
    if (state == "TRIAGED") return {kTriage};
    if (state == "EVACUATION_RECOMMENDED") return {kTriage, kRecommendEvacuation};
    if (state == "NOTIFIED") return {kTriage, kNotify};
    if (state == "OVERDUE_REPLY") return {kTriage, kNotify, kMarkOverdue};
    if (state == "DISPUTED") return {kTriage, kNotify, kEnterpriseDispute};
    if (state == "RECTIFYING") return {kTriage, kNotify, kEnterpriseAccept};
    if (state == "OVERDUE_RECTIFICATION") return {kTriage, kNotify, kEnterpriseAccept, kMarkOverdue};
    if (state == "PENDING_VERIFICATION") return {kTriage, kNotify, kEnterpriseAccept, kReportRectified};
    if (state == "ESCALATED") return {kTriage, kNotify, kEnterpriseAccept, kMarkOverdue, kEscalate};
    return {kTriage, kNotify, kEnterpriseAccept, kReportRectified, kRecheck};  // CLOSED
}

const char* CommentFor(HazardEvent event) {
    switch (event) {
        case HazardEvent::kTriage:
            return "经研判属实";
        case HazardEvent::kReject:
            return "经核实为重复登记";
        case HazardEvent::kRecommendEvacuation:
            return "存在现实危险，建议立即撤离作业人员";
        case HazardEvent::kNotify:
            return "已送达隐患整改通知书";
        case HazardEvent::kEnterpriseAccept:
            return "企业书面答复，接受整改";
        case HazardEvent::kEnterpriseDispute:
            return "企业认为已采取措施，不构成隐患";
        case HazardEvent::kReportRectified:
            return "企业报告整改完成";
        case HazardEvent::kRecheck:
            return "现场复查，整改到位";
        case HazardEvent::kMarkOverdue:
            return "期限已过，系统自动标记逾期";
        case HazardEvent::kEscalate:
            return "逾期未整改，系统自动上报上级工会";
        default:
            return "";
    }
}

std::string Shift(const dates::Date& today, int days) {
    return dates::FormatDate(today + std::chrono::days(days));
}

}  // namespace

int AddDemoHazards(db::Session& session, EpochMillis now) {
    const dates::Date today = dates::ShanghaiDateOf(now);
    constexpr std::int64_t kDay = 24 * 3600 * 1000;
    // Enterprises of 南京市's townships: most in 玄武区 (the demo county cadre's), some in 秦淮区 and
    // elsewhere.
    struct Site {
        std::int64_t enterprise_id;
        std::string enterprise_name;
        std::int64_t town_id;
        std::string town_path;
        std::optional<std::int64_t> county_id;
    };
    std::vector<Site> targets;
    const auto pick = [&](const std::string& code_prefix, int limit) {
        for (const db::Row row :
             session.Query("SELECT e.id, e.name, o.id, o.path, o.parent_id FROM enterprises e JOIN "
                           "organisations o ON o.id ="
                           " e.organisation_id WHERE o.code LIKE $1 AND o.level = 4 ORDER BY e.id LIMIT $2",
                           code_prefix + "%", static_cast<std::int64_t>(limit))) {
            targets.push_back({row.GetInt64(0), row.GetString(1), row.GetInt64(2), row.GetString(3),
                               row.GetOptionalInt64(4)});
        }
    };
    pick("320102", 26);
    pick("320104", 8);
    pick("320106", 6);
    const int year = dates::YearOf(today);
    int added = 0;
    for (std::size_t index = 0; index < targets.size(); ++index) {
        const Site& target = targets[index];
        const DemoHazard& demo = kHazards[index % std::size(kHazards)];
        const std::string state = kStates[index % std::size(kStates)];
        const bool major = index % 9 == 3 || index % 13 == 5;
        const bool immediate = state == "EVACUATION_RECOMMENDED" || index % 11 == 0;
        // Cases in the county seat's towns are handled by the county federation, the rest by the township.
        const std::int64_t handler = index % 2 == 0 && target.county_id ? *target.county_id : target.town_id;
        const int age = 4 + static_cast<int>(index) * 2;  // days since found
        const bool overdue_state =
            state == "OVERDUE_REPLY" || state == "OVERDUE_RECTIFICATION" || state == "ESCALATED";
        // Deadlines: passed for the overdue cases, coming (one within the reminder window) for the others.
        const std::string reply_due =
            overdue_state ? Shift(today, -10) : Shift(today, index % 5 == 2 ? 2 : 6);
        const std::string deadline =
            overdue_state ? Shift(today, -8) : Shift(today, major ? 60 : 3 + index % 12);
        const std::vector<HazardEvent> path = PathTo(state);
        const auto reached = [&](HazardEvent event) {
            return std::find(path.begin(), path.end(), event) != path.end();
        };
        const EpochMillis created_at = now - age * kDay;
        const std::int64_t id =
            session
                .Query(
                    "INSERT INTO hazards (organisation_id, enterprise_id, source, category, grade, "
                    "major_subgrade,"
                    " major_criterion, title, description, location, immediate_danger, found_on, found_by,"
                    " rectification_deadline, reply_due, recheck_due, rectification_plan, status,"
                    " status_changed_at, created_at, updated_at, closed_at) VALUES ($1, $2, $3, $4, $5, $6, "
                    "$7,"
                    " $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $19, $21) RETURNING id",
                    handler, target.enterprise_id,
                    std::string(index % 4 == 1
                                    ? "WORKER_REPORT"
                                    : (index % 4 == 2 ? "GROUP_INSPECTOR_LOG" : "UNION_INSPECTION")),
                    std::string(demo.category), std::string(major ? "MAJOR" : "GENERAL"),
                    major ? std::optional<std::int64_t>(1 + index % 3) : std::nullopt,
                    std::string(major ? "工贸行业重大生产安全事故隐患判定标准" : ""), std::string(demo.title),
                    std::string(demo.description), std::string(demo.location),
                    static_cast<std::int64_t>(immediate ? 1 : 0), Shift(today, -age),
                    std::string(index % 3 == 0 ? "劳动保护监督检查员 王志强" : "工会小组检查员 李秀英"),
                    reached(HazardEvent::kTriage) ? deadline : std::string(),
                    reached(HazardEvent::kNotify) ? reply_due : std::string(),
                    reached(HazardEvent::kReportRectified) ? Shift(today, 3) : std::string(),
                    std::string(reached(HazardEvent::kEnterpriseAccept)
                                    ? "落实整改责任人、资金和期限，整改期间加强现场管控"
                                    : ""),
                    state, now - kDay, created_at,
                    state == "CLOSED" ? std::optional<EpochMillis>(now - kDay) : std::nullopt)
                .Front()
                .GetInt64(0);
        char code[32];
        std::snprintf(code, sizeof code, "YH%04d%06lld", year, static_cast<long long>(id));
        session.Execute("UPDATE hazards SET code = $1 WHERE id = $2", std::string(code), id);
        session.Execute(
            "INSERT INTO hazard_events (hazard_id, event, from_status, to_status, comment, actor, created_at)"
            " VALUES ($1, 'REPORT', '', 'REPORTED', '', '张伟', $2)",
            id, created_at);
        HazardStatus status = HazardStatus::kReported;
        EpochMillis at = created_at;
        for (HazardEvent event : path) {
            const auto next = Target(status, event, true);
            if (!next) break;  // the path table above follows W2; never taken
            at += kDay / 2;
            const bool system = event == HazardEvent::kMarkOverdue || event == HazardEvent::kEscalate;
            const std::int64_t event_id =
                session
                    .Query(
                        "INSERT INTO hazard_events (hazard_id, event, from_status, to_status, comment, actor,"
                        " created_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
                        id, std::string(EventName(event)), std::string(StatusName(status)),
                        std::string(StatusName(*next)), std::string(CommentFor(event)),
                        std::string(system ? "系统" : "张伟"), at)
                    .Front()
                    .GetInt64(0);
            if (event == HazardEvent::kRecheck) {
                session.Execute(
                    "INSERT INTO hazard_verifications (hazard_id, verification_type, result, verifiers, note,"
                    " verified_on, event_id, created_at) VALUES ($1, 'UNION_RECHECK', 'PASSED', '张伟、刘芳',"
                    " '整改到位', $2, $3, $4)",
                    id, Shift(today, -1), event_id, at);
            }
            if (event == HazardEvent::kEscalate) {
                const std::vector<std::int64_t> chain =
                    detail::PathIds(session.Query("SELECT path FROM organisations WHERE id = $1", handler)
                                        .Front()
                                        .GetString(0));
                const std::optional<std::int64_t> parent =
                    chain.size() >= 2 ? std::optional<std::int64_t>(chain[chain.size() - 2]) : std::nullopt;
                session.Execute(
                    "INSERT INTO hazard_escalations (hazard_id, from_organisation_id, to_organisation_id, "
                    "reason,"
                    " note, automatic, sent_at) VALUES ($1, $2, $3, 'OVERDUE', '逾期未整改', 1, $4)",
                    id, handler, parent, at);
                if (parent) {
                    inbox::OpenTodo(
                        session,
                        {*parent, detail::kManagePermission, std::nullopt, "HANDLE_ESCALATION",
                         std::string("处理上报的隐患：") + target.enterprise_name + " " + demo.title,
                         "hazard", id, ""},
                        now);
                }
            }
            status = *next;
        }
        const char* todo = state == "REPORTED"               ? "TRIAGE_HAZARD"
                           : state == "TRIAGED"              ? "SERVE_NOTICE"
                           : state == "PENDING_VERIFICATION" ? "RECHECK_HAZARD"
                           : state == "DISPUTED"             ? "REVIEW_DISPUTE"
                                                             : nullptr;
        if (todo) {
            inbox::OpenTodo(session,
                            {handler, detail::kManagePermission, std::nullopt, todo,
                             std::string("隐患待办：") + target.enterprise_name + " " + demo.title, "hazard",
                             id, state == "PENDING_VERIFICATION" ? Shift(today, 3) : std::string()},
                            now);
        }
        if (major && state != "REJECTED") {
            std::vector<std::int64_t> above = detail::PathIds(
                session.Query("SELECT path FROM organisations WHERE id = $1", handler).Front().GetString(0));
            if (!above.empty()) above.pop_back();
            inbox::NotifyOrganisations(
                session, above, detail::kViewPermission,
                {"MAJOR_HAZARD", std::string("重大隐患：") + target.enterprise_name + " " + demo.title, code,
                 "hazard", id, handler},
                created_at);
        }
        ++added;
    }
    return added;
}

}  // namespace app::hazards
