#pragma once

#include "http/router.hpp"
#include "organisations/enterprise_import_service.hpp"

namespace app::organisations {

// POST /api/v1/enterprises/import (CSV or JSON rows) and GET /api/v1/enterprises/import-template.
void RegisterEnterpriseImportRoutes(http::Router& router, EnterpriseImportService& imports);

// The result as the API returns it, messages in the request's language.
boost::json::object ImportResultToJson(const ImportResult& result, Language language);

}  // namespace app::organisations
