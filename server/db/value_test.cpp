#include "db/value.hpp"

#include <gtest/gtest.h>

#include <limits>

namespace app::db {

namespace {
Result OneRow(std::vector<Value> values) {
    Result result;
    for (std::size_t index = 0; index < values.size(); ++index)
        result.columns.push_back("c" + std::to_string(index));
    result.rows.push_back(std::move(values));
    return result;
}
}  // namespace

TEST(RowTest, TypedGettersReturnValues) {
    const Result result = OneRow({std::int64_t{5'000'000'000}, std::string("安康"), 2.5, std::int64_t{1}});
    const Row row = result.Front();
    EXPECT_EQ(row.GetInt64(0), 5'000'000'000);
    EXPECT_EQ(row.GetString(1), "安康");
    EXPECT_DOUBLE_EQ(row.GetDouble(2), 2.5);
    EXPECT_TRUE(row.GetBool(3));
}

TEST(RowTest, NullFailsLoudlyUnlessOptional) {
    const Result result = OneRow({Null{}});
    const Row row = result.Front();
    EXPECT_THROW(row.GetInt64(0), DatabaseError);
    EXPECT_THROW(row.GetString(0), DatabaseError);
    EXPECT_EQ(row.GetOptionalInt64(0), std::nullopt);
    EXPECT_EQ(row.GetOptionalString(0), std::nullopt);
}

TEST(RowTest, OverflowAndWrongTypesFailLoudly) {
    const Result result = OneRow({std::int64_t{5'000'000'000}, std::string("12x"), std::int64_t{2}, 1.5,
                                  std::string("9223372036854775808")});
    const Row row = result.Front();
    EXPECT_THROW(row.GetInt32(0), DatabaseError);  // would silently truncate to 705032704 otherwise
    EXPECT_THROW(row.GetInt64(1), DatabaseError);
    EXPECT_THROW(row.GetBool(2), DatabaseError);
    EXPECT_THROW(row.GetInt64(3), DatabaseError);
    EXPECT_THROW(row.GetInt64(4), DatabaseError);  // one past INT64_MAX
    EXPECT_THROW(row.GetString(0), DatabaseError);
}

TEST(RowTest, WholeNumericTextParsesAsInteger) {
    // PostgreSQL returns SUM(bigint) as numeric text.
    const Result result = OneRow({std::string("123456789012")});
    EXPECT_EQ(result.Front().GetInt64(0), 123456789012);
}

TEST(ResultTest, FrontOfEmptyResultThrows) {
    Result empty;
    EXPECT_THROW(empty.Front(), DatabaseError);
}

}  // namespace app::db
