#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "core/clock.hpp"
#include "core/paging.hpp"
#include "core/principal.hpp"
#include "db/database.hpp"
#include "files/file_service.hpp"
#include "reports/worker_report.hpp"

// Worker hazard reports (ADR 0012). Two sides over the same tables:
//   - PublicReportService: the worker, with no account — an entry point's code to report, the receipt to
//   follow
//     the case. Stores nothing that identifies an anonymous worker; the times it writes are whole hours.
//   - ReportService: the union's staff, scoped like everything else (the report's union's subtree; outside it
//     404), plus the entry points (QR codes) of enterprises in scope.
// Every write is audited in its transaction. Thread-safe.
namespace app::reports {

inline constexpr const char* kViewPermission = "reports:report:view";
inline constexpr const char* kManagePermission = "reports:report:manage";
inline constexpr const char* kReporterPermission = "reports:reporter:view";
inline constexpr const char* kEntryViewPermission = "reports:entry:view";
inline constexpr const char* kEntryManagePermission = "reports:entry:manage";

inline constexpr std::size_t kMaxPhotos = 6;

struct SubmitResult {
    std::string receipt;  // shown once; only its hash is stored
    WorkerReport report;
};

class PublicReportService {
public:
    PublicReportService(db::Database& database, const Clock& clock) : database_(database), clock_(clock) {}

    // A live entry point by its code: unknown 404, revoked 410.
    EntryPoint Entry(const std::string& code) const;
    // Records a photo prepared by files::FileService::PrepareUpload (outside any transaction) for the entry
    // point's enterprise's union and returns the token a report names it by.
    std::string UploadPhoto(const std::string& code, const files::PreparedFile& prepared);
    SubmitResult Submit(const std::string& code, const SubmitInput& input);
    // The case behind a receipt (and the union's messages count as read); any receipt that is not a live
    // one answers the same 404 on `receipt`.
    WorkerReport Lookup(const std::string& receipt);
    WorkerReport PostMessage(const std::string& receipt, const std::string& body);

private:
    db::Database& database_;
    const Clock& clock_;
};

class ReportService {
public:
    ReportService(db::Database& database, const Clock& clock) : database_(database), clock_(clock) {}

    Page<WorkerReport> List(const RequestContext& context, const ReportFilter& filter,
                            PageRequest page) const;
    std::vector<WorkerReport> ListForExport(const RequestContext& context, const ReportFilter& filter) const;
    // With photos, events and messages; the worker's messages count as read.
    WorkerReport Get(const RequestContext& context, std::int64_t id);
    WorkerReport Transition(const RequestContext& context, std::int64_t id, const TransitionInput& input);
    WorkerReport PostMessage(const RequestContext& context, std::int64_t id, const std::string& body);
    // A named reporter's identity, for holders of reports:reporter:view at a township union or above; every
    // view is audited. Anonymous reports, and callers of base-level unions, get 404.
    ReporterIdentity Reporter(const RequestContext& context, std::int64_t id);

    std::vector<EntryPoint> ListEntryPoints(const RequestContext& context, std::int64_t enterprise_id) const;
    EntryPoint GetEntryPoint(const RequestContext& context, std::int64_t id) const;
    // The live entry point of the enterprise for this site name, or a new one (second: whether it was made).
    std::pair<EntryPoint, bool> CreateEntryPoint(const RequestContext& context, std::int64_t enterprise_id,
                                                 const std::string& site_name);
    EntryPoint RevokeEntryPoint(const RequestContext& context, std::int64_t id);
    // The acknowledge rule in force for the entry point's union, in words for the poster
    // ("工会将在 2 个工作日内受理").
    std::string AcknowledgeRuleText(const EntryPoint& entry) const;

    static constexpr std::int64_t kExportLimit = 100'000;

private:
    db::Database& database_;
    const Clock& clock_;
};

}  // namespace app::reports
