#include "statistics/statistics_demo.hpp"

#include <array>
#include <cstdio>
#include <string>

#include "core/calendar_date.hpp"
#include "db/session.hpp"

namespace app::statistics {
namespace {

constexpr std::int64_t kHour = 3600 * 1000;
constexpr std::int64_t kDay = 24 * kHour;

struct Kind {
    const char* title;
    const char* category;         // hazard category
    const char* report_category;  // the worker's category for the same danger
    const char* location;
};

constexpr std::array<Kind, 10> kKinds{{
    {"配电箱未接地", "UNSAFE_CONDITION", "UNSAFE_CONDITION", "生产车间"},
    {"消防通道堵塞", "MANAGEMENT_DEFECT", "ENVIRONMENT", "仓库"},
    {"有限空间作业未审批", "UNSAFE_ACT", "UNSAFE_ACT", "污水池"},
    {"粉尘浓度超标", "OCCUPATIONAL_HEALTH", "OCCUPATIONAL_HEALTH", "打磨车间"},
    {"冲压机光电保护失效", "UNSAFE_CONDITION", "UNSAFE_CONDITION", "冲压工段"},
    {"叉车司机无证驾驶", "UNSAFE_ACT", "UNSAFE_ACT", "成品库"},
    {"危化品仓库通风不良", "ENVIRONMENT", "ENVIRONMENT", "危化品库"},
    {"未开展三级安全教育", "MANAGEMENT_DEFECT", "MANAGEMENT_DEFECT", "人事部"},
    {"噪声岗位未配发护听器", "OCCUPATIONAL_HEALTH", "OCCUPATIONAL_HEALTH", "织造车间"},
    {"起重机限位器失灵", "UNSAFE_CONDITION", "UNSAFE_CONDITION", "总装车间"},
}};

std::string Day(EpochMillis at) {
    return dates::FormatDate(dates::ShanghaiDateOf(at));
}

}  // namespace

DemoHistory AddDemoHistory(db::Session& session, EpochMillis now) {
    DemoHistory history;
    const db::Result enterprises = session.Query(
        "SELECT e.id, e.organisation_id, o.path FROM enterprises e JOIN organisations o ON o.id = "
        "e.organisation_id"
        " WHERE o.code NOT LIKE '3201%' AND e.status = 'ACTIVE' ORDER BY e.id");
    int serial = 0;
    for (std::size_t index = 0; index < enterprises.Size(); ++index) {
        const db::Row enterprise = enterprises[index];
        // 0–5 cases per enterprise over two years; cities differ in how many and how well they are handled.
        const int cases = static_cast<int>((index * 7 + enterprise.GetInt64(1)) % 6);
        for (int item = 0; item < cases; ++item) {
            ++serial;
            const Kind& kind = kKinds[static_cast<std::size_t>(serial) % kKinds.size()];
            const int age =
                3 + (serial * 37 + static_cast<int>(index) * 11) %
                        720;  // days since found: two years, so a year compares with the one before
            const bool major = serial % 29 == 0;
            const EpochMillis found_at = now - age * kDay - 9 * kHour;
            const int allowed = major ? 60 : 15;
            // Older cases are closed, a few of them late; the last month's are still being rectified.
            const bool closed = age > allowed + 10 || (age > 12 && serial % 3 != 0);
            const int took = 4 + (serial * 13) % (serial % 7 == 0 ? allowed + 20 : allowed);
            const bool still_open = !closed;
            const EpochMillis closed_at = found_at + took * kDay;
            const std::string deadline = Day(found_at + allowed * kDay);
            const bool from_worker = serial % 5 == 0;
            const std::int64_t hazard =
                session
                    .Query(
                        "INSERT INTO hazards (organisation_id, enterprise_id, source, category, grade, "
                        "major_subgrade,"
                        " major_criterion, title, description, location, found_on, found_by, "
                        "rectification_deadline,"
                        " status, status_changed_at, created_at, updated_at, closed_at) VALUES ($1, $2, $3, "
                        "$4, $5,"
                        " $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $15, $17) RETURNING id",
                        enterprise.GetInt64(1), enterprise.GetInt64(0),
                        std::string(from_worker ? "WORKER_REPORT" : "UNION_INSPECTION"),
                        std::string(kind.category), std::string(major ? "MAJOR" : "GENERAL"),
                        major ? std::optional<std::int64_t>(1) : std::nullopt,
                        std::string(major ? "工贸行业重大生产安全事故隐患判定标准" : ""),
                        std::string(kind.title), std::string(kind.title) + "（历史案件）",
                        std::string(kind.location), Day(found_at), std::string("劳动保护监督检查员"),
                        deadline, std::string(still_open ? "RECTIFYING" : "CLOSED"),
                        still_open ? found_at + kDay : closed_at, found_at,
                        still_open ? std::nullopt : std::optional<EpochMillis>(closed_at))
                    .Front()
                    .GetInt64(0);
            char code[32];
            std::snprintf(code, sizeof code, "YH%s%06lld", Day(found_at).substr(0, 4).c_str(),
                          static_cast<long long>(hazard));
            session.Execute("UPDATE hazards SET code = $1 WHERE id = $2", std::string(code), hazard);
            session.Execute(
                "INSERT INTO hazard_events (hazard_id, event, from_status, to_status, comment, actor,"
                " created_at) VALUES ($1, 'REPORT', '', 'REPORTED', '', '劳动保护监督检查员', $2)",
                hazard, found_at);
            session.Execute(
                "INSERT INTO hazard_events (hazard_id, event, from_status, to_status, comment, actor,"
                " created_at) VALUES ($1, 'ENTERPRISE_ACCEPT', 'NOTIFIED', 'RECTIFYING',"
                " '企业书面答复，接受整改', '劳动保护监督检查员', $2)",
                hazard, found_at + kDay);
            if (!still_open) {
                session.Execute(
                    "INSERT INTO hazard_events (hazard_id, event, from_status, to_status, comment, actor,"
                    " created_at) VALUES ($1, 'RECHECK', 'PENDING_VERIFICATION', 'CLOSED',"
                    " '现场复查，整改到位', '劳动保护监督检查员', $2)",
                    hazard, closed_at);
            }
            ++history.hazards;
            if (!from_worker) continue;

            // The worker's report the case came from: acknowledged within hours to a few days, accepted (the
            // worker sees RESOLVED once the hazard is closed).
            const EpochMillis submitted = (found_at - kDay) / kHour * kHour;  // reports keep the hour only
            const EpochMillis acknowledged = submitted + (2 + (serial * 7) % 60) * kHour;
            char receipt_hash[80];
            std::snprintf(receipt_hash, sizeof receipt_hash, "demo-history-%012d", serial);
            const std::int64_t report =
                session
                    .Query(
                        "INSERT INTO worker_reports (receipt_hash, enterprise_id, organisation_id, "
                        "organisation_path,"
                        " category, description, location, anonymity, status, submitted_at, submitted_on,"
                        " acknowledge_due, acknowledged_at, decided_at, hazard_id, updated_at) VALUES ($1, "
                        "$2, $3,"
                        " $4, $5, $6, $7, 'ANONYMOUS', $8, $9, $10, $10, $11, $11, $12, $11) RETURNING id",
                        std::string(receipt_hash), enterprise.GetInt64(0), enterprise.GetInt64(1),
                        enterprise.GetString(2), std::string(kind.report_category),
                        std::string(kind.title) + "，请工会来看看。", std::string(kind.location),
                        std::string("ACCEPTED"), submitted, Day(submitted), acknowledged, hazard)
                    .Front()
                    .GetInt64(0);
            session.Execute(
                "INSERT INTO worker_report_events (report_id, event, from_status, to_status, actor,"
                " created_at) VALUES ($1, 'SUBMIT', '', 'SUBMITTED', '职工', $2), ($1, 'ACCEPT',"
                " 'SUBMITTED', 'ACCEPTED', '劳动保护监督检查员', $3)",
                report, submitted, acknowledged);
            ++history.worker_reports;
        }
    }
    return history;
}

}  // namespace app::statistics
