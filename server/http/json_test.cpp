#include "http/json.hpp"

#include <gtest/gtest.h>

namespace app::http {

TEST(JsonTest, MalformedBodyNamesTheProblem) {
    Request request;
    request.body = "{\"username\": ";
    try {
        ParseJsonObject(request);
        FAIL();
    } catch (const Error& error) {
        EXPECT_EQ(error.GetCode(), ErrorCode::kInvalidInput);
        EXPECT_NE(error.GetMessage().en.find("not valid JSON"), std::string::npos);
    }
    request.body = "[1,2]";
    EXPECT_THROW(ParseJsonObject(request), Error);
    request.body = "";
    EXPECT_THROW(ParseJsonObject(request), Error);
}

TEST(JsonTest, FieldReaderCollectsEveryProblem) {
    Request request;
    request.body = R"({"name":"  ","age":"x","count":5000,"ids":[1,"2"],"ok":"yes","long":"abcdef"})";
    const auto body = ParseJsonObject(request);
    FieldReader reader(body);
    reader.RequiredString("name", 1, 10);
    reader.RequiredInt64("age", 0, 200);
    reader.OptionalInt64("count", 0, 100);
    reader.Int64Array("ids", 5);
    reader.OptionalBool("ok");
    reader.OptionalString("long", 3);
    reader.RequiredString("missing", 1, 10);
    try {
        reader.Finish();
        FAIL();
    } catch (const Error& error) {
        const auto& fields = error.GetFieldErrors();
        for (const char* field : {"name", "age", "count", "ids", "ok", "long", "missing"}) {
            EXPECT_TRUE(fields.count(field)) << field;
        }
    }
}

TEST(JsonTest, FieldReaderTrimsAndCountsCharacters) {
    Request request;
    request.body = R"({"name":"  江苏省总工会  ","id":12})";
    const auto body = ParseJsonObject(request);
    FieldReader reader(body);
    EXPECT_EQ(reader.RequiredString("name", 1, 6), "江苏省总工会");
    EXPECT_EQ(reader.RequiredInt64("id", 1, 100), 12);
    EXPECT_NO_THROW(reader.Finish());
}

// Found by the json_input fuzzer: PostgreSQL received such text cut at the NUL (libpq takes C strings)
// while SQLite stored all of it; a user name "admin\u0000x" looked up admin under another throttle key.
TEST(JsonTest, TextWithNulIsRefused) {
    Request request;
    request.body = R"({"name":"adm\u0000in","note":"a\u0000","tags":["ok","b\u0000"],"secret":"p\u0000w"})";
    const auto body = ParseJsonObject(request);
    FieldReader reader(body);
    reader.RequiredString("name", 1, 32);
    reader.OptionalString("note", 32);
    reader.StringArray("tags", 5, 8);
    EXPECT_EQ(reader.RequiredSecret("secret", 64), std::string("p\0w", 3));
    for (const char* field : {"name", "note", "tags"}) EXPECT_TRUE(reader.HasError(field)) << field;
    EXPECT_FALSE(reader.HasError("secret"));
    EXPECT_THROW(reader.Finish(), Error);

    request.query_string = "keyword=adm%00in";
    EXPECT_THROW(QueryText(request, "keyword", 64), Error);
    request.query_string = "keyword=%E5%AE%89%E5%BA%B7";
    EXPECT_EQ(QueryText(request, "keyword", 64), std::optional<std::string>("安康"));
}

TEST(JsonTest, PagingParametersAreValidated) {
    Request request;
    request.query_string = "page=0&pageSize=501";
    try {
        ReadPageRequest(request);
        FAIL();
    } catch (const Error& error) {
        EXPECT_TRUE(error.GetFieldErrors().count("page"));
        EXPECT_TRUE(error.GetFieldErrors().count("pageSize"));
    }
    request.query_string = "page=3&pageSize=50";
    const auto page = ReadPageRequest(request);
    EXPECT_EQ(page.Offset(), 100);
    request.query_string = "page=abc";
    EXPECT_THROW(ReadPageRequest(request), Error);
}

}  // namespace app::http
