#pragma once

#include <cstdint>
#include <map>
#include <stdexcept>
#include <string>
#include <string_view>

namespace app {

// Text shown to a person, in the two languages the UI offers. Chinese is the default.
struct LocalizedText {
    std::string zh;
    std::string en;
};

enum class Language { kChinese, kEnglish };

const std::string& Pick(const LocalizedText& text, Language language);

// Why a request failed, as the client should see it. Each code maps to exactly one HTTP status
// in http/error_response.cpp, the only place that knows HTTP.
enum class ErrorCode {
    kInvalidInput,
    kUnauthenticated,
    kForbidden,
    kPasswordChangeRequired,
    kCsrf,
    kNotFound,
    kMethodNotAllowed,
    kConflict,
    kGone,  // a thing that existed and is no longer usable (an expired, used or revoked link): 410
    kPayloadTooLarge,
    kTooManyRequests,
    kServiceUnavailable,
    kInternal,
};

// The stable wire name of a code ("invalid_input", ...).
std::string_view ErrorCodeName(ErrorCode code);

// Thrown to end a request. The message is safe to show users; what() adds detail that only goes to logs.
class Error : public std::runtime_error {
public:
    using FieldErrors = std::map<std::string, LocalizedText>;  // field name -> message

    Error(ErrorCode code, LocalizedText message, const std::string& log_detail = {}, FieldErrors fields = {});

    static Error InvalidInput(FieldErrors fields);
    static Error InvalidField(const std::string& field, LocalizedText message);
    static Error NotFound(std::string_view entity);
    static Error Conflict(LocalizedText message);
    static Error Forbidden(LocalizedText message);
    static Error Unauthenticated();
    static Error Internal(const std::string& log_detail);

    // A 429 may say when to come back (seconds): sent as the Retry-After header.
    static Error TooManyRequests(LocalizedText message, std::int64_t retry_after_seconds);

    ErrorCode GetCode() const { return code_; }
    std::int64_t RetryAfterSeconds() const { return retry_after_seconds_; }
    const LocalizedText& GetMessage() const { return message_; }
    const FieldErrors& GetFieldErrors() const { return fields_; }

private:
    ErrorCode code_;
    LocalizedText message_;
    FieldErrors fields_;
    std::int64_t retry_after_seconds_ = 0;
};

}  // namespace app
