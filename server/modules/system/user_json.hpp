#pragma once

#include <boost/json/object.hpp>

#include "http/message.hpp"
#include "system/user.hpp"

namespace app::system {

boost::json::object UserToJson(const User& user);
NewUser ReadNewUser(const boost::json::object& body);
UserChanges ReadUserChanges(const boost::json::object& body);
UserFilter ReadUserFilter(const http::Request& request);

}  // namespace app::system
