#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/error.hpp"
#include "organisations/enterprise.hpp"

namespace app::organisations {

// What the enterprise rules need to know about the world: which dictionary codes are enabled and which
// organisations the caller may use. The service answers from the database, one query at a time; the
// importer answers from tables it loaded once, so that a row is judged by exactly the same rules as a
// single create or update without a query per rule per row.
class EnterpriseReferences {
public:
    virtual ~EnterpriseReferences() = default;
    virtual bool InDictionary(std::string_view dictionary, std::string_view code) const = 0;
    virtual bool OrganisationInScope(std::int64_t organisation_id) const = 0;
};

// Every problem of an input whose fields already have the shapes ReadEnterpriseInput checks (lengths,
// required, ranges): credit code (GB 32100), organisation in scope, dictionary codes, the division inside its
// section, registration type, division code and status. Sets canonical_code when the credit code is valid.
Error::FieldErrors CheckEnterpriseInput(const EnterpriseInput& input, const EnterpriseReferences& references,
                                        std::string& canonical_code);

// The message for an organisation that does not exist or lies outside the caller's scope (one message for
// both, so that it does not reveal which).
const LocalizedText& OrganisationOutOfScopeMessage();

}  // namespace app::organisations
