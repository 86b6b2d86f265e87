#pragma once

#include <string>

#include "core/error.hpp"
#include "db/value.hpp"

namespace app::db {

// A unique-constraint failure on a column becomes a 409 naming the field the user typed, so the form can
// mark it. Used where two requests could race past any earlier check.
Error DuplicateValue(const ConstraintViolation& violation, const std::string& field, LocalizedText message);

}  // namespace app::db
