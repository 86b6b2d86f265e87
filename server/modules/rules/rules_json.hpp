#pragma once

#include <boost/json/object.hpp>

#include "rules/rules_service.hpp"

namespace app::rules {

boost::json::object CalendarYearToJson(const CalendarYear& year);
boost::json::object VersionToJson(const RuleSetVersion& version);
boost::json::object InForceToJson(const RuleSetInForce& in_force);
boost::json::object DeadlineToJson(const Deadline& deadline);

// Bodies; every problem is collected and reported at once (400 naming each field).
PublishInput ReadPublishInput(const boost::json::object& object);
std::vector<CalendarEntry> ReadCalendarDays(const boost::json::object& object);

}  // namespace app::rules
