#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace app::organisations {

// A union organisation in the federation tree (the minimal form; the organisation network module
// extends it with types, approval and coverage).
struct Organisation {
    std::int64_t id = 0;
    std::optional<std::int64_t> parent_id;
    std::string name;
    std::string code;
    std::string org_type;  // dictionary org_type code, e.g. COUNTY_FED
    int level = 0;         // 1 province … 7 union group
    std::string path;
    std::string status;
    bool has_children = false;
};

}  // namespace app::organisations
