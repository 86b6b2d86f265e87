#include "system/dictionary_service.hpp"

#include "system/system_test_fixture.hpp"

namespace app::system {
namespace {
class DictionaryServiceTest : public testing_support::TreeFixture {
protected:
    DictionaryService dictionaries_{database_.Get(), clock_};
};
}  // namespace

TEST_F(DictionaryServiceTest, SeededDictionariesAreThere) {
    const auto all = dictionaries_.ListDictionaries();
    EXPECT_GE(all.size(), 8u);
    const auto sizes = dictionaries_.Items("size_class");
    ASSERT_EQ(sizes.size(), 4u);
    EXPECT_EQ(sizes[0].code, "LARGE");
    EXPECT_EQ(sizes[0].label, "大型");
    EXPECT_EQ(testing_support::CodeOf([&] { dictionaries_.Items("no_such_dictionary"); }),
              ErrorCode::kNotFound);
}

TEST_F(DictionaryServiceTest, ItemsKeepTheirCodeWhenEdited) {
    const auto context = ContextFor(admin_);
    DictionaryItem item =
        dictionaries_.CreateItem(context, {0, "size_class", "NANO", "纳型", "Nano", 9, true});
    item = dictionaries_.UpdateItem(context, item.id, {0, "", "IGNORED", "超微型", "Nano", 5, false});
    EXPECT_EQ(item.code, "NANO");
    EXPECT_EQ(item.label, "超微型");
    EXPECT_FALSE(item.enabled);
    EXPECT_EQ(testing_support::CodeOf([&] {
                  dictionaries_.CreateItem(context, {0, "size_class", "NANO", "again", "", 1, true});
              }),
              ErrorCode::kConflict);
    EXPECT_EQ(testing_support::CodeOf([&] {
                  dictionaries_.CreateItem(context, {0, "size_class", "bad code!", "x", "", 1, true});
              }),
              ErrorCode::kInvalidInput);
    dictionaries_.DeleteItem(context, item.id);
    EXPECT_EQ(dictionaries_.Items("size_class").size(), 4u);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE entity_type = 'dictionary_item'"), 3);
}

}  // namespace app::system
