#include "reports/report_service.hpp"

#include <algorithm>
#include <boost/json/object.hpp>
#include <cctype>
#include <map>

#include "auth/audit.hpp"
#include "auth/data_scope.hpp"
#include "auth/password.hpp"
#include "core/calendar_date.hpp"
#include "core/text.hpp"
#include "hazards/hazard_events_api.hpp"
#include "hazards/hazard_workflow.hpp"
#include "http/json.hpp"
#include "inbox/inbox_writer.hpp"
#include "organisations/organisation_service.hpp"
#include "reports/receipt.hpp"
#include "reports/report_workflow.hpp"
#include "rules/rules_service.hpp"

namespace app::reports {
namespace {

constexpr std::int64_t kUploadLifetimeMs = 25LL * 60 * 60 * 1000;  // 24 h after the hour it was stamped with
constexpr const char* kWorkerActor = "职工";
// How the audit log names what an anonymous worker did: no account, no address, no agent.
constexpr const char* kAnonymousWorker = "anonymous-worker";

constexpr std::string_view kColumns =
    "SELECT r.id, r.code, r.enterprise_id, e.name, r.site_name, r.organisation_id, o.name, "
    "r.organisation_path,"
    " r.category, r.description, r.location, r.anonymity, r.status, r.submitted_at, r.submitted_on,"
    " r.acknowledge_due, r.acknowledged_at, r.decided_at, r.overdue_at, r.escalated_to_organisation_id,"
    " COALESCE(x.name, ''), r.reject_reason, r.hazard_id, COALESCE(h.code, ''), COALESCE(h.status, ''),"
    " h.closed_at, r.unread_worker_messages, r.unread_union_messages";
constexpr std::string_view kFrom =
    " FROM worker_reports r JOIN enterprises e ON e.id = r.enterprise_id JOIN organisations o ON o.id ="
    " r.organisation_id LEFT JOIN organisations x ON x.id = r.escalated_to_organisation_id"
    " LEFT JOIN hazards h ON h.id = r.hazard_id";

std::string Today(EpochMillis now) {
    return dates::FormatDate(dates::ShanghaiDateOf(now));
}

WorkerReport ReadReport(const db::Row& row, const std::string& today) {
    WorkerReport report;
    report.id = row.GetInt64(0);
    report.code = row.GetString(1);
    report.enterprise_id = row.GetInt64(2);
    report.enterprise_name = row.GetString(3);
    report.site_name = row.GetString(4);
    report.organisation_id = row.GetInt64(5);
    report.organisation_name = row.GetString(6);
    report.organisation_path = row.GetString(7);
    report.category = row.GetString(8);
    report.description = row.GetString(9);
    report.location = row.GetString(10);
    report.anonymity = row.GetString(11);
    report.status = row.GetString(12);
    report.submitted_at = row.GetInt64(13);
    report.submitted_on = row.GetString(14);
    report.acknowledge_due = row.GetString(15);
    report.acknowledged_at = row.GetOptionalInt64(16);
    report.decided_at = row.GetOptionalInt64(17);
    report.overdue_at = row.GetOptionalInt64(18);
    report.escalated_to_organisation_id = row.GetOptionalInt64(19);
    report.escalated_to_organisation_name = row.GetString(20);
    report.reject_reason = row.GetString(21);
    report.hazard_id = row.GetOptionalInt64(22);
    report.hazard_code = row.GetString(23);
    report.hazard_status = row.GetString(24);
    report.hazard_closed_at = row.GetOptionalInt64(25);
    report.unread_worker_messages = row.GetInt64(26);
    report.unread_union_messages = row.GetInt64(27);
    report.overdue = report.status == "SUBMITTED" && report.acknowledge_due < today;
    return report;
}

std::optional<WorkerReport> FindReport(db::Session& session, std::int64_t id, const std::string& today) {
    const db::Result rows =
        session.Query(std::string(kColumns) + std::string(kFrom) + " WHERE r.id = $1", id);
    if (rows.Empty()) return std::nullopt;
    return ReadReport(rows.Front(), today);
}

bool InScope(const Principal& principal, const std::string& path) {
    const auto [lower, upper] = auth::ScopeRange(principal);
    return path >= lower && path < upper;
}

std::optional<WorkerReport> FindInScope(db::Session& session, const Principal& principal, std::int64_t id,
                                        const std::string& today) {
    auto report = FindReport(session, id, today);
    if (!report || !InScope(principal, report->organisation_path)) return std::nullopt;
    return report;
}

void LoadDetail(db::Session& session, WorkerReport& report) {
    for (const db::Row row : session.Query(
             "SELECT wf.file_id, f.media_type, f.thumbnail_sha256 FROM worker_report_files wf JOIN files f ON"
             " f.id = wf.file_id WHERE wf.report_id = $1 ORDER BY wf.position",
             report.id)) {
        report.photos.push_back({row.GetInt64(0), row.GetString(1), !row.GetString(2).empty()});
    }
    for (const db::Row row : session.Query("SELECT event, from_status, to_status, comment, actor, created_at"
                                           " FROM worker_report_events WHERE report_id = $1 ORDER BY id",
                                           report.id)) {
        report.events.push_back({row.GetString(0), row.GetString(1), row.GetString(2), row.GetString(3),
                                 row.GetString(4), row.GetInt64(5)});
    }
    for (const db::Row row : session.Query("SELECT id, author, body, actor, created_at FROM "
                                           "worker_report_messages WHERE report_id = $1 ORDER BY id",
                                           report.id)) {
        report.messages.push_back(
            {row.GetInt64(0), row.GetString(1), row.GetString(2), row.GetString(3), row.GetInt64(4)});
    }
}

// What the audit log keeps of a report: never the reporter's identity (it is not in WorkerReport at all).
std::string AuditJson(const WorkerReport& report) {
    return http::Serialize(boost::json::object{
        {"id", report.id},
        {"code", report.code},
        {"enterpriseId", report.enterprise_id},
        {"category", report.category},
        {"anonymity", report.anonymity},
        {"status", report.status},
        {"hazardId", report.hazard_id ? boost::json::value(*report.hazard_id) : boost::json::value(nullptr)},
        {"rejectReason", report.reject_reason}});
}

// The context under which a worker's action is audited: no user, no address, no agent, no request id (a
// request id would tie the audit row to the access log line's precise time).
RequestContext WorkerContext() {
    RequestContext context;
    context.principal.username = kAnonymousWorker;
    return context;
}

EntryPoint ReadEntryPoint(const db::Row& row) {
    EntryPoint entry;
    entry.id = row.GetInt64(0);
    entry.code = row.GetString(1);
    entry.enterprise_id = row.GetInt64(2);
    entry.enterprise_name = row.GetString(3);
    entry.site_name = row.GetString(4);
    entry.organisation_id = row.GetInt64(5);
    entry.organisation_name = row.GetString(6);
    entry.organisation_path = row.GetString(7);
    entry.created_at = row.GetInt64(8);
    entry.revoked_at = row.GetOptionalInt64(9);
    return entry;
}

constexpr std::string_view kEntryColumns =
    "SELECT p.id, p.code, p.enterprise_id, e.name, p.site_name, e.organisation_id, o.name, o.path,"
    " p.created_at, p.revoked_at FROM report_entry_points p JOIN enterprises e ON e.id = p.enterprise_id"
    " JOIN organisations o ON o.id = e.organisation_id";

// A live entry point by its public code: unknown → 404, revoked → 410.
EntryPoint LiveEntryPoint(db::Session& session, const std::string& code) {
    const db::Result rows = session.Query(std::string(kEntryColumns) + " WHERE p.code = $1", code);
    if (rows.Empty()) {
        throw Error(ErrorCode::kNotFound,
                    {"二维码无效，请重新扫描企业张贴的二维码",
                     "This QR code is not valid; scan the code posted at your workplace"});
    }
    EntryPoint entry = ReadEntryPoint(rows.Front());
    if (entry.revoked_at) {
        throw Error(ErrorCode::kGone, {"该二维码已停用，请联系工会获取新的二维码",
                                       "This QR code has been withdrawn; ask the union for the new one"});
    }
    return entry;
}

// 12 characters of Crockford base32 (no I, L, O, U): 60 random bits, easy to read off a poster.
std::string NewEntryCode() {
    static constexpr std::string_view kAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    const std::string token = auth::HashToken(auth::NewSecretToken());  // 64 hex chars of random
    std::string code;
    for (std::size_t i = 0; i < 12; ++i) {
        const int high = std::stoi(token.substr(i * 2, 2), nullptr, 16);
        code.push_back(kAlphabet[static_cast<std::size_t>(high) % kAlphabet.size()]);  // 256 % 32 == 0
    }
    return code;
}

const Error kNoSuchReceipt(ErrorCode::kNotFound, {"回执码不正确", "The receipt code is not correct"}, "",
                           {{"receipt",
                             {"回执码不正确，请核对后重新输入", "Check the receipt code and try again"}}});

std::optional<WorkerReport> FindByReceipt(db::Session& session, const std::string& receipt,
                                          const std::string& today) {
    const db::Result rows =
        session.Query(std::string(kColumns) + std::string(kFrom) + " WHERE r.receipt_hash = $1",
                      ReceiptHash(NormaliseReceipt(receipt)));
    if (rows.Empty()) return std::nullopt;
    return ReadReport(rows.Front(), today);
}

void CheckSubmitInput(const SubmitInput& input) {
    Error::FieldErrors errors;
    if (!hazards::IsCategory(input.category))
        errors.emplace("category", LocalizedText{"请选择问题类别", "Choose a category"});
    const std::size_t description = text::CodePointCount(input.description);
    if (description < 5 || description > 2'000) {
        errors.emplace("description", LocalizedText{"请用 5–2000 个字写明发现了什么问题",
                                                    "Describe the problem in 5–2000 characters"});
    }
    if (text::CodePointCount(input.location) > 200)
        errors.emplace("location", LocalizedText{"地点最多 200 个字", "At most 200 characters"});
    if (!IsAnonymity(input.anonymity)) {
        errors.emplace("anonymity", LocalizedText{"请选择匿名或实名", "Choose anonymous or named"});
    } else if (input.anonymity == kNamed) {
        const std::size_t name = text::CodePointCount(input.reporter_name);
        if (name < 1 || name > 50)
            errors.emplace("reporterName",
                           LocalizedText{"实名举报请填写姓名（最多 50 个字）",
                                         "A named report needs your name (at most 50 characters)"});
        if (!IsMobileNumber(input.reporter_phone))
            errors.emplace("reporterPhone",
                           LocalizedText{"请填写 11 位手机号码", "Enter an 11-digit mobile number"});
    } else if (!input.reporter_name.empty() || !input.reporter_phone.empty()) {
        // An anonymous report must not carry a name by mistake: refuse rather than store it.
        errors.emplace(
            input.reporter_name.empty() ? "reporterPhone" : "reporterName",
            LocalizedText{"匿名报告不能填写姓名或电话", "An anonymous report takes no name or phone"});
    }
    if (input.upload_tokens.size() > kMaxPhotos)
        errors.emplace("uploadTokens", LocalizedText{"最多 6 张照片", "At most 6 photos"});
    if (!errors.empty()) throw Error::InvalidInput(errors);
}

void CheckMessageBody(const std::string& body) {
    const std::size_t length = text::CodePointCount(body);
    if (length < 1 || length > 1'000)
        throw Error::InvalidField("body", {"留言为 1–1000 个字", "A message has 1–1000 characters"});
}

}  // namespace

// ---- The worker's side
// -------------------------------------------------------------------------------------

EntryPoint PublicReportService::Entry(const std::string& code) const {
    return database_.Read([&](db::Session& session) { return LiveEntryPoint(session, code); });
}

std::string PublicReportService::UploadPhoto(const std::string& code, const files::PreparedFile& prepared) {
    const EpochMillis hour = TruncateToHour(clock_.Now());
    files::PreparedFile anonymous = prepared;
    anonymous.original_name = "photo.jpg";  // a phone's file name often holds the precise time
    const std::string token = auth::NewSecretToken();
    database_.Write([&](db::Session& session) {
        const EntryPoint entry = LiveEntryPoint(session, code);
        const files::FileRecord record = files::FileService::RecordUpload(session, WorkerContext(), anonymous,
                                                                          entry.organisation_id, hour);
        session.Execute(
            "INSERT INTO worker_report_uploads (token_hash, file_id, entry_point_id, created_at) VALUES ($1, "
            "$2,"
            " $3, $4)",
            auth::HashToken(token), record.id, entry.id, hour);
    });
    return token;
}

SubmitResult PublicReportService::Submit(const std::string& code, const SubmitInput& input) {
    CheckSubmitInput(input);
    const EpochMillis now = clock_.Now();
    const EpochMillis hour = TruncateToHour(now);
    const std::string today = Today(now);
    const std::string receipt = NewReceipt();
    return database_.Write([&](db::Session& session) {
        const EntryPoint entry = LiveEntryPoint(session, code);
        std::vector<std::int64_t> file_ids;
        for (const std::string& token : input.upload_tokens) {
            const db::Result upload = session.Query(
                "SELECT file_id FROM worker_report_uploads WHERE token_hash = $1 AND entry_point_id = $2 AND"
                " report_id IS NULL AND created_at > $3",
                auth::HashToken(token), entry.id, now - kUploadLifetimeMs);
            if (upload.Empty()) {
                throw Error::InvalidField("uploadTokens",
                                          {"照片已失效，请重新上传", "A photo expired; upload it again"});
            }
            const std::int64_t file_id = upload.Front().GetInt64(0);
            if (std::find(file_ids.begin(), file_ids.end(), file_id) == file_ids.end())
                file_ids.push_back(file_id);
        }

        // The deadline to acknowledge: the rule in force for the answering union, from the day of submission.
        std::string acknowledge_due = today;
        std::optional<std::int64_t> rule_version;
        if (const auto rule =
                rules::RuleInForceFor(session, entry.organisation_path, "WORKER_REPORT_ACK", today)) {
            rule_version = rule->version_id;
            if (rule->rule.unit != rules::Unit::kHours) {
                acknowledge_due = dates::FormatDate(rules::DueDate(rules::LoadWorkingCalendar(session),
                                                                   rule->rule, *dates::ParseDate(today)));
            }
        }

        const std::int64_t id =
            session
                .Query(
                    "INSERT INTO worker_reports (receipt_hash, entry_point_id, enterprise_id, site_name,"
                    " organisation_id, organisation_path, category, description, location, anonymity, status,"
                    " submitted_at, submitted_on, acknowledge_due, rule_set_version_id, updated_at) VALUES"
                    " ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'SUBMITTED', $11, $12, $13, $14, $11)"
                    " RETURNING id",
                    ReceiptHash(receipt), entry.id, entry.enterprise_id, entry.site_name,
                    entry.organisation_id, entry.organisation_path, input.category, input.description,
                    input.location, input.anonymity, hour, today, acknowledge_due, rule_version)
                .Front()
                .GetInt64(0);
        session.Execute("UPDATE worker_reports SET code = $1 WHERE id = $2", ReportCode(id, now), id);
        session.Execute(
            "INSERT INTO worker_report_events (report_id, event, from_status, to_status, actor, created_at)"
            " VALUES ($1, 'SUBMIT', '', 'SUBMITTED', $2, $3)",
            id, std::string(kWorkerActor), hour);
        for (std::size_t i = 0; i < file_ids.size(); ++i) {
            session.Execute(
                "INSERT INTO worker_report_files (report_id, file_id, position) VALUES ($1, $2, $3)", id,
                file_ids[i], static_cast<std::int64_t>(i + 1));
        }
        for (const std::string& token : input.upload_tokens) {
            session.Execute("UPDATE worker_report_uploads SET report_id = $1 WHERE token_hash = $2", id,
                            auth::HashToken(token));
        }
        if (input.anonymity == kNamed) {
            session.Execute(
                "INSERT INTO worker_report_identities (report_id, reporter_name, reporter_phone) VALUES ($1, "
                "$2, $3)",
                id, input.reporter_name, input.reporter_phone);
        }
        WorkerReport report = *FindReport(session, id, today);
        inbox::OpenTodo(session,
                        {report.organisation_id, kManagePermission, std::nullopt, "ACKNOWLEDGE_REPORT",
                         "受理职工隐患报告：" + report.enterprise_name, "worker_report", id, acknowledge_due},
                        hour);
        inbox::NotifyOrganisations(session, {report.organisation_id}, kViewPermission,
                                   {"WORKER_REPORT", "新的职工隐患报告：" + report.enterprise_name,
                                    report.code + "，请于 " + acknowledge_due + " 前受理", "worker_report",
                                    id, report.organisation_id},
                                   hour);
        auth::RecordAudit(session, WorkerContext(),
                          {"submit", "worker_report", std::to_string(id), std::nullopt, AuditJson(report),
                           report.organisation_path},
                          hour);
        LoadDetail(session, report);
        return SubmitResult{receipt, std::move(report)};
    });
}

WorkerReport PublicReportService::Lookup(const std::string& receipt) {
    const std::string today = Today(clock_.Now());
    // A read: guessing receipts must not take the write lock (failed lookups are throttled per address too).
    WorkerReport report = database_.Read([&](db::Session& session) {
        auto found = FindByReceipt(session, receipt, today);
        if (!found) throw kNoSuchReceipt;
        LoadDetail(session, *found);
        return *found;
    });
    if (report.unread_union_messages > 0) {
        // The worker has now seen the union's messages. Not audited: it changes nothing the union works with.
        database_.Write([&](db::Session& session) {
            session.Execute("UPDATE worker_reports SET unread_union_messages = 0 WHERE id = $1", report.id);
        });
    }
    return report;
}

WorkerReport PublicReportService::PostMessage(const std::string& receipt, const std::string& body) {
    CheckMessageBody(body);
    const EpochMillis now = clock_.Now();
    const EpochMillis hour = TruncateToHour(now);
    const std::string today = Today(now);
    return database_.Write([&](db::Session& session) {
        auto report = FindByReceipt(session, receipt, today);
        if (!report) throw kNoSuchReceipt;
        const std::int64_t message_id =
            session
                .Query(
                    "INSERT INTO worker_report_messages (report_id, author, body, actor, created_at) VALUES"
                    " ($1, 'WORKER', $2, $3, $4) RETURNING id",
                    report->id, body, std::string(kWorkerActor), hour)
                .Front()
                .GetInt64(0);
        session.Execute(
            "UPDATE worker_reports SET unread_worker_messages = unread_worker_messages + 1,"
            " unread_union_messages = 0 WHERE id = $1",
            report->id);
        inbox::NotifyOrganisations(session, {report->organisation_id}, kViewPermission,
                                   {"WORKER_REPORT_MESSAGE", "职工留言：" + report->enterprise_name,
                                    report->code, "worker_report", report->id, report->organisation_id},
                                   hour);
        auth::RecordAudit(
            session, WorkerContext(),
            {"message", "worker_report", std::to_string(report->id), std::nullopt,
             http::Serialize(boost::json::object{{"messageId", message_id}, {"author", "WORKER"}}),
             report->organisation_path},
            hour);
        auto after = *FindReport(session, report->id, today);
        LoadDetail(session, after);
        return after;
    });
}

// ---- The union's side
// --------------------------------------------------------------------------------------

namespace {

std::string OrderBy(const std::string& sort) {
    static const std::map<std::string, std::string> kKeys{{"id", "r.id"},
                                                          {"submittedAt", "r.submitted_at"},
                                                          {"acknowledgeDue", "r.acknowledge_due"},
                                                          {"status", "r.status"}};
    if (sort.empty()) return " ORDER BY r.id DESC";
    const bool descending = sort.front() == '-';
    const auto key = kKeys.find(descending ? sort.substr(1) : sort);
    if (key == kKeys.end()) {
        throw Error::InvalidField(
            "sort", {"未知的排序字段", "Unknown sort key: use id, submittedAt, acknowledgeDue or status"});
    }
    return " ORDER BY " + key->second + (descending ? " DESC" : " ASC") + ", r.id DESC";
}

Page<WorkerReport> Query(db::Session& session, const RequestContext& context, const ReportFilter& filter,
                         std::int64_t limit, std::int64_t offset, const std::string& today) {
    const auto [scope_lower, scope_upper] = auth::ScopeRange(context.principal);
    const auto [filter_lower, filter_upper] =
        organisations::OrganisationService::SubtreeFilter(session, context.principal, filter.organisation_id);
    std::string statuses;
    for (const std::string& status : filter.statuses) statuses += (statuses.empty() ? "" : ",") + status;
    const std::string pattern = "%" + text::EscapeLike(filter.keyword) + "%";
    std::string code_pattern = pattern;
    for (char& c : code_pattern) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    // $1/$2 scope, $3/$4 organisation filter, $5 statuses, $6 anonymity, $7 enterprise (0: any), $8 overdue,
    // $9 today, $10/$11 submitted range, $12 keyword, $13/$14 patterns.
    const std::string where =
        " WHERE r.organisation_path >= $1 AND r.organisation_path < $2"
        " AND ($3 = '' OR (r.organisation_path >= $3 AND r.organisation_path < $4))"
        " AND ($5 = '' OR (',' || $5 || ',') LIKE ('%,' || r.status || ',%')) AND ($6 = '' OR r.anonymity = "
        "$6)"
        " AND ($7 = 0 OR r.enterprise_id = $7) AND ($8 = 0 OR (r.status = 'SUBMITTED' AND r.acknowledge_due "
        "< $9))"
        " AND ($10 = '' OR r.submitted_on >= $10) AND ($11 = '' OR r.submitted_on <= $11)"
        " AND ($12 = '' OR r.code LIKE $14 ESCAPE '\\' OR e.name LIKE $13 ESCAPE '\\'"
        " OR r.description LIKE $13 ESCAPE '\\')";
    const std::int64_t enterprise = filter.enterprise_id.value_or(0);
    const std::int64_t overdue = filter.overdue ? 1 : 0;
    Page<WorkerReport> page;
    SetCappedTotal(
        page, session
                  .Query(CappedCountSql(std::string(kFrom) + where), scope_lower, scope_upper, filter_lower,
                         filter_upper, statuses, filter.anonymity, enterprise, overdue, today,
                         filter.submitted_from, filter.submitted_to, filter.keyword, pattern, code_pattern)
                  .Front()
                  .GetInt64(0));
    // LIMIT bound when many match, literal when few (LimitOffsetSql).
    const std::string statement = std::string(kColumns) + std::string(kFrom) + where + OrderBy(filter.sort);
    const db::Result rows =
        page.total_capped ? session.Query(statement + " LIMIT $15 OFFSET $16", scope_lower, scope_upper,
                                          filter_lower, filter_upper, statuses, filter.anonymity, enterprise,
                                          overdue, today, filter.submitted_from, filter.submitted_to,
                                          filter.keyword, pattern, code_pattern, limit, offset)
                          : session.Query(statement + LimitOffsetSql(limit, offset), scope_lower, scope_upper,
                                          filter_lower, filter_upper, statuses, filter.anonymity, enterprise,
                                          overdue, today, filter.submitted_from, filter.submitted_to,
                                          filter.keyword, pattern, code_pattern);
    for (const db::Row row : rows) page.items.push_back(ReadReport(row, today));
    return page;
}

std::string ActorName(const Principal& principal) {
    return principal.display_name.empty() ? principal.username : principal.display_name;
}

std::optional<std::int64_t> UserId(const Principal& principal) {
    return principal.user_id > 0 ? std::optional<std::int64_t>(principal.user_id) : std::nullopt;
}

// Base-level unions sit inside enterprises, where retaliation happens: their users never see a named
// reporter, whatever their roles (ADR 0012).
bool IsEnterpriseSide(db::Session& session, std::int64_t organisation_id) {
    const db::Result rows =
        session.Query("SELECT org_type FROM organisations WHERE id = $1", organisation_id);
    if (rows.Empty()) return true;
    const std::string type = rows.Front().GetString(0);
    return type == "BASE_UNION" || type == "JOINT_BASE_UNION" || type == "BRANCH_UNION" ||
           type == "UNION_GROUP";
}

}  // namespace

Page<WorkerReport> ReportService::List(const RequestContext& context, const ReportFilter& filter,
                                       PageRequest page) const {
    const std::string today = Today(clock_.Now());
    return database_.Read([&](db::Session& session) {
        return Query(session, context, filter, page.page_size, page.Offset(), today);
    });
}

std::vector<WorkerReport> ReportService::ListForExport(const RequestContext& context,
                                                       const ReportFilter& filter) const {
    const std::string today = Today(clock_.Now());
    return database_.Read(
        [&](db::Session& session) { return Query(session, context, filter, kExportLimit, 0, today).items; });
}

WorkerReport ReportService::Get(const RequestContext& context, std::int64_t id) {
    const std::string today = Today(clock_.Now());
    const auto read = [&](db::Session& session) {
        auto report = FindInScope(session, context.principal, id, today);
        if (!report) throw Error::NotFound("worker_report");
        LoadDetail(session, *report);
        return *report;
    };
    WorkerReport report = database_.Read(read);
    if (report.unread_worker_messages > 0 && context.principal.HasPermission(kManagePermission)) {
        // Opened by someone who can answer: the worker's messages have been seen. Not audited (no business
        // change), and only then is a write transaction taken.
        database_.Write([&](db::Session& session) {
            session.Execute("UPDATE worker_reports SET unread_worker_messages = 0 WHERE id = $1", id);
        });
        report.unread_worker_messages = 0;
    }
    return report;
}

WorkerReport ReportService::Transition(const RequestContext& context, std::int64_t id,
                                       const TransitionInput& input) {
    const auto event = ParseEvent(input.event);
    if (!event)
        throw Error::InvalidField("event", {"未知的操作：" + input.event, "Unknown event: " + input.event});
    const EpochMillis now = clock_.Now();
    const std::string today = Today(now);
    const Principal& principal = context.principal;
    return database_.Write([&](db::Session& session) {
        const auto before = FindInScope(session, principal, id, today);
        if (!before) throw Error::NotFound("worker_report");
        const auto to = NextStatus(before->status, *event);
        if (!to) {
            throw Error::Conflict(
                {"报告当前状态（" + StatusLabel(before->status).zh + "）不能执行此操作",
                 "This report is " + StatusLabel(before->status).en + "; that step does not apply"});
        }
        // Accepting or merging creates or joins a hazard case: the caller must be able to handle hazards.
        if ((*event == ReportEventKind::kAccept || *event == ReportEventKind::kMerge) &&
            !principal.HasPermission("supervision:hazard:manage")) {
            throw Error::Forbidden(
                {"立案或合并需要隐患处理权限", "Accepting or merging needs supervision:hazard:manage"});
        }
        std::optional<std::int64_t> hazard_id;
        std::string comment = input.comment;
        std::string reject_reason;
        switch (*event) {
            case ReportEventKind::kAcknowledge:
                break;
            case ReportEventKind::kAccept: {
                WorkerReport detail = *before;
                LoadDetail(session, detail);
                hazards::HazardInput hazard;
                hazard.enterprise_id = before->enterprise_id;
                hazard.organisation_id = before->organisation_id;
                hazard.source = "WORKER_REPORT";
                hazard.category = input.category.empty() ? before->category : input.category;
                hazard.grade = input.grade;
                hazard.title = input.title;
                hazard.description = input.description.empty() ? before->description : input.description;
                hazard.location = before->location;
                hazard.found_on = before->submitted_on;
                hazard.found_by = "职工报告 " + before->code;  // never the reporter's name
                for (const ReportPhoto& photo : detail.photos) hazard.photo_file_ids.push_back(photo.file_id);
                Error::FieldErrors errors;
                const std::size_t title = text::CodePointCount(input.title);
                if (title < 2 || title > 100)
                    errors.emplace("title",
                                   LocalizedText{"隐患名称为 2–100 个字", "A title has 2–100 characters"});
                if (!hazards::IsGrade(input.grade))
                    errors.emplace("grade", LocalizedText{"请选择一般或重大", "Choose GENERAL or MAJOR"});
                if (!errors.empty()) throw Error::InvalidInput(errors);
                hazard_id = hazards::CreateHazard(session, context, hazard, now).id;
                break;
            }
            case ReportEventKind::kMerge: {
                const LocalizedText wrong{"请选择本企业仍在处理中的隐患",
                                          "Choose an open hazard of the same enterprise"};
                if (!input.hazard_id) throw Error::InvalidField("hazardId", wrong);
                const db::Result target = session.Query(
                    "SELECT h.enterprise_id, h.status, o.path FROM hazards h JOIN organisations o ON o.id ="
                    " h.organisation_id WHERE h.id = $1",
                    *input.hazard_id);
                if (target.Empty() || !InScope(principal, target.Front().GetString(2)) ||
                    target.Front().GetInt64(0) != before->enterprise_id ||
                    target.Front().GetString(1) == "CLOSED" || target.Front().GetString(1) == "REJECTED") {
                    throw Error::InvalidField("hazardId", wrong);
                }
                hazard_id = *input.hazard_id;
                break;
            }
            case ReportEventKind::kReject: {
                const std::size_t length = text::CodePointCount(input.reason);
                if (length < 5 || length > 500) {
                    throw Error::InvalidField("reason",
                                              {"请用 5–500 个字说明不予立案的理由（职工可以看到）",
                                               "Give the reason in 5–500 characters (the worker sees it)"});
                }
                reject_reason = input.reason;
                if (comment.empty()) comment = input.reason;
                break;
            }
        }
        const bool decides = *event != ReportEventKind::kAcknowledge;
        const std::int64_t changed = session.Execute(
            "UPDATE worker_reports SET status = $1, acknowledged_at = COALESCE(acknowledged_at, $2),"
            " decided_at = $3, hazard_id = COALESCE($4, hazard_id), reject_reason = $5, updated_at = $2"
            " WHERE id = $6 AND status = $7",
            *to, now, decides ? std::optional<std::int64_t>(now) : std::nullopt, hazard_id, reject_reason, id,
            before->status);
        if (changed != 1) {
            throw Error::Conflict(
                {"报告已被他人处理，请刷新后重试", "Someone else handled this report; reload it"});
        }
        session.Execute(
            "INSERT INTO worker_report_events (report_id, event, from_status, to_status, comment, user_id, "
            "actor,"
            " created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
            id, std::string(EventName(*event)), before->status, *to, comment, UserId(principal),
            ActorName(principal), now);
        // The union (or, after an escalation, the one above) has answered: every open to-do about it is done.
        inbox::CloseTodos(session, "worker_report", id, std::nullopt, now);
        WorkerReport after = *FindReport(session, id, today);
        auth::RecordAudit(session, context,
                          {"transition", "worker_report", std::to_string(id), AuditJson(*before),
                           AuditJson(after), after.organisation_path},
                          now);
        LoadDetail(session, after);
        return after;
    });
}

WorkerReport ReportService::PostMessage(const RequestContext& context, std::int64_t id,
                                        const std::string& body) {
    CheckMessageBody(body);
    const EpochMillis now = clock_.Now();
    const std::string today = Today(now);
    return database_.Write([&](db::Session& session) {
        const auto report = FindInScope(session, context.principal, id, today);
        if (!report) throw Error::NotFound("worker_report");
        const std::int64_t message_id =
            session
                .Query(
                    "INSERT INTO worker_report_messages (report_id, author, body, user_id, actor, created_at)"
                    " VALUES ($1, 'UNION', $2, $3, $4, $5) RETURNING id",
                    id, body, UserId(context.principal), ActorName(context.principal), now)
                .Front()
                .GetInt64(0);
        session.Execute(
            "UPDATE worker_reports SET unread_union_messages = unread_union_messages + 1,"
            " unread_worker_messages = 0 WHERE id = $1",
            id);
        auth::RecordAudit(
            session, context,
            {"message", "worker_report", std::to_string(id), std::nullopt,
             http::Serialize(boost::json::object{{"messageId", message_id}, {"author", "UNION"}}),
             report->organisation_path},
            now);
        auto after = *FindReport(session, id, today);
        LoadDetail(session, after);
        return after;
    });
}

ReporterIdentity ReportService::Reporter(const RequestContext& context, std::int64_t id) {
    const EpochMillis now = clock_.Now();
    const std::string today = Today(now);
    return database_.Write([&](db::Session& session) {
        const auto report = FindInScope(session, context.principal, id, today);
        if (!report || IsEnterpriseSide(session, context.principal.organisation_id))
            throw Error::NotFound("worker_report");
        const db::Result rows = session.Query(
            "SELECT reporter_name, reporter_phone FROM worker_report_identities WHERE report_id = $1", id);
        if (rows.Empty()) {
            throw Error(ErrorCode::kNotFound,
                        {"这是一份匿名报告，没有举报人信息", "This report is anonymous"});
        }
        auth::RecordAudit(
            session, context,
            {"view-identity", "worker_report", std::to_string(id), std::nullopt,
             http::Serialize(boost::json::object{{"code", report->code}}), report->organisation_path},
            now);
        return ReporterIdentity{rows.Front().GetString(0), rows.Front().GetString(1)};
    });
}

std::vector<EntryPoint> ReportService::ListEntryPoints(const RequestContext& context,
                                                       std::int64_t enterprise_id) const {
    const auto [lower, upper] = auth::ScopeRange(context.principal);
    return database_.Read([&](db::Session& session) {
        std::vector<EntryPoint> entries;
        for (const db::Row row : session.Query(
                 std::string(kEntryColumns) +
                     " WHERE p.enterprise_id = $1 AND o.path >= $2 AND o.path < $3 ORDER BY p.revoked_at"
                     " IS NOT NULL, p.site_name, p.id",
                 enterprise_id, lower, upper)) {
            entries.push_back(ReadEntryPoint(row));
        }
        return entries;
    });
}

EntryPoint ReportService::GetEntryPoint(const RequestContext& context, std::int64_t id) const {
    return database_.Read([&](db::Session& session) {
        const db::Result rows = session.Query(std::string(kEntryColumns) + " WHERE p.id = $1", id);
        if (rows.Empty() || !InScope(context.principal, rows.Front().GetString(7)))
            throw Error::NotFound("report_entry_point");
        return ReadEntryPoint(rows.Front());
    });
}

std::pair<EntryPoint, bool> ReportService::CreateEntryPoint(const RequestContext& context,
                                                            std::int64_t enterprise_id,
                                                            const std::string& site_name) {
    if (text::CodePointCount(site_name) > 50)
        throw Error::InvalidField("siteName", {"场所名称最多 50 个字", "At most 50 characters"});
    const EpochMillis now = clock_.Now();
    return database_.Write([&](db::Session& session) {
        const db::Result enterprise =
            session.Query("SELECT organisation_path FROM enterprises WHERE id = $1", enterprise_id);
        if (enterprise.Empty() || !InScope(context.principal, enterprise.Front().GetString(0))) {
            throw Error::InvalidField(
                "enterpriseId",
                {"企业不存在或不在您的管理范围内", "The enterprise does not exist or is outside your scope"});
        }
        const db::Result live = session.Query(std::string(kEntryColumns) +
                                                  " WHERE p.enterprise_id = $1 AND p.site_name = $2 AND"
                                                  " p.revoked_at IS NULL",
                                              enterprise_id, site_name);
        if (!live.Empty()) return std::pair{ReadEntryPoint(live.Front()), false};
        const std::int64_t id =
            session
                .Query(
                    "INSERT INTO report_entry_points (code, enterprise_id, site_name, created_by, created_at)"
                    " VALUES ($1, $2, $3, $4, $5) RETURNING id",
                    NewEntryCode(), enterprise_id, site_name, UserId(context.principal), now)
                .Front()
                .GetInt64(0);
        EntryPoint entry =
            ReadEntryPoint(session.Query(std::string(kEntryColumns) + " WHERE p.id = $1", id).Front());
        auth::RecordAudit(
            session, context,
            {"create", "report_entry_point", std::to_string(id), std::nullopt,
             http::Serialize(boost::json::object{
                 {"enterpriseId", enterprise_id}, {"siteName", site_name}, {"code", entry.code}}),
             entry.organisation_path},
            now);
        return std::pair{entry, true};
    });
}

EntryPoint ReportService::RevokeEntryPoint(const RequestContext& context, std::int64_t id) {
    const EpochMillis now = clock_.Now();
    return database_.Write([&](db::Session& session) {
        const db::Result rows = session.Query(std::string(kEntryColumns) + " WHERE p.id = $1", id);
        if (rows.Empty() || !InScope(context.principal, rows.Front().GetString(7)))
            throw Error::NotFound("report_entry_point");
        const EntryPoint before = ReadEntryPoint(rows.Front());
        if (before.revoked_at) return before;
        session.Execute("UPDATE report_entry_points SET revoked_at = $1 WHERE id = $2", now, id);
        auth::RecordAudit(
            session, context,
            {"revoke", "report_entry_point", std::to_string(id), std::nullopt,
             http::Serialize(boost::json::object{{"code", before.code}}), before.organisation_path},
            now);
        EntryPoint after = before;
        after.revoked_at = now;
        return after;
    });
}

std::string ReportService::AcknowledgeRuleText(const EntryPoint& entry) const {
    const std::string today = Today(clock_.Now());
    return database_.Read([&](db::Session& session) {
        const auto rule = rules::RuleInForceFor(session, entry.organisation_path, "WORKER_REPORT_ACK", today);
        if (!rule) return std::string("工会收到报告后将及时受理");
        const char* unit = rule->rule.unit == rules::Unit::kWorkingDays    ? "个工作日"
                           : rule->rule.unit == rules::Unit::kCalendarDays ? "天"
                                                                           : "小时";
        return "工会将在 " + std::to_string(rule->rule.value) + " " + unit + "内受理";
    });
}

}  // namespace app::reports
