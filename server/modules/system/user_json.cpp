#include "system/user_json.hpp"

#include <boost/json/array.hpp>

#include "http/json.hpp"

namespace app::system {

boost::json::object UserToJson(const User& user) {
    boost::json::array role_ids(user.role_ids.begin(), user.role_ids.end());
    boost::json::array role_names;
    for (const auto& name : user.role_names) role_names.emplace_back(name);
    return {{"id", user.id},
            {"username", user.username},
            {"displayName", user.display_name},
            {"organisationId", user.organisation_id},
            {"organisationName", user.organisation_name},
            {"roleIds", std::move(role_ids)},
            {"roleNames", std::move(role_names)},
            {"phone", user.phone},
            {"email", user.email},
            {"status", UserStatusName(user.status)},
            {"mustChangePassword", user.must_change_password},
            {"createdAt", user.created_at},
            {"updatedAt", user.updated_at}};
}

NewUser ReadNewUser(const boost::json::object& body) {
    http::FieldReader reader(body);
    NewUser user;
    user.username = reader.RequiredString("username", 3, 32);
    user.display_name = reader.RequiredString("displayName", 1, 32);
    user.password = reader.RequiredSecret("password", 256);
    user.organisation_id = reader.RequiredInt64("organisationId", 1, INT64_MAX);
    user.role_ids = reader.Int64Array("roleIds", 20);
    user.phone = reader.OptionalString("phone", 11).value_or("");
    user.email = reader.OptionalString("email", 100).value_or("");
    reader.Finish();
    return user;
}

UserChanges ReadUserChanges(const boost::json::object& body) {
    http::FieldReader reader(body);
    UserChanges changes;
    changes.display_name = reader.RequiredString("displayName", 1, 32);
    changes.organisation_id = reader.RequiredInt64("organisationId", 1, INT64_MAX);
    changes.role_ids = reader.Int64Array("roleIds", 20);
    changes.phone = reader.OptionalString("phone", 11).value_or("");
    changes.email = reader.OptionalString("email", 100).value_or("");
    const std::string status = reader.RequiredString("status", 1, 16);
    if (!reader.HasError("status")) {
        if (auto parsed = ParseUserStatus(status)) {
            changes.status = *parsed;
        } else {
            reader.AddError("status", {"状态只能是 ACTIVE 或 DISABLED", "Status must be ACTIVE or DISABLED"});
        }
    }
    reader.Finish();
    return changes;
}

UserFilter ReadUserFilter(const http::Request& request) {
    UserFilter filter;
    filter.keyword = http::QueryText(request, "keyword", 64).value_or("");
    filter.organisation_id = http::QueryInt64(request, "organisationId");
    if (const auto status = http::QueryText(request, "status", 16)) {
        filter.status = ParseUserStatus(*status);
        if (!filter.status) {
            throw Error::InvalidField("status",
                                      {"状态只能是 ACTIVE 或 DISABLED", "Status must be ACTIVE or DISABLED"});
        }
    }
    return filter;
}

}  // namespace app::system
