#include "organisations/organisation_routes.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "http/json.hpp"

namespace app::organisations {
namespace {

boost::json::object ToJson(const Organisation& organisation) {
    boost::json::object object{{"id", organisation.id},
                               {"name", organisation.name},
                               {"code", organisation.code},
                               {"orgType", organisation.org_type},
                               {"level", organisation.level},
                               {"status", organisation.status},
                               {"hasChildren", organisation.has_children}};
    object["parentId"] =
        organisation.parent_id ? boost::json::value(*organisation.parent_id) : boost::json::value(nullptr);
    return object;
}

OrganisationInput ReadInput(const http::Request& request, bool creating) {
    const auto body = http::ParseJsonObject(request);
    http::FieldReader reader(body);
    OrganisationInput input;
    if (creating) {
        input.parent_id = reader.RequiredInt64("parentId", 1, INT64_MAX);
        input.code = reader.RequiredString("code", 1, 32);
    }
    input.name = reader.RequiredString("name", 2, 60);
    input.org_type = reader.RequiredString("orgType", 1, 32);
    input.status = reader.OptionalString("status", 16).value_or("ACTIVE");
    input.approval_date = reader.OptionalString("approvalDate", 10).value_or("");
    reader.Finish();
    return input;
}

}  // namespace

void RegisterOrganisationRoutes(http::Router& router, OrganisationService& organisations) {
    router.DeclarePermission({"organisation:org:view", "查看组织", "View organisations"});
    router.DeclarePermission({"organisation:org:create", "新建下级组织", "Create sub-organisations"});
    router.DeclarePermission({"organisation:org:update", "修改组织", "Edit organisations"});
    router.DeclarePermission({"organisation:org:move", "调整组织隶属", "Move organisations in the tree"});
    router.Add(
        {.method = http::Method::kPost,
         .path = "/api/v1/organisations",
         .permission = "organisation:org:create",
         .body_limit = 4096,
         .tag = "organisations",
         .summary = "Create an organisation under a parent in the caller's subtree (the parent approves it)",
         .request_body = "OrganisationInput",
         .response_body = "Organisation"},
        [&](http::Request& request) {
            const Organisation created = organisations.Create(request.context, ReadInput(request, true));
            return http::Response::Json(http::Serialize(ToJson(created)), 201);
        });
    router.Add({.method = http::Method::kPut,
                .path = "/api/v1/organisations/{id}",
                .permission = "organisation:org:update",
                .body_limit = 4096,
                .tag = "organisations",
                .summary = "Change an organisation's name, type and status",
                .request_body = "OrganisationInput",
                .response_body = "Organisation"},
               [&](http::Request& request) {
                   const std::int64_t id = request.PathId("id");
                   return http::Response::Json(http::Serialize(
                       ToJson(organisations.Update(request.context, id, ReadInput(request, false)))));
               });
    router.Add({.method = http::Method::kPost,
                .path = "/api/v1/organisations/{id}/move",
                .permission = "organisation:org:move",
                .body_limit = 1024,
                .tag = "organisations",
                .summary = "Move an organisation with its subtree, users and enterprises under a new parent",
                .request_body = "MoveRequest",
                .response_body = "Organisation"},
               [&](http::Request& request) {
                   const std::int64_t id = request.PathId("id");
                   const auto body = http::ParseJsonObject(request);
                   http::FieldReader reader(body);
                   const std::int64_t parent = reader.RequiredInt64("parentId", 1, INT64_MAX);
                   reader.Finish();
                   return http::Response::Json(
                       http::Serialize(ToJson(organisations.Move(request.context, id, parent))));
               });

    router.Add({.method = http::Method::kGet,
                .path = "/api/v1/organisations",
                .permission = "organisation:org:view",
                .tag = "organisations",
                .summary = "Search organisations in the caller's subtree by name or code",
                .response_body = "OrganisationPage"},
               [&](http::Request& request) {
                   const auto page = http::ReadPageRequest(request);
                   const auto keyword = http::QueryText(request, "keyword", 64).value_or("");
                   return http::Response::Json(http::Serialize(
                       http::PageToJson(organisations.Search(request.context, keyword, page), ToJson)));
               });
    router.Add({.method = http::Method::kGet,
                .path = "/api/v1/organisations/{id}",
                .permission = "organisation:org:view",
                .tag = "organisations",
                .summary = "One organisation",
                .response_body = "Organisation"},
               [&](http::Request& request) {
                   return http::Response::Json(
                       http::Serialize(ToJson(organisations.Get(request.context, request.PathId("id")))));
               });
    router.Add({.method = http::Method::kGet,
                .path = "/api/v1/organisations/{id}/children",
                .permission = "organisation:org:view",
                .tag = "organisations",
                .summary = "Direct children of an organisation (lazy tree loading)",
                .response_body = "OrganisationList"},
               [&](http::Request& request) {
                   boost::json::array items;
                   for (const auto& child : organisations.Children(request.context, request.PathId("id"))) {
                       items.push_back(ToJson(child));
                   }
                   return http::Response::Json(http::Serialize(items));
               });
}

}  // namespace app::organisations
