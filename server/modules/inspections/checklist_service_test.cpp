#include <gtest/gtest.h>

#include "inspections/checklist_service.hpp"
#include "system/system_test_fixture.hpp"

namespace app::inspections {
namespace {

using system::testing_support::CodeOf;

class ChecklistServiceTest : public system::testing_support::TreeFixture {
protected:
    ChecklistService checklists_{database_.Get(), clock_};

    std::int64_t LibraryId(const std::string& code) {
        return Count("SELECT id FROM checklist_templates WHERE organisation_id IS NULL AND code = '" + code +
                     "'");
    }

    static std::vector<ChecklistSection> Sections() {
        return {{"现场",
                 {{"A-1", "安全出口畅通", "《消防法》第十六条", 10, "PASS_FAIL_NA", true, false, "GENERAL"},
                  {"A-2", "配电箱上锁", "", 5, "PASS_FAIL_NA", false, true, "MAJOR"}}}};
    }

    static std::map<std::string, LocalizedText> FieldsOf(const std::function<void()>& action) {
        try {
            action();
        } catch (const Error& error) {
            return error.GetFieldErrors();
        }
        ADD_FAILURE() << "expected an app::Error";
        return {};
    }
};

TEST_F(ChecklistServiceTest, TheMigrationSeedsAPublishedProvincialLibrary) {
    const auto page = checklists_.List(ContextFor(town_cadre_), {"", "", "", "LIBRARY"}, {1, 50});
    EXPECT_EQ(page.total, 6);
    const auto seasonal =
        checklists_.List(ContextFor(town_cadre_), {"SEASONAL_CAMPAIGN", "", "", ""}, {1, 50});
    EXPECT_EQ(seasonal.total, 4);
    const auto summer = checklists_.List(ContextFor(town_cadre_), {"", "SUMMER", "", ""}, {1, 50});
    ASSERT_EQ(summer.total, 1);
    EXPECT_EQ(summer.items[0].code, "SEASON-SUMMER");
    const auto criteria = checklists_.Get(ContextFor(town_cadre_), LibraryId("MH-GONGMAO-2023"));
    ASSERT_TRUE(criteria.current);
    EXPECT_EQ(criteria.current->status, "PUBLISHED");
    EXPECT_GE(criteria.current->ItemCount(), 15);
    for (const auto& section : criteria.current->sections) {
        for (const auto& item : section.items) EXPECT_EQ(item.severity_hint, "MAJOR") << item.code;
    }
    EXPECT_FALSE(criteria.editable);  // a town cadre does not edit the library
    EXPECT_TRUE(checklists_.Get(ContextFor(admin_), LibraryId("LP-STATUTORY")).editable);
    for (const auto& summary : checklists_.List(ContextFor(admin_), {"", "", "", "LIBRARY"}, {1, 50}).items) {
        EXPECT_GE(summary.item_count, 6) << summary.code;
        EXPECT_LE(summary.code == "MH-GONGMAO-2023" ? 0 : summary.item_count, 16) << summary.code;
    }
}

TEST_F(ChecklistServiceTest, PublishedVersionsAreImmutableInTheDatabase) {
    const std::int64_t id = LibraryId("LP-STATUTORY");
    const auto refuse = [&](const std::string& sql) {
        EXPECT_THROW(database_->Write([&](db::Session& session) { session.Execute(sql); }), std::exception)
            << sql;
    };
    refuse("UPDATE checklist_versions SET note = 'x' WHERE template_id = " + std::to_string(id));
    refuse("DELETE FROM checklist_versions WHERE template_id = " + std::to_string(id));
    refuse("UPDATE checklist_items SET text = 'x' WHERE code = 'LP-01'");
    refuse("DELETE FROM checklist_items WHERE code = 'LP-01'");
    refuse(
        "UPDATE checklist_sections SET title = 'x' WHERE version_id IN (SELECT id FROM checklist_versions"
        " WHERE template_id = " +
        std::to_string(id) + ")");
    refuse(
        "INSERT INTO checklist_sections (version_id, position, title) SELECT id, 99, 'x' FROM "
        "checklist_versions"
        " WHERE template_id = " +
        std::to_string(id));
    EXPECT_EQ(Count("SELECT COUNT(*) FROM checklist_items WHERE code = 'LP-01' AND text LIKE '企业依法%'"),
              1);
}

TEST_F(ChecklistServiceTest, CopyAdaptAndPublishMakesANewVersionOfTheCopyOnly) {
    const std::int64_t library = LibraryId("SEASON-SUMMER");
    const auto context = ContextFor(county_x_cadre_);
    // The library cannot be edited by a county cadre: 403, and nothing changes.
    EXPECT_EQ(CodeOf([&] {
                  checklists_.SaveDraft(context, library, {"", Sections()});
              }),
              ErrorCode::kForbidden);
    const ChecklistTemplate copy = checklists_.Copy(context, library, {std::nullopt, "", ""});
    EXPECT_EQ(copy.organisation_id, county_x_);
    EXPECT_EQ(copy.copied_from_id, library);
    EXPECT_EQ(copy.copied_from_version, 1);
    EXPECT_EQ(copy.current_version, 1);
    ASSERT_TRUE(copy.current);
    EXPECT_EQ(copy.current->ItemCount(), checklists_.Get(context, library).current->ItemCount());
    // Copying twice into the same organisation under the same code: 409 naming the code.
    EXPECT_EQ(CodeOf([&] {
                  checklists_.Copy(context, library, {std::nullopt, "", ""});
              }),
              ErrorCode::kConflict);

    auto sections = copy.current->sections;
    sections[0].items[0].text = "日最高气温达到 39℃以上时停止当日室外露天作业（本区标准）";
    sections[0].items.push_back(
        {"SU-X1", "环卫工人避开高温时段作业", "", 5, "PASS_FAIL_NA", false, false, "GENERAL"});
    const auto drafted = checklists_.SaveDraft(context, copy.id, {"本区加严", sections});
    ASSERT_TRUE(drafted.draft);
    EXPECT_EQ(drafted.draft->version, 2);
    EXPECT_EQ(drafted.current_version, 1);
    // Saving again rewrites the same draft.
    EXPECT_EQ(checklists_.SaveDraft(context, copy.id, {"本区加严", sections}).draft->version, 2);
    const auto published = checklists_.Publish(context, copy.id);
    EXPECT_EQ(published.current_version, 2);
    EXPECT_FALSE(published.draft);
    EXPECT_EQ(published.current->ItemCount(), copy.current->ItemCount() + 1);
    EXPECT_EQ(published.versions.size(), 2u);
    // Version 1 of the copy and the library are unchanged.
    EXPECT_EQ(checklists_.GetVersion(context, copy.id, 1).sections[0].items[0].text,
              copy.current->sections[0].items[0].text);
    EXPECT_EQ(checklists_.Get(context, library).current_version, 1);
    // Nothing left to publish.
    EXPECT_EQ(CodeOf([&] { checklists_.Publish(context, copy.id); }), ErrorCode::kConflict);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE entity_type = 'checklist_template'"), 4);
}

TEST_F(ChecklistServiceTest, ScopeShowsTheLibraryTheSubtreeAndAncestorsOnly) {
    const auto county_y = ContextFor(county_y_cadre_);
    const auto county_x = ContextFor(county_x_cadre_);
    const auto town = ContextFor(town_cadre_);
    const auto qinhuai = checklists_.Create(
        county_y, {std::nullopt, "QH-1", "秦淮区自定检查表", "CUSTOM", "", "", Sections()});
    const auto xuanwu = checklists_.Create(
        county_x, {std::nullopt, "XW-1", "玄武区自定检查表", "CUSTOM", "", "", Sections()});
    EXPECT_EQ(CodeOf([&] { checklists_.Get(county_x, qinhuai.id); }), ErrorCode::kNotFound);
    EXPECT_EQ(CodeOf([&] { checklists_.Copy(county_x, qinhuai.id, {}); }), ErrorCode::kNotFound);
    // The town sees its county's template (an ancestor's) but may not change it.
    EXPECT_EQ(checklists_.Get(town, xuanwu.id).name, "玄武区自定检查表");
    EXPECT_FALSE(checklists_.Get(town, xuanwu.id).editable);
    EXPECT_EQ(CodeOf([&] { checklists_.Publish(town, xuanwu.id); }), ErrorCode::kForbidden);
    const auto inherited = checklists_.List(town, {"", "", "", "INHERITED"}, {1, 50});
    ASSERT_EQ(inherited.total, 1);
    EXPECT_EQ(inherited.items[0].id, xuanwu.id);
    EXPECT_EQ(checklists_.List(county_x, {"", "", "自定", ""}, {1, 50}).total, 1);
    // A draft created with the template is version 1 and has no current version yet.
    EXPECT_EQ(xuanwu.current_version, 0);
    ASSERT_TRUE(xuanwu.draft);
    EXPECT_EQ(checklists_.Publish(county_x, xuanwu.id).current_version, 1);
    // Creating for an organisation outside the scope names organisationId.
    EXPECT_EQ(FieldsOf([&] {
                  checklists_.Create(county_x, {county_y_, "XW-2", "越权检查表", "CUSTOM", "", "", {}});
              }).count("organisationId"),
              1u);
}

TEST_F(ChecklistServiceTest, ValidationNamesSectionsAndItems) {
    auto sections = Sections();
    sections[0].items[1].code = "A-1";
    sections[0].items[0].text = "";
    sections[0].items[0].max_score = 101;
    sections[0].items[1].severity_hint = "HUGE";
    sections.push_back({"", {}});
    const auto fields = FieldsOf([&] {
        checklists_.Create(ContextFor(county_x_cadre_),
                           {std::nullopt, "bad code!", "坏表", "OTHER", "AUTUMN", "", sections});
    });
    for (const char* field :
         {"code", "kind", "season", "sections[0].items[0].text", "sections[0].items[0].maxScore",
          "sections[0].items[1].code", "sections[0].items[1].severityHint", "sections[1].title"}) {
        EXPECT_EQ(fields.count(field), 1u) << field;
    }
    EXPECT_EQ(Count("SELECT COUNT(*) FROM checklist_templates WHERE organisation_id IS NOT NULL"), 0);
    // Publishing an empty draft is refused.
    const auto empty =
        checklists_.Create(ContextFor(county_x_cadre_), {std::nullopt, "E-1", "空表", "CUSTOM", "", "", {}});
    EXPECT_EQ(FieldsOf([&] { checklists_.Publish(ContextFor(county_x_cadre_), empty.id); }).count("sections"),
              1u);
}

}  // namespace
}  // namespace app::inspections
