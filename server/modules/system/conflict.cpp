#include "system/conflict.hpp"

namespace app::system {

Error DuplicateValue(const db::ConstraintViolation& violation, const std::string& field,
                     LocalizedText message) {
    Error::FieldErrors fields;
    fields.emplace(field, message);
    return Error(ErrorCode::kConflict, std::move(message), violation.GetDetail(), std::move(fields));
}

}  // namespace app::system
