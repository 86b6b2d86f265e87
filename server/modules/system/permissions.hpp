#pragma once

#include "http/router.hpp"

namespace app::system {

// Declares the system module's permission keys with their labels (shown in the role editor).
void DeclareSystemPermissions(http::Router& router);

}  // namespace app::system
