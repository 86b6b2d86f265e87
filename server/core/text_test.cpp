#include "core/text.hpp"

#include <gtest/gtest.h>

#include "core/error.hpp"

namespace app {

TEST(TextTest, CountsChineseCharactersAsOneEach) {
    EXPECT_EQ(text::CodePointCount("安康杯"), 3u);
    EXPECT_EQ(text::CodePointCount("abc"), 3u);
    EXPECT_EQ(text::CodePointCount(""), 0u);
}

TEST(TextTest, RejectsInvalidUtf8) {
    EXPECT_TRUE(text::IsValidUtf8("工会 union"));
    EXPECT_FALSE(text::IsValidUtf8("\xC0\xAF"));      // overlong '/'
    EXPECT_FALSE(text::IsValidUtf8("\xED\xA0\x80"));  // surrogate
    EXPECT_FALSE(text::IsValidUtf8("\xE5\xB7"));      // truncated
}

TEST(TextTest, EscapesLikeWildcards) {
    EXPECT_EQ(text::EscapeLike("50%_a\\b"), "50\\%\\_a\\\\b");
}

TEST(TextTest, TrimsAsciiWhitespace) {
    EXPECT_EQ(text::Trim("  王 伟 \t\n"), "王 伟");
}

TEST(ErrorTest, PicksEnglishOnlyWhenAvailable) {
    EXPECT_EQ(Pick({"中文", "English"}, Language::kEnglish), "English");
    EXPECT_EQ(Pick({"中文", ""}, Language::kEnglish), "中文");
    EXPECT_EQ(Pick({"中文", "English"}, Language::kChinese), "中文");
}

TEST(ErrorTest, InvalidInputNamesEveryField) {
    const Error error =
        Error::InvalidInput({{"username", {"必填", "is required"}}, {"phone", {"格式", "format"}}});
    EXPECT_EQ(error.GetCode(), ErrorCode::kInvalidInput);
    EXPECT_EQ(error.GetFieldErrors().size(), 2u);
    EXPECT_NE(std::string(error.what()).find("username"), std::string::npos);
    EXPECT_EQ(ErrorCodeName(error.GetCode()), "invalid_input");
}

}  // namespace app
