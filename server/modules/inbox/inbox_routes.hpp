#pragma once

#include "http/router.hpp"
#include "inbox/inbox_service.hpp"

namespace app::inbox {

// /api/v1/me/notifications…, /api/v1/me/todos: the signed-in user's own inbox (access: signed in; no key).
void RegisterInboxRoutes(http::Router& router, InboxService& inbox);

}  // namespace app::inbox
