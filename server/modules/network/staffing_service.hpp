#pragma once

#include <vector>

#include "core/clock.hpp"
#include "core/paging.hpp"
#include "core/principal.hpp"
#include "db/database.hpp"
#include "network/network.hpp"

namespace app::network {

// Yearly labour-protection staffing and funding (编制/经费), one row per organisation and year, for
// organisations in the caller's scope (out of scope: 404). Writes are an upsert on (organisation, year), so a
// second save of the same year changes that row instead of adding one. Audited. Thread-safe.
class StaffingService {
public:
    StaffingService(db::Database& database, const Clock& clock) : database_(database), clock_(clock) {}

    StaffingPage List(const RequestContext& context, const StaffingFilter& filter, PageRequest page) const;
    std::vector<Staffing> ListForExport(const RequestContext& context, const StaffingFilter& filter) const;
    Staffing Save(const RequestContext& context, const StaffingInput& input);
    void Delete(const RequestContext& context, std::int64_t id);

    static constexpr std::int64_t kExportLimit = 100'000;
    static constexpr std::int64_t kMaxCadres = 100'000;
    static constexpr std::int64_t kMaxBudgetFen = 10'000'000'000'000;  // 1000 亿元: far above any real budget

private:
    db::Database& database_;
    const Clock& clock_;
};

}  // namespace app::network
