#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace app::organisations {

// Which union covers an enterprise's workers, for one period (domain model §2.1, UnionCoverage).
struct Coverage {
    std::string coverage_type;  // dictionary union_coverage_type: OWN_UNION … NONE
    std::optional<std::int64_t> union_organisation_id;
    std::string union_organisation_name;
    std::string since;                 // YYYY-MM-DD
    std::optional<std::string> until;  // nullopt for the current period
    std::optional<std::int64_t> supervising_organisation_id;
    std::string supervising_organisation_name;
};

struct Enterprise {
    std::int64_t id = 0;
    std::string credit_code;
    std::string name;
    std::int64_t organisation_id = 0;  // the territorial union whose area the enterprise is in
    std::string organisation_name;
    std::string organisation_path;  // for scope and audit; not part of the API
    std::string industry_section;   // GB/T 4754-2017 门类 A–T
    std::string industry_division;  // 大类, two digits, or empty
    std::string economic_component;
    std::string registration_type;
    std::string size_class;
    std::int64_t headcount = 0;
    std::string address;
    std::string admin_division_code;
    std::string status = "ACTIVE";
    std::optional<Coverage> coverage;
    std::int64_t created_at = 0;
    std::int64_t updated_at = 0;
};

struct EnterpriseInput {
    std::string credit_code;
    std::string name;
    std::int64_t organisation_id = 0;
    std::string industry_section;
    std::string industry_division;
    std::string economic_component;
    std::string registration_type;
    std::string size_class;
    std::int64_t headcount = 0;
    std::string address;
    std::string admin_division_code;
    std::string status = "ACTIVE";
};

struct EnterpriseFilter {
    std::string keyword;  // name or credit code
    std::optional<std::int64_t> organisation_id;
    std::string economic_component;
    std::string size_class;
    std::string industry_section;
    std::string coverage_type;  // on the current coverage; NONE also matches "never recorded"
    std::string status;
};

struct CoverageInput {
    std::string coverage_type;
    std::optional<std::int64_t> union_organisation_id;
    std::string since;
    std::optional<std::int64_t> supervising_organisation_id;
};

// Whether a GB/T 4754-2017 division (two digits) belongs to a section (A–T).
bool DivisionInSection(std::string_view division, std::string_view section);
// A calendar date YYYY-MM-DD that exists.
bool IsValidDate(std::string_view date);

}  // namespace app::organisations
