#pragma once

#include <vector>

#include "core/clock.hpp"
#include "core/paging.hpp"
#include "core/principal.hpp"
#include "db/database.hpp"
#include "network/network.hpp"

namespace app::network {

// Supervision committees of unions in the caller's scope (the committee's organisation's subtree); out of
// scope answers 404. Every change is audited in its transaction. Thread-safe.
class CommitteeService {
public:
    CommitteeService(db::Database& database, const Clock& clock, CommitteeRules rules = {})
        : database_(database), clock_(clock), rules_(rules) {}

    Page<Committee> List(const RequestContext& context, const CommitteeFilter& filter,
                         PageRequest page) const;
    std::vector<Committee> ListForExport(const RequestContext& context, const CommitteeFilter& filter) const;
    Committee Get(const RequestContext& context, std::int64_t id) const;
    Committee Create(const RequestContext& context, const CommitteeInput& input);
    Committee Update(const RequestContext& context, std::int64_t id, const CommitteeInput& input);
    void Delete(const RequestContext& context, std::int64_t id);

    const CommitteeRules& Rules() const { return rules_; }
    static constexpr std::int64_t kExportLimit = 100'000;

private:
    void Check(db::Session& session, const Principal& principal, const CommitteeInput& input) const;

    db::Database& database_;
    const Clock& clock_;
    CommitteeRules rules_;
};

}  // namespace app::network
