#include "auth/password.hpp"

#include <gtest/gtest.h>

#include "auth/data_scope.hpp"

namespace app::auth {

TEST(PasswordTest, HashesWithArgon2idAndVerifies) {
    const std::string hash = HashPassword("Correct1horse", PasswordHashCost::kMinimal);
    EXPECT_EQ(hash.rfind("$argon2id$", 0), 0u) << hash;
    EXPECT_TRUE(VerifyPassword(hash, "Correct1horse"));
    EXPECT_FALSE(VerifyPassword(hash, "correct1horse"));
    EXPECT_NE(hash, HashPassword("Correct1horse", PasswordHashCost::kMinimal));  // salted
}

TEST(PasswordTest, RuleNeedsLengthLetterAndDigit) {
    EXPECT_TRUE(CheckPasswordRule("short1"));
    EXPECT_TRUE(CheckPasswordRule("onlyletters"));
    EXPECT_TRUE(CheckPasswordRule("1234567890"));
    EXPECT_TRUE(CheckPasswordRule(std::string(65, 'a') + "1"));
    EXPECT_FALSE(CheckPasswordRule("Ankang@2026"));
}

TEST(PasswordTest, TokensAreLongRandomAndHashedForStorage) {
    const std::string first = NewSecretToken();
    const std::string second = NewSecretToken();
    EXPECT_EQ(first.size(), 43u);
    EXPECT_NE(first, second);
    EXPECT_EQ(HashToken(first).size(), 64u);
    EXPECT_EQ(HashToken(first), HashToken(first));
    EXPECT_NE(HashToken(first), first);
}

TEST(DataScopeTest, SubtreeRangeOnFixedWidthPaths) {
    EXPECT_EQ(PathSegment(42), "/00000042");
    const std::string county = "/00000001/00000005";
    EXPECT_TRUE(PathInSubtree(county, county));
    EXPECT_TRUE(PathInSubtree(county + "/00000900", county));
    EXPECT_FALSE(PathInSubtree("/00000001/00000006", county));
    EXPECT_FALSE(PathInSubtree("/00000001", county));
    EXPECT_FALSE(PathInSubtree("/00000001/000000050", county));  // not a real path, but must not match
    EXPECT_FALSE(PathInSubtree(county, ""));
}

}  // namespace app::auth
