#pragma once

#include <boost/json/object.hpp>

#include "http/message.hpp"
#include "organisations/enterprise.hpp"

namespace app::organisations {

boost::json::object EnterpriseToJson(const Enterprise& enterprise);
boost::json::object CoverageToJson(const Coverage& coverage);
EnterpriseInput ReadEnterpriseInput(const boost::json::object& body);
CoverageInput ReadCoverageInput(const boost::json::object& body);
EnterpriseFilter ReadEnterpriseFilter(const http::Request& request);

}  // namespace app::organisations
