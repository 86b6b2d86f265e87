#include "organisations/enterprise_import_service.hpp"

#include <boost/json/parse.hpp>

#include "core/csv.hpp"
#include "organisations/credit_code.hpp"
#include "organisations/enterprise_service.hpp"
#include "system/system_test_fixture.hpp"

namespace app::organisations {
namespace {

// A valid credit code (GB 32100 check character) for a serial number.
std::string Code(int serial) {
    char body[18];
    std::snprintf(body, sizeof body, "91320102MA%07d", serial);
    return std::string(body) + CreditCodeCheckCharacter(body);
}

const std::string kHeader =
    "统一社会信用代码,企业名称,所属工会组织,行业门类,行业大类,经济成分,登记注册类型,规模,职工人数,地址,"
    "行政区划代码\n";

// A good row of the test tree's 新街口街道 (code 320102003), with Chinese labels throughout.
std::string Row(int serial, const std::string& name = "", const std::string& organisation = "320102003",
                const std::string& headcount = "85") {
    return Code(serial) + "," + (name.empty() ? "导入测试企业" + std::to_string(serial) : name) + "," +
           organisation + ",制造业,34,私有经济,私营有限责任公司,小型," + headcount + ",南京市玄武区,320102\n";
}

class EnterpriseImportTest : public system::testing_support::TreeFixture {
protected:
    EnterpriseImportService imports_{database_.Get(), clock_};
    EnterpriseService enterprises_{database_.Get(), clock_};

    ImportResult Import(const std::string& csv_text, ImportMode mode, std::int64_t user,
                        ImportRun run = ImportRun::kWrite) {
        csv::Reader reader = csv::ReaderOver(csv_text);
        std::vector<std::string> ignored;
        ImportResult result = imports_.Import(ContextFor(user), CsvImportRows(reader, ignored), {mode, run});
        result.ignored_columns = ignored;
        return result;
    }

    std::vector<std::int64_t> RowsWithIssues(const ImportResult& result) {
        std::vector<std::int64_t> rows;
        for (const ImportIssue& issue : result.issues)
            if (rows.empty() || rows.back() != issue.row_number) rows.push_back(issue.row_number);
        return rows;
    }
};

}  // namespace

TEST_F(EnterpriseImportTest, AllOrNothingWithBadRowsWritesNothingAndReportsEveryBadRow) {
    const std::string file = kHeader + Row(1) + Row(2, "x") + Row(3) + Code(4).substr(0, 17) +
                             "0,坏代码企业,320102003,制造业,34,21,,SMALL,5,,\n" + Row(5) +
                             Row(6, "", "320102003", "很多");
    const ImportResult result = Import(file, ImportMode::kAllOrNothing, county_x_cadre_);
    EXPECT_FALSE(result.committed);
    EXPECT_EQ(result.rows, 6);
    EXPECT_EQ(result.rejected, 3);
    EXPECT_EQ(result.inserted, 0);
    EXPECT_EQ(RowsWithIssues(result), (std::vector<std::int64_t>{3, 5, 7}));  // spreadsheet rows, header = 1
    EXPECT_EQ(result.issues[0].column, ImportColumn::kName);
    EXPECT_EQ(result.issues[0].message.zh, "长度须为 2–100 个字符");
    EXPECT_EQ(result.issues[1].column, ImportColumn::kCreditCode);
    EXPECT_EQ(result.issues[2].column, ImportColumn::kHeadcount);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM enterprises"), 0);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'import'"), 0);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'import_refused'"), 1);
}

TEST_F(EnterpriseImportTest, ValidRowsOnlyWritesOnlyTheGoodRows) {
    const std::string file = kHeader + Row(1) + Row(2, "x") + Row(3);
    const ImportResult result = Import(file, ImportMode::kValidRowsOnly, county_x_cadre_);
    EXPECT_TRUE(result.committed);
    EXPECT_EQ(result.inserted, 2);
    EXPECT_EQ(result.rejected, 1);
    EXPECT_EQ(RowsWithIssues(result), (std::vector<std::int64_t>{3}));
    EXPECT_EQ(Count("SELECT COUNT(*) FROM enterprises"), 2);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM enterprises WHERE credit_code = '" + Code(2) + "'"), 0);
    // One audit entry for the whole import, not one per row.
    EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'import' AND entity_type = 'enterprise'"),
              1);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'create'"), 0);
}

TEST_F(EnterpriseImportTest, ReimportingTheSameFileChangesNothing) {
    std::string file = kHeader;
    for (int serial = 1; serial <= 1200; ++serial) file += Row(serial);  // more than two batches
    const ImportResult first = Import(file, ImportMode::kAllOrNothing, county_x_cadre_);
    ASSERT_TRUE(first.committed);
    EXPECT_EQ(first.inserted, 1200);
    const std::int64_t created_at = clock_.Now();

    clock_.Advance(60'000);
    const ImportResult again = Import(file, ImportMode::kAllOrNothing, county_x_cadre_);
    EXPECT_TRUE(again.committed);
    EXPECT_EQ(again.unchanged, 1200);
    EXPECT_EQ(again.inserted + again.updated + again.rejected, 0);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM enterprises"), 1200);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM enterprises WHERE updated_at <> " + std::to_string(created_at)), 0);

    // One changed value: that enterprise is updated, the rest stay as they were.
    clock_.Advance(60'000);
    const ImportResult changed =
        Import(kHeader + Row(1) + Row(2, "改了名字的企业"), ImportMode::kAllOrNothing, county_x_cadre_);
    EXPECT_EQ(changed.updated, 1);
    EXPECT_EQ(changed.unchanged, 1);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM enterprises WHERE updated_at <> " + std::to_string(created_at)), 1);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM enterprises WHERE name = '改了名字的企业'"), 1);
}

TEST_F(EnterpriseImportTest, ChineseLabelsAndCodesMapToTheSameCodes) {
    const std::string file =
        "信用代码,名称,所属工会,门类,大类,经济成分,登记注册类型,企业规模,职工人数（人）,序号\n" + Code(1) +
        ",标签企业,新街口街道工会,制造业,C34,私营,私营有限责任公司,小型,\"1,200\",1\n" + Code(2) +
        ",代码企业,320102003,C,34,21,173,SMALL,1200.0,2\n";
    const ImportResult result = Import(file, ImportMode::kAllOrNothing, county_x_cadre_);
    ASSERT_TRUE(result.committed) << (result.issues.empty() ? "" : result.issues[0].message.en);
    EXPECT_EQ(result.ignored_columns, std::vector<std::string>{"序号"});
    const auto page = enterprises_.List(ContextFor(county_x_cadre_), {}, {1, 10});
    ASSERT_EQ(page.total, 2);
    for (const Enterprise& enterprise : page.items) {
        EXPECT_EQ(enterprise.organisation_id, town_);
        EXPECT_EQ(enterprise.industry_section, "C");
        EXPECT_EQ(enterprise.industry_division, "34");
        EXPECT_EQ(enterprise.economic_component, "21");
        EXPECT_EQ(enterprise.registration_type, "173");
        EXPECT_EQ(enterprise.size_class, "SMALL");
        EXPECT_EQ(enterprise.headcount, 1200);
        EXPECT_EQ(enterprise.status, "ACTIVE");
    }
}

TEST_F(EnterpriseImportTest, UnknownLabelsAreNamedInTheReport) {
    const std::string file = kHeader + Code(1) + ",标签企业,320102003,造船业,34,半公有,,特大型,5,,\n";
    const ImportResult result = Import(file, ImportMode::kValidRowsOnly, county_x_cadre_);
    ASSERT_EQ(result.issues.size(), 3u);
    EXPECT_EQ(result.issues[0].message.zh, "无法识别的行业门类：造船业");
    EXPECT_EQ(result.issues[1].message.en, "Unknown economic component: 半公有");
    EXPECT_EQ(result.issues[2].column, ImportColumn::kSizeClass);
}

TEST_F(EnterpriseImportTest, RowsOutsideTheCallersScopeAreRejectedAsNotFound) {
    // An enterprise of 秦淮区 made by the administrator; county X's cadre may neither name 秦淮区 nor touch
    // it.
    ASSERT_TRUE(Import(kHeader + Row(9, "秦淮企业", "320104"), ImportMode::kAllOrNothing, admin_).committed);
    const std::string file = kHeader + Row(1) + Row(2, "越界企业", "320104") +
                             Row(3, "不存在的组织", "999999") + Row(9, "想改秦淮的企业", "320102003");
    const ImportResult result = Import(file, ImportMode::kValidRowsOnly, county_x_cadre_);
    EXPECT_EQ(result.inserted, 1);
    EXPECT_EQ(result.rejected, 3);
    ASSERT_EQ(result.issues.size(), 3u);
    EXPECT_EQ(result.issues[0].column, ImportColumn::kOrganisation);
    // A real organisation outside the scope and one that does not exist read the same.
    EXPECT_EQ(result.issues[0].message.zh, result.issues[1].message.zh);
    EXPECT_EQ(result.issues[2].column, ImportColumn::kCreditCode);
    EXPECT_EQ(result.issues[2].row_number, 5);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM enterprises WHERE name = '秦淮企业'"), 1);
}

TEST_F(EnterpriseImportTest, DuplicateCodesInOneFileAndMissingColumns) {
    const ImportResult result =
        Import(kHeader + Row(1) + Row(1, "同码企业"), ImportMode::kValidRowsOnly, admin_);
    EXPECT_EQ(result.inserted, 1);
    ASSERT_EQ(result.issues.size(), 1u);
    EXPECT_EQ(result.issues[0].message.zh, "与第 2 行的统一社会信用代码重复");
    try {
        Import("统一社会信用代码,企业名称\n" + Code(1) + ",某企业\n", ImportMode::kValidRowsOnly, admin_);
        FAIL();
    } catch (const Error& error) {
        EXPECT_NE(error.GetFieldErrors().at("file").zh.find("所属工会组织"), std::string::npos);
    }
}

TEST_F(EnterpriseImportTest, DryRunCountsButWritesNothing) {
    Import(kHeader + Row(1), ImportMode::kAllOrNothing, admin_);
    const ImportResult result = Import(kHeader + Row(1) + Row(2) + Row(3, "x"), ImportMode::kValidRowsOnly,
                                       admin_, ImportRun::kDryRun);
    EXPECT_FALSE(result.committed);
    EXPECT_EQ(result.unchanged, 1);
    EXPECT_EQ(result.inserted, 1);
    EXPECT_EQ(result.rejected, 1);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM enterprises"), 1);
    // Nothing written, but the check itself is on record (its rejections reveal existing credit codes).
    EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'import_check'"), 1);
}

TEST_F(EnterpriseImportTest, CoverageColumnsRecordAndChangeTheCoverage) {
    const std::string header =
        "统一社会信用代码,企业名称,所属工会组织,行业门类,经济成分,规模,职工人数,建会方式,覆盖工会,建会日期\n";
    const std::string base = Code(1) + ",建会企业,320102003,C,21,SMALL,20,";
    ASSERT_TRUE(Import(header + base + "联合基层工会,320102003,2025/3/1\n", ImportMode::kAllOrNothing, admin_)
                    .committed);
    auto listed = enterprises_.List(ContextFor(admin_), {}, {1, 10});
    ASSERT_TRUE(listed.items[0].coverage);
    EXPECT_EQ(listed.items[0].coverage->coverage_type, "JOINT_BASE_UNION");
    EXPECT_EQ(listed.items[0].coverage->since, "2025-03-01");
    // The same again is unchanged; a new type ends the current period and starts another.
    EXPECT_EQ(
        Import(header + base + "联合基层工会,新街口街道工会,2025-03-01\n", ImportMode::kAllOrNothing, admin_)
            .unchanged,
        1);
    EXPECT_EQ(Import(header + base + "未建会,,2026-01-01\n", ImportMode::kAllOrNothing, admin_).updated, 1);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM union_coverage"), 2);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM union_coverage WHERE until_date = '2026-01-01'"), 1);
    const ImportResult earlier =
        Import(header + base + "独立建会,320102003,2024-01-01\n", ImportMode::kAllOrNothing, admin_);
    ASSERT_EQ(earlier.issues.size(), 1u);
    EXPECT_EQ(earlier.issues[0].column, ImportColumn::kCoverageSince);
}

TEST_F(EnterpriseImportTest, JsonRowsFromTheBrowserAreJudgedTheSameWay) {
    const auto rows = ReadJsonImportRows(
        boost::json::parse(R"([{"rowNumber": 7, "creditCode": ")" + Code(1) +
                           R"(", "name": "表格企业", "organisation": "320102003", "industrySection": "制造业",
                             "economicComponent": "私有经济", "sizeClass": "小型", "headcount": 12},
                            {"统一社会信用代码": "bad", "企业名称": "坏行", "headcount": 1.5}])")
            .as_array(),
        10);
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[0].row_number, 7);
    EXPECT_EQ(rows[1].row_number, 3);
    EXPECT_FALSE(rows[0].Cell(ImportColumn::kAddress).has_value());
    std::size_t next = 0;
    const ImportResult result = imports_.Import(ContextFor(admin_),
                                                [&](ImportRow& row) {
                                                    if (next >= rows.size()) return false;
                                                    row = rows[next++];
                                                    return true;
                                                },
                                                {ImportMode::kValidRowsOnly});
    EXPECT_EQ(result.inserted, 1);
    EXPECT_EQ(result.rejected, 1);
    EXPECT_EQ(result.issues.front().row_number, 3);
}

}  // namespace app::organisations

namespace app::organisations {

// A blank 状态 cell must not reopen a CLOSED enterprise (an empty status is no status, not ACTIVE); a word
// in it still changes the status.
TEST_F(EnterpriseImportTest, AnEmptyStatusCellKeepsTheStoredStatus) {
    const std::string header = kHeader.substr(0, kHeader.size() - 1) + ",状态\n";
    auto row = [&](int serial, const std::string& status) {
        return Row(serial).substr(0, Row(serial).size() - 1) + "," + status + "\n";
    };
    ASSERT_TRUE(
        Import(header + row(1, "注销") + row(2, ""), ImportMode::kAllOrNothing, county_x_cadre_).committed);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM enterprises WHERE status = 'CLOSED'"), 1);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM enterprises WHERE status = 'ACTIVE'"), 1);

    const ImportResult again =
        Import(header + row(1, "") + row(2, ""), ImportMode::kAllOrNothing, county_x_cadre_);
    EXPECT_EQ(again.unchanged, 2);
    EXPECT_EQ(
        Count("SELECT COUNT(*) FROM enterprises WHERE credit_code = '" + Code(1) + "' AND status = 'CLOSED'"),
        1);
    EXPECT_EQ(Import(header + row(1, "存续"), ImportMode::kAllOrNothing, county_x_cadre_).updated, 1);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM enterprises WHERE status = 'CLOSED'"), 0);
}

}  // namespace app::organisations
