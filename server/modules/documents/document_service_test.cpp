#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <functional>
#include <map>
#include <thread>

#include "documents/document_rules.hpp"
#include "documents/document_test_fixture.hpp"

namespace app::documents {
namespace {

using system::testing_support::CodeOf;

class DocumentServiceTest : public testing_support::DocumentFixture {
protected:
    // A document of the county driven along W4 to `status`.
    Document DocumentIn(const std::string& status) {
        const RequestContext county = ContextFor(county_x_cadre_);
        if (status == "DRAFT") return Draft();
        if (status == "ISSUED") return Issued();
        if (status == "WITHDRAWN") return documents_.Withdraw(county, Draft().id, "起草有误");
        const Document served = Served();
        if (status == "SERVED") return served;
        if (status == "REFUSED") return documents_.Refuse(county, served.id, "企业拒收");
        if (status == "ESCALATED") {
            documents_.Refuse(county, served.id, "");
            return documents_.Escalate(county, served.id, "拒收上报");
        }
        if (status == "OVERDUE") {
            database_->Write([&](db::Session& session) {
                session.Execute("UPDATE union_documents SET status = 'OVERDUE' WHERE id = $1", served.id);
            });
            return documents_.Get(county, served.id);
        }
        replies_.Reply(Anonymous(), Link(served.id), Accept());
        if (status == "REPLIED") return documents_.Get(county, served.id);
        return documents_.Review(county, served.id, {"ACCEPT", "整改到位"});  // CLOSED
    }
};

// ---- drafts -------------------------------------------------------------------------------------------

TEST_F(DocumentServiceTest, ADraftTakesItsReplyDeadlineFromTheRuleSetAndOpensTheSigningTodo) {
    const Document draft = Draft();
    EXPECT_EQ(draft.status, "DRAFT");
    EXPECT_EQ(draft.organisation_id, county_x_);  // the caller's organisation by default
    EXPECT_EQ(draft.reply_due, "2026-01-08");     // ENTERPRISE_REPLY: 7 calendar days from 2026-01-01
    EXPECT_TRUE(draft.rule_set_version_id.has_value());
    EXPECT_TRUE(draft.document_no.empty());
    EXPECT_EQ(OpenTodos(draft.id, "SIGN_DOCUMENT"), 1);
    EXPECT_EQ(
        Count("SELECT COUNT(*) FROM audit_log WHERE entity_type = 'union_document' AND action = 'create'"),
        1);

    DocumentInput opinion = Notice();
    opinion.document_type = kLpSupervisionOpinion;
    const Document created = documents_.Create(ContextFor(county_x_cadre_), opinion);
    EXPECT_EQ(created.reply_due, "2026-01-22");  // OPINION_REPLY: 15 working days (元旦 holiday on Jan 1–3)

    DocumentInput manual = Notice();
    manual.reply_due = "2026-02-01";
    const Document by_hand = documents_.Create(ContextFor(county_x_cadre_), manual);
    EXPECT_EQ(by_hand.reply_due, "2026-02-01");
    EXPECT_FALSE(by_hand.rule_set_version_id.has_value());
}

TEST_F(DocumentServiceTest, DraftInputIsCheckedFieldByField) {
    const RequestContext county = ContextFor(county_x_cadre_);
    DocumentInput input = Notice();
    input.document_type = "LETTER";
    input.enterprise_id = enterprise_y_;  // 秦淮区: outside 玄武区
    input.reply_due = "2026-13-01";
    try {
        documents_.Create(county, input);
        FAIL() << "expected invalid input";
    } catch (const Error& error) {
        EXPECT_EQ(error.GetCode(), ErrorCode::kInvalidInput);
        EXPECT_TRUE(error.GetFieldErrors().count("documentType"));
        EXPECT_TRUE(error.GetFieldErrors().count("enterpriseId"));
        EXPECT_TRUE(error.GetFieldErrors().count("replyDue"));
    }
    // A hazard of another enterprise, one not yet triaged, one outside the scope.
    const std::int64_t other = AddHazard(enterprise_y_, county_y_);
    const std::int64_t reported = AddHazard(enterprise_x_, town_, "REPORTED");
    for (const std::int64_t hazard : {other, reported}) {
        try {
            documents_.Create(county, Notice({hazard}));
            FAIL() << "expected invalid input";
        } catch (const Error& error) {
            EXPECT_TRUE(error.GetFieldErrors().count("hazardIds")) << hazard;
        }
    }
    input = Notice();
    input.organisation_id = county_y_;
    EXPECT_EQ(CodeOf([&] { documents_.Create(county, input); }), ErrorCode::kInvalidInput);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM union_documents"), 0);
}

TEST_F(DocumentServiceTest, DocumentsOutsideTheScopeAreNotFound) {
    const Document draft = Draft();
    EXPECT_EQ(CodeOf([&] { documents_.Get(ContextFor(county_y_cadre_), draft.id); }), ErrorCode::kNotFound);
    EXPECT_EQ(CodeOf([&] { documents_.Issue(ContextFor(county_y_cadre_), draft.id, "陈静"); }),
              ErrorCode::kNotFound);
    EXPECT_EQ(documents_.List(ContextFor(county_y_cadre_), {}, {}).total, 0);
    EXPECT_EQ(documents_.List(ContextFor(admin_), {}, {}).total, 1);
    EXPECT_EQ(documents_.Get(ContextFor(admin_), draft.id).id, draft.id);
}

// Review finding: a county cadre could draft a document in the name of a township union naming a hazard the
// county handles; the township's users then saw that hazard (title, description, place) in the document and
// could serve the document, notifying a hazard outside their scope.
TEST_F(DocumentServiceTest, AHazardHandledAboveTheIssuingUnionCannotBeNamed) {
    const std::int64_t county_hazard = AddHazard(enterprise_x_, county_x_);
    DocumentInput input = Notice({county_hazard});
    input.organisation_id = town_;
    try {
        documents_.Create(ContextFor(county_x_cadre_), input);
        FAIL() << "expected invalid input";
    } catch (const Error& error) {
        EXPECT_EQ(error.GetCode(), ErrorCode::kInvalidInput);
        EXPECT_TRUE(error.GetFieldErrors().count("hazardIds"));
    }
    EXPECT_EQ(Count("SELECT COUNT(*) FROM union_documents"), 0);
    // The county itself may name it, and a hazard of the township too.
    const std::int64_t town_hazard = AddHazard(enterprise_x_, town_);
    EXPECT_EQ(
        documents_.Create(ContextFor(county_x_cadre_), Notice({county_hazard, town_hazard})).hazards.size(),
        2u);
}

TEST_F(DocumentServiceTest, TheListFiltersByTypeStatusYearEnterpriseAndText) {
    const RequestContext county = ContextFor(county_x_cadre_);
    Issued();
    Draft();
    DocumentInput opinion = Notice({}, "劳动保护监督检查意见");
    opinion.document_type = kLpSupervisionOpinion;
    documents_.Create(county, opinion);
    EXPECT_EQ(documents_.List(county, {}, {}).total, 3);
    EXPECT_EQ(documents_.List(county, {.document_type = kLpSupervisionOpinion}, {}).total, 1);
    EXPECT_EQ(documents_.List(county, {.status = "ISSUED"}, {}).total, 1);
    EXPECT_EQ(documents_.List(county, {.year = 2026}, {}).total, 1);
    EXPECT_EQ(documents_.List(county, {.enterprise_id = enterprise_x_}, {}).total, 3);
    EXPECT_EQ(documents_.List(county, {.keyword = "劳保〔2026〕1号"}, {}).total, 1);
    EXPECT_EQ(documents_.List(county, {.keyword = "意见"}, {}).total, 1);
    EXPECT_EQ(documents_.List(county, {.keyword = "%"}, {}).total, 0);
    EXPECT_EQ(documents_.List(county, {}, {1, 2}).items.size(), 2u);
}

// ---- numbering ----------------------------------------------------------------------------------------

TEST_F(DocumentServiceTest, IssuingNumbersPerUnionAndYearAndMovesTheTodos) {
    const Document first = Issued();
    EXPECT_EQ(first.status, "ISSUED");
    EXPECT_EQ(first.serial, 1);
    EXPECT_EQ(first.year, 2026);
    EXPECT_EQ(first.document_no, "玄武区总工会劳保〔2026〕1号");
    EXPECT_EQ(first.signed_by, "张伟");
    EXPECT_EQ(OpenTodos(first.id, "SIGN_DOCUMENT"), 0);
    EXPECT_EQ(OpenTodos(first.id, "SERVE_DOCUMENT"), 1);
    EXPECT_EQ(Issued().document_no, "玄武区总工会劳保〔2026〕2号");

    // Another union counts on its own; a new year starts at 1.
    DocumentInput city = Notice();
    city.organisation_id = city_;
    const Document city_draft = documents_.Create(ContextFor(admin_), city);
    EXPECT_EQ(documents_.Issue(ContextFor(admin_), city_draft.id, "李红梅").document_no,
              "南京市总工会劳保〔2026〕1号");
    clock_.Advance(365LL * 24 * 3600 * 1000);
    EXPECT_EQ(Issued().document_no, "玄武区总工会劳保〔2027〕1号");
}

TEST_F(DocumentServiceTest, FiftyConcurrentIssuesTakeSerialsOneToFiftyExactly) {
    std::vector<std::int64_t> drafts;
    for (int index = 0; index < 50; ++index) drafts.push_back(Draft().id);
    std::vector<std::int64_t> serials(drafts.size(), 0);
    std::vector<std::thread> threads;
    for (std::size_t index = 0; index < drafts.size(); ++index) {
        threads.emplace_back([&, index] {
            serials[index] = *documents_.Issue(ContextFor(county_x_cadre_), drafts[index], "张伟").serial;
        });
    }
    for (std::thread& thread : threads) thread.join();
    std::sort(serials.begin(), serials.end());
    for (std::size_t index = 0; index < serials.size(); ++index) EXPECT_EQ(serials[index], index + 1);
    EXPECT_EQ(Count("SELECT COUNT(DISTINCT document_no) FROM union_documents WHERE serial IS NOT NULL"), 50);
    EXPECT_EQ(Count("SELECT last_serial FROM document_number_counters"), 50);
}

TEST_F(DocumentServiceTest, IssuingTheSameDraftTwiceConcurrentlyTakesOneNumber) {
    const Document draft = Draft();
    std::vector<ErrorCode> codes(8, ErrorCode::kInternal);
    std::vector<std::thread> threads;
    for (std::size_t index = 0; index < codes.size(); ++index) {
        threads.emplace_back([&, index] {
            try {
                documents_.Issue(ContextFor(county_x_cadre_), draft.id, "张伟");
                codes[index] = ErrorCode::kInvalidInput;  // marks success
            } catch (const Error& error) {
                codes[index] = error.GetCode();
            }
        });
    }
    for (std::thread& thread : threads) thread.join();
    EXPECT_EQ(std::count(codes.begin(), codes.end(), ErrorCode::kInvalidInput), 1);
    EXPECT_EQ(std::count(codes.begin(), codes.end(), ErrorCode::kConflict), 7);
    EXPECT_EQ(Count("SELECT last_serial FROM document_number_counters"), 1);
    EXPECT_EQ(Issued().serial, 2);
}

TEST_F(DocumentServiceTest, OnlyACountyFederationOrAboveIssuesARectificationRecommendation) {
    DocumentInput input = Notice();
    input.document_type = kRectificationRecommendation;
    input.addressee = "玄武区应急管理局";
    input.enterprise_id = std::nullopt;
    try {
        documents_.Create(ContextFor(town_cadre_), input);
        FAIL() << "expected 409";
    } catch (const Error& error) {
        EXPECT_EQ(error.GetCode(), ErrorCode::kConflict);
        EXPECT_NE(error.GetMessage().zh.find("县级以上"), std::string::npos);
    }
    const Document county = documents_.Create(ContextFor(county_x_cadre_), input);
    EXPECT_EQ(documents_.Issue(ContextFor(county_x_cadre_), county.id, "张伟").status, "ISSUED");
    // A draft moved to a town union (by SQL, as a reorganisation might) is refused at issue time.
    const Document second = documents_.Create(ContextFor(county_x_cadre_), input);
    database_->Write([&](db::Session& session) {
        session.Execute("UPDATE union_documents SET organisation_id = $1 WHERE id = $2", town_, second.id);
    });
    EXPECT_EQ(CodeOf([&] { documents_.Issue(ContextFor(county_x_cadre_), second.id, "张伟"); }),
              ErrorCode::kConflict);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM document_number_counters WHERE organisation_id = " +
                    std::to_string(town_)),
              0);
}

// ---- workflow W4 ---------------------------------------------------------------------------------------

TEST_F(DocumentServiceTest, EveryActionW4DoesNotAllowIsAConflictAndChangesNothing) {
    const RequestContext county = ContextFor(county_x_cadre_);
    std::map<std::string, std::function<void(std::int64_t)>> actions{
        {"issue", [&](std::int64_t id) { documents_.Issue(county, id, "张伟"); }},
        {"serve",
         [&](std::int64_t id) {
             documents_.Serve(county, id, {"POST", "2026-01-01"});
         }},
        {"accept",
         [&](std::int64_t id) {
             documents_.Review(county, id, {"ACCEPT", ""});
         }},
        {"reject",
         [&](std::int64_t id) {
             documents_.Review(county, id, {"REJECT", "整改不到位"});
         }},
        {"refused", [&](std::int64_t id) { documents_.Refuse(county, id, ""); }},
        {"escalate", [&](std::int64_t id) { documents_.Escalate(county, id, ""); }},
        {"withdraw", [&](std::int64_t id) { documents_.Withdraw(county, id, "撤回"); }},
        {"update", [&](std::int64_t id) { documents_.Update(county, id, Notice()); }},
    };
    // The actions W4 allows per status (the rest must be refused).
    const std::map<std::string, std::vector<std::string>> allowed{
        {"DRAFT", {"issue", "withdraw", "update"}},
        {"ISSUED", {"serve", "withdraw"}},
        {"SERVED", {"refused", "withdraw"}},
        {"REPLIED", {"accept", "reject", "withdraw"}},
        {"OVERDUE", {"escalate", "withdraw"}},
        {"REFUSED", {"escalate", "withdraw"}},
        {"ESCALATED", {"accept", "withdraw"}},
        {"CLOSED", {}},
        {"WITHDRAWN", {}},
    };
    int refused = 0;
    for (const auto& [status, permitted] : allowed) {
        const Document document = DocumentIn(status);
        ASSERT_EQ(document.status, status);
        const std::int64_t audits = Count("SELECT COUNT(*) FROM audit_log");
        for (const auto& [name, action] : actions) {
            if (std::find(permitted.begin(), permitted.end(), name) != permitted.end()) continue;
            EXPECT_EQ(CodeOf([&] { action(document.id); }), ErrorCode::kConflict) << status << " " << name;
            ++refused;
        }
        const Document after = documents_.Get(county, document.id);
        EXPECT_EQ(after.status, status);
        EXPECT_EQ(after.updated_at, document.updated_at);
        EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log"), audits) << status;
        // And each allowed one goes through.
        for (const std::string& name : permitted) {
            const Document fresh = DocumentIn(status);
            EXPECT_NO_THROW(actions.at(name)(fresh.id)) << status << " " << name;
        }
    }
    EXPECT_EQ(refused, 9 * 8 - 16);
}

TEST_F(DocumentServiceTest, ServingNotifiesTheHazardsAndTheReplyClosesTheLoop) {
    const std::int64_t first = AddHazard(enterprise_x_, town_);
    const std::int64_t second = AddHazard(enterprise_x_, town_, "EVACUATION_RECOMMENDED", "有限空间无通风");
    const Document served = Served({first, second});
    EXPECT_EQ(served.status, "SERVED");
    EXPECT_EQ(served.service_method, "IN_PERSON");
    EXPECT_EQ(served.hazards.size(), 2u);
    EXPECT_EQ(HazardStatus(first), "NOTIFIED");
    EXPECT_EQ(HazardStatus(second), "NOTIFIED");
    EXPECT_EQ(OpenTodos(served.id, "SERVE_DOCUMENT"), 0);

    replies_.Reply(Anonymous(), Link(served.id), Accept());
    const Document replied = documents_.Get(ContextFor(county_x_cadre_), served.id);
    EXPECT_EQ(replied.status, "REPLIED");
    EXPECT_EQ(replied.reply_decision, "ACCEPT");
    EXPECT_EQ(replied.reply_plan, "更换配电箱并接地");
    EXPECT_EQ(replied.reply_rectification_deadline, "2026-01-20");
    EXPECT_EQ(replied.reply_contact, "王经理 13905140099");
    EXPECT_EQ(HazardStatus(first), "RECTIFYING");
    EXPECT_EQ(OpenTodos(served.id, "REVIEW_REPLY"), 1);
    EXPECT_GE(Count("SELECT COUNT(*) FROM notifications WHERE kind = 'DOCUMENT_REPLIED' AND user_id = " +
                    std::to_string(county_x_cadre_)),
              1);
    ASSERT_TRUE(replied.reply_link);
    EXPECT_EQ(replied.reply_link->state, "USED");

    const Document closed = documents_.Review(ContextFor(county_x_cadre_), served.id, {"ACCEPT", "同意"});
    EXPECT_EQ(closed.status, "CLOSED");
    EXPECT_EQ(Count("SELECT COUNT(*) FROM todos WHERE entity_type = 'document' AND entity_id = " +
                    std::to_string(served.id) + " AND done_at IS NULL"),
              0);
}

TEST_F(DocumentServiceTest, ServiceDateAndMethodAreChecked) {
    const Document issued = Issued();
    try {
        documents_.Serve(ContextFor(county_x_cadre_), issued.id, {"FAX", "2026-01-05"});
        FAIL();
    } catch (const Error& error) {
        EXPECT_TRUE(error.GetFieldErrors().count("serviceMethod"));
        EXPECT_TRUE(error.GetFieldErrors().count("servedOn"));  // after today
    }
    EXPECT_EQ(documents_.Get(ContextFor(county_x_cadre_), issued.id).status, "ISSUED");
}

TEST_F(DocumentServiceTest, RejectingTheReplyEscalatesToTheHigherUnion) {
    const Document served = Served();
    replies_.Reply(Anonymous(), Link(served.id), Accept());
    EXPECT_EQ(CodeOf([&] {
                  documents_.Review(ContextFor(county_x_cadre_), served.id, {"REJECT", ""});
              }),
              ErrorCode::kInvalidInput);
    const Document escalated =
        documents_.Review(ContextFor(county_x_cadre_), served.id, {"REJECT", "方案不可行"});
    EXPECT_EQ(escalated.status, "ESCALATED");
    EXPECT_EQ(escalated.review_note, "方案不可行");
    EXPECT_EQ(OpenTodos(served.id, "REVIEW_REPLY"), 0);
}

// ---- reply links -------------------------------------------------------------------------------------

TEST_F(DocumentServiceTest, AReplyLinkOpensOnlyItsDocumentAndOnlyOnce) {
    const std::int64_t hazard = AddHazard(enterprise_x_, town_);
    const Document served = Served({hazard});
    const Document other = Served();
    const std::string token = Link(served.id);
    const std::string other_token = Link(other.id);
    EXPECT_EQ(token.size(), 43u);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM document_reply_links WHERE token_hash = '" + token + "'"), 0);

    const PublicReplyView view = replies_.View(token);
    EXPECT_EQ(view.document.id, served.id);
    EXPECT_EQ(view.document.document_no, served.document_no);
    ASSERT_EQ(view.document.hazards.size(), 1u);
    EXPECT_EQ(view.document.hazards[0].id, hazard);
    EXPECT_EQ(replies_.View(other_token).document.id, other.id);

    replies_.Reply(Anonymous(), token, Accept());
    EXPECT_EQ(CodeOf([&] { replies_.View(token); }), ErrorCode::kGone);
    try {
        replies_.Reply(Anonymous(), token, Accept());
        FAIL();
    } catch (const Error& error) {
        EXPECT_EQ(error.GetCode(), ErrorCode::kGone);
        EXPECT_NE(error.GetMessage().zh.find("已使用"), std::string::npos);
        EXPECT_NE(error.GetMessage().en.find("used"), std::string::npos);
    }
    EXPECT_EQ(CodeOf([&] { replies_.View("no-such-token"); }), ErrorCode::kNotFound);
    EXPECT_EQ(CodeOf([&] { replies_.View(""); }), ErrorCode::kNotFound);
}

TEST_F(DocumentServiceTest, ANewLinkRevokesTheOldOneAndLinksExpire) {
    const Document served = Served();
    const std::string old_token = Link(served.id);
    const std::string token = Link(served.id);
    try {
        replies_.View(old_token);
        FAIL();
    } catch (const Error& error) {
        EXPECT_EQ(error.GetCode(), ErrorCode::kGone);
        EXPECT_NE(error.GetMessage().zh.find("撤销"), std::string::npos);
        EXPECT_NE(error.GetMessage().en.find("revoked"), std::string::npos);
    }
    EXPECT_EQ(replies_.View(token).document.id, served.id);

    // Default 30 days, capped at the reply deadline (2026-01-08) + 30 days: expires 2026-02-08 00:00
    // Shanghai.
    const NewReplyLink link =
        documents_.CreateReplyLink(ContextFor(county_x_cadre_), served.id, std::nullopt);
    EXPECT_EQ(link.url, "/#/reply/" + link.token);
    EXPECT_EQ(link.expires_at, clock_.Now() + 30LL * 24 * 3600 * 1000);
    const NewReplyLink short_link = documents_.CreateReplyLink(ContextFor(county_x_cadre_), served.id, 1);
    EXPECT_EQ(short_link.expires_at, clock_.Now() + 3600 * 1000);
    clock_.Advance(3600 * 1000);
    try {
        replies_.Reply(Anonymous(), short_link.token, Accept());
        FAIL();
    } catch (const Error& error) {
        EXPECT_EQ(error.GetCode(), ErrorCode::kGone);
        EXPECT_NE(error.GetMessage().zh.find("过期"), std::string::npos);
        EXPECT_NE(error.GetMessage().en.find("expired"), std::string::npos);
    }
    EXPECT_EQ(documents_.Get(ContextFor(county_x_cadre_), served.id).status, "SERVED");
    EXPECT_EQ(CodeOf([&] { documents_.CreateReplyLink(ContextFor(county_x_cadre_), served.id, 0); }),
              ErrorCode::kInvalidInput);
    // Only a served document gets a link; withdrawing revokes it.
    EXPECT_EQ(
        CodeOf([&] { documents_.CreateReplyLink(ContextFor(county_x_cadre_), Issued().id, std::nullopt); }),
        ErrorCode::kConflict);
    const std::string live = Link(served.id);
    documents_.Withdraw(ContextFor(county_x_cadre_), served.id, "文书有误");
    EXPECT_EQ(CodeOf([&] { replies_.View(live); }), ErrorCode::kGone);
}

// Review finding: two links made at once for one document both stayed live ("a new link revokes the old one"
// did not hold on PostgreSQL: neither transaction saw the other's uncommitted link to revoke it).
TEST_F(DocumentServiceTest, TwoLinksMadeAtOnceLeaveOneLive) {
    if (database_->GetDialect() != db::Dialect::kPostgres) GTEST_SKIP() << "needs concurrent writers";
    const Document served = Served();
    std::atomic<bool> finished{false};
    std::thread second;
    database_->Write([&](db::Session& session) {
        // The first link's transaction, as CreateReplyLink writes it, not yet committed.
        session.Execute("UPDATE union_documents SET updated_at = updated_at WHERE id = $1", served.id);
        session.Execute(
            "INSERT INTO document_reply_links (document_id, token_hash, expires_at, created_at) VALUES ($1, "
            "'first', $2, $3)",
            served.id, clock_.Now() + 3600 * 1000, clock_.Now());
        second = std::thread([&] {
            Link(served.id);
            finished = true;
        });
        while (!finished && Count("SELECT COUNT(*) FROM pg_locks WHERE NOT granted") == 0)
            std::this_thread::yield();
    });
    second.join();
    EXPECT_EQ(Count("SELECT COUNT(*) FROM document_reply_links WHERE document_id = " +
                    std::to_string(served.id) + " AND revoked_at IS NULL AND used_at IS NULL"),
              1);
}

TEST_F(DocumentServiceTest, AReplyIsValidatedFieldByFieldAndCitesOnlyItsOwnUploads) {
    const Document served = Served({AddHazard(enterprise_x_, town_)});
    const std::string token = Link(served.id);
    auto fields_of = [&](const ReplyInput& input) {
        try {
            replies_.Reply(Anonymous(), token, input);
        } catch (const Error& error) {
            std::vector<std::string> fields;
            for (const auto& [field, message] : error.GetFieldErrors()) fields.push_back(field);
            return fields;
        }
        return std::vector<std::string>{"accepted"};
    };
    ReplyInput accept;
    accept.decision = "ACCEPT";
    EXPECT_EQ(fields_of(accept), (std::vector<std::string>{"plan", "rectificationDeadline"}));
    ReplyInput rectified;
    rectified.decision = "RECTIFIED";
    EXPECT_EQ(fields_of(rectified), (std::vector<std::string>{"evidenceFileIds"}));
    ReplyInput dispute;
    dispute.decision = "DISPUTE";
    EXPECT_EQ(fields_of(dispute), (std::vector<std::string>{"content"}));
    ReplyInput unknown;
    unknown.decision = "MAYBE";
    EXPECT_EQ(fields_of(unknown), (std::vector<std::string>{"decision"}));

    // A file uploaded elsewhere cannot be cited; one uploaded through the link can.
    const auto add_file = [&](const std::string& sha) {
        return database_->Write([&](db::Session& session) {
            return session
                .Query(
                    "INSERT INTO files (sha256, media_type, byte_size, organisation_id, created_at) VALUES "
                    "($1, "
                    "'image/jpeg', 10, $2, $3) RETURNING id",
                    sha, county_x_, clock_.Now())
                .Front()
                .GetInt64(0);
        });
    };
    const std::int64_t foreign = add_file("aa");
    const std::int64_t own = add_file("bb");
    replies_.AddEvidence(Anonymous(), token, own);
    rectified.evidence_file_ids = {foreign};
    rectified.content = "已整改";
    EXPECT_EQ(fields_of(rectified), (std::vector<std::string>{"evidenceFileIds"}));
    EXPECT_EQ(replies_.View(token).document.status, "SERVED");  // nothing was used up
    rectified.evidence_file_ids = {own};
    EXPECT_EQ(fields_of(rectified), (std::vector<std::string>{"accepted"}));
    EXPECT_EQ(documents_.Get(ContextFor(county_x_cadre_), served.id).reply_decision, "RECTIFIED");
    EXPECT_EQ(HazardStatus(served.hazards[0].id), "PENDING_VERIFICATION");
}

// Review finding: the evidence a link could show and cite was every reply upload of its document, so a new
// link (made after revoking one sent to the wrong person) showed and cited what was uploaded through the old
// one.
TEST_F(DocumentServiceTest, ALinkShowsAndCitesOnlyWhatWasUploadedThroughIt) {
    const Document served = Served({AddHazard(enterprise_x_, town_)});
    const std::string old_token = Link(served.id);
    clock_.Advance(1000);
    const std::int64_t old_upload = database_->Write([&](db::Session& session) {
        return session
            .Query(
                "INSERT INTO files (sha256, media_type, byte_size, organisation_id, created_at) VALUES "
                "('aa', "
                "'image/jpeg', 10, $1, $2) RETURNING id",
                county_x_, clock_.Now())
            .Front()
            .GetInt64(0);
    });
    replies_.AddEvidence(Anonymous(), old_token, old_upload);
    EXPECT_EQ(replies_.Evidence(old_token, old_upload).id, old_upload);
    clock_.Advance(1000);
    const std::string token = Link(served.id);
    EXPECT_EQ(CodeOf([&] { replies_.Evidence(token, old_upload); }), ErrorCode::kNotFound);
    ReplyInput rectified;
    rectified.decision = "RECTIFIED";
    rectified.content = "已整改";
    rectified.evidence_file_ids = {old_upload};
    EXPECT_EQ(CodeOf([&] { replies_.Reply(Anonymous(), token, rectified); }), ErrorCode::kInvalidInput);
    EXPECT_EQ(documents_.Get(ContextFor(county_x_cadre_), served.id).status, "SERVED");
}

}  // namespace
}  // namespace app::documents
