#pragma once

#include "http/router.hpp"
#include "network/committee_service.hpp"
#include "network/inspector_service.hpp"
#include "network/staffing_service.hpp"
#include "network/volunteer_service.hpp"

namespace app::network {

struct NetworkServices {
    CommitteeService& committees;
    InspectorService& inspectors;
    VolunteerService& volunteers;
    StaffingService& staffing;
};

// /api/v1/lp-committees, /lp-inspectors, /lp-volunteers, /lp-staffing and their exports; declares the
// organisation:network:* and organisation:inspector:* keys.
void RegisterNetworkRoutes(http::Router& router, NetworkServices services);

}  // namespace app::network
