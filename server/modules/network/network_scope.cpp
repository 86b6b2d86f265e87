#include "network/network_scope.hpp"

#include <chrono>
#include <cstdio>

#include "auth/data_scope.hpp"
#include "organisations/enterprise.hpp"
#include "organisations/organisation_service.hpp"

namespace app::network::detail {

const LocalizedText kOrganisationOutOfScope{"组织不存在或不在您的管理范围内",
                                            "The organisation does not exist or is outside your scope"};
const LocalizedText kDateFormat{"日期格式为 YYYY-MM-DD", "Use a date like 2026-11-29"};

PathRange ListRange(db::Session& session, const Principal& principal,
                    const std::optional<std::int64_t>& organisation_id) {
    PathRange range;
    std::tie(range.scope_lower, range.scope_upper) = auth::ScopeRange(principal);
    if (organisation_id) {
        const auto path = OrganisationPathInScope(session, principal, *organisation_id);
        range.filter_lower = path ? *path : std::string("~");
        range.filter_upper = auth::SubtreeUpperBound(range.filter_lower);
    }
    return range;
}

std::optional<std::string> OrganisationPathInScope(db::Session& session, const Principal& principal,
                                                   std::int64_t organisation_id) {
    const auto organisation =
        organisations::OrganisationService::FindInScope(session, principal, organisation_id);
    if (!organisation) return std::nullopt;
    return organisation->path;
}

bool InRange(const std::string& path, const std::pair<std::string, std::string>& range) {
    return path >= range.first && path < range.second;
}

bool IsMobilePhone(const std::string& phone) {
    if (phone.size() != 11 || phone[0] != '1' || phone[1] < '3' || phone[1] > '9') return false;
    for (char c : phone) {
        if (c < '0' || c > '9') return false;
    }
    return true;
}

std::string DateOf(std::int64_t epoch_millis) {
    using namespace std::chrono;
    const year_month_day day{floor<days>(sys_time<milliseconds>(milliseconds(epoch_millis)))};
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", static_cast<int>(day.year()),
                  static_cast<unsigned>(day.month()), static_cast<unsigned>(day.day()));
    return buffer;
}

bool IsDate(const std::string& date) {
    return organisations::IsValidDate(date);
}

}  // namespace app::network::detail
