#include "statistics/indicators.hpp"

#include <algorithm>
#include <array>

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

IndicatorValues ComputeIndicators(db::Session& session, const std::string& path, const MonthRange& months,
                                  StockValues stocks) {
    IndicatorValues values;
    const std::string upper = auth::SubtreeUpperBound(path);
    const db::Result node = session.Query("SELECT id FROM organisations WHERE path = $1", path);
    const std::int64_t organisation_id = node.Empty() ? 0 : node.Front().GetInt64(0);

    // Hazards and reports: the node's own roll-up rows (ADR 0013).
    {
        const db::Row found =
            session
                .Query(
                    "SELECT SUM(hazards), SUM(major * hazards),"
                    " SUM(CASE WHEN closed_month <> '' AND closed_month <= $3 THEN hazards END)"
                    " FROM hazard_rollups WHERE organisation_id = $1 AND found_month >= $2"
                    " AND found_month <= $3 AND state <> 'REJECTED'",
                    organisation_id, months.from, months.to)
                .Front();
        values["SV03"] = Int(found, 0);
        values["SV04"] = Int(found, 1);
        values["SV06N"] = Int(found, 2);
        const db::Row closed =
            session
                .Query(
                    "SELECT SUM(hazards), SUM(on_time * hazards) FROM hazard_rollups"
                    " WHERE organisation_id = $1 AND closed_month >= $2 AND closed_month <= $3",
                    organisation_id, months.from, months.to)
                .Front();
        values["SV05"] = Int(closed, 0);
        values["SV05T"] = Int(closed, 1);
        const db::Row reports =
            session
                .Query(
                    "SELECT SUM(reports),"
                    " SUM(CASE WHEN state IN ('ACCEPTED', 'DUPLICATE', 'RESOLVED') THEN reports END),"
                    " SUM(acknowledged * reports), SUM(acknowledge_seconds)"
                    " FROM report_rollups WHERE organisation_id = $1 AND month >= $2 AND month <= $3",
                    organisation_id, months.from, months.to)
                .Front();
        values["SV11"] = Int(reports, 0);
        values["SV11A"] = Int(reports, 1);
        values["R01"] = Int(reports, 2);
        values["R01S"] = Int(reports, 3);
    }

    // Inspections and documents are few: counted live over the subtree. Inspections first (CROSS JOIN keeps
    // SQLite from walking every enterprise of a province to find a handful of inspections).
    const std::int64_t start = RangeStartMillis(months);
    const std::int64_t end = RangeEndMillis(months);
    {
        const db::Row inspections =
            session
                .Query(
                    "SELECT COUNT(*), COUNT(DISTINCT i.enterprise_id) FROM inspections i CROSS JOIN "
                    "enterprises e"
                    " WHERE e.id = i.enterprise_id AND e.organisation_path >= $1 AND e.organisation_path < $2"
                    " AND i.status IN ('CLOSED', 'FOLLOW_UP')"
                    " AND COALESCE(i.started_at, i.closed_at, i.status_changed_at) >= $3"
                    " AND COALESCE(i.started_at, i.closed_at, i.status_changed_at) < $4",
                    path, upper, start, end)
                .Front();
        values["SV01"] = Int(inspections, 0);
        values["SV02"] = Int(inspections, 1);
        values["SV08"] = session
                             .Query(
                                 "SELECT COUNT(*) FROM union_documents d CROSS JOIN organisations o"
                                 " WHERE o.id = d.organisation_id AND o.path >= $1 AND o.path < $2"
                                 " AND d.issued_at >= $3 AND d.issued_at < $4",
                                 path, upper, start, end)
                             .Front()
                             .GetInt64(0);
    }
    if (stocks == StockValues::kSkip) return values;

    {
        const db::Row open =
            session
                .Query(
                    "SELECT SUM(hazards), SUM(major * hazards),"
                    " SUM(CASE WHEN state = 'OVERDUE' THEN hazards END)"
                    " FROM hazard_rollups WHERE organisation_id = $1 AND state IN ('OPEN', 'OVERDUE')",
                    organisation_id)
                .Front();
        values["H01"] = Int(open, 0);
        values["H02"] = Int(open, 1);
        values["H03"] = Int(open, 2);
    }
    {
        // Coverage, inspectors, committees and volunteers: the node's subtree totals, one row (migration
        // 0018).
        const db::Result totals = session.Query(
            "SELECT enterprises, workers, covered, covered_workers, non_public, non_public_covered, "
            "small_and_micro,"
            " small_and_micro_covered, with_committee, inspectors, committees, group_inspectors, "
            "mass_supervisors"
            " FROM organisation_totals WHERE organisation_id = $1",
            organisation_id);
        constexpr std::array<std::string_view, 13> kCodes{"E01", "E02", "E03", "E04", "E05", "E06", "E07",
                                                          "E08", "E09", "O03", "O01", "O04", "O05"};
        for (std::size_t column = 0; column < kCodes.size(); ++column) {
            values[std::string(kCodes[column])] = totals.Empty() ? 0 : Int(totals.Front(), column);
        }
        const db::Row staffing =
            session
                .Query(
                    "SELECT SUM(st.fulltime_lp_cadres), SUM(st.parttime_lp_cadres), "
                    "SUM(st.budget_planned_fen),"
                    " SUM(st.budget_spent_fen) FROM lp_staffing st JOIN organisations o ON o.id = "
                    "st.organisation_id"
                    " WHERE st.year = $3 AND o.path >= $1 AND o.path < $2",
                    path, upper, static_cast<std::int64_t>(std::stoi(months.to.substr(0, 4))))
                .Front();
        values["O06F"] = Int(staffing, 0);
        values["O06P"] = Int(staffing, 1);
        values["O07P"] = Int(staffing, 2);
        values["O07S"] = Int(staffing, 3);
    }
    return values;
}

}  // namespace app::statistics
