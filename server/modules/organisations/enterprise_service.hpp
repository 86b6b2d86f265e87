#pragma once

#include <vector>

#include "core/clock.hpp"
#include "core/paging.hpp"
#include "core/principal.hpp"
#include "db/database.hpp"
#include "organisations/enterprise.hpp"

namespace app::organisations {

// Enterprises and their union coverage, within the caller's data scope (the territorial organisation's
// subtree). Out-of-scope enterprises answer 404. Every change is audited in its transaction. Thread-safe.
class EnterpriseService {
public:
    EnterpriseService(db::Database& database, const Clock& clock) : database_(database), clock_(clock) {}

    Page<Enterprise> List(const RequestContext& context, const EnterpriseFilter& filter,
                          PageRequest page) const;
    std::vector<Enterprise> ListForExport(const RequestContext& context,
                                          const EnterpriseFilter& filter) const;
    Enterprise Get(const RequestContext& context, std::int64_t id) const;
    Enterprise Create(const RequestContext& context, const EnterpriseInput& input);
    Enterprise Update(const RequestContext& context, std::int64_t id, const EnterpriseInput& input);
    void Delete(const RequestContext& context, std::int64_t id);
    Enterprise SetCoverage(const RequestContext& context, std::int64_t id, const CoverageInput& input);
    std::vector<Coverage> CoverageHistory(const RequestContext& context, std::int64_t id) const;

    static constexpr std::int64_t kExportLimit = 100'000;

private:
    Page<Enterprise> Query(db::Session& session, const RequestContext& context,
                           const EnterpriseFilter& filter, std::int64_t limit, std::int64_t offset) const;
    static std::optional<Enterprise> FindInScope(db::Session& session, const Principal& principal,
                                                 std::int64_t id);
    Enterprise SetCoverageInTransaction(const RequestContext& context, std::int64_t id,
                                        const CoverageInput& input, std::int64_t now);
    static void Check(db::Session& session, const Principal& principal, const EnterpriseInput& input,
                      std::string& canonical_code);

    db::Database& database_;
    const Clock& clock_;
};

}  // namespace app::organisations
