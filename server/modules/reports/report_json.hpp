#pragma once

#include <boost/json/object.hpp>

#include "http/message.hpp"
#include "reports/worker_report.hpp"

namespace app::reports {

// The staff's view: list rows and the detail (photos, events, messages when loaded). Never the identity.
boost::json::object ReportToJson(const WorkerReport& report);
// The worker's view through the receipt: statuses and outcome in the request's language, times to the hour,
// the union speaking as the union (no staff names), no ids.
boost::json::object PublicReportToJson(const WorkerReport& report, Language language);
boost::json::object EntryPointToJson(const EntryPoint& entry, const std::string& public_base_url);
// What the worker's page shows on opening an entry point: where the report goes, and the categories.
boost::json::object PublicEntryToJson(const EntryPoint& entry);

SubmitInput ReadSubmitInput(const boost::json::object& body);
TransitionInput ReadTransitionInput(const boost::json::object& body);
ReportFilter ReadReportFilter(const http::Request& request);

// "2026-11-29 14:00" on the Asia/Shanghai clock: the finest time shown to a worker.
std::string HourText(std::int64_t epoch_millis);
LocalizedText CategoryLabel(std::string_view category);

}  // namespace app::reports
