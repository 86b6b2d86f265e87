#include "annual_reports/annual_report_service.hpp"

#include <gtest/gtest.h>

#include "annual_reports/annual_report_rules.hpp"
#include "system/system_test_fixture.hpp"

namespace app::annual_reports {
namespace {

using system::testing_support::CodeOf;

// TreeFixture's small province (root → city → county X → town T, county Y) on 2026-01-01: the last ended
// statistical year is 2025 (October 2024 – September 2025). County X has one enterprise, town T two.
class AnnualReportServiceTest : public system::testing_support::TreeFixture {
protected:
    AnnualReportServiceTest() {
        database_->Write([&](db::Session& session) {
            AddEnterprise(session, "南京玄武精密机械有限公司", county_x_, "91320102MA0000001X");
            AddEnterprise(session, "南京新街口电子有限公司", town_, "91320102MA0000002X");
            AddEnterprise(session, "南京新街口餐饮有限公司", town_, "91320102MA0000003X");
        });
        // The first additive item of the catalogue: the one the checks are tried on.
        for (const statistics::IndicatorDefinition* definition : ReportIndicators()) {
            if (definition->additive) {
                additive_ = std::string(definition->code);
                break;
            }
        }
    }

    static void AddEnterprise(db::Session& session, const std::string& name, std::int64_t organisation,
                              const std::string& code) {
        session.Execute(
            "INSERT INTO enterprises (credit_code, name, organisation_id, industry_section, "
            "economic_component,"
            " size_class, created_at, updated_at) VALUES ($1, $2, $3, 'C', '21', 'SMALL', 0, 0)",
            code, name, organisation);
    }

    std::string PathOf(std::int64_t organisation) {
        return database_->Read([&](db::Session& session) {
            return session.Query("SELECT path FROM organisations WHERE id = $1", organisation)
                .Front()
                .GetString(0);
        });
    }

    statistics::IndicatorValues Computed(std::int64_t organisation, std::int64_t year) {
        const std::string path = PathOf(organisation);
        return database_->Read([&](db::Session& session) {
            return statistics::ComputeIndicators(session, path, StatisticalYear(year));
        });
    }

    static const ReportItem& Item(const StatisticalReport& report, const std::string& code) {
        for (const ReportItem& item : report.items)
            if (item.code == code) return item;
        throw std::runtime_error("no item " + code);
    }

    static ItemInput Manual(const std::string& code, std::optional<std::int64_t> value) {
        ItemInput input;
        input.code = code;
        input.set_manual = true;
        input.manual_value = value;
        return input;
    }

    static std::set<std::string> FieldsOf(const std::function<void()>& action) {
        try {
            action();
        } catch (const Error& error) {
            std::set<std::string> fields;
            for (const auto& [field, message] : error.GetFieldErrors()) fields.insert(field);
            return fields;
        }
        ADD_FAILURE() << "expected an app::Error";
        return {};
    }

    // A town report with the additive item set by hand and submitted.
    StatisticalReport SubmittedTownReport(std::int64_t value) {
        const StatisticalReport town = reports_.Create(ContextFor(town_cadre_), town_, 2025);
        reports_.Update(ContextFor(town_cadre_), town.id, {Manual(additive_, value)});
        return reports_.Submit(ContextFor(town_cadre_), town.id, "");
    }

    AnnualReportService reports_{database_.Get(), clock_};
    std::string additive_;
};

TEST_F(AnnualReportServiceTest, ADraftIsFilledWithTheIndicatorsOfTheStatisticalYear) {
    const StatisticalReport report = reports_.Create(ContextFor(county_x_cadre_), county_x_, 2025);

    EXPECT_EQ(report.status, kDraft);
    EXPECT_EQ(report.period_from, "2024-10");
    EXPECT_EQ(report.period_to, "2025-09");
    EXPECT_EQ(report.organisation_name, "玄武区总工会");
    const auto indicators = ReportIndicators();
    ASSERT_EQ(report.items.size(), indicators.size());
    const statistics::IndicatorValues expected = Computed(county_x_, 2025);
    for (std::size_t i = 0; i < indicators.size(); ++i) {
        const std::string code(indicators[i]->code);
        EXPECT_EQ(report.items[i].code, code) << "catalogue order";
        const auto value = expected.find(code);
        EXPECT_EQ(report.items[i].system_value, value == expected.end() ? 0 : value->second) << code;
        EXPECT_FALSE(report.items[i].manual_value);
    }
    EXPECT_EQ(statistics::FindIndicator("E01") ? Item(report, "E01").system_value : 3, 3)
        << "the county's subtree holds three enterprises";
    ASSERT_EQ(report.events.size(), 1U);
    EXPECT_EQ(report.events[0].event, "CREATE");
    EXPECT_TRUE(report.actions.edit);
    EXPECT_FALSE(report.actions.review) << "a draft is not reviewed";
    EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'create' AND entity_type = "
                    "'statistical_report' AND entity_id = '" +
                    std::to_string(report.id) + "'"),
              1);

    EXPECT_EQ(CodeOf([&] { reports_.Create(ContextFor(county_x_cadre_), county_x_, 2025); }),
              ErrorCode::kConflict)
        << "one report per organisation and year";
    EXPECT_EQ(CodeOf([&] { reports_.Create(ContextFor(county_x_cadre_), county_y_, 2025); }),
              ErrorCode::kNotFound)
        << "another county is outside the scope";
    EXPECT_EQ(FieldsOf([&] { reports_.Create(ContextFor(county_x_cadre_), county_x_, 2027); }),
              std::set<std::string>{"year"})
        << "on 2026-01-01 the newest year is 2026";
    EXPECT_EQ(reports_.Create(ContextFor(county_x_cadre_), county_x_, 2026).period_from, "2025-10");
}

TEST_F(AnnualReportServiceTest, AManualValueReplacesTheSystemValueAndCanBeCleared) {
    const auto context = ContextFor(county_x_cadre_);
    const StatisticalReport created = reports_.Create(context, county_x_, 2025);
    const std::int64_t system_value = Item(created, additive_).system_value;

    ItemInput with_note = Manual(additive_, 42);
    with_note.note = "  含未上平台的三家企业  ";
    StatisticalReport updated = reports_.Update(context, created.id, {with_note});
    EXPECT_EQ(Item(updated, additive_).Value(), 42);
    EXPECT_EQ(Item(updated, additive_).system_value, system_value) << "the system value is kept beside it";
    EXPECT_EQ(Item(updated, additive_).note, "含未上平台的三家企业");
    EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'update' AND entity_type = "
                    "'statistical_report'"),
              1);

    ItemInput note_only;
    note_only.code = additive_;
    note_only.note = "说明";
    updated = reports_.Update(context, created.id, {note_only});
    EXPECT_EQ(Item(updated, additive_).manual_value, 42) << "an absent manual value is left as it is";

    updated = reports_.Update(context, created.id, {Manual(additive_, std::nullopt)});
    EXPECT_FALSE(Item(updated, additive_).manual_value);
    EXPECT_EQ(Item(updated, additive_).Value(), system_value);

    EXPECT_EQ(FieldsOf([&] {
                  reports_.Update(context, created.id, {Manual(additive_, -1), Manual("ZZ9", 1)});
              }),
              (std::set<std::string>{"items[" + additive_ + "].manualValue", "items[ZZ9].code"}));
    EXPECT_FALSE(Item(reports_.Get(context, created.id), additive_).manual_value) << "nothing was saved";
}

TEST_F(AnnualReportServiceTest, AdditiveItemsAreCheckedAgainstTheChildrenSubmittedReports) {
    const auto county = ContextFor(county_x_cadre_);
    StatisticalReport report = reports_.Create(county, county_x_, 2025);
    EXPECT_EQ(Item(report, additive_).children_sum, 0) << "no child has submitted yet";

    const StatisticalReport town = reports_.Create(ContextFor(town_cadre_), town_, 2025);
    reports_.Update(ContextFor(town_cadre_), town.id, {Manual(additive_, 1'000)});
    report = reports_.Get(county, report.id);
    EXPECT_EQ(Item(report, additive_).children_sum, 0) << "a child's draft does not count";
    EXPECT_EQ(report.children, 1);
    EXPECT_EQ(report.children_reported, 0);

    reports_.Submit(ContextFor(town_cadre_), town.id, "");
    report = reports_.Get(county, report.id);
    const ReportItem& item = Item(report, additive_);
    EXPECT_EQ(item.children_sum, 1'000);
    EXPECT_EQ(CheckOf(item), CheckResult::kFailed);
    EXPECT_EQ(report.children_reported, 1);
    for (const ReportItem& other : report.items) {
        const auto* definition = statistics::FindIndicator(other.code);
        EXPECT_EQ(other.children_sum.has_value(), definition && definition->additive)
            << other.code << ": only additive items are checked";
    }

    EXPECT_EQ(FieldsOf([&] { reports_.Submit(county, report.id, "  "); }), std::set<std::string>{"note"})
        << "a failed check needs an explanation";
    const StatisticalReport submitted = reports_.Submit(county, report.id, "下级数据含重复统计，已核减");
    EXPECT_EQ(submitted.status, kSubmitted);
    EXPECT_EQ(submitted.check_note, "下级数据含重复统计，已核减");

    // With the value raised above the sum, the check passes and no note is needed.
    const StatisticalReport other = reports_.Create(county, county_x_, 2026);
    const StatisticalReport town_2026 = reports_.Create(ContextFor(town_cadre_), town_, 2026);
    reports_.Update(ContextFor(town_cadre_), town_2026.id, {Manual(additive_, 5)});
    reports_.Submit(ContextFor(town_cadre_), town_2026.id, "");
    reports_.Update(county, other.id, {Manual(additive_, 5)});
    EXPECT_EQ(CheckOf(Item(reports_.Get(county, other.id), additive_)), CheckResult::kPassed);
    EXPECT_EQ(reports_.Submit(county, other.id, "").status, kSubmitted);
}

TEST_F(AnnualReportServiceTest, TheLevelAboveReturnsAndApprovesAndAnApprovedReportIsLocked) {
    const auto county = ContextFor(county_x_cadre_);
    const auto admin = ContextFor(admin_);
    const StatisticalReport report = reports_.Create(county, county_x_, 2025);
    EXPECT_EQ(CodeOf([&] { reports_.Approve(admin, report.id); }), ErrorCode::kConflict)
        << "a draft is not reviewed";

    StatisticalReport submitted = reports_.Submit(county, report.id, "");
    EXPECT_FALSE(submitted.actions.edit);
    EXPECT_FALSE(submitted.actions.review) << "the county does not review its own report";
    EXPECT_EQ(CodeOf([&] { reports_.Update(county, report.id, {Manual(additive_, 1)}); }),
              ErrorCode::kConflict);
    EXPECT_EQ(CodeOf([&] { reports_.Approve(county, report.id); }), ErrorCode::kForbidden);
    EXPECT_EQ(CodeOf([&] { reports_.Return(county, report.id, "请核实"); }), ErrorCode::kForbidden);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM todos WHERE kind = 'REVIEW_ANNUAL_REPORT' AND done_at IS NULL AND"
                    " organisation_id = " +
                    std::to_string(city_)),
              1)
        << "the city reviews it";
    EXPECT_TRUE(reports_.Get(admin, report.id).actions.review) << "the province's scope holds the city";

    EXPECT_EQ(FieldsOf([&] { reports_.Return(admin, report.id, ""); }), std::set<std::string>{"comment"});
    const StatisticalReport returned = reports_.Return(admin, report.id, "企业数与工商登记不符，请核实");
    EXPECT_EQ(returned.status, kReturned);
    EXPECT_EQ(returned.return_comment, "企业数与工商登记不符，请核实");
    EXPECT_EQ(Count("SELECT COUNT(*) FROM todos WHERE kind = 'REVIEW_ANNUAL_REPORT' AND done_at IS NULL"), 0);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM todos WHERE kind = 'REVISE_ANNUAL_REPORT' AND done_at IS NULL AND"
                    " organisation_id = " +
                    std::to_string(county_x_)),
              1);
    EXPECT_EQ(
        Count("SELECT COUNT(*) FROM notifications WHERE kind = 'ANNUAL_REPORT_RETURNED' AND user_id = " +
              std::to_string(county_x_cadre_)),
        1)
        << "the one who submitted it is told";

    EXPECT_EQ(Item(reports_.Update(county, report.id, {Manual(additive_, 7)}), additive_).Value(), 7)
        << "a returned report is edited like a draft";
    reports_.Submit(county, report.id, "");
    EXPECT_EQ(Count("SELECT COUNT(*) FROM todos WHERE kind = 'REVISE_ANNUAL_REPORT' AND done_at IS NULL"), 0);
    const StatisticalReport approved = reports_.Approve(admin, report.id);
    EXPECT_EQ(approved.status, kApproved);
    EXPECT_TRUE(approved.approved_at);
    EXPECT_EQ(approved.approved_by_name, "admin");
    EXPECT_FALSE(approved.actions.edit);
    EXPECT_FALSE(approved.actions.review);
    EXPECT_EQ(
        Count("SELECT COUNT(*) FROM todos WHERE entity_type = 'statistical_report' AND done_at IS NULL"), 0);

    std::vector<std::string> events;
    for (const ReportEvent& event : approved.events) events.push_back(event.event);
    EXPECT_EQ(events, (std::vector<std::string>{"CREATE", "SUBMIT", "RETURN", "SUBMIT", "APPROVE"}));
    EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE entity_type = 'statistical_report'"), 6);

    // Locked: nothing changes any more, whoever asks.
    for (const auto& context : {county, admin}) {
        EXPECT_EQ(CodeOf([&] { reports_.Update(context, report.id, {Manual(additive_, 1)}); }),
                  ErrorCode::kConflict);
        EXPECT_EQ(CodeOf([&] { reports_.Refresh(context, report.id); }), ErrorCode::kConflict);
        EXPECT_EQ(CodeOf([&] { reports_.Submit(context, report.id, "x"); }), ErrorCode::kConflict);
        EXPECT_EQ(CodeOf([&] { reports_.Return(context, report.id, "请核实"); }), ErrorCode::kConflict);
        EXPECT_EQ(CodeOf([&] { reports_.Approve(context, report.id); }), ErrorCode::kConflict);
    }
    EXPECT_EQ(Item(reports_.Get(admin, report.id), additive_).Value(), 7);
}

TEST_F(AnnualReportServiceTest, ACountyApprovesItsTownsAndTheTopSignsOffItsOwn) {
    const StatisticalReport town = SubmittedTownReport(3);
    EXPECT_EQ(CodeOf([&] { reports_.Approve(ContextFor(town_cadre_), town.id); }), ErrorCode::kForbidden);
    EXPECT_EQ(CodeOf([&] { reports_.Approve(ContextFor(county_y_cadre_), town.id); }), ErrorCode::kNotFound)
        << "another county does not see it";
    EXPECT_EQ(reports_.Approve(ContextFor(county_x_cadre_), town.id).status, kApproved);

    // The province has no level above: its own approvers sign its report off.
    const StatisticalReport root = reports_.Create(ContextFor(admin_), root_, 2025);
    reports_.Submit(ContextFor(admin_), root.id, "");
    EXPECT_EQ(reports_.Approve(ContextFor(admin_), root.id).status, kApproved);
}

TEST_F(AnnualReportServiceTest, ReportsOutsideTheScopeAreNotFound) {
    const StatisticalReport report = reports_.Create(ContextFor(county_x_cadre_), county_x_, 2025);
    const auto other = ContextFor(county_y_cadre_);
    EXPECT_EQ(CodeOf([&] { reports_.Get(other, report.id); }), ErrorCode::kNotFound);
    EXPECT_EQ(CodeOf([&] { reports_.Update(other, report.id, {}); }), ErrorCode::kNotFound);
    EXPECT_EQ(CodeOf([&] { reports_.Refresh(other, report.id); }), ErrorCode::kNotFound);
    EXPECT_EQ(CodeOf([&] { reports_.Submit(other, report.id, ""); }), ErrorCode::kNotFound);
    EXPECT_EQ(CodeOf([&] { reports_.Overview(other, county_x_, 2025); }), ErrorCode::kNotFound);
    EXPECT_EQ(CodeOf([&] { reports_.Get(ContextFor(town_cadre_), report.id); }), ErrorCode::kNotFound)
        << "the town does not see the county's report";
    EXPECT_EQ(CodeOf([&] { reports_.Get(ContextFor(county_x_cadre_), 999'999); }), ErrorCode::kNotFound);
}

TEST_F(AnnualReportServiceTest, TheOverviewShowsTheChildrenAndTheCompletion) {
    const auto admin = ContextFor(admin_);
    // The city has two counties: X submits and is approved, Y has a draft.
    const StatisticalReport x = reports_.Create(ContextFor(county_x_cadre_), county_x_, 2025);
    reports_.Submit(ContextFor(county_x_cadre_), x.id, "");
    reports_.Create(ContextFor(county_y_cadre_), county_y_, 2025);

    ReportOverview overview = reports_.Overview(admin, city_, std::nullopt);
    EXPECT_EQ(overview.year, 2025) << "on 2026-01-01 the last ended year is 2025";
    EXPECT_EQ(overview.period_from, "2024-10");
    EXPECT_EQ(overview.organisation_name, "南京市总工会");
    EXPECT_FALSE(overview.report);
    EXPECT_TRUE(overview.can_create);
    ASSERT_EQ(overview.children.size(), 2U);
    EXPECT_EQ(overview.children[0].name, "玄武区总工会");
    ASSERT_TRUE(overview.children[0].report);
    EXPECT_EQ(overview.children[0].report->status, kSubmitted);
    EXPECT_TRUE(overview.children[0].report->actions.review);
    EXPECT_EQ(overview.children[1].report->status, kDraft);
    EXPECT_EQ(overview.submitted, 1);
    EXPECT_EQ(overview.approved, 0);

    reports_.Approve(admin, x.id);
    overview = reports_.Overview(admin, city_, 2025);
    EXPECT_EQ(overview.submitted, 1);
    EXPECT_EQ(overview.approved, 1);
    EXPECT_TRUE(reports_.Overview(admin, city_, 2024).children[0].report == std::nullopt)
        << "another year has no reports";

    overview = reports_.Overview(ContextFor(county_x_cadre_), std::nullopt, 2025);
    EXPECT_EQ(overview.organisation_id, county_x_) << "the caller's own organisation by default";
    ASSERT_TRUE(overview.report);
    EXPECT_EQ(overview.report->status, kApproved);
    EXPECT_FALSE(overview.can_create);
    ASSERT_EQ(overview.children.size(), 1U);
    EXPECT_EQ(overview.children[0].organisation_id, town_);
    EXPECT_FALSE(overview.children[0].report);
}

TEST_F(AnnualReportServiceTest, RefreshFillsTheSystemValuesAgainAndKeepsManualOnes) {
    const auto county = ContextFor(county_x_cadre_);
    const StatisticalReport report = reports_.Create(county, county_x_, 2025);
    reports_.Update(county, report.id, {Manual(additive_, 99)});
    database_->Write([&](db::Session& session) {
        AddEnterprise(session, "南京玄武新材料有限公司", county_x_, "91320102MA0000004X");
    });
    const StatisticalReport refreshed = reports_.Refresh(county, report.id);
    const statistics::IndicatorValues expected = Computed(county_x_, 2025);
    for (const ReportItem& item : refreshed.items) {
        const auto value = expected.find(item.code);
        EXPECT_EQ(item.system_value, value == expected.end() ? 0 : value->second) << item.code;
    }
    EXPECT_EQ(statistics::FindIndicator("E01") ? Item(refreshed, "E01").system_value : 4, 4);
    EXPECT_EQ(Item(refreshed, additive_).manual_value, 99);
    EXPECT_EQ(refreshed.events.back().event, "REFRESH");

    reports_.Submit(county, report.id, "");
    EXPECT_EQ(CodeOf([&] { reports_.Refresh(county, report.id); }), ErrorCode::kConflict)
        << "a submitted report keeps the figures it was sent with";
}

}  // namespace
}  // namespace app::annual_reports
