#pragma once

#include <vector>

#include "core/clock.hpp"
#include "core/paging.hpp"
#include "core/principal.hpp"
#include "db/database.hpp"
#include "network/network.hpp"

namespace app::network {

// Union-group inspectors and mass safety supervisors of organisations in the caller's scope (out of scope:
// 404); the enterprise, when given, must be in scope too. Every change is audited. Thread-safe.
class VolunteerService {
public:
    VolunteerService(db::Database& database, const Clock& clock) : database_(database), clock_(clock) {}

    Page<Volunteer> List(const RequestContext& context, const VolunteerFilter& filter,
                         PageRequest page) const;
    std::vector<Volunteer> ListForExport(const RequestContext& context, const VolunteerFilter& filter) const;
    Volunteer Get(const RequestContext& context, std::int64_t id) const;
    Volunteer Create(const RequestContext& context, const VolunteerInput& input);
    Volunteer Update(const RequestContext& context, std::int64_t id, const VolunteerInput& input);
    void Delete(const RequestContext& context, std::int64_t id);

    static constexpr std::int64_t kExportLimit = 100'000;

private:
    db::Database& database_;
    const Clock& clock_;
};

// The subtypes of 群众安全生产监督员 (domain model §2.4.4).
bool IsMassSupervisorSubtype(const std::string& subtype);

}  // namespace app::network
