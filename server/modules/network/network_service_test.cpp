#include <gtest/gtest.h>

#include <map>
#include <vector>

#include "network/committee_service.hpp"
#include "network/inspector_service.hpp"
#include "network/inspector_workflow.hpp"
#include "network/staffing_service.hpp"
#include "network/volunteer_service.hpp"
#include "system/system_test_fixture.hpp"

namespace app::network {
namespace {

using system::testing_support::CodeOf;

class NetworkServiceTest : public system::testing_support::TreeFixture {
protected:
    CommitteeService committees_{database_.Get(), clock_};
    InspectorService inspectors_{database_.Get(), clock_};
    VolunteerService volunteers_{database_.Get(), clock_};
    StaffingService staffing_{database_.Get(), clock_};
    int certificate_serial_ = 0;

    static std::vector<CommitteeMember> Members(int count, int chairs = 1, int vice_chairs = 1) {
        std::vector<CommitteeMember> members;
        for (int index = 0; index < count; ++index) {
            const char* role =
                index < chairs ? "CHAIR" : (index < chairs + vice_chairs ? "VICE_CHAIR" : "MEMBER");
            members.push_back({"委员" + std::to_string(index + 1), role, "", "班组长"});
        }
        return members;
    }

    CommitteeInput CommitteeFor(std::int64_t organisation, int members = 9, std::string status = "ACTIVE") {
        return {organisation, "2025-03-01",      "工会委员会 2025 年第 2 次会议",
                "2030-02-28", std::move(status), Members(members)};
    }

    Inspector Nominate(std::int64_t home, const std::string& name = "王志强") {
        return inspectors_.Create(ContextFor(admin_),
                                  {name, "MALE", "13905140011", home, "PARTTIME", "", ""});
    }

    Inspector Move(std::int64_t id, const std::string& to,
                   std::optional<std::int64_t> appointing = std::nullopt, std::string certificate = "",
                   std::int64_t user = 0) {
        return inspectors_.Transition(ContextFor(user ? user : admin_), id,
                                      {to, "2025-06-01", "", appointing, std::move(certificate), ""});
    }

    // Drives a new inspector of the town along legal transitions to `status`.
    Inspector InspectorIn(const std::string& status) {
        static const std::map<std::string, std::vector<std::string>> kPaths{
            {"NOMINATED", {}},
            {"TRAINING", {"TRAINING"}},
            {"PASSED", {"TRAINING", "PASSED"}},
            {"FAILED", {"TRAINING", "FAILED"}},
            {"CLOSED", {"TRAINING", "FAILED", "CLOSED"}},
            {"APPOINTED", {"TRAINING", "PASSED", "APPOINTED"}},
            {"ACTIVE", {"TRAINING", "PASSED", "APPOINTED", "ACTIVE"}},
            {"SUSPENDED", {"TRAINING", "PASSED", "APPOINTED", "ACTIVE", "SUSPENDED"}},
            {"TERM_EXPIRED", {"TRAINING", "PASSED", "APPOINTED", "ACTIVE", "TERM_EXPIRED"}},
            {"REVOKED", {"TRAINING", "PASSED", "APPOINTED", "ACTIVE", "REVOKED"}},
            {"RESIGNED", {"TRAINING", "PASSED", "APPOINTED", "ACTIVE", "RESIGNED"}},
            {"RETIRED", {"TRAINING", "PASSED", "APPOINTED", "ACTIVE", "TERM_EXPIRED", "RETIRED"}},
        };
        Inspector inspector = Nominate(town_);
        for (const std::string& step : kPaths.at(status)) {
            const bool appointment = step == "APPOINTED";
            inspector = Move(inspector.id, step, appointment ? std::optional(county_x_) : std::nullopt,
                             appointment ? "JS-2025-" + std::to_string(++certificate_serial_) : "");
        }
        EXPECT_EQ(inspector.status, status);
        return inspector;
    }

    std::int64_t HistoryRows(std::int64_t inspector) {
        return Count("SELECT COUNT(*) FROM lp_inspector_status_history WHERE inspector_id = " +
                     std::to_string(inspector));
    }
};

// ---- workflow W10 ----------------------------------------------------------------------------------

TEST_F(NetworkServiceTest, EveryIllegalTransitionIsAConflictAndChangesNothing) {
    int refused = 0;
    for (InspectorStatus from : AllInspectorStatuses()) {
        const Inspector inspector = InspectorIn(std::string(InspectorStatusName(from)));
        const std::int64_t history = HistoryRows(inspector.id);
        for (InspectorStatus to : AllInspectorStatuses()) {
            if (IsAllowedTransition(from, to)) continue;
            const std::string target(InspectorStatusName(to));
            EXPECT_EQ(CodeOf([&] { Move(inspector.id, target, county_x_, "JS-ILLEGAL-1"); }),
                      ErrorCode::kConflict)
                << inspector.status << " → " << target;
            ++refused;
        }
        const Inspector after = inspectors_.Get(ContextFor(admin_), inspector.id);
        EXPECT_EQ(after.status, inspector.status);
        EXPECT_EQ(after.certificate_no, inspector.certificate_no);
        EXPECT_EQ(after.updated_at, inspector.updated_at);
        EXPECT_EQ(HistoryRows(inspector.id), history);
    }
    EXPECT_EQ(refused, 12 * 12 - 15);  // 15 arrows in W10
    EXPECT_EQ(Count("SELECT COUNT(*) FROM lp_inspectors WHERE certificate_no = 'JS-ILLEGAL-1'"), 0);
}

TEST_F(NetworkServiceTest, TheWholeWorkflowIsRecordedInTheHistory) {
    const Inspector retired = InspectorIn("RETIRED");
    const auto history = inspectors_.History(ContextFor(admin_), retired.id);
    ASSERT_EQ(history.size(), 7u);
    EXPECT_EQ(history.front().from_status, "");
    EXPECT_EQ(history.front().to_status, "NOMINATED");
    EXPECT_EQ(history[3].to_status, "APPOINTED");
    EXPECT_EQ(history.back().from_status, "TERM_EXPIRED");
    EXPECT_EQ(history.back().to_status, "RETIRED");
    EXPECT_EQ(history.back().username, "admin");
    EXPECT_EQ(retired.appointing_organisation_id, county_x_);
    EXPECT_EQ(retired.appointment_date, "2025-06-01");
    EXPECT_EQ(
        Count("SELECT COUNT(*) FROM audit_log WHERE entity_type = 'lp_inspector' AND action = 'transition'"),
        6);
}

TEST_F(NetworkServiceTest, AppointmentNeedsAStrictAncestorInsideTheCallersScope) {
    const Inspector passed = InspectorIn("PASSED");
    // Another county, and the home organisation itself, are not higher unions of the town: 409.
    EXPECT_EQ(CodeOf([&] { Move(passed.id, "APPOINTED", county_y_, "JS-A-0001"); }), ErrorCode::kConflict);
    EXPECT_EQ(CodeOf([&] { Move(passed.id, "APPOINTED", town_, "JS-A-0001"); }), ErrorCode::kConflict);
    try {
        Move(passed.id, "APPOINTED", county_y_, "JS-A-0001");
    } catch (const Error& error) {
        EXPECT_EQ(error.GetFieldErrors().count("appointingOrganisationId"), 1u);
    }
    // The city is a higher union of the town, but outside the county cadre's scope: 403.
    EXPECT_EQ(CodeOf([&] { Move(passed.id, "APPOINTED", city_, "JS-A-0001", county_x_cadre_); }),
              ErrorCode::kForbidden);
    // A township cadre cannot appoint for the county either.
    EXPECT_EQ(CodeOf([&] { Move(passed.id, "APPOINTED", county_x_, "JS-A-0001", town_cadre_); }),
              ErrorCode::kForbidden);
    // No certificate: 400 naming it. Nothing above changed anything.
    EXPECT_EQ(CodeOf([&] { Move(passed.id, "APPOINTED", county_x_, ""); }), ErrorCode::kInvalidInput);
    EXPECT_EQ(inspectors_.Get(ContextFor(admin_), passed.id).status, "PASSED");
    // The county cadre appoints for the county; the certificate number is stored in canonical form.
    const Inspector appointed = Move(passed.id, "APPOINTED", county_x_, " js-a-0001 ", county_x_cadre_);
    EXPECT_EQ(appointed.status, "APPOINTED");
    EXPECT_EQ(appointed.certificate_no, "JS-A-0001");
    EXPECT_EQ(appointed.appointing_organisation_name, "玄武区总工会");
}

TEST_F(NetworkServiceTest, ADuplicateCertificateIsAConflictNamingTheField) {
    const Inspector first = InspectorIn("PASSED");
    const Inspector second = InspectorIn("PASSED");
    Move(first.id, "APPOINTED", county_x_, "JS-DUP-0001");
    try {
        Move(second.id, "APPOINTED", county_x_, "js-dup-0001");
        ADD_FAILURE() << "a duplicate certificate was accepted";
    } catch (const Error& error) {
        EXPECT_EQ(error.GetCode(), ErrorCode::kConflict);
        EXPECT_EQ(error.GetFieldErrors().count("certificateNo"), 1u);
    }
    EXPECT_EQ(inspectors_.Get(ContextFor(admin_), second.id).status, "PASSED");
    EXPECT_EQ(HistoryRows(second.id), 3);
    EXPECT_FALSE(CanonicalCertificateNo("苏工保-001"));
    EXPECT_FALSE(CanonicalCertificateNo("AB1"));
    EXPECT_EQ(CanonicalCertificateNo("js-2025-01"), "JS-2025-01");
}

TEST_F(NetworkServiceTest, OnlyANominationCanBeDeleted) {
    const Inspector nominated = Nominate(town_);
    const Inspector training = Move(Nominate(town_).id, "TRAINING");
    EXPECT_EQ(CodeOf([&] { inspectors_.Delete(ContextFor(admin_), training.id); }), ErrorCode::kConflict);
    inspectors_.Delete(ContextFor(admin_), nominated.id);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM lp_inspectors"), 1);
}

// ---- data scope ------------------------------------------------------------------------------------

TEST_F(NetworkServiceTest, AnotherCountysRecordsAreNotFound) {
    const Committee committee = committees_.Create(ContextFor(county_x_cadre_), CommitteeFor(town_));
    const Inspector inspector = InspectorIn("PASSED");
    const Volunteer volunteer = volunteers_.Create(
        ContextFor(county_x_cadre_),
        {"GROUP_INSPECTOR", "", "李秀英", "", town_, std::nullopt, "装配一班", "2025-01-10", "", "ACTIVE"});
    const Staffing staffing =
        staffing_.Save(ContextFor(county_x_cadre_),
                       {county_x_, 2025, true, "劳动保护部", 2, 3, 2, 12'345'678, 4'000'000, ""});
    const auto other = ContextFor(county_y_cadre_);
    EXPECT_EQ(CodeOf([&] { committees_.Get(other, committee.id); }), ErrorCode::kNotFound);
    EXPECT_EQ(CodeOf([&] { committees_.Update(other, committee.id, CommitteeFor(county_y_)); }),
              ErrorCode::kNotFound);
    EXPECT_EQ(CodeOf([&] { committees_.Delete(other, committee.id); }), ErrorCode::kNotFound);
    EXPECT_EQ(CodeOf([&] { inspectors_.Get(other, inspector.id); }), ErrorCode::kNotFound);
    EXPECT_EQ(CodeOf([&] { inspectors_.History(other, inspector.id); }), ErrorCode::kNotFound);
    EXPECT_EQ(CodeOf([&] {
                  inspectors_.Update(other, inspector.id, {"改名", "", "", county_y_, "FULLTIME", "", ""});
              }),
              ErrorCode::kNotFound);
    EXPECT_EQ(CodeOf([&] { Move(inspector.id, "APPOINTED", county_y_, "JS-X-1", county_y_cadre_); }),
              ErrorCode::kNotFound);
    EXPECT_EQ(CodeOf([&] { volunteers_.Get(other, volunteer.id); }), ErrorCode::kNotFound);
    EXPECT_EQ(CodeOf([&] { volunteers_.Delete(other, volunteer.id); }), ErrorCode::kNotFound);
    EXPECT_EQ(CodeOf([&] { staffing_.Delete(other, staffing.id); }), ErrorCode::kNotFound);
    // Saving "the same" row for an organisation outside the scope is a field error, not a change.
    EXPECT_EQ(CodeOf([&] {
                  staffing_.Save(other, {county_x_, 2025, false, "", 0, 0, 0, 0, 0, ""});
              }),
              ErrorCode::kInvalidInput);
    EXPECT_EQ(committees_.List(other, {}, {}).total, 0);
    EXPECT_EQ(inspectors_.List(other, {}, {}).total, 0);
    EXPECT_EQ(volunteers_.List(other, {}, {}).total, 0);
    EXPECT_EQ(staffing_.List(other, {}, {}).total, 0);
    EXPECT_EQ(inspectors_.List(other, {county_x_, "", "", ""}, {}).total, 0);  // a filter does not widen
    // The county's own cadre sees them all; nothing was changed by the other county.
    const auto own = ContextFor(county_x_cadre_);
    EXPECT_EQ(committees_.Get(own, committee.id).members.size(), 9u);
    EXPECT_EQ(inspectors_.Get(own, inspector.id).status, "PASSED");
    EXPECT_EQ(staffing_.List(own, {std::nullopt, 2025}, {}).items.at(0).budget_planned_fen, 12'345'678);
}

// ---- committees ------------------------------------------------------------------------------------

TEST_F(NetworkServiceTest, CommitteeRulesNameTheFieldAndStoreNothing) {
    const auto context = ContextFor(county_x_cadre_);
    auto field_of = [&](const CommitteeInput& input) {
        try {
            committees_.Create(context, input);
        } catch (const Error& error) {
            EXPECT_EQ(error.GetCode(), ErrorCode::kInvalidInput);
            return error.GetFieldErrors().empty() ? std::string() : error.GetFieldErrors().begin()->first;
        }
        return std::string("accepted");
    };
    CommitteeInput two_chairs = CommitteeFor(town_);
    two_chairs.members = Members(9, 2);
    EXPECT_EQ(field_of(two_chairs), "members");
    CommitteeInput no_chair = CommitteeFor(town_);
    no_chair.members = Members(9, 0);
    EXPECT_EQ(field_of(no_chair), "members");
    CommitteeInput three_vice_chairs = CommitteeFor(town_);
    three_vice_chairs.members = Members(9, 1, 3);
    EXPECT_EQ(field_of(three_vice_chairs), "members");
    EXPECT_EQ(field_of(CommitteeFor(town_, 6)), "members");
    EXPECT_EQ(field_of(CommitteeFor(town_, 16)), "members");
    CommitteeInput bad_date = CommitteeFor(town_);
    bad_date.established_on = "2025-02-30";
    EXPECT_EQ(field_of(bad_date), "establishedOn");
    CommitteeInput bad_role = CommitteeFor(town_);
    bad_role.members[4].role = "SECRETARY";
    EXPECT_EQ(field_of(bad_role), "members.4.role");
    EXPECT_EQ(field_of(CommitteeFor(county_y_)), "organisationId");  // outside the scope
    EXPECT_EQ(Count("SELECT COUNT(*) FROM lp_committees"), 0);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM lp_committee_members"), 0);

    // A committee no longer in office keeps its last composition whatever its size.
    EXPECT_NO_THROW(committees_.Create(context, CommitteeFor(town_, 3, "EXPIRED")));
    const Committee active = committees_.Create(context, CommitteeFor(town_, 7));
    EXPECT_EQ(active.members.front().role, "CHAIR");
    // One committee in office per union.
    EXPECT_EQ(CodeOf([&] { committees_.Create(context, CommitteeFor(town_)); }), ErrorCode::kConflict);
    // An update replaces the members.
    const Committee updated = committees_.Update(context, active.id, CommitteeFor(town_, 15));
    EXPECT_EQ(updated.members.size(), 15u);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM lp_committee_members"), 3 + 15);
    EXPECT_EQ(committees_.List(context, {std::nullopt, "ACTIVE", "委员15"}, {}).total, 1);
}

// ---- staffing and volunteers -----------------------------------------------------------------------

TEST_F(NetworkServiceTest, StaffingIsOneRowPerOrganisationAndYear) {
    const auto context = ContextFor(county_x_cadre_);
    const Staffing first =
        staffing_.Save(context, {county_x_, 2025, true, "劳动保护部", 2, 3, 2, 100'00, 50'00, ""});
    const Staffing again = staffing_.Save(
        context, {county_x_, 2025, true, "经济技术和劳动保护部", 3, 1, 3, 250'050'00, 7, "调整"});
    EXPECT_EQ(again.id, first.id);
    EXPECT_EQ(again.lp_department_name, "经济技术和劳动保护部");
    EXPECT_EQ(again.budget_planned_fen, 250'050'00);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM lp_staffing"), 1);
    staffing_.Save(context, {county_x_, 2026, false, "", 1, 0, 1, 0, 0, ""});
    staffing_.Save(context, {town_, 2026, false, "", 0, 2, 0, 1'000'00, 999'99, ""});
    const StaffingPage year2026 = staffing_.List(context, {std::nullopt, 2026}, {});
    EXPECT_EQ(year2026.total, 2);
    EXPECT_EQ(year2026.totals.parttime_lp_cadres, 2);
    EXPECT_EQ(year2026.totals.budget_spent_fen, 999'99);
    EXPECT_EQ(staffing_.List(context, {town_, std::nullopt}, {}).total, 1);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE entity_type = 'lp_staffing'"), 4);

    // Bad input names the field and leaves the stored row as it was.
    try {
        staffing_.Save(context, {county_x_, 2025, true, "", 2, 3, 2, -1, 0, ""});
        ADD_FAILURE() << "a negative budget was accepted";
    } catch (const Error& error) {
        EXPECT_EQ(error.GetFieldErrors().count("budgetPlannedFen"), 1u);
        EXPECT_EQ(error.GetFieldErrors().count("lpDepartmentName"), 1u);
    }
    EXPECT_EQ(staffing_.List(context, {county_x_, 2025}, {}).items.at(0).budget_planned_fen, 250'050'00);
}

TEST_F(NetworkServiceTest, VolunteersNeedAnEnterpriseAndOrganisationInScope) {
    const std::int64_t enterprise = database_->Write([&](db::Session& session) {
        return session
            .Query(
                "INSERT INTO enterprises (credit_code, name, organisation_id, industry_section, "
                "economic_component,"
                " size_class, headcount, created_at, updated_at) VALUES ('91320104MA0000001X', '秦淮企业', "
                "$1, 'C',"
                " '21', 'SMALL', 50, 0, 0) RETURNING id",
                county_y_)
            .Front()
            .GetInt64(0);
    });
    const auto context = ContextFor(county_x_cadre_);
    EXPECT_EQ(CodeOf([&] {
                  volunteers_.Create(context, {"MASS_SUPERVISOR", "SOCIAL_VOLUNTEER", "张伟", "", town_,
                                               enterprise, "", "2025-01-01", "", "ACTIVE"});
              }),
              ErrorCode::kInvalidInput);
    EXPECT_EQ(CodeOf([&] {
                  volunteers_.Create(context, {"MASS_SUPERVISOR", "", "张伟", "", town_, std::nullopt, "",
                                               "2025-01-01", "", "ACTIVE"});
              }),
              ErrorCode::kInvalidInput);  // a mass supervisor needs a subtype
    EXPECT_EQ(Count("SELECT COUNT(*) FROM lp_volunteers"), 0);
    const Volunteer created = volunteers_.Create(
        ContextFor(admin_), {"MASS_SUPERVISOR", "COAL_MASS_SUPERVISOR", "张伟", "", county_y_, enterprise,
                             "综采一队", "2025-01-01", "2028-01-01", "ACTIVE"});
    EXPECT_EQ(created.enterprise_name, "秦淮企业");
    EXPECT_EQ(volunteers_.List(ContextFor(county_y_cadre_), {std::nullopt, "MASS_SUPERVISOR", "", "综采"}, {})
                  .total,
              1);
}

}  // namespace
}  // namespace app::network
