#include "statistics/indicators.hpp"

#include <algorithm>
#include <array>
#include <map>

#include "auth/data_scope.hpp"
#include "db/session.hpp"
#include "statistics/months.hpp"

namespace app::statistics {
namespace {

using enum IndicatorKind;

// Domain model §12.2; codes without a § entry (E.., C.., H.., R..) are ours, for the coverage and response
// figures the survey asks about.
constexpr std::array kCatalogue = std::to_array<IndicatorDefinition>({
    {"E01", "在册企业数", "Enterprises", "家", kStock, "", "",
     "辖区内在册(存续)企业，按统一社会信用代码计一次",
     "Active enterprises in the area, each counted once by credit code", true},
    {"E02", "企业职工人数", "Workers", "人", kStock, "", "", "在册企业的职工人数合计",
     "Headcount of active enterprises", true},
    {"E03", "已建会覆盖企业数", "Enterprises covered by a union", "家", kStock, "", "",
     "当前有独立建会或联合/区域/行业工会覆盖的企业",
     "Enterprises with a current union coverage other than none", true},
    {"E04", "已覆盖企业职工人数", "Workers in covered enterprises", "人", kStock, "", "",
     "已建会覆盖企业的职工人数", "Headcount of covered enterprises", true},
    {"E05", "非公有制企业数", "Non-public enterprises", "家", kStock, "", "", "经济成分为非公有的在册企业",
     "Active enterprises of non-public economic component", true},
    {"E06", "已覆盖非公有制企业数", "Covered non-public enterprises", "家", kStock, "", "", "其中已建会覆盖",
     "Of which covered by a union", true},
    {"E07", "小微企业数", "Small and micro enterprises", "家", kStock, "", "", "规模为小型、微型的在册企业",
     "Active enterprises of size small or micro", true},
    {"E08", "已覆盖小微企业数", "Covered small and micro enterprises", "家", kStock, "", "", "其中已建会覆盖",
     "Of which covered by a union", true},
    {"E09", "劳动保护监督组织覆盖企业数", "Enterprises covered by a supervision committee", "家", kStock, "",
     "", "覆盖工会设有在任劳动保护监督检查委员会的企业",
     "Covered enterprises whose covering union has a supervision committee in office", true},
    {"C01", "建会覆盖率", "Union coverage rate", "%", kRatio, "E03", "E01", "E03 ÷ E01", "E03 ÷ E01", false},
    {"O08", "劳动保护监督组织覆盖率", "Supervision committee coverage", "%", kRatio, "E09", "E03",
     "E09 ÷ E03", "E09 ÷ E03", false},
    {"C02", "小微企业建会覆盖率", "Small and micro coverage rate", "%", kRatio, "E08", "E07", "E08 ÷ E07",
     "E08 ÷ E07", false},
    {"C03", "非公有制企业建会覆盖率", "Non-public coverage rate", "%", kRatio, "E06", "E05", "E06 ÷ E05",
     "E06 ÷ E05", false},
    {"O01", "建立劳动保护监督检查委员会的基层工会数", "Base unions with a supervision committee", "个",
     kStock, "", "", "在任(ACTIVE)的劳动保护监督检查委员会，取当前值", "Committees in office (current value)",
     true},
    {"O03", "工会劳动保护监督检查员人数", "Labour-protection inspectors", "人", kStock, "", "",
     "在岗(ACTIVE)监督检查员，按所在组织计，取当前值",
     "Inspectors in office, by home organisation (current value)", true},
    {"O04", "工会小组劳动保护检查员人数", "Union-group inspectors", "人", kStock, "", "", "在岗，取当前值",
     "In office (current value)", true},
    {"O05", "群众安全生产监督员人数", "Mass safety supervisors", "人", kStock, "", "", "在岗，取当前值",
     "In office (current value)", true},
    {"O06F", "专职劳动保护干部数", "Full-time labour-protection cadres", "人", kStock, "", "",
     "编制与经费年度表，取期末年度", "From the staffing table of the period's last year", true},
    {"O06P", "兼职劳动保护干部数", "Part-time labour-protection cadres", "人", kStock, "", "",
     "编制与经费年度表，取期末年度", "From the staffing table of the period's last year", true},
    {"O07P", "劳动保护工作经费(预算)", "Labour-protection budget (planned)", "分", kStock, "", "",
     "编制与经费年度表，取期末年度，单位：分", "Staffing table of the period's last year, in fen", true},
    {"O07S", "劳动保护工作经费(支出)", "Labour-protection budget (spent)", "分", kStock, "", "",
     "编制与经费年度表，取期末年度，单位：分", "Staffing table of the period's last year, in fen", true},
    {"SV01", "开展监督检查次数", "Inspections carried out", "次", kCount, "", "",
     "期内开展且已结束(CLOSED/FOLLOW_UP)的监督检查，按受检企业所在地计",
     "Inspections carried out in the period and closed or in follow-up, by the enterprise's place", true},
    {"SV02", "检查企业数", "Enterprises inspected", "家", kCount, "", "", "期内受检企业，按企业去重",
     "Distinct enterprises inspected in the period", false},
    {"SV03", "发现事故隐患数", "Hazards found", "项", kCount, "", "",
     "期内发现的隐患(不含不予立案)，按企业所在地计",
     "Hazards found in the period (rejected ones excluded), by the enterprise's place", true},
    {"SV04", "其中重大事故隐患数", "Of which major", "项", kCount, "", "", "等级为重大", "Grade MAJOR", true},
    {"SV05", "已整改隐患数", "Hazards rectified", "项", kCount, "", "",
     "期内整改闭环(CLOSED)的隐患，不论发现时间", "Hazards closed in the period, whenever found", true},
    {"SV05T", "其中按期整改数", "Of which on time", "项", kCount, "", "", "在整改期限当日或之前闭环",
     "Closed on or before the rectification deadline", true},
    {"SV06N", "期内发现且期末前整改数", "Found in the period and closed by its end", "项", kCount, "", "",
     "整改率的分子", "Numerator of the rectification rate", true},
    {"SV06", "隐患整改率", "Rectification rate", "%", kRatio, "SV06N", "SV03", "SV06N ÷ SV03(同期队列)",
     "SV06N ÷ SV03 (cohort of the period)", false},
    {"SV07", "按期整改率", "On-time rectification rate", "%", kRatio, "SV05T", "SV05", "SV05T ÷ SV05",
     "SV05T ÷ SV05", false},
    {"SV08", "发出监督文书数", "Supervision documents issued", "份", kCount, "", "",
     "期内签发的工会监督文书，按签发工会计", "Union documents issued in the period, by the issuing union",
     true},
    {"H01", "未整改隐患数", "Open hazards", "项", kStock, "", "", "当前未闭环且未不予立案的隐患",
     "Hazards neither closed nor rejected now", true},
    {"H02", "未整改重大隐患数", "Open major hazards", "项", kStock, "", "", "当前未闭环的重大隐患",
     "Major hazards not closed now", true},
    {"H03", "逾期未整改隐患数", "Overdue hazards", "项", kStock, "", "", "当前处于逾期未回复或逾期未整改状态",
     "Hazards overdue for reply or rectification now", true},
    {"SV11", "职工隐患举报(随手拍)件数", "Worker hazard reports", "件", kCount, "", "",
     "期内提交的职工报告，按企业所在地计",
     "Worker reports submitted in the period, by the enterprise's place", true},
    {"SV11A", "其中采纳件数", "Of which adopted", "件", kCount, "", "", "已立案为隐患或并入已有隐患",
     "Accepted as a hazard or merged with one", true},
    {"R01", "已受理报告件数", "Reports acknowledged", "件", kCount, "", "", "期内提交且已受理",
     "Submitted in the period and acknowledged", true},
    {"R01S", "受理用时合计(秒)", "Time to acknowledge, summed (s)", "秒", kCount, "", "",
     "平均受理时长的分子", "Numerator of the average response time", true},
    {"R02", "平均受理时长(小时)", "Average time to acknowledge (h)", "小时", kAverage, "R01S", "R01",
     "R01S ÷ R01 ÷ 3600", "R01S ÷ R01 ÷ 3600", false},
});

std::int64_t Int(const db::Row& row, std::size_t column) {
    return row.IsNull(column) ? 0 : row.GetInt64(column);
}

}  // namespace

std::span<const IndicatorDefinition> Catalogue() {
    return kCatalogue;
}

const IndicatorDefinition* FindIndicator(std::string_view code) {
    const auto found = std::find_if(kCatalogue.begin(), kCatalogue.end(),
                                    [&](const IndicatorDefinition& entry) { return entry.code == code; });
    return found == kCatalogue.end() ? nullptr : &*found;
}

std::optional<double> DerivedValue(const IndicatorDefinition& definition, const IndicatorValues& values) {
    const auto numerator = values.find(definition.numerator);
    const auto denominator = values.find(definition.denominator);
    if (numerator == values.end() || denominator == values.end() || denominator->second == 0)
        return std::nullopt;
    const double value = static_cast<double>(numerator->second) / static_cast<double>(denominator->second);
    return definition.kind == kAverage ? value / 3600.0 : value;
}

namespace {

// The statements behind ComputeIndicators and ComputeChildIndicators, written once. Every value is grouped by
// a "subject" path: the node itself (kNode) or each of its children (kChildren). Roll-up and totals rows are
// the subjects' own rows; live counts over the subtree are grouped by the first `length` characters of the
// organisation path, paths having 9 characters per level (ADR 0003), so every descendant falls to its child.
enum class Subjects { kNode, kChildren };

std::map<std::string, IndicatorValues> GroupedIndicators(db::Session& session, const std::string& path,
                                                         Subjects subjects, const MonthRange& months,
                                                         StockValues stocks) {
    constexpr std::int64_t kSegment = 9;
    const std::string upper = auth::SubtreeUpperBound(path);
    const auto length =
        static_cast<std::int64_t>(path.size()) + (subjects == Subjects::kChildren ? kSegment : 0);
    // Which organisations' own rows: fixed text chosen here, never from a request.
    const std::string subject = subjects == Subjects::kNode
                                    ? "c.path = $1"
                                    : "c.parent_id = (SELECT p.id FROM organisations p WHERE p.path = $1)";

    std::map<std::string, IndicatorValues> grouped;
    for (const db::Row row : session.Query("SELECT c.path FROM organisations c WHERE " + subject, path))
        grouped[row.GetString(0)];
    if (subjects == Subjects::kNode) grouped[path];  // a path with no organisation counts zeros
    const auto add = [&](const db::Result& result, std::initializer_list<std::string_view> codes) {
        for (const db::Row row : result) {
            const auto found = grouped.find(row.GetString(0));
            if (found == grouped.end()) continue;  // records attached to the node itself, not to a child
            std::size_t column = 1;
            for (std::string_view code : codes) found->second[std::string(code)] += Int(row, column++);
        }
    };
    const auto zero = [&](std::initializer_list<std::string_view> codes) {
        for (auto& [subject_path, values] : grouped)
            for (std::string_view code : codes) values[std::string(code)];
    };

    // Hazards and reports: the subjects' own roll-up rows (ADR 0013). Grouped by `c.path || ''`, an
    // expression: grouped by the column itself SQLite walked all 30,000 organisations in path order to save a
    // sort rather than take the few children through organisations_parent_idx (26 ms instead of 1 ms for a
    // county).
    zero({"SV03", "SV04", "SV06N", "SV05", "SV05T", "SV11", "SV11A", "R01", "R01S"});
    add(session.Query("SELECT c.path || '', SUM(r.hazards), SUM(r.major * r.hazards),"
                      " SUM(CASE WHEN r.closed_month <> '' AND r.closed_month <= $3 THEN r.hazards END)"
                      " FROM organisations c JOIN hazard_rollups r ON r.organisation_id = c.id WHERE " +
                          subject +
                          " AND r.found_month >= $2 AND r.found_month <= $3 AND r.state <> 'REJECTED'"
                          " GROUP BY 1",
                      path, months.from, months.to),
        {"SV03", "SV04", "SV06N"});
    add(session.Query("SELECT c.path || '', SUM(r.hazards), SUM(r.on_time * r.hazards)"
                      " FROM organisations c JOIN hazard_rollups r ON r.organisation_id = c.id WHERE " +
                          subject + " AND r.closed_month >= $2 AND r.closed_month <= $3 GROUP BY 1",
                      path, months.from, months.to),
        {"SV05", "SV05T"});
    add(session.Query("SELECT c.path || '', SUM(r.reports),"
                      " SUM(CASE WHEN r.state IN ('ACCEPTED', 'DUPLICATE', 'RESOLVED') THEN r.reports END),"
                      " SUM(r.acknowledged * r.reports), SUM(r.acknowledge_seconds)"
                      " FROM organisations c JOIN report_rollups r ON r.organisation_id = c.id WHERE " +
                          subject + " AND r.month >= $2 AND r.month <= $3 GROUP BY 1",
                      path, months.from, months.to),
        {"SV11", "SV11A", "R01", "R01S"});

    // Inspections and documents are few: counted live over the subtree. Inspections first (CROSS JOIN keeps
    // SQLite from walking every enterprise of a province to find a handful of inspections). An enterprise
    // lies under one child, so distinct enterprises per child add up.
    const std::int64_t start = RangeStartMillis(months);
    const std::int64_t end = RangeEndMillis(months);
    zero({"SV01", "SV02", "SV08"});
    add(session.Query(
            "SELECT substr(e.organisation_path, 1, $5), COUNT(*), COUNT(DISTINCT i.enterprise_id)"
            " FROM inspections i CROSS JOIN enterprises e"
            " WHERE e.id = i.enterprise_id AND e.organisation_path >= $1 AND e.organisation_path < $2"
            " AND i.status IN ('CLOSED', 'FOLLOW_UP')"
            " AND COALESCE(i.started_at, i.closed_at, i.status_changed_at) >= $3"
            " AND COALESCE(i.started_at, i.closed_at, i.status_changed_at) < $4"
            " GROUP BY 1",
            path, upper, start, end, length),
        {"SV01", "SV02"});
    add(session.Query(
            "SELECT substr(o.path, 1, $5), COUNT(*) FROM union_documents d CROSS JOIN organisations o"
            " WHERE o.id = d.organisation_id AND o.path >= $1 AND o.path < $2"
            " AND d.issued_at >= $3 AND d.issued_at < $4 GROUP BY 1",
            path, upper, start, end, length),
        {"SV08"});
    if (stocks == StockValues::kSkip) return grouped;

    zero({"H01", "H02", "H03"});
    add(session.Query("SELECT c.path || '', SUM(r.hazards), SUM(r.major * r.hazards),"
                      " SUM(CASE WHEN r.state = 'OVERDUE' THEN r.hazards END)"
                      " FROM organisations c JOIN hazard_rollups r ON r.organisation_id = c.id WHERE " +
                          subject + " AND r.state IN ('OPEN', 'OVERDUE') GROUP BY 1",
                      path),
        {"H01", "H02", "H03"});
    // Coverage, inspectors, committees and volunteers: the subjects' subtree totals, one row each (migration
    // 0018).
    const std::initializer_list<std::string_view> totals{"E01", "E02", "E03", "E04", "E05", "E06", "E07",
                                                         "E08", "E09", "O03", "O01", "O04", "O05"};
    zero(totals);
    add(session.Query("SELECT c.path, t.enterprises, t.workers, t.covered, t.covered_workers, t.non_public,"
                      " t.non_public_covered, t.small_and_micro, t.small_and_micro_covered, t.with_committee,"
                      " t.inspectors, t.committees, t.group_inspectors, t.mass_supervisors"
                      " FROM organisations c JOIN organisation_totals t ON t.organisation_id = c.id WHERE " +
                          subject,
                      path),
        totals);
    zero({"O06F", "O06P", "O07P", "O07S"});
    add(session.Query("SELECT substr(o.path, 1, $4), SUM(st.fulltime_lp_cadres), SUM(st.parttime_lp_cadres),"
                      " SUM(st.budget_planned_fen), SUM(st.budget_spent_fen)"
                      " FROM lp_staffing st JOIN organisations o ON o.id = st.organisation_id"
                      " WHERE st.year = $3 AND o.path >= $1 AND o.path < $2 GROUP BY 1",
                      path, upper, static_cast<std::int64_t>(std::stoi(months.to.substr(0, 4))), length),
        {"O06F", "O06P", "O07P", "O07S"});
    return grouped;
}

}  // namespace

IndicatorValues ComputeIndicators(db::Session& session, const std::string& path, const MonthRange& months,
                                  StockValues stocks) {
    return std::move(GroupedIndicators(session, path, Subjects::kNode, months, stocks).at(path));
}

std::map<std::string, IndicatorValues> ComputeChildIndicators(db::Session& session, const std::string& path,
                                                              const MonthRange& months) {
    return GroupedIndicators(session, path, Subjects::kChildren, months, StockValues::kInclude);
}

}  // namespace app::statistics
