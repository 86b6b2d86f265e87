#pragma once

#include "http/router.hpp"
#include "rules/rules_service.hpp"

namespace app::rules {

// /api/v1/rules/calendar/{year}, /rules/versions, /rules/in-force, /rules/deadline; declares
// rules:ruleset:view, rules:ruleset:manage and rules:calendar:manage.
void RegisterRulesRoutes(http::Router& router, RulesService& rules);

}  // namespace app::rules
