#include "hazards/hazard_service.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "hazards/hazard_events_api.hpp"
#include "hazards/hazard_test_fixture.hpp"

namespace app::hazards {
namespace {

using system::testing_support::CodeOf;

class HazardServiceTest : public testing_support::HazardFixture {
protected:
    std::set<std::string> FieldsOf(const std::function<void()>& action) {
        std::set<std::string> fields;
        try {
            action();
            ADD_FAILURE() << "expected an error";
        } catch (const Error& error) {
            for (const auto& [field, message] : error.GetFieldErrors()) fields.insert(field);
        }
        return fields;
    }
    std::int64_t Events(std::int64_t id) {
        return Count("SELECT COUNT(*) FROM hazard_events WHERE hazard_id = " + std::to_string(id));
    }
    std::int64_t Audits(std::int64_t id) {
        return Count("SELECT COUNT(*) FROM audit_log WHERE entity_type = 'hazard' AND entity_id = '" +
                     std::to_string(id) + "'");
    }
    std::int64_t OpenTodos(std::int64_t id, const std::string& kind) {
        return Count(
            "SELECT COUNT(*) FROM todos WHERE done_at IS NULL AND entity_type = 'hazard' AND entity_id = " +
            std::to_string(id) + " AND kind = '" + kind + "'");
    }
};

TEST_F(HazardServiceTest, ReportingOpensTheCaseWithACodeAPhotoAndATriageTodo) {
    const Hazard created = service_.Create(ContextFor(county_x_cadre_), Input());
    EXPECT_EQ(created.status, "REPORTED");
    char expected[32];
    std::snprintf(expected, sizeof expected, "YH2026%06lld", static_cast<long long>(created.id));
    EXPECT_EQ(created.code, expected);
    EXPECT_EQ(created.organisation_id, county_x_);  // the caller's organisation by default
    EXPECT_EQ(created.enterprise_name, "南京新街口机械制造有限公司");
    ASSERT_EQ(created.files.size(), 1u);
    EXPECT_EQ(created.files[0].purpose, "PHOTO");
    ASSERT_EQ(created.events.size(), 1u);
    EXPECT_EQ(created.events[0].to_status, "REPORTED");
    EXPECT_EQ(created.events[0].actor, "county_x");
    EXPECT_EQ(OpenTodos(created.id, "TRIAGE_HAZARD"), 1);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM todos WHERE kind = 'TRIAGE_HAZARD' AND organisation_id = " +
                    std::to_string(county_x_)),
              1);
    EXPECT_EQ(Audits(created.id), 1);
    // The handling union may also be the enterprise's own (town T), inside the caller's scope.
    HazardInput by_town = Input();
    by_town.organisation_id = town_;
    EXPECT_EQ(service_.Create(ContextFor(county_x_cadre_), by_town).organisation_id, town_);
}

TEST_F(HazardServiceTest, ReportingChecksScopeTheHandlingUnionAndFiles) {
    const RequestContext county_x = ContextFor(county_x_cadre_);
    HazardInput other_county = Input();
    other_county.enterprise_id = county_y_enterprise_;
    EXPECT_EQ(FieldsOf([&] { service_.Create(county_x, other_county); }),
              std::set<std::string>{"enterpriseId"});
    // Town T's cadre may not hand the case to county X above it (outside the town's scope), and county X may
    // not hand a town enterprise's case to county Y.
    HazardInput upward = Input();
    upward.organisation_id = county_x_;
    upward.photo_file_ids = {};
    EXPECT_EQ(FieldsOf([&] { service_.Create(ContextFor(town_cadre_), upward); }),
              std::set<std::string>{"organisationId"});
    HazardInput sideways = Input();
    sideways.organisation_id = county_y_;
    EXPECT_EQ(FieldsOf([&] { service_.Create(ContextFor(admin_), sideways); }),
              std::set<std::string>{"organisationId"});
    HazardInput bad = Input();
    bad.photo_file_ids = {county_y_photo_};
    bad.grade = "SEVERE";
    bad.found_on = "2026-03-03";  // tomorrow
    bad.major_subgrade = 2;
    EXPECT_EQ(FieldsOf([&] { service_.Create(county_x, bad); }),
              (std::set<std::string>{"photoFileIds", "grade", "foundOn", "majorSubgrade"}));
    bad = Input();
    bad.photo_file_ids = {photos_[0], photos_[0]};
    EXPECT_EQ(FieldsOf([&] { service_.Create(county_x, bad); }), std::set<std::string>{"photoFileIds"});
    bad = Input();
    bad.inspection_id = 999;  // no such inspection (migration 0013's table)
    EXPECT_EQ(FieldsOf([&] { service_.Create(county_x, bad); }), std::set<std::string>{"inspectionId"});
    EXPECT_EQ(Count("SELECT COUNT(*) FROM hazards"), 0);
}

TEST_F(HazardServiceTest, AWholeCaseFromReportToCloseWithRuleDeadlinesTodosAndEvidence) {
    const std::int64_t id = service_.Create(ContextFor(county_x_cadre_), Input()).id;
    // TRIAGE of a GENERAL hazard: the deadline defaults to GENERAL_RECTIFICATION (7 calendar days).
    Hazard hazard = Move(id, Event("TRIAGE"));
    EXPECT_EQ(hazard.status, "TRIAGED");
    EXPECT_EQ(hazard.rectification_deadline, "2026-03-09");
    EXPECT_TRUE(hazard.rule_set_version_id.has_value());
    EXPECT_EQ(OpenTodos(id, "TRIAGE_HAZARD"), 0);
    EXPECT_EQ(OpenTodos(id, "SERVE_NOTICE"), 1);
    // NOTIFY: the reply is due by ENTERPRISE_REPLY (7 calendar days).
    hazard = Move(id, Event("NOTIFY"));
    EXPECT_EQ(hazard.reply_due, "2026-03-09");
    EXPECT_EQ(OpenTodos(id, "SERVE_NOTICE"), 0);
    TransitionInput accept = Event("ENTERPRISE_ACCEPT");
    accept.rectification_deadline = "2026-03-20";
    accept.comment = "企业书面答复，接受整改";
    hazard = Move(id, accept);
    EXPECT_EQ(hazard.status, "RECTIFYING");
    EXPECT_EQ(hazard.rectification_deadline, "2026-03-20");
    EXPECT_EQ(hazard.events.back().actor, "county_x");  // recorded by the cadre on the enterprise's behalf
    // Rectified: evidence required; the recheck is due in RECHECK_AFTER_DONE (5 working days).
    EXPECT_EQ(FieldsOf([&] { Move(id, Event("REPORT_RECTIFIED")); }),
              std::set<std::string>{"evidenceFileIds"});
    TransitionInput rectified = Event("REPORT_RECTIFIED");
    rectified.evidence_file_ids = {photos_[1]};
    SetDate("2026-03-05");  // Thursday: 5 working days → Thursday 2026-03-12
    hazard = Move(id, rectified);
    EXPECT_EQ(hazard.status, "PENDING_VERIFICATION");
    EXPECT_EQ(hazard.recheck_due, "2026-03-12");
    EXPECT_EQ(OpenTodos(id, "RECHECK_HAZARD"), 1);
    // A passed recheck without evidence is refused and changes nothing: no close without evidence.
    TransitionInput recheck = Event("RECHECK");
    recheck.result = "PASSED";
    recheck.verifiers = "王监督、李干事";
    recheck.verified_on = "2026-03-05";
    const std::int64_t events_before = Events(id);
    EXPECT_EQ(FieldsOf([&] { Move(id, recheck); }), std::set<std::string>{"evidenceFileIds"});
    EXPECT_EQ(StatusOf(id), "PENDING_VERIFICATION");
    EXPECT_EQ(Events(id), events_before);
    recheck.evidence_file_ids = {photos_[2]};
    hazard = Move(id, recheck);
    EXPECT_EQ(hazard.status, "CLOSED");
    EXPECT_TRUE(hazard.closed_at.has_value());
    ASSERT_EQ(hazard.verifications.size(), 1u);
    EXPECT_EQ(hazard.verifications[0].verification_type, "UNION_RECHECK");
    EXPECT_EQ(hazard.verifications[0].result, "PASSED");
    EXPECT_EQ(hazard.files.size(), 3u);  // photo, reply evidence, verification evidence
    EXPECT_EQ(Count("SELECT COUNT(*) FROM todos WHERE done_at IS NULL AND entity_id = " + std::to_string(id)),
              0);
    EXPECT_EQ(Events(id), 6);  // REPORT + 5 transitions
    EXPECT_EQ(Audits(id), 6);  // create + 5 transitions
    EXPECT_TRUE(service_.Get(ContextFor(admin_), id).events.size() == 6);
}

TEST_F(HazardServiceTest, AFailedRecheckSendsTheCaseBackToRectification) {
    const std::int64_t id = Rectifying("2026-03-20");
    TransitionInput rectified = Event("REPORT_RECTIFIED");
    rectified.evidence_file_ids = {photos_[1]};
    Move(id, rectified);
    TransitionInput recheck = Event("RECHECK");
    recheck.result = "PARTIAL";
    recheck.verifiers = "王监督";
    recheck.verified_on = "2026-03-02";
    recheck.rectification_deadline = "2026-03-27";  // a new deadline for the rest
    const Hazard back = Move(id, recheck);
    EXPECT_EQ(back.status, "RECTIFYING");
    EXPECT_EQ(back.rectification_deadline, "2026-03-27");
    EXPECT_EQ(OpenTodos(id, "RECHECK_HAZARD"), 0);
}

TEST_F(HazardServiceTest, IllegalTransitionsAre409AndChangeNothing) {
    const std::int64_t id = service_.Create(ContextFor(county_x_cadre_), Input()).id;
    for (const char* event : {"NOTIFY", "RECHECK", "ESCALATE", "AUTHORITY_CLOSES", "ACCEPT_DISPUTE",
                              "MARK_OVERDUE", "RECOMMEND_EVACUATION"}) {
        TransitionInput input = Event(event);
        input.evidence_file_ids = {photos_[1]};
        input.comment = "x";
        EXPECT_EQ(CodeOf([&] { Move(id, input); }), ErrorCode::kConflict) << event;
    }
    EXPECT_EQ(CodeOf([&] { Move(id, Event("CLOSE")); }), ErrorCode::kInvalidInput);
    TransitionInput triage = Event("TRIAGE");
    triage.evidence_file_ids = {photos_[1]};  // not evidence of anything yet: ignored
    Move(id, triage);
    // Evacuation only for a hazard of immediate danger.
    EXPECT_EQ(CodeOf([&] { Move(id, Event("RECOMMEND_EVACUATION")); }), ErrorCode::kConflict);
    TransitionInput reject = Event("REJECT");
    reject.comment = "重复登记";
    EXPECT_EQ(CodeOf([&] { Move(id, reject); }), ErrorCode::kConflict);
    EXPECT_EQ(StatusOf(id), "TRIAGED");
    EXPECT_EQ(Events(id), 2);
    EXPECT_EQ(Audits(id), 2);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM hazard_files WHERE purpose <> 'PHOTO'"), 0);
}

TEST_F(HazardServiceTest, OutsideTheScopeAHazardIsNotFound) {
    const std::int64_t id = service_.Create(ContextFor(county_x_cadre_), Input()).id;
    EXPECT_EQ(CodeOf([&] { service_.Get(ContextFor(county_y_cadre_), id); }), ErrorCode::kNotFound);
    EXPECT_EQ(CodeOf([&] { Move(id, Event("TRIAGE"), county_y_cadre_); }), ErrorCode::kNotFound);
    // Town T lies below the handling union (county X): the case is not the town's.
    EXPECT_EQ(CodeOf([&] { service_.Get(ContextFor(town_cadre_), id); }), ErrorCode::kNotFound);
    EXPECT_EQ(service_.Get(ContextFor(city_cadre_), id).id, id);
    EXPECT_EQ(StatusOf(id), "REPORTED");
}

// Review finding: the detail listed every document naming the hazard, also one issued by a union above the
// caller's (number, title, status of a document the caller gets 404 for).
TEST_F(HazardServiceTest, TheDetailListsOnlyLinkedDocumentsInTheCallersScope) {
    HazardInput input = Input();
    input.organisation_id = town_;
    const std::int64_t id = service_.Create(ContextFor(county_x_cadre_), input).id;
    database_->Write([&](db::Session& session) {
        for (const std::int64_t organisation : {county_x_, town_}) {
            const std::int64_t document = session
                                              .Query(
                                                  "INSERT INTO union_documents (organisation_id, "
                                                  "document_type, addressee, title, status,"
                                                  " created_at, updated_at) VALUES ($1, "
                                                  "'HAZARD_RECTIFICATION_NOTICE', '企业', '整改通知',"
                                                  " 'DRAFT', 0, 0) RETURNING id",
                                                  organisation)
                                              .Front()
                                              .GetInt64(0);
            session.Execute("INSERT INTO document_hazards (document_id, hazard_id) VALUES ($1, $2)", document,
                            id);
        }
    });
    EXPECT_EQ(service_.Get(ContextFor(county_x_cadre_), id).documents.size(), 2u);
    const Hazard seen_by_town = service_.Get(ContextFor(town_cadre_), id);
    ASSERT_EQ(seen_by_town.documents.size(), 1u);
    EXPECT_EQ(Count("SELECT organisation_id FROM union_documents WHERE id = " +
                    std::to_string(seen_by_town.documents[0].id)),
              town_);
}

TEST_F(HazardServiceTest, AMajorHazardNotifiesEveryHigherUnionAtOnce) {
    HazardInput major = Input("MAJOR");
    major.organisation_id = town_;
    major.major_subgrade = 1;
    const Hazard created = service_.Create(ContextFor(county_x_cadre_), major);
    EXPECT_EQ(Unread(county_x_cadre_, "MAJOR_HAZARD"), 1);
    EXPECT_EQ(Unread(city_cadre_, "MAJOR_HAZARD"), 1);
    EXPECT_EQ(Unread(admin_, "MAJOR_HAZARD"), 1);
    EXPECT_EQ(Unread(town_cadre_, "MAJOR_HAZARD"), 0);      // the handling union itself
    EXPECT_EQ(Unread(county_y_cadre_, "MAJOR_HAZARD"), 0);  // a sibling county
    // A MAJOR triage needs a deadline; a hazard reported GENERAL and triaged MAJOR notifies then.
    EXPECT_EQ(FieldsOf([&] { Move(created.id, Event("TRIAGE")); }),
              std::set<std::string>{"rectificationDeadline"});
    const std::int64_t general = service_.Create(ContextFor(county_x_cadre_), Input()).id;
    EXPECT_EQ(Unread(city_cadre_, "MAJOR_HAZARD"), 1);
    TransitionInput triage = Event("TRIAGE");
    triage.grade = "MAJOR";
    triage.rectification_deadline = "2026-06-30";
    const Hazard triaged = Move(general, triage);
    EXPECT_EQ(triaged.grade, "MAJOR");
    EXPECT_EQ(triaged.rectification_deadline, "2026-06-30");
    EXPECT_EQ(Unread(city_cadre_, "MAJOR_HAZARD"), 2);
    EXPECT_EQ(Unread(admin_, "MAJOR_HAZARD"), 2);
    EXPECT_EQ(Unread(county_x_cadre_, "MAJOR_HAZARD"), 1);  // county X handles the second case
    EXPECT_EQ(Unread(county_y_cadre_, "MAJOR_HAZARD"), 0);
    // A MAJOR hazard's acceptance needs the plan.
    TransitionInput notify = Event("NOTIFY");
    Move(general, notify);
    TransitionInput accept = Event("ENTERPRISE_ACCEPT");
    accept.rectification_deadline = "2026-06-30";
    EXPECT_EQ(FieldsOf([&] { Move(general, accept); }), std::set<std::string>{"rectificationPlan"});
}

TEST_F(HazardServiceTest, TwoRacingTransitionsCannotBothApply) {
    for (int round = 0; round < 5; ++round) {
        const std::int64_t id = service_.Create(ContextFor(county_x_cadre_), Input()).id;
        const RequestContext context = ContextFor(county_x_cadre_);
        std::atomic<int> applied{0};
        std::atomic<int> refused{0};
        std::vector<std::thread> threads;
        for (int i = 0; i < 2; ++i) {
            threads.emplace_back([&, i] {
                TransitionInput input = Event(i == 0 ? "TRIAGE" : "REJECT");
                input.comment = "并发";
                try {
                    service_.Transition(context, id, input);
                    applied.fetch_add(1);
                } catch (const Error& error) {
                    if (error.GetCode() == ErrorCode::kConflict) refused.fetch_add(1);
                }
            });
        }
        for (auto& thread : threads) thread.join();
        EXPECT_EQ(applied.load(), 1);
        EXPECT_EQ(refused.load(), 1);
        EXPECT_EQ(Events(id), 2);
    }
}

TEST_F(HazardServiceTest, DisputeMaintainedEscalatesToTheParentWithATodo) {
    const std::int64_t id = Notified("2026-03-09");
    TransitionInput dispute = Event("ENTERPRISE_DISPUTE");
    dispute.comment = "企业认为已设置接地";
    Move(id, dispute);
    EXPECT_EQ(OpenTodos(id, "REVIEW_DISPUTE"), 1);
    TransitionInput maintain = Event("MAINTAIN_POSITION");
    maintain.comment = "现场复核仍未接地";
    const Hazard escalated = Move(id, maintain);
    EXPECT_EQ(escalated.status, "ESCALATED");
    ASSERT_EQ(escalated.escalations.size(), 1u);
    EXPECT_EQ(escalated.escalations[0].to_organisation_id, city_);
    EXPECT_EQ(escalated.escalations[0].reason, "REFUSED");
    EXPECT_FALSE(escalated.escalations[0].automatic);
    EXPECT_EQ(OpenTodos(id, "REVIEW_DISPUTE"), 0);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM todos WHERE done_at IS NULL AND kind = 'HANDLE_ESCALATION' AND "
                    "organisation_id = " +
                    std::to_string(city_)),
              1);
    EXPECT_EQ(Unread(city_cadre_, "HAZARD_ESCALATED"), 1);
    // The authority closes it with evidence only.
    EXPECT_EQ(FieldsOf([&] { Move(id, Event("AUTHORITY_CLOSES"), city_cadre_); }),
              std::set<std::string>{"evidenceFileIds"});
    TransitionInput closes = Event("AUTHORITY_CLOSES");
    closes.evidence_file_ids = {photos_[1]};
    EXPECT_EQ(Move(id, closes, city_cadre_).status, "CLOSED");
    EXPECT_EQ(Count("SELECT COUNT(*) FROM todos WHERE done_at IS NULL AND entity_id = " + std::to_string(id)),
              0);
}

TEST_F(HazardServiceTest, ExternalEventsWorkWithoutAPrincipalAndIllegalOnesWriteNothing) {
    const std::int64_t id = service_.Create(ContextFor(county_x_cadre_), Input()).id;
    Move(id, Event("TRIAGE"));
    RequestContext anonymous;
    anonymous.request_id = "reply-link-request";
    ExternalEvent accept{.event = "ENTERPRISE_ACCEPT",
                         .actor = "企业（南京新街口机械制造有限公司）",
                         .rectification_deadline = "2026-03-20",
                         .rectification_plan = "更换接地线"};
    // TRIAGED does not allow ENTERPRISE_ACCEPT: 409, and the caller's transaction has nothing of it.
    EXPECT_EQ(CodeOf([&] {
                  database_->Write([&](db::Session& session) {
                      ApplyExternalEvent(session, anonymous, id, accept, clock_.Now());
                  });
              }),
              ErrorCode::kConflict);
    EXPECT_EQ(StatusOf(id), "TRIAGED");
    EXPECT_EQ(Events(id), 2);
    RequestContext cadre = ContextFor(county_x_cadre_);
    database_->Write([&](db::Session& session) {
        ApplyExternalEvent(session, cadre, id,
                           {.event = "NOTIFY",
                            .actor = "county_x",
                            .user_id = county_x_cadre_,
                            .reply_due = "2026-03-16",
                            .document_id = std::nullopt},
                           clock_.Now());
    });
    EXPECT_EQ(StatusOf(id), "NOTIFIED");
    accept.document_id = 77;
    database_->Write(
        [&](db::Session& session) { ApplyExternalEvent(session, anonymous, id, accept, clock_.Now()); });
    const Hazard hazard = service_.Get(ContextFor(county_x_cadre_), id);
    EXPECT_EQ(hazard.status, "RECTIFYING");
    EXPECT_EQ(hazard.rectification_plan, "更换接地线");
    EXPECT_EQ(hazard.events.back().actor, "企业（南京新街口机械制造有限公司）");
    EXPECT_FALSE(hazard.events.back().user_id.has_value());
    EXPECT_EQ(
        Count("SELECT COUNT(*) FROM audit_log WHERE entity_type = 'hazard' AND username = 'reply-link' AND "
              "user_id IS NULL"),
        1);
    // Events other modules may not raise.
    EXPECT_EQ(CodeOf([&] {
                  database_->Write([&](db::Session& session) {
                      ApplyExternalEvent(session, anonymous, id, {.event = "RECHECK"}, clock_.Now());
                  });
              }),
              ErrorCode::kInvalidInput);
    // Reply evidence from the link: files need only exist.
    database_->Write([&](db::Session& session) {
        ApplyExternalEvent(session, anonymous, id,
                           {.event = "REPORT_RECTIFIED",
                            .actor = "企业",
                            .evidence_file_ids = {county_y_photo_},
                            .document_id = 77},
                           clock_.Now());
    });
    EXPECT_EQ(Count("SELECT COUNT(*) FROM hazard_files WHERE purpose = 'REPLY_EVIDENCE' AND hazard_id = " +
                    std::to_string(id)),
              1);
}

TEST_F(HazardServiceTest, ListFiltersSortsAndStaysInScope) {
    const RequestContext county_x = ContextFor(county_x_cadre_);
    const std::int64_t first = service_.Create(county_x, Input()).id;
    HazardInput second_input = Input("MAJOR");
    second_input.title = "消防通道堵塞";
    second_input.category = "MANAGEMENT_DEFECT";
    second_input.found_on = "2026-02-20";
    const std::int64_t second = service_.Create(county_x, second_input).id;
    const std::int64_t third = Notified("2026-03-04");
    HazardFilter filter;
    EXPECT_EQ(service_.List(county_x, filter, {}).total, 3);
    EXPECT_EQ(service_.List(ContextFor(county_y_cadre_), filter, {}).total, 0);
    EXPECT_EQ(service_.List(ContextFor(admin_), filter, {}).total, 3);
    filter.keyword = "消防";
    EXPECT_EQ(service_.List(county_x, filter, {}).items.at(0).id, second);
    filter.keyword = "新街口机械";  // the enterprise's name
    EXPECT_EQ(service_.List(county_x, filter, {}).total, 3);
    filter = {};
    filter.statuses = {"REPORTED", "NOTIFIED"};
    EXPECT_EQ(service_.List(county_x, filter, {}).total, 3);
    filter.statuses = {"NOTIFIED"};
    EXPECT_EQ(service_.List(county_x, filter, {}).items.at(0).id, third);
    filter = {};
    filter.grade = "MAJOR";
    EXPECT_EQ(service_.List(county_x, filter, {}).total, 1);
    filter = {};
    filter.found_to = "2026-02-28";
    EXPECT_EQ(service_.List(county_x, filter, {}).total, 1);
    filter = {};
    filter.sort = "foundOn";
    EXPECT_EQ(service_.List(county_x, filter, {}).items.front().id, second);
    filter.sort = "-id";
    EXPECT_EQ(service_.List(county_x, filter, {}).items.front().id, third);
    filter.sort = "nonsense";
    EXPECT_EQ(CodeOf([&] { service_.List(county_x, filter, {}); }), ErrorCode::kInvalidInput);
    filter = {};
    filter.organisation_id = county_y_;
    EXPECT_EQ(service_.List(ContextFor(admin_), filter, {}).total, 0);
    filter.organisation_id = city_;
    EXPECT_EQ(service_.List(ContextFor(admin_), filter, {}).total, 3);
    // Overdue: the reply was due 2026-03-04; on 2026-03-05 it has passed.
    filter = {};
    filter.overdue = true;
    EXPECT_EQ(service_.List(county_x, filter, {}).total, 0);
    SetDate("2026-03-05");
    const auto overdue = service_.List(county_x, filter, {});
    ASSERT_EQ(overdue.total, 1);
    EXPECT_EQ(overdue.items[0].id, third);
    EXPECT_TRUE(overdue.items[0].overdue);
    EXPECT_EQ(service_.ListForExport(county_x, {}).size(), 3u);
    (void)first;
}

}  // namespace
}  // namespace app::hazards
