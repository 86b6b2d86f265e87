#pragma once

#include <optional>
#include <string>
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
class OrganisationService {
public:
    explicit OrganisationService(db::Database& database) : database_(database) {}

    Organisation Get(const RequestContext& context, std::int64_t id) const;  // 404 outside scope
    std::vector<Organisation> Children(const RequestContext& context,
                                       std::int64_t id) const;  // 404 outside scope
    Page<Organisation> Search(const RequestContext& context, const std::string& keyword,
                              PageRequest page) const;

    // Used by other modules inside their own transactions.
    static std::optional<Organisation> FindInScope(db::Session& session, const Principal& principal,
                                                   std::int64_t id);
    // Inserts an organisation and fills its materialised path (the parent's path plus its own segment).
    static std::int64_t Insert(db::Session& session, const NewOrganisation& organisation, EpochMillis now);

private:
    db::Database& database_;
};

}  // namespace app::organisations
