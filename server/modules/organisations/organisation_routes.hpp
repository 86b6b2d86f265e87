#pragma once

#include "http/router.hpp"
#include "organisations/organisation_service.hpp"

namespace app::organisations {

void RegisterOrganisationRoutes(http::Router& router, OrganisationService& organisations);

}  // namespace app::organisations
