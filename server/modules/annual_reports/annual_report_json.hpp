#pragma once

#include <boost/json/object.hpp>
#include <vector>

#include "annual_reports/annual_report.hpp"

namespace app::annual_reports {

// A report: the summary fields; with `detail`, also items (with the catalogue's names, the value used, the
// children's sum and the check), events and the children's completion.
boost::json::object ReportToJson(const StatisticalReport& report, bool detail);
boost::json::object OverviewToJson(const ReportOverview& overview);

// {items:[{code, manualValue (integer ≥ 0 or null to clear; absent: unchanged), note}]}; a value that is not
// a whole number is refused as items[CODE].manualValue.
std::vector<ItemInput> ReadItemInputs(const boost::json::object& body);

}  // namespace app::annual_reports
