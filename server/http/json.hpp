#pragma once

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "core/paging.hpp"
#include "http/message.hpp"

namespace app::http {

std::string Serialize(const boost::json::value& value);

// The request body as a JSON object. Malformed JSON answers 400 naming the problem and its byte offset.
boost::json::object ParseJsonObject(const Request& request);
boost::json::value ParseJsonText(std::string_view text);  // throws Error(kInvalidInput)

// Reads typed fields from a JSON object and collects every problem before failing, so the user sees
// all marked fields at once. Finish() throws Error::InvalidInput naming each field.
class FieldReader {
public:
    explicit FieldReader(const boost::json::object& object) : object_(object) {}

    // Trimmed text of min..max characters (Unicode code points).
    std::string RequiredString(const std::string& field, std::size_t min_characters,
                               std::size_t max_characters);
    std::optional<std::string> OptionalString(const std::string& field, std::size_t max_characters);
    // Untrimmed secret such as a password.
    std::string RequiredSecret(const std::string& field, std::size_t max_bytes);
    std::int64_t RequiredInt64(const std::string& field, std::int64_t minimum, std::int64_t maximum);
    std::optional<std::int64_t> OptionalInt64(const std::string& field, std::int64_t minimum,
                                              std::int64_t maximum);
    std::optional<bool> OptionalBool(const std::string& field);
    std::vector<std::int64_t> Int64Array(const std::string& field, std::size_t max_items);
    std::vector<std::string> StringArray(const std::string& field, std::size_t max_items,
                                         std::size_t max_characters);
    bool Has(const std::string& field) const { return object_.contains(field); }

    void AddError(const std::string& field, LocalizedText message);
    bool HasError(const std::string& field) const { return errors_.count(field) > 0; }
    void Finish() const;

private:
    const boost::json::value* Find(const std::string& field) const;
    const boost::json::object& object_;
    Error::FieldErrors errors_;
};

// Paging parameters from ?page=&pageSize= (400 naming the parameter when out of range).
PageRequest ReadPageRequest(const Request& request);

// Optional query parameters with validation.
std::optional<std::int64_t> QueryInt64(const Request& request, const std::string& name);
std::optional<std::string> QueryText(const Request& request, const std::string& name,
                                     std::size_t max_characters);

template <typename T, typename ToJson>
boost::json::object PageToJson(const Page<T>& page, ToJson&& to_json) {
    boost::json::array items;
    items.reserve(page.items.size());
    for (const T& item : page.items) items.push_back(to_json(item));
    boost::json::object json{{"items", std::move(items)}, {"total", page.total}};
    // Only when the count stopped at kListCountLimit + 1 (the big tables' lists): "more than 10,000".
    if (page.total_capped) json["totalCapped"] = true;
    return json;
}

}  // namespace app::http
