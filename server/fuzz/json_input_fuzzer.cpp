// JSON input mapping: http::ParseJsonText / ParseJsonObject, every http::FieldReader method, and the
// module mappers system::ReadNewUser / ReadUserChanges, on a request body.
//
// Input: the request body (any bytes).
//
// Invariants (each failure is a finding):
//  - The only exception is app::Error with code invalid_input; its error response body is valid JSON.
//  - Each FieldReader method, when it records no problem for the field, returns a value within its contract:
//    RequiredString trimmed, min..max code points; OptionalString nullopt exactly when absent or null, at
//    most max code points; RequiredSecret the exact non-empty string of at most max bytes; integers within
//    their bounds; arrays within their size, ids positive, texts within their length. Finish() throws
//    exactly when some problem was recorded.
//  - Text the reader accepts has no NUL character: libpq passes parameters as C strings, so PostgreSQL
//    would store (and look up) only the part before it while SQLite keeps the whole text.
//  - ReadNewUser / ReadUserChanges either throw invalid_input or return values within the same bounds.

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>

#include "core/text.hpp"
#include "fuzz_check.hpp"
#include "http/error_response.hpp"
#include "http/json.hpp"
#include "system/user_json.hpp"

namespace {

using app::fuzz::Quote;
using app::http::FieldReader;

bool IsSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// Text a reader hands on to a service: trimmed where the reader trims, valid UTF-8, no NUL.
void CheckText(const std::string& text, std::size_t max_characters, bool trimmed, const std::string& where) {
    FUZZ_CHECK(app::text::IsValidUtf8(text), where + " " + Quote(text));
    FUZZ_CHECK(text.find('\0') == std::string::npos, where + " accepted a NUL: " + Quote(text));
    FUZZ_CHECK(app::text::CodePointCount(text) <= max_characters, where + " " + Quote(text));
    if (trimmed && !text.empty())
        FUZZ_CHECK(!IsSpace(text.front()) && !IsSpace(text.back()), where + " " + Quote(text));
}

void CheckErrorResponse(const app::Error& error) {
    FUZZ_CHECK(error.GetCode() == app::ErrorCode::kInvalidInput, error.what());
    for (const auto language : {app::Language::kChinese, app::Language::kEnglish}) {
        const auto response = app::http::ErrorResponse(error, "req-1", language);
        FUZZ_CHECK(response.status == 400, error.what());
        boost::system::error_code parse_error;
        const auto body = boost::json::parse(response.body, parse_error);
        FUZZ_CHECK(!parse_error && body.is_object(), response.body);
    }
}

bool Present(const boost::json::object& object, const std::string& field) {
    const auto* value = object.if_contains(field);
    return value && !value->is_null();
}

// Every reader method on one field, each with a reader of its own so its outcome is its own.
void DriveReaders(const boost::json::object& object, const std::string& field) {
    const bool present = Present(object, field);
    const std::string where = "field " + Quote(field);
    {
        FieldReader reader(object);
        const std::string text = reader.RequiredString(field, 3, 32);
        if (!reader.HasError(field)) {
            FUZZ_CHECK(present, where);
            const auto count = app::text::CodePointCount(text);
            FUZZ_CHECK(count >= 3 && count <= 32, where + " RequiredString " + Quote(text));
            FUZZ_CHECK(text == app::text::Trim(std::string_view(object.at(field).as_string())), where);
            CheckText(text, 32, true, where + " RequiredString");
        }
        bool threw = false;
        try {
            reader.Finish();
        } catch (const app::Error& error) {
            threw = true;
            CheckErrorResponse(error);
        }
        FUZZ_CHECK(threw == reader.HasError(field), where);
    }
    {
        FieldReader reader(object);
        const auto text = reader.OptionalString(field, 11);
        if (!reader.HasError(field)) {
            FUZZ_CHECK(text.has_value() == present, where + " OptionalString");
            if (text) CheckText(*text, 11, true, where + " OptionalString");
        }
    }
    {
        FieldReader reader(object);
        const std::string secret = reader.RequiredSecret(field, 64);
        if (!reader.HasError(field)) {
            FUZZ_CHECK(present && !secret.empty() && secret.size() <= 64, where + " RequiredSecret");
            FUZZ_CHECK(secret == std::string_view(object.at(field).as_string()), where + " RequiredSecret");
        }
    }
    {
        FieldReader reader(object);
        const std::int64_t number = reader.RequiredInt64(field, -5, 1'000'000);
        if (!reader.HasError(field)) FUZZ_CHECK(present && number >= -5 && number <= 1'000'000, where);
    }
    {
        FieldReader reader(object);
        const auto number = reader.OptionalInt64(field, 1, std::numeric_limits<std::int64_t>::max());
        if (!reader.HasError(field)) {
            FUZZ_CHECK(number.has_value() == present, where + " OptionalInt64");
            if (number) FUZZ_CHECK(*number >= 1, where + " OptionalInt64");
        }
    }
    {
        FieldReader reader(object);
        const auto flag = reader.OptionalBool(field);
        if (!reader.HasError(field)) FUZZ_CHECK(flag.has_value() == present, where + " OptionalBool");
    }
    {
        FieldReader reader(object);
        const auto ids = reader.Int64Array(field, 5);
        if (reader.HasError(field)) {
            FUZZ_CHECK(ids.empty(), where + " Int64Array");
        } else {
            FUZZ_CHECK(ids.size() <= 5, where + " Int64Array");
            for (const auto id : ids) FUZZ_CHECK(id > 0, where + " Int64Array");
        }
    }
    {
        FieldReader reader(object);
        const auto texts = reader.StringArray(field, 5, 8);
        if (reader.HasError(field)) {
            FUZZ_CHECK(texts.empty(), where + " StringArray");
        } else {
            FUZZ_CHECK(texts.size() <= 5, where + " StringArray");
            for (const auto& text : texts) CheckText(text, 8, false, where + " StringArray");
        }
    }
}

void CheckUserMappers(const boost::json::object& object) {
    try {
        const auto user = app::system::ReadNewUser(object);
        CheckText(user.username, 32, true, "ReadNewUser username");
        FUZZ_CHECK(app::text::CodePointCount(user.username) >= 3, "ReadNewUser username");
        CheckText(user.display_name, 32, true, "ReadNewUser displayName");
        FUZZ_CHECK(!user.display_name.empty(), "ReadNewUser displayName");
        FUZZ_CHECK(!user.password.empty() && user.password.size() <= 256, "ReadNewUser password");
        FUZZ_CHECK(user.organisation_id >= 1, "ReadNewUser organisationId");
        FUZZ_CHECK(user.role_ids.size() <= 20, "ReadNewUser roleIds");
        for (const auto id : user.role_ids) FUZZ_CHECK(id > 0, "ReadNewUser roleIds");
        CheckText(user.phone, 11, true, "ReadNewUser phone");
        CheckText(user.email, 100, true, "ReadNewUser email");
    } catch (const app::Error& error) {
        CheckErrorResponse(error);
    }
    try {
        const auto changes = app::system::ReadUserChanges(object);
        CheckText(changes.display_name, 32, true, "ReadUserChanges displayName");
        FUZZ_CHECK(!changes.display_name.empty(), "ReadUserChanges displayName");
        FUZZ_CHECK(changes.organisation_id >= 1, "ReadUserChanges organisationId");
        FUZZ_CHECK(changes.role_ids.size() <= 20, "ReadUserChanges roleIds");
        for (const auto id : changes.role_ids) FUZZ_CHECK(id > 0, "ReadUserChanges roleIds");
        CheckText(changes.phone, 11, true, "ReadUserChanges phone");
        CheckText(changes.email, 100, true, "ReadUserChanges email");
        const auto status = app::system::UserStatusName(changes.status);
        FUZZ_CHECK(app::text::Trim(std::string_view(object.at("status").as_string())) == status,
                   "ReadUserChanges status");
    } catch (const app::Error& error) {
        CheckErrorResponse(error);
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    try {
        (void)app::http::ParseJsonText(input);
    } catch (const app::Error& error) {
        CheckErrorResponse(error);
    } catch (const std::exception& exception) {
        app::fuzz::Fail(__FILE__, __LINE__, "ParseJsonText",
                        std::string("unexpected exception: ") + exception.what());
    }

    app::http::Request request;
    request.method = app::http::Method::kPost;
    request.body = std::string(input);
    boost::json::object object;
    try {
        object = app::http::ParseJsonObject(request);
    } catch (const app::Error& error) {
        CheckErrorResponse(error);
        return 0;
    } catch (const std::exception& exception) {
        app::fuzz::Fail(__FILE__, __LINE__, "ParseJsonObject",
                        std::string("unexpected exception: ") + exception.what());
    }

    app::fuzz::ExpectOnlyAppErrors("user mappers", [&] { CheckUserMappers(object); });
    app::fuzz::ExpectOnlyAppErrors("field readers", [&] {
        std::size_t fields = 0;
        for (const auto& entry : object) {
            if (++fields > 16) break;
            DriveReaders(object, std::string(entry.key()));
        }
        DriveReaders(object, "absent");
    });
    return 0;
}
