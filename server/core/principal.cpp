#include "core/principal.hpp"

namespace app {

std::string_view DataScopeName(DataScope scope) {
    switch (scope) {
        case DataScope::kSubtree:
            return "SUBTREE";
        case DataScope::kSelf:
            return "SELF";
    }
    return "SELF";
}

DataScope ParseDataScope(std::string_view name) {
    if (name == "SUBTREE") return DataScope::kSubtree;
    if (name == "SELF") return DataScope::kSelf;
    throw Error::InvalidField("dataScope",
                              {"数据范围只能是 SUBTREE 或 SELF", "Data scope must be SUBTREE or SELF"});
}

}  // namespace app
