#pragma once

#include <boost/json/object.hpp>
#include <vector>

#include "http/message.hpp"
#include "inspections/inspections.hpp"

namespace app::inspections {

boost::json::object ChecklistVersionToJson(const ChecklistVersion& version);
boost::json::object ChecklistTemplateToJson(const ChecklistTemplate& checklist);
boost::json::object AnswerToJson(const Answer& answer);
boost::json::object InspectionToJson(const Inspection& inspection);

TemplateInput ReadTemplateInput(const boost::json::object& body);
TemplateUpdate ReadTemplateUpdate(const boost::json::object& body);
CopyInput ReadCopyInput(const boost::json::object& body);
DraftInput ReadDraftInput(const boost::json::object& body);
PlanInput ReadPlanInput(const boost::json::object& body);
std::vector<AnswerInput> ReadAnswers(const boost::json::object& body);
TransitionInput ReadTransitionInput(const boost::json::object& body);

ChecklistFilter ReadChecklistFilter(const http::Request& request);
InspectionFilter ReadInspectionFilter(const http::Request& request);

}  // namespace app::inspections
