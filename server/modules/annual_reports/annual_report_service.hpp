#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "annual_reports/annual_report.hpp"
#include "core/clock.hpp"
#include "core/principal.hpp"
#include "db/database.hpp"

// The annual statistical report (W11, ADR 0013). Reports are scoped by their organisation's path (outside the
// caller's scope: 404). The organisation's users (and those above) fill it; a user whose scope holds the
// parent organisation returns or approves it, so nobody approves their own organisation's report; an approved
// report is locked. Every write is audited in its transaction. Thread-safe.
namespace app::annual_reports {

inline constexpr const char* kViewPermission = "statistics:annual:view";
inline constexpr const char* kEditPermission = "statistics:annual:edit";
inline constexpr const char* kApprovePermission = "statistics:annual:approve";

class AnnualReportService {
public:
    AnnualReportService(db::Database& database, const Clock& clock) : database_(database), clock_(clock) {}

    // The organisation's report for the year and its direct children's, with the completion counts.
    // Defaults: the caller's organisation and the last ended statistical year.
    ReportOverview Overview(const RequestContext& context, std::optional<std::int64_t> organisation_id,
                            std::optional<std::int64_t> year) const;
    // Items with the children's sums and checks, timeline and the caller's actions.
    StatisticalReport Get(const RequestContext& context, std::int64_t id) const;

    // A DRAFT with the system values of the year filled in. 409 when the organisation already has one.
    StatisticalReport Create(const RequestContext& context, std::int64_t organisation_id, std::int64_t year);
    // Manual values and notes (DRAFT or RETURNED); field errors name items[CODE].manualValue / .note.
    StatisticalReport Update(const RequestContext& context, std::int64_t id,
                             const std::vector<ItemInput>& items);
    // Fills the system values again from the records; manual values stay.
    StatisticalReport Refresh(const RequestContext& context, std::int64_t id);
    // DRAFT/RETURNED → SUBMITTED; a note is needed when a check fails.
    StatisticalReport Submit(const RequestContext& context, std::int64_t id, const std::string& note);
    // SUBMITTED → RETURNED with a comment, by the parent.
    StatisticalReport Return(const RequestContext& context, std::int64_t id, const std::string& comment);
    // SUBMITTED → APPROVED (locked), by the parent.
    StatisticalReport Approve(const RequestContext& context, std::int64_t id);

private:
    db::Database& database_;
    const Clock& clock_;
};

}  // namespace app::annual_reports
