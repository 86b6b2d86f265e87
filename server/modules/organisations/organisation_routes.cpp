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

}  // namespace

void RegisterOrganisationRoutes(http::Router& router, OrganisationService& organisations) {
    router.DeclarePermission({"organisation:org:view", "查看组织", "View organisations"});

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
