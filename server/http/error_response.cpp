#include "http/error_response.hpp"

#include <boost/json/object.hpp>

#include "http/json.hpp"

namespace app::http {

// No default: with -Werror=switch a new ErrorCode does not compile until it is mapped here.
int HttpStatusFor(ErrorCode code) {
    switch (code) {
        case ErrorCode::kInvalidInput:
            return 400;
        case ErrorCode::kUnauthenticated:
            return 401;
        case ErrorCode::kForbidden:
            return 403;
        case ErrorCode::kPasswordChangeRequired:
            return 403;
        case ErrorCode::kCsrf:
            return 403;
        case ErrorCode::kNotFound:
            return 404;
        case ErrorCode::kMethodNotAllowed:
            return 405;
        case ErrorCode::kConflict:
            return 409;
        case ErrorCode::kGone:
            return 410;
        case ErrorCode::kPayloadTooLarge:
            return 413;
        case ErrorCode::kTooManyRequests:
            return 429;
        case ErrorCode::kServiceUnavailable:
            return 503;
        case ErrorCode::kInternal:
            return 500;
    }
    return 500;
}

Response ErrorResponse(const Error& error, const std::string& request_id, Language language) {
    boost::json::object fields;
    for (const auto& [field, message] : error.GetFieldErrors()) fields[field] = Pick(message, language);
    boost::json::object body{{"code", ErrorCodeName(error.GetCode())},
                             {"message", Pick(error.GetMessage(), language)},
                             {"fields", std::move(fields)},
                             {"requestId", request_id}};
    Response response = Response::Json(Serialize(body), HttpStatusFor(error.GetCode()));
    if (error.RetryAfterSeconds() > 0)
        response.SetHeader("Retry-After", std::to_string(error.RetryAfterSeconds()));
    return response;
}

}  // namespace app::http
