#include "http/openapi.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include <set>

#include "core/text.hpp"
#include "http/json.hpp"

namespace app::http {
namespace {

boost::json::object ErrorSchema() {
    return {{"type", "object"},
            {"required", boost::json::array{"code", "message", "fields", "requestId"}},
            {"properties",
             {{"code", {{"type", "string"}, {"example", "invalid_input"}}},
              {"message",
               {{"type", "string"}, {"description", "Chinese by default; English with Accept-Language: en"}}},
              {"fields", {{"type", "object"}, {"additionalProperties", {{"type", "string"}}}}},
              {"requestId", {{"type", "string"}}}}}};
}

boost::json::object ErrorResponse(const char* description) {
    return {{"description", description},
            {"content", {{"application/json", {{"schema", {{"$ref", "#/components/schemas/Error"}}}}}}}};
}

}  // namespace

std::string BuildOpenApiDocument(const Router& router, const std::string& version) {
    boost::json::object paths;
    std::set<std::string> schema_names;
    for (const Route& route : router.Routes()) {
        const RouteSpec& spec = route.spec;
        boost::json::object operation;
        operation["summary"] = spec.summary;
        operation["tags"] = boost::json::array{spec.tag.empty() ? "misc" : spec.tag};
        std::string access;
        switch (spec.access) {
            case Access::kPublic:
                access = "Public.";
                break;
            case Access::kSignedIn:
                access = "Any signed-in user.";
                break;
            case Access::kPermission:
                access = "Requires permission `" + spec.permission + "`.";
                break;
        }
        operation["description"] = access + " Body limit " + std::to_string(spec.body_limit) + " bytes." +
                                   (ChangesState(spec.method) ? " Needs the X-CSRF-Token header." : "");
        if (spec.access == Access::kPermission) operation["x-permission"] = spec.permission;
        if (spec.access != Access::kPublic)
            operation["security"] = boost::json::array{{{"sessionCookie", boost::json::array{}}}};

        boost::json::array parameters;
        for (const std::string& segment : route.segments) {
            if (segment.size() > 2 && segment.front() == '{') {
                parameters.push_back({{"name", segment.substr(1, segment.size() - 2)},
                                      {"in", "path"},
                                      {"required", true},
                                      {"schema", {{"type", "string"}}}});
            }
        }
        if (ChangesState(spec.method)) {
            parameters.push_back({{"name", "X-CSRF-Token"},
                                  {"in", "header"},
                                  {"required", true},
                                  {"schema", {{"type", "string"}}}});
        }
        if (!parameters.empty()) operation["parameters"] = std::move(parameters);

        if (!spec.request_body.empty()) {
            schema_names.insert(spec.request_body);
            operation["requestBody"] = {
                {"required", true},
                {"content",
                 {{"application/json",
                   {{"schema", {{"$ref", "#/components/schemas/" + spec.request_body}}}}}}}};
        }
        boost::json::object responses;
        if (!spec.response_body.empty()) {
            schema_names.insert(spec.response_body);
            responses[spec.method == Method::kPost && spec.access == Access::kPermission ? "201" : "200"] = {
                {"description", "OK"},
                {"content",
                 {{"application/json",
                   {{"schema", {{"$ref", "#/components/schemas/" + spec.response_body}}}}}}}};
        } else if (text::StartsWith(spec.path.substr(spec.path.rfind('/')), "/export")) {
            responses["200"] = {{"description", "An .xlsx workbook"},
                                {"content",
                                 {{"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                                   boost::json::object{}}}}};
        } else if (spec.method == Method::kGet) {
            // A GET without a JSON answer serves a file (a CSV template, an uploaded photo or PDF).
            responses["200"] = {{"description", "A file (see the summary for its type)"}};
        } else {
            responses["204"] = {{"description", "Done"}};
        }
        responses["400"] = ErrorResponse("Invalid input; `fields` names each problem");
        if (spec.access != Access::kPublic) {
            responses["401"] = ErrorResponse("Not signed in");
            responses["403"] = ErrorResponse("Missing permission, CSRF token or a required password change");
            responses["404"] = ErrorResponse("Not found or outside the caller's data scope");
        }
        if (ChangesState(spec.method)) {
            responses["409"] = ErrorResponse("Conflict with stored data");
            responses["413"] = ErrorResponse("Body larger than the route's limit");
        }
        operation["responses"] = std::move(responses);

        std::string method = text::ToLowerAscii(MethodName(spec.method));
        auto& path_item = paths[spec.path];
        if (!path_item.is_object()) path_item = boost::json::object{};
        path_item.as_object()[method] = std::move(operation);
    }

    boost::json::object schemas{{"Error", ErrorSchema()}};
    for (const std::string& name : schema_names) {
        // Shapes are described in prose in docs/api-contract.md; the names tie routes to those sections.
        schemas[name] = {{"type", "object"}, {"description", "See docs/api-contract.md, " + name}};
    }
    boost::json::object document{
        {"openapi", "3.0.3"},
        {"info",
         {{"title", "Ankang (安康) API"},
          {"version", version},
          {"description",
           "Trade-union labour-protection platform. Generated from the server's route table."}}},
        {"paths", std::move(paths)},
        {"components",
         {{"schemas", std::move(schemas)},
          {"securitySchemes",
           {{"sessionCookie", {{"type", "apiKey"}, {"in", "cookie"}, {"name", "ankang_session"}}}}}}}};
    return Serialize(document);
}

}  // namespace app::http
