#include "annual_reports/annual_report_service.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <map>
#include <set>

#include "annual_reports/annual_report_rules.hpp"
#include "auth/audit.hpp"
#include "auth/data_scope.hpp"
#include "core/text.hpp"
#include "http/json.hpp"
#include "inbox/inbox_writer.hpp"
#include "statistics/indicators.hpp"

namespace app::annual_reports {
namespace {

constexpr const char* kEntityType = "statistical_report";
constexpr const char* kReviewTodo = "REVIEW_ANNUAL_REPORT";
constexpr const char* kReviseTodo = "REVISE_ANNUAL_REPORT";
constexpr std::size_t kMaxNote = 500;

constexpr std::string_view kColumns =
    "SELECT r.id, r.organisation_id, o.name, o.path, o.level, r.year, r.status, r.period_from, r.period_to,"
    " r.check_note, r.return_comment, r.created_at, r.updated_at, r.refreshed_at, r.submitted_at,"
    " r.submitted_by, r.submitted_by_name, r.approved_at, r.approved_by_name"
    " FROM statistical_reports r JOIN organisations o ON o.id = r.organisation_id";

StatisticalReport ReadReport(const db::Row& row) {
    StatisticalReport report;
    report.id = row.GetInt64(0);
    report.organisation_id = row.GetInt64(1);
    report.organisation_name = row.GetString(2);
    report.organisation_path = row.GetString(3);
    report.organisation_level = row.GetInt64(4);
    report.year = row.GetInt64(5);
    report.status = row.GetString(6);
    report.period_from = row.GetString(7);
    report.period_to = row.GetString(8);
    report.check_note = row.GetString(9);
    report.return_comment = row.GetString(10);
    report.created_at = row.GetInt64(11);
    report.updated_at = row.GetInt64(12);
    report.refreshed_at = row.GetInt64(13);
    report.submitted_at = row.GetOptionalInt64(14);
    report.submitted_by = row.GetOptionalInt64(15);
    report.submitted_by_name = row.GetString(16);
    report.approved_at = row.GetOptionalInt64(17);
    report.approved_by_name = row.GetString(18);
    return report;
}

bool InScope(const Principal& principal, const std::string& path) {
    const auto [lower, upper] = auth::ScopeRange(principal);
    return path >= lower && path < upper;
}

std::optional<StatisticalReport> FindReport(db::Session& session, std::int64_t id) {
    const db::Result rows = session.Query(std::string(kColumns) + " WHERE r.id = $1", id);
    if (rows.Empty()) return std::nullopt;
    return ReadReport(rows.Front());
}

// The report if the caller may see it; otherwise 404, as if it did not exist.
StatisticalReport FindInScope(db::Session& session, const Principal& principal, std::int64_t id) {
    auto report = FindReport(session, id);
    if (!report || !InScope(principal, report->organisation_path)) throw Error::NotFound(kEntityType);
    return *report;
}

std::string ParentPath(const std::string& path) {
    const std::size_t slash = path.rfind('/');
    return slash == std::string::npos ? std::string() : path.substr(0, slash);
}

// Returning and approving belong to the level above: a user whose scope holds the report's parent
// organisation (so never the organisation's own users). The top of the tree has no parent: its own users with
// the permission sign it off.
bool MayReview(const Principal& principal, const StatisticalReport& report) {
    if (!principal.HasPermission(kApprovePermission)) return false;
    const std::string parent = ParentPath(report.organisation_path);
    if (parent.empty()) return principal.organisation_id == report.organisation_id;
    return InScope(principal, parent);
}

ReportActions ActionsFor(const Principal& principal, const StatisticalReport& report) {
    return {principal.HasPermission(kEditPermission) && IsEditable(report.status),
            report.status == kSubmitted && MayReview(principal, report)};
}

// The direct children's values per additive code, from their submitted or approved reports of the year.
std::map<std::string, std::int64_t, std::less<>> ChildrenSums(db::Session& session,
                                                              std::int64_t organisation_id,
                                                              std::int64_t year) {
    std::map<std::string, std::int64_t, std::less<>> sums;
    for (const db::Row row : session.Query(
             "SELECT i.code, SUM(COALESCE(i.manual_value, i.system_value)) FROM statistical_report_items i"
             " JOIN statistical_reports r ON r.id = i.report_id JOIN organisations o ON o.id = "
             "r.organisation_id"
             " WHERE o.parent_id = $1 AND r.year = $2 AND r.status IN ('SUBMITTED', 'APPROVED') GROUP BY "
             "i.code",
             organisation_id, year)) {
        sums[row.GetString(0)] = row.GetInt64(1);
    }
    return sums;
}

// Items in catalogue order (codes the catalogue no longer knows come last), with the children's sums.
void LoadItems(db::Session& session, StatisticalReport& report) {
    std::map<std::string, ReportItem, std::less<>> stored;
    for (const db::Row row :
         session.Query("SELECT code, system_value, manual_value, note FROM statistical_report_items WHERE"
                       " report_id = $1 ORDER BY code",
                       report.id)) {
        ReportItem item;
        item.code = row.GetString(0);
        item.system_value = row.GetInt64(1);
        item.manual_value = row.GetOptionalInt64(2);
        item.note = row.GetString(3);
        stored.emplace(item.code, std::move(item));
    }
    const auto sums = ChildrenSums(session, report.organisation_id, report.year);
    report.items.clear();
    for (const statistics::IndicatorDefinition& definition : statistics::Catalogue()) {
        const auto found = stored.find(definition.code);
        if (found == stored.end()) continue;
        ReportItem item = std::move(found->second);
        stored.erase(found);
        if (definition.additive) {
            const auto sum = sums.find(definition.code);
            item.children_sum = sum == sums.end() ? 0 : sum->second;
        }
        report.items.push_back(std::move(item));
    }
    for (auto& [code, item] : stored) report.items.push_back(std::move(item));
}

void LoadChildrenCounts(db::Session& session, StatisticalReport& report) {
    const db::Row row =
        session
            .Query(
                "SELECT COUNT(*), COUNT(r.id) FROM organisations o LEFT JOIN statistical_reports r ON"
                " r.organisation_id = o.id AND r.year = $2 AND r.status IN ('SUBMITTED', 'APPROVED')"
                " WHERE o.parent_id = $1 AND o.status = 'ACTIVE'",
                report.organisation_id, report.year)
            .Front();
    report.children = row.GetInt64(0);
    report.children_reported = row.GetInt64(1);
}

void LoadEvents(db::Session& session, StatisticalReport& report) {
    report.events.clear();
    for (const db::Row row : session.Query("SELECT event, from_status, to_status, comment, actor, created_at"
                                           " FROM statistical_report_events WHERE report_id = $1 ORDER BY id",
                                           report.id)) {
        report.events.push_back({row.GetString(0), row.GetString(1), row.GetString(2), row.GetString(3),
                                 row.GetString(4), row.GetInt64(5)});
    }
}

StatisticalReport LoadDetail(db::Session& session, const Principal& principal, StatisticalReport report) {
    LoadItems(session, report);
    LoadEvents(session, report);
    LoadChildrenCounts(session, report);
    report.actions = ActionsFor(principal, report);
    return report;
}

std::string ActorName(const Principal& principal) {
    return principal.display_name.empty() ? principal.username : principal.display_name;
}

std::optional<std::int64_t> UserId(const Principal& principal) {
    return principal.user_id > 0 ? std::optional<std::int64_t>(principal.user_id) : std::nullopt;
}

void AddEvent(db::Session& session, const Principal& principal, std::int64_t report_id,
              std::string_view event, const std::string& from, const std::string& to,
              const std::string& comment, EpochMillis now) {
    session.Execute(
        "INSERT INTO statistical_report_events (report_id, event, from_status, to_status, comment, user_id,"
        " actor, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        report_id, std::string(event), from, to, comment, UserId(principal), ActorName(principal), now);
}

// What the audit log keeps of a report: its state and, when given, the items.
std::string AuditJson(const StatisticalReport& report, bool with_items) {
    boost::json::object json{{"id", report.id},
                             {"organisationId", report.organisation_id},
                             {"year", report.year},
                             {"status", report.status}};
    if (!report.check_note.empty()) json["checkNote"] = report.check_note;
    if (!report.return_comment.empty()) json["returnComment"] = report.return_comment;
    if (with_items) {
        boost::json::object items;
        for (const ReportItem& item : report.items) {
            boost::json::object entry{{"systemValue", item.system_value}};
            entry["manualValue"] =
                item.manual_value ? boost::json::value(*item.manual_value) : boost::json::value(nullptr);
            if (!item.note.empty()) entry["note"] = item.note;
            items[item.code] = std::move(entry);
        }
        json["items"] = std::move(items);
    }
    return http::Serialize(json);
}

void Audit(db::Session& session, const RequestContext& context, std::string action,
           const std::optional<StatisticalReport>& before, const StatisticalReport& after, bool with_items,
           EpochMillis now) {
    auth::RecordAudit(session, context,
                      {std::move(action), kEntityType, std::to_string(after.id),
                       before ? std::optional<std::string>(AuditJson(*before, with_items)) : std::nullopt,
                       AuditJson(after, with_items), after.organisation_path},
                      now);
}

const Error kLocked = Error::Conflict({"年报已审核，不能再修改", "The report is approved and locked"});

void RequireEditable(const StatisticalReport& report) {
    if (report.status == kApproved) throw kLocked;
    if (!IsEditable(report.status)) {
        throw Error::Conflict({"年报已上报，待上级审核，不能修改",
                               "The report is submitted and awaits review; it cannot change"});
    }
}

void RequireReviewable(const Principal& principal, const StatisticalReport& report) {
    if (report.status == kApproved) throw kLocked;
    if (report.status != kSubmitted)
        throw Error::Conflict({"只有已上报的年报可以审核", "Only a submitted report can be reviewed"});
    if (!MayReview(principal, report)) {
        throw Error::Forbidden({"年报由上级工会审核，不能审核本单位的年报",
                                "The level above reviews a report; nobody reviews their own organisation's"});
    }
}

// Moves the report from `from` to `to`; 409 when someone else changed it first.
void SetStatus(db::Session& session, std::int64_t id, const std::string& from, const std::string& to,
               EpochMillis now) {
    if (session.Execute(
            "UPDATE statistical_reports SET status = $1, updated_at = $2 WHERE id = $3 AND status = $4", to,
            now, id, from) != 1) {
        throw Error::Conflict(
            {"年报已被他人处理，请刷新后重试", "Someone else changed this report; reload it"});
    }
}

std::string Title(const StatisticalReport& report) {
    return report.organisation_name + " " + std::to_string(report.year) + " 年度统计年报";
}

void FillSystemValues(db::Session& session, std::int64_t report_id, const std::string& path,
                      const statistics::MonthRange& months, bool insert) {
    const statistics::IndicatorValues values = statistics::ComputeIndicators(session, path, months);
    for (const statistics::IndicatorDefinition* definition : ReportIndicators()) {
        const auto found = values.find(definition->code);
        const std::int64_t value = found == values.end() ? 0 : found->second;
        if (insert) {
            session.Execute(
                "INSERT INTO statistical_report_items (report_id, code, system_value) VALUES ($1, $2, $3)",
                report_id, std::string(definition->code), value);
        } else {
            // Items the catalogue gained since the report was made are added.
            session.Execute(
                "INSERT INTO statistical_report_items (report_id, code, system_value) VALUES ($1, $2, $3)"
                " ON CONFLICT (report_id, code) DO UPDATE SET system_value = excluded.system_value",
                report_id, std::string(definition->code), value);
        }
    }
}

}  // namespace

ReportOverview AnnualReportService::Overview(const RequestContext& context,
                                             std::optional<std::int64_t> organisation_id,
                                             std::optional<std::int64_t> year) const {
    const Principal& principal = context.principal;
    ReportOverview overview;
    overview.year = year.value_or(DefaultYear(clock_.Now()));
    const statistics::MonthRange months = StatisticalYear(overview.year);
    overview.period_from = months.from;
    overview.period_to = months.to;
    overview.organisation_id = organisation_id.value_or(principal.organisation_id);
    return database_.Read([&](db::Session& session) {
        const db::Result organisation = session.Query(
            "SELECT name, path, level FROM organisations WHERE id = $1", overview.organisation_id);
        if (organisation.Empty() || !InScope(principal, organisation.Front().GetString(1)))
            throw Error::NotFound("organisation");
        overview.organisation_name = organisation.Front().GetString(0);
        overview.organisation_level = organisation.Front().GetInt64(2);
        const db::Result own =
            session.Query(std::string(kColumns) + " WHERE r.organisation_id = $1 AND r.year = $2",
                          overview.organisation_id, overview.year);
        if (!own.Empty()) {
            overview.report = ReadReport(own.Front());
            overview.report->actions = ActionsFor(principal, *overview.report);
        }
        overview.can_create = !overview.report && principal.HasPermission(kEditPermission);

        const auto [lower, upper] = auth::ScopeRange(principal);
        std::map<std::int64_t, StatisticalReport> reports;
        for (const db::Row row :
             session.Query(std::string(kColumns) + " WHERE o.parent_id = $1 AND r.year = $2 AND o.path >= $3"
                                                   " AND o.path < $4",
                           overview.organisation_id, overview.year, lower, upper)) {
            StatisticalReport report = ReadReport(row);
            report.actions = ActionsFor(principal, report);
            reports.emplace(report.organisation_id, std::move(report));
        }
        for (const db::Row row : session.Query(
                 "SELECT id, name, level FROM organisations WHERE parent_id = $1 AND status = 'ACTIVE' AND"
                 " path >= $2 AND path < $3 ORDER BY code, id",
                 overview.organisation_id, lower, upper)) {
            ChildReportStatus child{row.GetInt64(0), row.GetString(1), row.GetInt64(2), std::nullopt};
            if (const auto found = reports.find(child.organisation_id); found != reports.end()) {
                child.report = found->second;
                if (child.report->status == kSubmitted || child.report->status == kApproved)
                    ++overview.submitted;
                if (child.report->status == kApproved) ++overview.approved;
            }
            overview.children.push_back(std::move(child));
        }
        return overview;
    });
}

StatisticalReport AnnualReportService::Get(const RequestContext& context, std::int64_t id) const {
    return database_.Read([&](db::Session& session) {
        return LoadDetail(session, context.principal, FindInScope(session, context.principal, id));
    });
}

StatisticalReport AnnualReportService::Create(const RequestContext& context, std::int64_t organisation_id,
                                              std::int64_t year) {
    const EpochMillis now = clock_.Now();
    const std::int64_t latest = LatestYear(now);
    if (year < kFirstYear || year > latest) {
        throw Error::InvalidField(
            "year",
            {"统计年度应在 " + std::to_string(kFirstYear) + "–" + std::to_string(latest) + " 之间",
             "The year must be between " + std::to_string(kFirstYear) + " and " + std::to_string(latest)});
    }
    const Principal& principal = context.principal;
    const statistics::MonthRange months = StatisticalYear(year);
    return database_.Write([&](db::Session& session) {
        const db::Result organisation =
            session.Query("SELECT path, status FROM organisations WHERE id = $1", organisation_id);
        if (organisation.Empty() || !InScope(principal, organisation.Front().GetString(0)))
            throw Error::NotFound("organisation");
        if (organisation.Front().GetString(1) != "ACTIVE") {
            throw Error::InvalidField("organisationId",
                                      {"该单位已撤销，不能填报年报", "The organisation is dissolved"});
        }
        const std::string path = organisation.Front().GetString(0);
        if (!session
                 .Query("SELECT id FROM statistical_reports WHERE organisation_id = $1 AND year = $2",
                        organisation_id, year)
                 .Empty()) {
            throw Error::Conflict(
                {"该单位本年度的统计年报已存在", "This organisation already has that year's report"});
        }
        const std::int64_t id =
            session
                .Query(
                    "INSERT INTO statistical_reports (organisation_id, year, status, period_from, period_to,"
                    " created_by, created_at, updated_at, refreshed_at) VALUES ($1, $2, $3, $4, $5, $6, $7,"
                    " $7, $7) RETURNING id",
                    organisation_id, year, std::string(kDraft), months.from, months.to, UserId(principal),
                    now)
                .Front()
                .GetInt64(0);
        FillSystemValues(session, id, path, months, true);
        AddEvent(session, principal, id, "CREATE", "", kDraft, "", now);
        StatisticalReport after = LoadDetail(session, principal, *FindReport(session, id));
        Audit(session, context, "create", std::nullopt, after, true, now);
        return after;
    });
}

StatisticalReport AnnualReportService::Update(const RequestContext& context, std::int64_t id,
                                              const std::vector<ItemInput>& items) {
    const EpochMillis now = clock_.Now();
    const Principal& principal = context.principal;
    return database_.Write([&](db::Session& session) {
        StatisticalReport before = LoadDetail(session, principal, FindInScope(session, principal, id));
        RequireEditable(before);
        std::set<std::string, std::less<>> codes;
        for (const ReportItem& item : before.items) codes.insert(item.code);
        Error::FieldErrors errors;
        for (const ItemInput& input : items) {
            const std::string field = "items[" + input.code + "]";
            if (!codes.contains(input.code)) {
                errors.emplace(field + ".code",
                               LocalizedText{"年报中没有这个指标", "The report has no such item"});
                continue;
            }
            if (input.set_manual && input.manual_value &&
                (*input.manual_value < 0 || *input.manual_value > kMaxManualValue)) {
                errors.emplace(field + ".manualValue",
                               LocalizedText{"请填写不小于 0 的整数", "Enter a whole number of 0 or more"});
            }
            if (input.note && text::CodePointCount(*input.note) > kMaxNote) {
                errors.emplace(field + ".note",
                               LocalizedText{"说明不超过 500 个字", "At most 500 characters"});
            }
        }
        if (!errors.empty()) throw Error::InvalidInput(errors);
        for (const ItemInput& input : items) {
            if (input.set_manual) {
                session.Execute(
                    "UPDATE statistical_report_items SET manual_value = $1 WHERE report_id = $2 AND code = "
                    "$3",
                    input.manual_value, id, input.code);
            }
            if (input.note) {
                session.Execute(
                    "UPDATE statistical_report_items SET note = $1 WHERE report_id = $2 AND code = $3",
                    text::Trim(*input.note), id, input.code);
            }
        }
        SetStatus(session, id, before.status, before.status, now);  // the timeline keeps workflow steps only
        StatisticalReport after = LoadDetail(session, principal, *FindReport(session, id));
        Audit(session, context, "update", before, after, true, now);
        return after;
    });
}

StatisticalReport AnnualReportService::Refresh(const RequestContext& context, std::int64_t id) {
    const EpochMillis now = clock_.Now();
    const Principal& principal = context.principal;
    return database_.Write([&](db::Session& session) {
        StatisticalReport before = LoadDetail(session, principal, FindInScope(session, principal, id));
        RequireEditable(before);
        FillSystemValues(session, id, before.organisation_path, {before.period_from, before.period_to},
                         false);
        SetStatus(session, id, before.status, before.status, now);
        session.Execute("UPDATE statistical_reports SET refreshed_at = $1 WHERE id = $2", now, id);
        AddEvent(session, principal, id, "REFRESH", before.status, before.status, "", now);
        StatisticalReport after = LoadDetail(session, principal, *FindReport(session, id));
        Audit(session, context, "refresh", before, after, true, now);
        return after;
    });
}

StatisticalReport AnnualReportService::Submit(const RequestContext& context, std::int64_t id,
                                              const std::string& note) {
    const EpochMillis now = clock_.Now();
    const Principal& principal = context.principal;
    const std::string trimmed = text::Trim(note);
    if (text::CodePointCount(trimmed) > kMaxNote)
        throw Error::InvalidField("note", {"说明不超过 500 个字", "At most 500 characters"});
    return database_.Write([&](db::Session& session) {
        StatisticalReport before = LoadDetail(session, principal, FindInScope(session, principal, id));
        RequireEditable(before);
        const std::int64_t failed = FailedChecks(before.items);
        if (failed > 0 && trimmed.empty()) {
            throw Error::InvalidField(
                "note", {std::to_string(failed) + " 项指标小于下级合计，请说明原因后上报",
                         std::to_string(failed) + " item(s) are below the children's sum; explain why"});
        }
        SetStatus(session, id, before.status, kSubmitted, now);
        session.Execute(
            "UPDATE statistical_reports SET check_note = $1, submitted_at = $2, submitted_by = $3,"
            " submitted_by_name = $4 WHERE id = $5",
            trimmed, now, UserId(principal), ActorName(principal), id);
        AddEvent(session, principal, id, "SUBMIT", before.status, kSubmitted, trimmed, now);
        inbox::CloseTodos(session, kEntityType, id, std::string_view(kReviseTodo), now);
        // The level above reviews it; the top of the tree reviews its own.
        const std::int64_t reviewer =
            auth::ParentOrganisationId(before.organisation_path).value_or(before.organisation_id);
        inbox::OpenTodo(session,
                        {reviewer, kApprovePermission, std::nullopt, kReviewTodo, "审核" + Title(before),
                         kEntityType, id, ""},
                        now);
        inbox::NotifyOrganisations(
            session, {reviewer}, kApprovePermission,
            {"ANNUAL_REPORT_SUBMITTED", Title(before) + "已上报，请审核",
             failed > 0 ? "说明：" + trimmed : "", kEntityType, id, before.organisation_id},
            now);
        StatisticalReport after = LoadDetail(session, principal, *FindReport(session, id));
        Audit(session, context, "submit", before, after, false, now);
        return after;
    });
}

StatisticalReport AnnualReportService::Return(const RequestContext& context, std::int64_t id,
                                              const std::string& comment) {
    const EpochMillis now = clock_.Now();
    const Principal& principal = context.principal;
    const std::string trimmed = text::Trim(comment);
    const std::size_t length = text::CodePointCount(trimmed);
    if (length < 2 || length > kMaxNote) {
        throw Error::InvalidField("comment",
                                  {"请用 2–500 个字说明退回原因", "Give the reason in 2–500 characters"});
    }
    return database_.Write([&](db::Session& session) {
        StatisticalReport before = FindInScope(session, principal, id);
        RequireReviewable(principal, before);
        SetStatus(session, id, kSubmitted, kReturned, now);
        session.Execute("UPDATE statistical_reports SET return_comment = $1 WHERE id = $2", trimmed, id);
        AddEvent(session, principal, id, "RETURN", kSubmitted, kReturned, trimmed, now);
        inbox::CloseTodos(session, kEntityType, id, std::string_view(kReviewTodo), now);
        inbox::OpenTodo(session,
                        {before.organisation_id, kEditPermission, std::nullopt, kReviseTodo,
                         "修改退回的" + Title(before), kEntityType, id, ""},
                        now);
        const inbox::Message message{
            "ANNUAL_REPORT_RETURNED", Title(before) + "被退回", trimmed, kEntityType, id,
            before.organisation_id};
        if (before.submitted_by)
            inbox::NotifyUser(session, *before.submitted_by, message, now);
        else
            inbox::NotifyOrganisations(session, {before.organisation_id}, kEditPermission, message, now);
        StatisticalReport after = LoadDetail(session, principal, *FindReport(session, id));
        Audit(session, context, "return", before, after, false, now);
        return after;
    });
}

StatisticalReport AnnualReportService::Approve(const RequestContext& context, std::int64_t id) {
    const EpochMillis now = clock_.Now();
    const Principal& principal = context.principal;
    return database_.Write([&](db::Session& session) {
        StatisticalReport before = FindInScope(session, principal, id);
        RequireReviewable(principal, before);
        SetStatus(session, id, kSubmitted, kApproved, now);
        session.Execute(
            "UPDATE statistical_reports SET approved_at = $1, approved_by = $2, approved_by_name = $3 WHERE"
            " id = $4",
            now, UserId(principal), ActorName(principal), id);
        AddEvent(session, principal, id, "APPROVE", kSubmitted, kApproved, "", now);
        inbox::CloseTodos(session, kEntityType, id, std::nullopt, now);
        if (before.submitted_by) {
            inbox::NotifyUser(session, *before.submitted_by,
                              {"ANNUAL_REPORT_APPROVED", Title(before) + "已审核通过", "", kEntityType, id,
                               before.organisation_id},
                              now);
        }
        StatisticalReport after = LoadDetail(session, principal, *FindReport(session, id));
        Audit(session, context, "approve", before, after, false, now);
        return after;
    });
}

}  // namespace app::annual_reports
