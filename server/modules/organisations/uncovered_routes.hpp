#pragma once

#include "http/router.hpp"
#include "organisations/uncovered_enterprises.hpp"

namespace app::organisations {

// GET /api/v1/organisations/{id}/uncovered-townships and its .xlsx export.
void RegisterUncoveredRoutes(http::Router& router, UncoveredEnterpriseService& uncovered);

}  // namespace app::organisations
