#include "core/paging.hpp"

#include <gtest/gtest.h>

namespace app {

TEST(PagingTest, TheCountStopsAfterTheCap) {
    EXPECT_EQ(CappedCountSql(" FROM hazards h WHERE h.grade = $1"),
              "SELECT COUNT(*) FROM (SELECT 1 FROM hazards h WHERE h.grade = $1 LIMIT 10001) capped");
    Page<int> page;
    SetCappedTotal(page, 10'000);
    EXPECT_EQ(page.total, 10'000);
    EXPECT_FALSE(page.total_capped);
    SetCappedTotal(page, 10'001);
    EXPECT_EQ(page.total, 10'001);
    EXPECT_TRUE(page.total_capped);
}

TEST(PagingTest, LimitAndOffsetAreWrittenAsNumbers) {
    EXPECT_EQ(LimitOffsetSql(20, 40), " LIMIT 20 OFFSET 40");
}

}  // namespace app
