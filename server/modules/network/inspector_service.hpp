#pragma once

#include <vector>

#include "core/clock.hpp"
#include "core/paging.hpp"
#include "core/principal.hpp"
#include "db/database.hpp"
#include "network/network.hpp"

namespace app::network {

// Labour-protection inspectors whose home organisation is in the caller's scope (out of scope: 404), and
// their appointment workflow W10 (network/inspector_workflow.hpp). A transition the workflow does not allow
// is 409 and changes nothing. An appointment (→ APPOINTED, or TERM_EXPIRED → ACTIVE) needs the
// organisation:inspector:appoint key, a certificate number (first appointment), and an appointing
// organisation that is a strict ancestor of the home organisation (else 409 naming appointingOrganisationId)
// and lies inside the caller's scope (else 403 naming it: an ancestor is no secret, but the caller has no
// authority to act for it). Every change is audited and every status change is kept in the history.
// Thread-safe.
class InspectorService {
public:
    InspectorService(db::Database& database, const Clock& clock) : database_(database), clock_(clock) {}

    Page<Inspector> List(const RequestContext& context, const InspectorFilter& filter,
                         PageRequest page) const;
    std::vector<Inspector> ListForExport(const RequestContext& context, const InspectorFilter& filter) const;
    Inspector Get(const RequestContext& context, std::int64_t id) const;
    // A new inspector is NOMINATED by their own union.
    Inspector Create(const RequestContext& context, const InspectorInput& input);
    Inspector Update(const RequestContext& context, std::int64_t id, const InspectorInput& input);
    // Only a nomination entered by mistake (still NOMINATED) may be deleted; later records end by workflow.
    void Delete(const RequestContext& context, std::int64_t id);
    Inspector Transition(const RequestContext& context, std::int64_t id, const TransitionInput& input);
    std::vector<StatusChange> History(const RequestContext& context, std::int64_t id) const;

    static constexpr std::int64_t kExportLimit = 100'000;

private:
    db::Database& database_;
    const Clock& clock_;
};

// A certificate number in canonical form (trimmed, upper case), or nullopt when it is not 4–32 letters,
// digits and hyphens starting with a letter or digit (e.g. 苏工保监-2025-0001 is refused: ASCII only, so it
// can be typed and searched everywhere).
std::optional<std::string> CanonicalCertificateNo(const std::string& text);

}  // namespace app::network
