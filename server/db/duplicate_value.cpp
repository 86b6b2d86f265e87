#include "db/duplicate_value.hpp"

namespace app::db {

Error DuplicateValue(const ConstraintViolation& violation, const std::string& field, LocalizedText message) {
    Error::FieldErrors fields;
    fields.emplace(field, message);
    return Error(ErrorCode::kConflict, std::move(message), violation.GetDetail(), std::move(fields));
}

}  // namespace app::db
