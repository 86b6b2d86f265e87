#include "organisations/credit_code.hpp"

#include <gtest/gtest.h>

namespace app::organisations {

TEST(CreditCodeTest, AcceptsRealCodes) {
    // Published codes of well-known enterprises, and the standard's own example.
    for (const char* code : {"91350100M000100Y43", "91110000802100433B", "91310000MA1FL1MMXL",
                             "91440300708461136T", "9144030071526726XG"}) {
        const auto check = CheckCreditCode(code);
        EXPECT_TRUE(check.code) << code << ": " << (check.problem ? check.problem->en : "");
    }
}

TEST(CreditCodeTest, NormalisesCaseAndSpaces) {
    const auto check = CheckCreditCode("  91310000ma1fl1mmxl ");
    ASSERT_TRUE(check.code);
    EXPECT_EQ(*check.code, "91310000MA1FL1MMXL");
}

TEST(CreditCodeTest, RejectsWrongCheckCharacterLengthAndLetters) {
    EXPECT_TRUE(CheckCreditCode("91110000802100433C").problem);  // one character changed
    EXPECT_TRUE(CheckCreditCode("91350100M000100Y44").problem);
    EXPECT_TRUE(CheckCreditCode("9111000080210043").problem);  // too short
    EXPECT_TRUE(CheckCreditCode("91110000802100433BB").problem);
    EXPECT_TRUE(CheckCreditCode("9111000080210O433B").problem);  // letter O is not used
    const auto problem = CheckCreditCode("91110000802100433I").problem;
    ASSERT_TRUE(problem);
    EXPECT_NE(problem->en.find("'I'"), std::string::npos);
}

TEST(CreditCodeTest, CheckCharacterCanBeZero) {
    // Find a prefix whose check value is 31 mod 31 = 0 and make sure '0' is produced, not an out-of-range
    // index.
    std::string prefix = "9111000080210043";
    for (char last : std::string("0123456789ABCDEFGHJKLMNPQRTUWXY")) {
        const std::string seventeen = prefix + last;
        const char check = CreditCodeCheckCharacter(seventeen);
        EXPECT_TRUE(CheckCreditCode(seventeen + check).code) << seventeen;
    }
}

}  // namespace app::organisations
