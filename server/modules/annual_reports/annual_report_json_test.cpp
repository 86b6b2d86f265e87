#include "annual_reports/annual_report_json.hpp"

#include <gtest/gtest.h>

#include <set>

#include "http/json.hpp"

namespace app::annual_reports {
namespace {

std::set<std::string> FieldsOf(const std::string& body) {
    try {
        ReadItemInputs(http::ParseJsonText(body).as_object());
    } catch (const Error& error) {
        std::set<std::string> fields;
        for (const auto& [field, message] : error.GetFieldErrors()) fields.insert(field);
        return fields;
    }
    return {};
}

TEST(AnnualReportJson, ItemsSayWhatChangesAndLeaveTheRest) {
    const auto inputs = ReadItemInputs(
        http::ParseJsonText(R"({"items":[{"code":"E01","manualValue":12},{"code":"E02","manualValue":null},)"
                            R"({"code":"E03","note":"说明"},{"code":"E04","manualValue":7.0}]})")
            .as_object());
    ASSERT_EQ(inputs.size(), 4U);
    EXPECT_TRUE(inputs[0].set_manual);
    EXPECT_EQ(inputs[0].manual_value, 12);
    EXPECT_FALSE(inputs[0].note);
    EXPECT_TRUE(inputs[1].set_manual) << "null clears the manual value";
    EXPECT_FALSE(inputs[1].manual_value);
    EXPECT_FALSE(inputs[2].set_manual) << "absent: unchanged";
    EXPECT_EQ(inputs[2].note, "说明");
    EXPECT_EQ(inputs[3].manual_value, 7) << "7.0 is a whole number";
}

TEST(AnnualReportJson, EveryBadValueIsNamedByItsItem) {
    EXPECT_EQ(
        FieldsOf(
            R"({"items":[{"code":"E01","manualValue":-1},{"code":"E02","manualValue":2.5},)"
            R"({"code":"E03","manualValue":"12"},{"code":"E04","manualValue":18446744073709551615},)"
            R"({"code":"E05","manualValue":1e300},{"code":"E06","note":5},{"code":"E07","manualValue":0}]})"),
        (std::set<std::string>{"items[E01].manualValue", "items[E02].manualValue", "items[E03].manualValue",
                               "items[E04].manualValue", "items[E05].manualValue", "items[E06].note"}));
    EXPECT_EQ(FieldsOf(R"({"items":{}})"), std::set<std::string>{"items"});
    EXPECT_EQ(FieldsOf(R"({})"), std::set<std::string>{"items"});
    EXPECT_EQ(FieldsOf(R"({"items":[{"manualValue":1}]})"), std::set<std::string>{"items"});
}

}  // namespace
}  // namespace app::annual_reports
