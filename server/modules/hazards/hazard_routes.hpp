#pragma once

#include "hazards/hazard_service.hpp"
#include "http/router.hpp"

namespace app::hazards {

// /api/v1/hazards…: list, export, detail, report, transitions (supervision:hazard:view / :manage).
void RegisterHazardRoutes(http::Router& router, HazardService& hazards);

}  // namespace app::hazards
