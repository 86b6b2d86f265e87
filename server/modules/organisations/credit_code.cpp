#include "organisations/credit_code.hpp"

#include <array>
#include <cctype>

#include "core/text.hpp"

namespace app::organisations {
namespace {

constexpr std::string_view kAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
// Weight of position i is 3^i mod 31 (GB 32100-2015, 5.2).
constexpr std::array<int, 17> kWeights = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

}  // namespace

char CreditCodeCheckCharacter(std::string_view first_seventeen) {
    int sum = 0;
    for (std::size_t index = 0; index < kWeights.size(); ++index) {
        sum += static_cast<int>(kAlphabet.find(first_seventeen[index])) * kWeights[index];
    }
    const int check = (31 - sum % 31) % 31;
    return kAlphabet[static_cast<std::size_t>(check)];
}

CreditCodeCheck CheckCreditCode(std::string_view input) {
    std::string code = text::Trim(input);
    for (char& c : code) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    if (code.size() != 18) {
        return {std::nullopt, LocalizedText{"统一社会信用代码须为 18 位",
                                            "A unified social credit code has 18 characters"}};
    }
    for (char c : code) {
        if (kAlphabet.find(c) == std::string_view::npos) {
            return {std::nullopt, LocalizedText{std::string("统一社会信用代码含有不允许的字符“") + c +
                                                    "”（不使用 I、O、S、V、Z）",
                                                std::string("The code contains '") + c +
                                                    "', which is not allowed (no I, O, S, V, Z)"}};
        }
    }
    const char expected = CreditCodeCheckCharacter(std::string_view(code).substr(0, 17));
    if (code[17] != expected) {
        return {std::nullopt, LocalizedText{"统一社会信用代码校验位不正确，请核对",
                                            "The check character does not match; please verify the code"}};
    }
    return {code, std::nullopt};
}

}  // namespace app::organisations
