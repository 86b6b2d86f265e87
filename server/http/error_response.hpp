#pragma once

#include <string>

#include "core/error.hpp"
#include "http/message.hpp"

namespace app::http {

// The one place an ErrorCode becomes an HTTP status.
int HttpStatusFor(ErrorCode code);

// {code, message, fields, requestId} in the request's language.
Response ErrorResponse(const Error& error, const std::string& request_id, Language language);

}  // namespace app::http
