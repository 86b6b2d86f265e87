#pragma once

#include <boost/json/object.hpp>

#include "hazards/hazard.hpp"
#include "hazards/hazard_workflow.hpp"
#include "http/message.hpp"

namespace app::hazards {

// A hazard as the list shows it, with the events W2 allows next; `HazardDetailToJson` adds the timeline,
// files (with their /api/v1/files URLs), verifications, escalations and linked documents.
boost::json::object HazardToJson(const Hazard& hazard);
boost::json::object HazardDetailToJson(const Hazard& hazard);

HazardInput ReadHazardInput(const boost::json::object& body);
TransitionInput ReadTransitionInput(const boost::json::object& body);
// ?q=&status=A,B (or
// repeated)&grade=&category=&source=&enterpriseId=&organisationId=&overdue=true&from=&to=&sort=
HazardFilter ReadHazardFilter(const http::Request& request);

}  // namespace app::hazards
