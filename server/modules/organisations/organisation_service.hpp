#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/clock.hpp"
#include "core/paging.hpp"
#include "core/principal.hpp"
#include "db/database.hpp"
#include "organisations/organisation.hpp"

namespace app::organisations {

struct NewOrganisation {
    std::optional<std::int64_t> parent_id;
    std::string name;
    std::string code;
    std::string org_type;
    int level = 1;
    std::string admin_division_code;
};

// Reads of the organisation tree, always within the caller's data scope. Thread-safe.
struct OrganisationInput {
    std::int64_t parent_id = 0;  // create only: the higher union, which approves the new one (工会法 Art 12)
    std::string name;
    std::string code;  // create only: stable
    std::string org_type;
    std::string status = "ACTIVE";  // ACTIVE, MERGED, DISSOLVED
    std::string approval_date;      // YYYY-MM-DD or empty
};

class OrganisationService {
public:
    OrganisationService(db::Database& database, const Clock& clock) : database_(database), clock_(clock) {}

    // Creates a child of an organisation in the caller's subtree (the parent is recorded as the approver).
    Organisation Create(const RequestContext& context, const OrganisationInput& input);
    // Changes name, type, status and approval date; the code and place in the tree stay.
    Organisation Update(const RequestContext& context, std::int64_t id, const OrganisationInput& input);
    // Moves an organisation with its whole subtree under a new parent: every path and level below it, and the
    // copied paths of its users and enterprises (database triggers), change in this one transaction.
    Organisation Move(const RequestContext& context, std::int64_t id, std::int64_t new_parent_id);

    Organisation Get(const RequestContext& context, std::int64_t id) const;  // 404 outside scope
    std::vector<Organisation> Children(const RequestContext& context,
                                       std::int64_t id) const;  // 404 outside scope
    Page<Organisation> Search(const RequestContext& context, const std::string& keyword,
                              PageRequest page) const;

    // Used by other modules inside their own transactions.
    // The [lower, upper) path range of a list's "organisationId" filter: empty strings when there is no
    // filter (the SQL tests `$n = ''`), the organisation's subtree when it is in the principal's scope, and a
    // range nothing falls in ("~") when it is not — narrowing to nothing rather than revealing that it
    // exists.
    static std::pair<std::string, std::string> SubtreeFilter(
        db::Session& session, const Principal& principal, const std::optional<std::int64_t>& organisation_id);
    static std::optional<Organisation> FindInScope(db::Session& session, const Principal& principal,
                                                   std::int64_t id);
    // Inserts an organisation and fills its materialised path (the parent's path plus its own segment).
    static std::int64_t Insert(db::Session& session, const NewOrganisation& organisation, EpochMillis now);

private:
    db::Database& database_;
    const Clock& clock_;
};

}  // namespace app::organisations
