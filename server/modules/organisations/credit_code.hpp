#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/error.hpp"

namespace app::organisations {

// 统一社会信用代码 (unified social credit code), GB 32100-2015: 18 characters from "0-9 A-H J-N P-R T-U W-Y"
// (no I, O, S, V, Z): registration authority (1), organisation type (1), administrative division (6),
// organisation code (9), and a check character computed over the first 17 with weights 3^i mod 31.
//
// Returns the code in canonical form (trimmed, upper case) or the reason it is not valid.
struct CreditCodeCheck {
    std::optional<std::string> code;
    std::optional<LocalizedText> problem;
};
CreditCodeCheck CheckCreditCode(std::string_view input);

// The check character for the first 17 characters (which must already be from the alphabet).
char CreditCodeCheckCharacter(std::string_view first_seventeen);

}  // namespace app::organisations
