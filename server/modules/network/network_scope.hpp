#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>

#include "core/error.hpp"
#include "core/principal.hpp"
#include "db/session.hpp"

// Helpers shared by the network services (not used outside this module).
namespace app::network::detail {

// [lower, upper) of organisation paths for a list: the caller's scope, narrowed to an organisation's subtree
// when the filter names one. An organisation outside the scope narrows to nothing rather than revealing that
// it exists.
struct PathRange {
    std::string scope_lower, scope_upper, filter_lower, filter_upper;
};
PathRange ListRange(db::Session& session, const Principal& principal,
                    const std::optional<std::int64_t>& organisation_id);

// The path of an organisation the caller may see, or nullopt.
std::optional<std::string> OrganisationPathInScope(db::Session& session, const Principal& principal,
                                                   std::int64_t organisation_id);

bool InRange(const std::string& path, const std::pair<std::string, std::string>& range);

// A mainland mobile number: 11 digits starting 1[3-9].
bool IsMobilePhone(const std::string& phone);

// Whether a YYYY-MM-DD date exists.
bool IsDate(const std::string& date);

// The calendar date (UTC, YYYY-MM-DD) of an instant.
std::string DateOf(std::int64_t epoch_millis);

extern const LocalizedText kOrganisationOutOfScope;
extern const LocalizedText kDateFormat;

}  // namespace app::network::detail
