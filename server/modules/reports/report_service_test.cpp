#include "reports/report_service.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "reports/receipt.hpp"
#include "reports/report_deadlines.hpp"
#include "reports/report_workflow.hpp"
#include "system/system_test_fixture.hpp"

namespace app::reports {
namespace {

using system::testing_support::CodeOf;

// TreeFixture's small province with an enterprise under 新街口街道 (玄武区) and one in 秦淮区, each with a QR
// code, on 2026-01-01 08:00 Shanghai time (a public holiday).
class ReportServiceTest : public system::testing_support::TreeFixture {
protected:
    ReportServiceTest() {
        database_->Write([&](db::Session& session) {
            enterprise_x_ = AddEnterprise(session, "南京玄武精密机械有限公司", town_, "91320102MA0000001X");
            enterprise_y_ =
                AddEnterprise(session, "南京秦淮化工材料有限公司", county_y_, "91320104MA0000002X");
        });
        entry_x_ = reports_.CreateEntryPoint(ContextFor(county_x_cadre_), enterprise_x_, "").first;
        entry_y_ = reports_.CreateEntryPoint(ContextFor(county_y_cadre_), enterprise_y_, "").first;
    }

    static std::int64_t AddEnterprise(db::Session& session, const std::string& name,
                                      std::int64_t organisation, const std::string& code) {
        return session
            .Query(
                "INSERT INTO enterprises (credit_code, name, organisation_id, industry_section, "
                "economic_component, size_class, created_at, updated_at) VALUES ($1, $2, $3, 'C', '21', "
                "'SMALL', 0, 0) RETURNING id",
                code, name, organisation)
            .Front()
            .GetInt64(0);
    }

    static SubmitInput Anonymous(std::vector<std::string> tokens = {}) {
        SubmitInput input;
        input.category = "UNSAFE_CONDITION";
        input.description = "二号车间冲床的防护罩被拆掉了，已经好几天";
        input.location = "二号车间东侧";
        input.anonymity = kAnonymous;
        input.upload_tokens = std::move(tokens);
        return input;
    }

    static SubmitInput Named() {
        SubmitInput input = Anonymous();
        input.anonymity = kNamed;
        input.reporter_name = "李明";
        input.reporter_phone = "13912345678";
        return input;
    }

    static files::PreparedFile Photo(const std::string& sha) {
        files::PreparedFile photo;
        photo.sha256 = sha;
        photo.media_type = "image/jpeg";
        photo.byte_size = 1'000;
        photo.width = 100;
        photo.height = 80;
        photo.original_name = "IMG_20260101_081523.jpg";
        return photo;
    }

    TransitionInput Event(const std::string& event) {
        TransitionInput input;
        input.event = event;
        return input;
    }

    TransitionInput Accept() {
        TransitionInput input = Event("ACCEPT");
        input.grade = "GENERAL";
        input.title = "冲床防护罩缺失";
        return input;
    }

    std::int64_t Rows(const std::string& table) { return Count("SELECT COUNT(*) FROM " + table); }

    ReportService reports_{database_.Get(), clock_};
    PublicReportService public_{database_.Get(), clock_};
    std::int64_t enterprise_x_ = 0, enterprise_y_ = 0;
    EntryPoint entry_x_, entry_y_;
};

TEST_F(ReportServiceTest, AnAnonymousReportStoresNoIdentityAndOnlyTheHour) {
    clock_.Advance(37 * 60 * 1000 + 12'345);  // 08:37:12.345
    const std::string token = public_.UploadPhoto(entry_x_.code, Photo(std::string(64, 'a')));
    const SubmitResult result = public_.Submit(entry_x_.code, Anonymous({token}));

    EXPECT_EQ(result.receipt.size(), 20U);
    EXPECT_EQ(result.report.status, "SUBMITTED");
    EXPECT_EQ(result.report.organisation_id, town_) << "the enterprise's own union answers";
    EXPECT_EQ(result.report.submitted_at, 1'767'225'600'000) << "08:37 is stored as 08:00";
    EXPECT_EQ(result.report.submitted_on, "2026-01-01");
    ASSERT_EQ(result.report.photos.size(), 1U);
    EXPECT_EQ(Rows("worker_report_identities"), 0);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM worker_reports WHERE receipt_hash = '" + result.receipt + "'"), 0)
        << "only the hash of the receipt is stored";
    EXPECT_EQ(
        Count("SELECT COUNT(*) FROM files WHERE original_name = 'photo.jpg' AND created_at = 1767225600000"
              " AND uploaded_by IS NULL"),
        1)
        << "the phone's file name (which holds the time) is not kept, and the file's time is the hour";
    // Everything written for the worker carries the hour, not the minute, and no request id or account.
    EXPECT_EQ(
        Count("SELECT COUNT(*) FROM audit_log WHERE username = 'anonymous-worker' AND at = 1767225600000"
              " AND request_id = '' AND user_id IS NULL"),
        2);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE at > 1767225600000"), 0);
    EXPECT_EQ(
        Count(
            "SELECT COUNT(*) FROM notifications WHERE kind = 'WORKER_REPORT' AND created_at = 1767225600000"),
        1)
        << "town_t, the township's cadre, is told at the hour";
    EXPECT_EQ(
        Count("SELECT COUNT(*) FROM todos WHERE kind = 'ACKNOWLEDGE_REPORT' AND created_at = 1767225600000"
              " AND done_at IS NULL AND organisation_id = " +
              std::to_string(town_)),
        1);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM worker_report_events WHERE created_at <> 1767225600000"), 0);
}

TEST_F(ReportServiceTest, TheAcknowledgeDeadlineCountsWorkingDaysOfTheRuleSet) {
    // 2026-01-01 is New Year's Day (1–3 January are holidays, Sunday 4 January is a working day): two
    // working days are 4 and 5 January.
    const SubmitResult result = public_.Submit(entry_x_.code, Anonymous());
    EXPECT_EQ(result.report.acknowledge_due, "2026-01-05");
}

TEST_F(ReportServiceTest, BadInputNamesTheFieldAndStoresNothing) {
    SubmitInput input = Anonymous();
    input.description = "坏了";
    input.category = "NOPE";
    try {
        public_.Submit(entry_x_.code, input);
        FAIL() << "accepted";
    } catch (const Error& error) {
        EXPECT_EQ(error.GetCode(), ErrorCode::kInvalidInput);
        EXPECT_EQ(error.GetFieldErrors().count("description"), 1U);
        EXPECT_EQ(error.GetFieldErrors().count("category"), 1U);
    }
    SubmitInput named = Named();
    named.reporter_phone = "1234";
    try {
        public_.Submit(entry_x_.code, named);
        FAIL() << "accepted";
    } catch (const Error& error) {
        EXPECT_EQ(error.GetFieldErrors().count("reporterPhone"), 1U);
    }
    SubmitInput anonymous_with_name = Anonymous();
    anonymous_with_name.reporter_name = "李明";
    EXPECT_EQ(CodeOf([&] { public_.Submit(entry_x_.code, anonymous_with_name); }), ErrorCode::kInvalidInput)
        << "an anonymous report never stores a name given by mistake";
    EXPECT_EQ(CodeOf([&] { public_.Submit(entry_x_.code, Anonymous({"made-up-token"})); }),
              ErrorCode::kInvalidInput);
    EXPECT_EQ(Rows("worker_reports"), 0);
    EXPECT_EQ(Rows("worker_report_identities"), 0);
}

TEST_F(ReportServiceTest, AnUploadTokenServesOneReportOfItsOwnEntryPointOnly) {
    const std::string token = public_.UploadPhoto(entry_x_.code, Photo(std::string(64, 'b')));
    EXPECT_EQ(CodeOf([&] { public_.Submit(entry_y_.code, Anonymous({token})); }), ErrorCode::kInvalidInput);
    public_.Submit(entry_x_.code, Anonymous({token}));
    EXPECT_EQ(CodeOf([&] { public_.Submit(entry_x_.code, Anonymous({token})); }), ErrorCode::kInvalidInput);
    EXPECT_EQ(Rows("worker_reports"), 1);
}

TEST_F(ReportServiceTest, UnknownAndWithdrawnCodesAnswer404And410) {
    EXPECT_EQ(CodeOf([&] { public_.Entry("NOSUCHCODE00"); }), ErrorCode::kNotFound);
    reports_.RevokeEntryPoint(ContextFor(county_x_cadre_), entry_x_.id);
    EXPECT_EQ(CodeOf([&] { public_.Entry(entry_x_.code); }), ErrorCode::kGone);
    EXPECT_EQ(CodeOf([&] { public_.Submit(entry_x_.code, Anonymous()); }), ErrorCode::kGone);
    EXPECT_EQ(Rows("worker_reports"), 0);
    // A new code for the same place can be made once the old one is withdrawn.
    const auto [fresh, created] = reports_.CreateEntryPoint(ContextFor(county_x_cadre_), enterprise_x_, "");
    EXPECT_TRUE(created);
    EXPECT_NE(fresh.code, entry_x_.code);
}

TEST_F(ReportServiceTest, CreatingAnEntryPointTwiceGivesTheLiveOneAndOutOfScopeEnterprisesAreRefused) {
    const auto [again, created] = reports_.CreateEntryPoint(ContextFor(county_x_cadre_), enterprise_x_, "");
    EXPECT_FALSE(created);
    EXPECT_EQ(again.id, entry_x_.id);
    const auto [site, site_created] =
        reports_.CreateEntryPoint(ContextFor(county_x_cadre_), enterprise_x_, "二号车间");
    EXPECT_TRUE(site_created);
    EXPECT_EQ(site.code.size(), 12U);
    EXPECT_EQ(CodeOf([&] { reports_.CreateEntryPoint(ContextFor(county_x_cadre_), enterprise_y_, ""); }),
              ErrorCode::kInvalidInput);
    EXPECT_EQ(CodeOf([&] { reports_.GetEntryPoint(ContextFor(county_x_cadre_), entry_y_.id); }),
              ErrorCode::kNotFound);
    EXPECT_EQ(reports_.ListEntryPoints(ContextFor(county_x_cadre_), enterprise_y_).size(), 0U);
    EXPECT_EQ(reports_.ListEntryPoints(ContextFor(county_x_cadre_), enterprise_x_).size(), 2U);
}

TEST_F(ReportServiceTest, AWrongAndAMalformedReceiptGetTheSameAnswer) {
    const SubmitResult result = public_.Submit(entry_x_.code, Anonymous());
    std::string wrong = result.receipt;
    wrong[19] = wrong[19] == '0' ? '1' : '0';
    std::vector<std::string> answers;
    for (const std::string& receipt : {wrong, std::string("not a receipt"), std::string("")}) {
        try {
            public_.Lookup(receipt);
            FAIL() << "found " << receipt;
        } catch (const Error& error) {
            answers.push_back(std::string(error.what()) + "|" + error.GetFieldErrors().begin()->first);
        }
    }
    EXPECT_EQ(answers[0], answers[1]);
    EXPECT_EQ(answers[0], answers[2]);
    EXPECT_EQ(public_.Lookup(FormatReceipt(result.receipt)).id, result.report.id) << "spaces do not matter";
}

TEST_F(ReportServiceTest, ANamedReporterIsSeenOnlyWithThePermissionAboveTheEnterpriseAndEveryViewIsAudited) {
    const SubmitResult result = public_.Submit(entry_x_.code, Named());
    EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE after_json LIKE '%李明%' OR after_json LIKE "
                    "'%13912345678%'"),
              0);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM notifications WHERE title LIKE '%李明%' OR body LIKE '%李明%'"), 0);

    const ReporterIdentity identity = reports_.Reporter(ContextFor(admin_), result.report.id);
    EXPECT_EQ(identity.name, "李明");
    EXPECT_EQ(identity.phone, "13912345678");
    EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'view-identity' AND entity_id = '" +
                    std::to_string(result.report.id) + "'"),
              1);
    reports_.Reporter(ContextFor(admin_), result.report.id);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'view-identity'"), 2);

    // A base union inside the enterprise, whose user holds every permission: still never sees it.
    std::int64_t insider = 0;
    database_->Write([&](db::Session& session) {
        const std::int64_t base = organisations::OrganisationService::Insert(
            session, {town_, "玄武精密机械有限公司工会", "320102003001", "BASE_UNION", 5, "320102003"}, 0);
        session.Execute("UPDATE enterprises SET organisation_id = $1 WHERE id = $2", base, enterprise_x_);
        session.Execute(
            "UPDATE worker_reports SET organisation_id = $1, organisation_path = (SELECT path FROM "
            "organisations WHERE id = $1) WHERE id = $2",
            base, result.report.id);
        insider = AddUser(session, "insider", base, "PLATFORM_ADMIN",
                          auth::HashPassword("Ankang@2026", auth::PasswordHashCost::kMinimal));
    });
    EXPECT_EQ(reports_.Get(ContextFor(insider), result.report.id).id, result.report.id) << "the report, yes";
    EXPECT_EQ(CodeOf([&] { reports_.Reporter(ContextFor(insider), result.report.id); }),
              ErrorCode::kNotFound);
    EXPECT_EQ(CodeOf([&] { reports_.Reporter(ContextFor(county_y_cadre_), result.report.id); }),
              ErrorCode::kNotFound);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'view-identity'"), 2);

    const SubmitResult anonymous = public_.Submit(entry_x_.code, Anonymous());
    EXPECT_EQ(CodeOf([&] { reports_.Reporter(ContextFor(admin_), anonymous.report.id); }),
              ErrorCode::kNotFound);
}

TEST_F(ReportServiceTest, AcceptingCreatesTheLinkedHazardOnceAndTheWorkerSeesTheOutcome) {
    const std::string token = public_.UploadPhoto(entry_x_.code, Photo(std::string(64, 'c')));
    const SubmitResult result = public_.Submit(entry_x_.code, Anonymous({token}));
    const std::int64_t id = result.report.id;
    const RequestContext cadre = ContextFor(county_x_cadre_);

    EXPECT_EQ(reports_.Transition(cadre, id, Event("ACKNOWLEDGE")).status, "UNDER_REVIEW");
    EXPECT_EQ(Count("SELECT COUNT(*) FROM todos WHERE kind = 'ACKNOWLEDGE_REPORT' AND done_at IS NULL"), 0);
    TransitionInput no_title = Accept();
    no_title.title = "";
    EXPECT_EQ(CodeOf([&] { reports_.Transition(cadre, id, no_title); }), ErrorCode::kInvalidInput);
    EXPECT_EQ(Rows("hazards"), 0);

    const WorkerReport accepted = reports_.Transition(cadre, id, Accept());
    EXPECT_EQ(accepted.status, "ACCEPTED");
    ASSERT_TRUE(accepted.hazard_id);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM hazards WHERE source = 'WORKER_REPORT' AND status = 'REPORTED' AND "
                    "organisation_id = " +
                    std::to_string(town_) + " AND found_by NOT LIKE '%李%'"),
              1);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM hazard_files WHERE purpose = 'PHOTO' AND hazard_id = " +
                    std::to_string(*accepted.hazard_id)),
              1)
        << "the worker's photo goes with the hazard";

    // Twice: 409 and nothing more created.
    EXPECT_EQ(CodeOf([&] { reports_.Transition(cadre, id, Accept()); }), ErrorCode::kConflict);
    EXPECT_EQ(CodeOf([&] { reports_.Transition(cadre, id, Event("ACKNOWLEDGE")); }), ErrorCode::kConflict);
    EXPECT_EQ(Rows("hazards"), 1);

    EXPECT_EQ(public_.Lookup(result.receipt).status, "ACCEPTED");
    database_->Write([&](db::Session& session) {
        session.Execute("UPDATE hazards SET status = 'CLOSED', closed_at = $1 WHERE id = $2", clock_.Now(),
                        *accepted.hazard_id);
    });
    const WorkerReport seen = public_.Lookup(result.receipt);
    EXPECT_EQ(WorkerFacingStatus(seen.status, seen.hazard_status), "RESOLVED");
}

TEST_F(ReportServiceTest, OtherCountiesGet404AndOnlyOpenHazardsOfTheSameEnterpriseCanBeMergedInto) {
    const SubmitResult first = public_.Submit(entry_x_.code, Anonymous());
    const SubmitResult second = public_.Submit(entry_x_.code, Anonymous());
    const RequestContext cadre = ContextFor(county_x_cadre_);
    EXPECT_EQ(CodeOf([&] { reports_.Get(ContextFor(county_y_cadre_), first.report.id); }),
              ErrorCode::kNotFound);
    EXPECT_EQ(CodeOf([&] { reports_.Transition(ContextFor(county_y_cadre_), first.report.id, Accept()); }),
              ErrorCode::kNotFound);
    EXPECT_EQ(reports_.List(ContextFor(county_y_cadre_), {}, {}).total, 0);
    EXPECT_EQ(reports_.List(cadre, {}, {}).total, 2);

    const std::int64_t hazard = *reports_.Transition(cadre, first.report.id, Accept()).hazard_id;
    const SubmitResult other = public_.Submit(entry_y_.code, Anonymous());
    const std::int64_t other_hazard =
        *reports_.Transition(ContextFor(county_y_cadre_), other.report.id, Accept()).hazard_id;

    TransitionInput merge = Event("MERGE");
    merge.hazard_id = other_hazard;
    EXPECT_EQ(CodeOf([&] { reports_.Transition(cadre, second.report.id, merge); }), ErrorCode::kInvalidInput);
    merge.hazard_id = hazard;
    const WorkerReport merged = reports_.Transition(cadre, second.report.id, merge);
    EXPECT_EQ(merged.status, "DUPLICATE");
    EXPECT_EQ(merged.hazard_id, hazard);
    EXPECT_EQ(Rows("hazards"), 2);
}

TEST_F(ReportServiceTest, AcceptingOrMergingNeedsThePermissionToHandleHazards) {
    const SubmitResult result = public_.Submit(entry_x_.code, Anonymous());
    std::int64_t desk = 0;
    database_->Write([&](db::Session& session) {
        session.Execute(
            "INSERT INTO roles (code, name, data_scope, created_at, updated_at) VALUES ('REPORT_DESK', "
            "'职工报告受理',"
            " 'SUBTREE', 0, 0)");
        session.Execute(
            "INSERT INTO role_permissions (role_id, permission) SELECT id, 'reports:report:view' FROM roles"
            " WHERE code = 'REPORT_DESK'");
        session.Execute(
            "INSERT INTO role_permissions (role_id, permission) SELECT id, 'reports:report:manage' FROM"
            " roles WHERE code = 'REPORT_DESK'");
        desk = AddUser(session, "desk", county_x_, "REPORT_DESK",
                       auth::HashPassword("Ankang@2026", auth::PasswordHashCost::kMinimal));
    });
    EXPECT_EQ(CodeOf([&] { reports_.Transition(ContextFor(desk), result.report.id, Accept()); }),
              ErrorCode::kForbidden);
    EXPECT_EQ(Rows("hazards"), 0);
    EXPECT_EQ(reports_.Transition(ContextFor(desk), result.report.id, Event("ACKNOWLEDGE")).status,
              "UNDER_REVIEW");
}

TEST_F(ReportServiceTest, ARejectionNeedsAReasonTheWorkerSees) {
    const SubmitResult result = public_.Submit(entry_x_.code, Anonymous());
    const RequestContext cadre = ContextFor(town_cadre_);
    EXPECT_EQ(CodeOf([&] { reports_.Transition(cadre, result.report.id, Event("REJECT")); }),
              ErrorCode::kInvalidInput);
    EXPECT_EQ(public_.Lookup(result.receipt).status, "SUBMITTED");
    TransitionInput reject = Event("REJECT");
    reject.reason = "经现场核查，防护罩已在检修后装回";
    reports_.Transition(cadre, result.report.id, reject);
    const WorkerReport seen = public_.Lookup(result.receipt);
    EXPECT_EQ(seen.status, "REJECTED");
    EXPECT_EQ(seen.reject_reason, "经现场核查，防护罩已在检修后装回");
}

TEST_F(ReportServiceTest, MessagesGoBothWaysAndEachSideSeesWhatIsUnread) {
    const SubmitResult result = public_.Submit(entry_x_.code, Anonymous());
    const std::int64_t id = result.report.id;
    const RequestContext cadre = ContextFor(town_cadre_);
    reports_.PostMessage(cadre, id, "请问防护罩是哪一台冲床的？");
    EXPECT_EQ(Count("SELECT unread_union_messages FROM worker_reports"), 1);
    const WorkerReport worker_view = public_.Lookup(result.receipt);
    ASSERT_EQ(worker_view.messages.size(), 1U);
    EXPECT_EQ(worker_view.messages[0].author, "UNION");
    EXPECT_EQ(Count("SELECT unread_union_messages FROM worker_reports"), 0);

    clock_.Advance(61 * 60 * 1000);
    const WorkerReport after = public_.PostMessage(result.receipt, "3 号冲床，靠近东门");
    ASSERT_EQ(after.messages.size(), 2U);
    EXPECT_EQ(after.messages[1].created_at, 1'767'225'600'000 + 3'600'000) << "the worker's time is the hour";
    EXPECT_EQ(Count("SELECT unread_worker_messages FROM worker_reports"), 1);
    EXPECT_EQ(reports_.Get(cadre, id).messages.size(), 2U);
    EXPECT_EQ(Count("SELECT unread_worker_messages FROM worker_reports"), 0);
    EXPECT_EQ(CodeOf([&] { public_.PostMessage(result.receipt, ""); }), ErrorCode::kInvalidInput);
    EXPECT_EQ(CodeOf([&] { public_.PostMessage("00000000000000000000", "hello"); }), ErrorCode::kNotFound);
    EXPECT_EQ(Rows("worker_report_messages"), 2);
}

TEST_F(ReportServiceTest, AnUnacknowledgedReportIsEscalatedToTheParentOnceEvenUnderRacingSweeps) {
    const SubmitResult result = public_.Submit(entry_x_.code, Anonymous());
    EXPECT_EQ(RunReportDeadlines(database_.Get(), clock_).escalations, 0) << "not due yet";
    clock_.Advance(5LL * 24 * 60 * 60 * 1000);  // 6 January, after the due day (5 January)
    std::vector<std::thread> sweeps;
    std::atomic<std::int64_t> escalations{0};
    for (int i = 0; i < 4; ++i) {
        sweeps.emplace_back([&] { escalations += RunReportDeadlines(database_.Get(), clock_).escalations; });
    }
    for (auto& sweep : sweeps) sweep.join();
    EXPECT_EQ(escalations.load(), 1);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM worker_report_events WHERE event = 'ESCALATE'"), 1);
    EXPECT_EQ(Count("SELECT escalated_to_organisation_id FROM worker_reports"), county_x_)
        << "the town's parent";
    EXPECT_EQ(Count("SELECT COUNT(*) FROM todos WHERE kind = 'HANDLE_OVERDUE_REPORT' AND done_at IS NULL AND "
                    "organisation_id = " +
                    std::to_string(county_x_)),
              1);
    EXPECT_EQ(RunReportDeadlines(database_.Get(), clock_).escalations, 0);
    EXPECT_TRUE(reports_.Get(ContextFor(county_x_cadre_), result.report.id).overdue);

    // Once the county acknowledges it, every to-do about it is done.
    reports_.Transition(ContextFor(county_x_cadre_), result.report.id, Event("ACKNOWLEDGE"));
    EXPECT_EQ(Count("SELECT COUNT(*) FROM todos WHERE entity_type = 'worker_report' AND done_at IS NULL"), 0);
}

}  // namespace
}  // namespace app::reports
