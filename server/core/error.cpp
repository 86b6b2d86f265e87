#include "core/error.hpp"

namespace app {

const std::string& Pick(const LocalizedText& text, Language language) {
    if (language == Language::kEnglish && !text.en.empty()) {
        return text.en;
    }
    return text.zh;
}

std::string_view ErrorCodeName(ErrorCode code) {
    switch (code) {
        case ErrorCode::kInvalidInput:
            return "invalid_input";
        case ErrorCode::kUnauthenticated:
            return "unauthenticated";
        case ErrorCode::kForbidden:
            return "forbidden";
        case ErrorCode::kPasswordChangeRequired:
            return "password_change_required";
        case ErrorCode::kCsrf:
            return "csrf";
        case ErrorCode::kNotFound:
            return "not_found";
        case ErrorCode::kMethodNotAllowed:
            return "method_not_allowed";
        case ErrorCode::kConflict:
            return "conflict";
        case ErrorCode::kGone:
            return "gone";
        case ErrorCode::kPayloadTooLarge:
            return "payload_too_large";
        case ErrorCode::kTooManyRequests:
            return "too_many_requests";
        case ErrorCode::kServiceUnavailable:
            return "service_unavailable";
        case ErrorCode::kInternal:
            return "internal";
    }
    return "internal";
}

Error::Error(ErrorCode code, LocalizedText message, const std::string& log_detail, FieldErrors fields)
    : std::runtime_error(std::string(ErrorCodeName(code)) + ": " + message.en +
                         (log_detail.empty() ? "" : " (" + log_detail + ")")),
      code_(code),
      message_(std::move(message)),
      fields_(std::move(fields)) {}

Error Error::TooManyRequests(LocalizedText message, std::int64_t retry_after_seconds) {
    Error error(ErrorCode::kTooManyRequests, std::move(message));
    error.retry_after_seconds_ = retry_after_seconds;
    return error;
}

Error Error::InvalidInput(FieldErrors fields) {
    std::string detail;
    for (const auto& [field, text] : fields) {
        detail += field + ": " + text.en + "; ";
    }
    return Error(ErrorCode::kInvalidInput, {"输入有误，请检查标出的字段", "Please correct the marked fields"},
                 detail, std::move(fields));
}

Error Error::InvalidField(const std::string& field, LocalizedText message) {
    FieldErrors fields;
    fields.emplace(field, std::move(message));
    return InvalidInput(std::move(fields));
}

Error Error::NotFound(std::string_view entity) {
    return Error(ErrorCode::kNotFound, {"记录不存在或无权访问", "Not found"}, std::string(entity));
}

Error Error::Conflict(LocalizedText message) {
    return Error(ErrorCode::kConflict, std::move(message));
}

Error Error::Forbidden(LocalizedText message) {
    return Error(ErrorCode::kForbidden, std::move(message));
}

Error Error::Unauthenticated() {
    return Error(ErrorCode::kUnauthenticated, {"请先登录", "Please sign in"});
}

Error Error::Internal(const std::string& log_detail) {
    return Error(ErrorCode::kInternal, {"服务器内部错误", "Internal server error"}, log_detail);
}

}  // namespace app
