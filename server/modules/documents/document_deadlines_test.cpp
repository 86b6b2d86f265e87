#include <gtest/gtest.h>

#include <thread>

#include "documents/document_deadlines.hpp"
#include "documents/document_test_fixture.hpp"

namespace app::documents {
namespace {

constexpr std::int64_t kDay = 24LL * 3600 * 1000;

class DocumentDeadlinesTest : public testing_support::DocumentFixture {
protected:
    std::int64_t Notifications(const std::string& kind) {
        return Count("SELECT COUNT(*) FROM notifications WHERE kind = '" + kind + "'");
    }
};

TEST_F(DocumentDeadlinesTest, RemindsOnceBeforeTheDeadlineAndMarksOverdueOnceAfterIt) {
    const Document served = Served();  // reply due 2026-01-08; REMINDER_BEFORE_DUE: 3 calendar days
    EXPECT_EQ(served.reply_due, "2026-01-08");
    DocumentDeadlineReport report = RunDocumentDeadlines(database_.Get(), clock_);  // 2026-01-01
    EXPECT_EQ(report.reminders, 0);
    EXPECT_EQ(report.overdue, 0);

    clock_.Advance(4 * kDay);  // 2026-01-05: three days before
    report = RunDocumentDeadlines(database_.Get(), clock_);
    EXPECT_EQ(report.reminders, 1);
    EXPECT_EQ(Notifications("DEADLINE_REMINDER"), 1);  // county_x_cadre holds supervision:document:manage
    clock_.Advance(kDay);
    EXPECT_EQ(RunDocumentDeadlines(database_.Get(), clock_).reminders, 0);  // once per due date

    clock_.Advance(2 * kDay);  // 2026-01-08: the last day is still in time
    EXPECT_EQ(RunDocumentDeadlines(database_.Get(), clock_).overdue, 0);
    EXPECT_EQ(documents_.Get(ContextFor(county_x_cadre_), served.id).status, "SERVED");

    clock_.Advance(kDay);  // 2026-01-09
    report = RunDocumentDeadlines(database_.Get(), clock_);
    EXPECT_EQ(report.overdue, 1);
    const Document overdue = documents_.Get(ContextFor(county_x_cadre_), served.id);
    EXPECT_EQ(overdue.status, "OVERDUE");
    EXPECT_EQ(Notifications("DOCUMENT_OVERDUE"), 1);
    EXPECT_EQ(OpenTodos(served.id, "ESCALATE_DOCUMENT"), 1);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'overdue'"), 1);
    EXPECT_EQ(RunDocumentDeadlines(database_.Get(), clock_).overdue, 0);

    // Escalating settles the to-do; a late reply is still accepted while the link lives.
    documents_.Escalate(ContextFor(county_x_cadre_), served.id, "逾期未复");
    EXPECT_EQ(OpenTodos(served.id, "ESCALATE_DOCUMENT"), 0);
}

TEST_F(DocumentDeadlinesTest, ALateReplyMovesAnOverdueDocumentToReplied) {
    const Document served = Served();
    const std::string token = Link(served.id);
    clock_.Advance(9 * kDay);
    EXPECT_EQ(RunDocumentDeadlines(database_.Get(), clock_).overdue, 1);
    ReplyInput input = Accept();
    input.rectification_deadline = "2026-02-01";
    replies_.Reply(Anonymous(), token, input);
    EXPECT_EQ(documents_.Get(ContextFor(county_x_cadre_), served.id).status, "REPLIED");
    EXPECT_EQ(OpenTodos(served.id, "ESCALATE_DOCUMENT"), 0);
    EXPECT_EQ(OpenTodos(served.id, "REVIEW_REPLY"), 1);
}

TEST_F(DocumentDeadlinesTest, TwoConcurrentRunsActOnce) {
    for (int index = 0; index < 5; ++index) Served();
    clock_.Advance(9 * kDay);
    DocumentDeadlineReport first, second;
    std::thread a([&] { first = RunDocumentDeadlines(database_.Get(), clock_); });
    std::thread b([&] { second = RunDocumentDeadlines(database_.Get(), clock_); });
    a.join();
    b.join();
    EXPECT_EQ(first.overdue + second.overdue, 5);
    EXPECT_EQ(Notifications("DOCUMENT_OVERDUE"), 5);
    EXPECT_EQ(
        Count("SELECT COUNT(*) FROM deadline_actions WHERE entity_type = 'document' AND action = 'OVERDUE'"),
        5);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM todos WHERE kind = 'ESCALATE_DOCUMENT' AND done_at IS NULL"), 5);
}

// Review finding: the overdue mark's UPDATE (… AND status = 'SERVED') was not checked, so a reply committed
// between the sweep's read and its UPDATE left a REPLIED document with a DOCUMENT_OVERDUE notice, an
// ESCALATE_DOCUMENT to-do and an 'overdue' audit row. PostgreSQL only: SQLite's write lock serialises the
// two.
TEST_F(DocumentDeadlinesTest, AReplyCommittedDuringTheSweepIsNotMarkedOverdue) {
    if (database_->GetDialect() != db::Dialect::kPostgres) GTEST_SKIP() << "needs concurrent writers";
    const Document served = Served();
    clock_.Advance(9 * kDay);
    DocumentDeadlineReport report;
    std::thread sweep;
    database_->Write([&](db::Session& session) {
        // The reply's transaction: the row is changed (and locked) but not yet committed.
        session.Execute("UPDATE union_documents SET status = 'REPLIED' WHERE id = $1", served.id);
        sweep = std::thread([&] { report = RunDocumentDeadlines(database_.Get(), clock_); });
        // Wait until the sweep has read SERVED and blocks on the row lock of its UPDATE; it finishes once
        // this transaction commits.
        for (int poll = 0; poll < 1'000'000; ++poll) {
            if (Count("SELECT COUNT(*) FROM pg_locks WHERE NOT granted") > 0) break;
            std::this_thread::yield();
        }
    });
    sweep.join();
    EXPECT_EQ(report.overdue, 0);
    EXPECT_EQ(documents_.Get(ContextFor(county_x_cadre_), served.id).status, "REPLIED");
    EXPECT_EQ(Notifications("DOCUMENT_OVERDUE"), 0);
    EXPECT_EQ(OpenTodos(served.id, "ESCALATE_DOCUMENT"), 0);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'overdue'"), 0);
}

}  // namespace
}  // namespace app::documents
