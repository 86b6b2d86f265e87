#pragma once

#include <string>

#include "http/router.hpp"

namespace app::http {

// The OpenAPI 3.0 description of every route in the table: method, path, parameters, permission key
// (as x-permission and in the description), body limit, request and response schema names.
std::string BuildOpenApiDocument(const Router& router, const std::string& version);

}  // namespace app::http
