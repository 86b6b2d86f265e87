#pragma once

#include <boost/json/object.hpp>

#include "http/message.hpp"
#include "network/network.hpp"

namespace app::network {

boost::json::object CommitteeToJson(const Committee& committee);
boost::json::object InspectorToJson(const Inspector& inspector);  // with nextStatuses from workflow W10
boost::json::object StatusChangeToJson(const StatusChange& change);
boost::json::object VolunteerToJson(const Volunteer& volunteer);
boost::json::object StaffingToJson(const Staffing& staffing);
boost::json::object StaffingTotalsToJson(const StaffingTotals& totals);

CommitteeInput ReadCommitteeInput(const boost::json::object& body);
InspectorInput ReadInspectorInput(const boost::json::object& body);
TransitionInput ReadTransitionInput(const boost::json::object& body);
VolunteerInput ReadVolunteerInput(const boost::json::object& body);
StaffingInput ReadStaffingInput(const boost::json::object& body);

CommitteeFilter ReadCommitteeFilter(const http::Request& request);
InspectorFilter ReadInspectorFilter(const http::Request& request);
VolunteerFilter ReadVolunteerFilter(const http::Request& request);
StaffingFilter ReadStaffingFilter(const http::Request& request);

}  // namespace app::network
