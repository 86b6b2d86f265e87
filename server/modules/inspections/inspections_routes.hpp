#pragma once

#include "http/router.hpp"
#include "inspections/checklist_service.hpp"
#include "inspections/inspection_service.hpp"

namespace app::inspections {

// Declares supervision:checklist:* and supervision:inspection:* and adds /api/v1/checklists… and
// /api/v1/inspections… (ADR 0011).
void RegisterInspectionRoutes(http::Router& router, ChecklistService& checklists,
                              InspectionService& inspections);

}  // namespace app::inspections
