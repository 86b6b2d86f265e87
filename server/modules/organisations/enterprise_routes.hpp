#pragma once

#include "http/router.hpp"
#include "organisations/coverage_gap.hpp"
#include "organisations/enterprise_service.hpp"

namespace app::organisations {

void RegisterEnterpriseRoutes(http::Router& router, EnterpriseService& enterprises, CoverageGapService& gaps);

}  // namespace app::organisations
