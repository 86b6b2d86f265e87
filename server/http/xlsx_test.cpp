#include "http/xlsx.hpp"

#include <gtest/gtest.h>

namespace app::http {

TEST(XlsxTest, BuildsAZipWorkbookWithTheRows) {
    XlsxTable table{"用户", {"用户名", "姓名"}, {}, {}};
    for (int index = 0; index < 1000; ++index)
        table.rows.push_back({std::string("user") + std::to_string(index), std::int64_t{index}});
    const std::string bytes = BuildXlsx(table);
    ASSERT_GT(bytes.size(), 1000u);
    EXPECT_EQ(bytes.substr(0, 2), "PK");  // .xlsx is a zip archive
    EXPECT_NE(bytes.find("xl/worksheets/sheet1.xml"), std::string::npos);
}

}  // namespace app::http
