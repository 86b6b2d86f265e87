#include "http/json.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "core/text.hpp"

namespace app::http {

std::string Serialize(const boost::json::value& value) {
    return boost::json::serialize(value);
}

boost::json::value ParseJsonText(std::string_view text) {
    boost::system::error_code error;
    boost::json::parse_options options;
    options.max_depth = 32;
    boost::json::value value = boost::json::parse(text, error, {}, options);
    if (error) {
        throw Error(ErrorCode::kInvalidInput,
                    {"请求内容不是有效的 JSON：" + error.message(),
                     "The request body is not valid JSON: " + error.message()},
                    error.message());
    }
    return value;
}

boost::json::object ParseJsonObject(const Request& request) {
    if (request.body.empty()) {
        throw Error(ErrorCode::kInvalidInput, {"请求内容为空，需要一个 JSON 对象",
                                               "The request body is empty; a JSON object is required"});
    }
    boost::json::value value = ParseJsonText(request.body);
    if (!value.is_object()) {
        throw Error(ErrorCode::kInvalidInput,
                    {"请求内容须为 JSON 对象", "The request body must be a JSON object"});
    }
    return std::move(value.as_object());
}

const boost::json::value* FieldReader::Find(const std::string& field) const {
    const auto* value = object_.if_contains(field);
    if (value && value->is_null()) return nullptr;
    return value;
}

void FieldReader::AddError(const std::string& field, LocalizedText message) {
    errors_.emplace(field, std::move(message));  // the first problem of a field is the one shown
}

void FieldReader::Finish() const {
    if (!errors_.empty()) throw Error::InvalidInput(errors_);
}

namespace {
// libpq passes parameters as C strings, so PostgreSQL would store — and look up — only the text before a
// NUL while SQLite keeps all of it ("admin\u0000x" signs in as admin but is throttled as another account).
// Text with a NUL is therefore refused as input; secrets are hashed, not stored, and may contain one.
bool HasNul(std::string_view text) {
    return text.find('\0') != std::string_view::npos;
}

LocalizedText InvalidCharactersMessage() {
    return {"含有无效字符", "contains invalid characters"};
}

LocalizedText LengthMessage(std::size_t min_characters, std::size_t max_characters) {
    if (min_characters <= 1) {
        return {"不能为空，且不超过 " + std::to_string(max_characters) + " 个字符",
                "must not be empty and at most " + std::to_string(max_characters) + " characters"};
    }
    return {
        "长度须为 " + std::to_string(min_characters) + "–" + std::to_string(max_characters) + " 个字符",
        "must be " + std::to_string(min_characters) + "–" + std::to_string(max_characters) + " characters"};
}
}  // namespace

std::string FieldReader::RequiredString(const std::string& field, std::size_t min_characters,
                                        std::size_t max_characters) {
    const auto* value = Find(field);
    if (!value) {
        AddError(field, {"必填", "is required"});
        return {};
    }
    if (!value->is_string()) {
        AddError(field, {"须为文本", "must be text"});
        return {};
    }
    std::string trimmed = text::Trim(std::string_view(value->as_string()));
    const std::size_t length = text::CodePointCount(trimmed);
    if (length == 0) {
        AddError(field, {"必填", "is required"});
    } else if (HasNul(trimmed)) {
        AddError(field, InvalidCharactersMessage());
    } else if (length < min_characters || length > max_characters) {
        AddError(field, LengthMessage(min_characters, max_characters));
    }
    return trimmed;
}

std::optional<std::string> FieldReader::OptionalString(const std::string& field, std::size_t max_characters) {
    const auto* value = Find(field);
    if (!value) return std::nullopt;
    if (!value->is_string()) {
        AddError(field, {"须为文本", "must be text"});
        return std::nullopt;
    }
    std::string trimmed = text::Trim(std::string_view(value->as_string()));
    if (HasNul(trimmed)) {
        AddError(field, InvalidCharactersMessage());
    } else if (text::CodePointCount(trimmed) > max_characters) {
        AddError(field, {"不超过 " + std::to_string(max_characters) + " 个字符",
                         "must be at most " + std::to_string(max_characters) + " characters"});
    }
    return trimmed;
}

std::string FieldReader::RequiredSecret(const std::string& field, std::size_t max_bytes) {
    const auto* value = Find(field);
    if (value && !value->is_string()) {
        AddError(field, {"须为文本", "must be text"});
        return {};
    }
    if (!value || value->as_string().empty()) {
        AddError(field, {"必填", "is required"});
        return {};
    }
    if (value->as_string().size() > max_bytes) {
        AddError(field, {"过长", "is too long"});
        return {};
    }
    return std::string(value->as_string());
}

std::int64_t FieldReader::RequiredInt64(const std::string& field, std::int64_t minimum,
                                        std::int64_t maximum) {
    const auto* value = Find(field);
    if (!value) {
        AddError(field, {"必填", "is required"});
        return 0;
    }
    auto result = OptionalInt64(field, minimum, maximum);
    return result.value_or(0);
}

std::optional<std::int64_t> FieldReader::OptionalInt64(const std::string& field, std::int64_t minimum,
                                                       std::int64_t maximum) {
    const auto* value = Find(field);
    if (!value) return std::nullopt;
    std::int64_t number = 0;
    if (value->is_int64()) {
        number = value->as_int64();
    } else if (value->is_uint64() && value->as_uint64() <= static_cast<std::uint64_t>(INT64_MAX)) {
        number = static_cast<std::int64_t>(value->as_uint64());
    } else {
        AddError(field, {"须为整数", "must be a whole number"});
        return std::nullopt;
    }
    if (number < minimum || number > maximum) {
        AddError(field, {"须在 " + std::to_string(minimum) + " 到 " + std::to_string(maximum) + " 之间",
                         "must be between " + std::to_string(minimum) + " and " + std::to_string(maximum)});
        return std::nullopt;
    }
    return number;
}

std::optional<bool> FieldReader::OptionalBool(const std::string& field) {
    const auto* value = Find(field);
    if (!value) return std::nullopt;
    if (!value->is_bool()) {
        AddError(field, {"须为是或否", "must be true or false"});
        return std::nullopt;
    }
    return value->as_bool();
}

std::vector<std::int64_t> FieldReader::Int64Array(const std::string& field, std::size_t max_items) {
    std::vector<std::int64_t> result;
    const auto* value = Find(field);
    if (!value) return result;
    if (!value->is_array() || value->as_array().size() > max_items) {
        AddError(field, {"须为不超过 " + std::to_string(max_items) + " 项的编号列表",
                         "must be a list of at most " + std::to_string(max_items) + " ids"});
        return result;
    }
    for (const auto& item : value->as_array()) {
        if (!item.is_int64() || item.as_int64() <= 0) {
            AddError(field, {"须为编号列表", "must be a list of ids"});
            return {};
        }
        result.push_back(item.as_int64());
    }
    return result;
}

std::vector<std::string> FieldReader::StringArray(const std::string& field, std::size_t max_items,
                                                  std::size_t max_characters) {
    std::vector<std::string> result;
    const auto* value = Find(field);
    if (!value) return result;
    if (!value->is_array() || value->as_array().size() > max_items) {
        AddError(field, {"须为不超过 " + std::to_string(max_items) + " 项的列表",
                         "must be a list of at most " + std::to_string(max_items) + " items"});
        return result;
    }
    for (const auto& item : value->as_array()) {
        if (!item.is_string() || text::CodePointCount(item.as_string()) > max_characters) {
            AddError(field, {"列表项须为文本", "items must be text"});
            return {};
        }
        if (HasNul(item.as_string())) {
            AddError(field, InvalidCharactersMessage());
            return {};
        }
        result.emplace_back(item.as_string());
    }
    return result;
}

std::optional<std::int64_t> QueryInt64(const Request& request, const std::string& name) {
    const auto text = request.Query(name);
    if (!text || text->empty()) return std::nullopt;
    try {
        std::size_t consumed = 0;
        const long long value = std::stoll(*text, &consumed);
        if (consumed == text->size()) return value;
    } catch (const std::exception&) {
    }
    throw Error::InvalidField(name, {"须为整数", "must be a whole number"});
}

std::optional<std::string> QueryText(const Request& request, const std::string& name,
                                     std::size_t max_characters) {
    auto value = request.Query(name);
    if (!value) return std::nullopt;
    std::string trimmed = text::Trim(*value);
    if (trimmed.empty()) return std::nullopt;
    if (!text::IsValidUtf8(trimmed) || HasNul(trimmed))
        throw Error::InvalidField(name, InvalidCharactersMessage());
    if (text::CodePointCount(trimmed) > max_characters) {
        throw Error::InvalidField(name,
                                  {"不超过 " + std::to_string(max_characters) + " 个字符",
                                   "must be at most " + std::to_string(max_characters) + " characters"});
    }
    return trimmed;
}

PageRequest ReadPageRequest(const Request& request) {
    PageRequest page;
    Error::FieldErrors errors;
    if (auto value = QueryInt64(request, "page")) {
        if (*value < 1 || *value > 1'000'000) {
            errors.emplace("page", LocalizedText{"页码须为 1 到 1000000", "page must be 1 to 1000000"});
        } else {
            page.page = *value;
        }
    }
    if (auto value = QueryInt64(request, "pageSize")) {
        if (*value < 1 || *value > PageRequest::kMaxPageSize) {
            errors.emplace("pageSize", LocalizedText{"每页条数须为 1 到 500", "pageSize must be 1 to 500"});
        } else {
            page.page_size = *value;
        }
    }
    if (!errors.empty()) throw Error::InvalidInput(errors);
    return page;
}

}  // namespace app::http
