#include "inbox/inbox_service.hpp"

#include <gtest/gtest.h>

#include "inbox/inbox_writer.hpp"
#include "system/system_test_fixture.hpp"

namespace app::inbox {
namespace {

using system::testing_support::CodeOf;

class InboxServiceTest : public system::testing_support::TreeFixture {
protected:
    InboxService inbox_{database_.Get(), clock_};

    void Write(const std::function<void(db::Session&)>& action) {
        database_->Write([&](db::Session& session) { action(session); });
    }

    static Message MessageAbout(std::int64_t hazard) {
        return {"MAJOR_HAZARD", "重大隐患 " + std::to_string(hazard), "", "hazard", hazard, std::nullopt};
    }

    std::vector<std::int64_t> TodoEntities(std::int64_t user) {
        std::vector<std::int64_t> entities;
        for (const TodoItem& item : inbox_.ListTodos(ContextFor(user), {}).items)
            entities.push_back(item.entity_id);
        return entities;
    }
};

TEST_F(InboxServiceTest, ListsOnlyTheCallersMessagesNewestFirstWithTheUnreadCount) {
    Write([&](db::Session& session) {
        for (int hazard = 1; hazard <= 3; ++hazard)
            NotifyUser(session, town_cadre_, MessageAbout(hazard), hazard);
        NotifyUser(session, county_x_cadre_, MessageAbout(9), 9);
    });
    const RequestContext town = ContextFor(town_cadre_);
    const NotificationPage all = inbox_.ListNotifications(town, false, {});
    ASSERT_EQ(all.page.total, 3);
    EXPECT_EQ(all.unread, 3);
    ASSERT_EQ(all.page.items.size(), 3u);
    EXPECT_EQ(all.page.items[0].entity_id, 3);
    EXPECT_EQ(all.page.items[2].entity_id, 1);
    EXPECT_EQ(all.page.items[0].entity_type, "hazard");
    EXPECT_FALSE(all.page.items[0].read_at.has_value());
    EXPECT_EQ(inbox_.UnreadCount(town), 3);
    EXPECT_EQ(inbox_.UnreadCount(ContextFor(county_x_cadre_)), 1);

    const NotificationPage second = inbox_.ListNotifications(town, false, {2, 2});
    ASSERT_EQ(second.page.items.size(), 1u);
    EXPECT_EQ(second.page.items[0].entity_id, 1);
}

TEST_F(InboxServiceTest, MarkingReadActsOnOwnMessagesOnlyAndTheUnreadFilterFollows) {
    Write([&](db::Session& session) {
        NotifyUser(session, town_cadre_, MessageAbout(1), 1);
        NotifyUser(session, town_cadre_, MessageAbout(2), 2);
        NotifyUser(session, county_x_cadre_, MessageAbout(3), 3);
    });
    const RequestContext town = ContextFor(town_cadre_);
    const RequestContext county = ContextFor(county_x_cadre_);
    const std::int64_t county_message = inbox_.ListNotifications(county, false, {}).page.items.at(0).id;
    const std::int64_t first = inbox_.ListNotifications(town, false, {}).page.items.at(1).id;

    EXPECT_EQ(CodeOf([&] { inbox_.MarkRead(town, county_message); }), ErrorCode::kNotFound);
    EXPECT_EQ(CodeOf([&] { inbox_.MarkRead(town, 999999); }), ErrorCode::kNotFound);
    EXPECT_EQ(inbox_.UnreadCount(county), 1);

    clock_.Advance(1000);
    inbox_.MarkRead(town, first);
    inbox_.MarkRead(town, first);  // again: nothing changes, no error
    EXPECT_EQ(inbox_.UnreadCount(town), 1);
    const NotificationPage unread = inbox_.ListNotifications(town, true, {});
    EXPECT_EQ(unread.page.total, 1);
    EXPECT_EQ(unread.unread, 1);
    ASSERT_EQ(unread.page.items.size(), 1u);
    EXPECT_EQ(unread.page.items[0].entity_id, 2);
    const NotificationPage all = inbox_.ListNotifications(town, false, {});
    EXPECT_EQ(all.page.total, 2);
    EXPECT_EQ(all.page.items.at(1).read_at, clock_.Now());

    EXPECT_EQ(inbox_.MarkAllRead(town), 1);
    EXPECT_EQ(inbox_.MarkAllRead(town), 0);
    EXPECT_EQ(inbox_.UnreadCount(town), 0);
    EXPECT_EQ(inbox_.UnreadCount(county), 1);  // another user's messages are untouched
    EXPECT_EQ(inbox_.ListNotifications(town, true, {}).page.total, 0);
}

TEST_F(InboxServiceTest, TodosAreSeenByTheirUserOrByTheOrganisationsHoldersOfThePermission) {
    Write([&](db::Session& session) {
        // Assigned to the town cadre in person, in another organisation than theirs: theirs all the same.
        OpenTodo(session, {county_y_, "", town_cadre_, "SIGN_DOCUMENT", "签发", "document", 1, ""}, 1);
        // The town, for everyone there.
        OpenTodo(session, {town_, "", std::nullopt, "TRIAGE_HAZARD", "研判", "hazard", 2, ""}, 1);
        // The town, for holders of a key the cadre holds / does not hold.
        OpenTodo(session,
                 {town_, "supervision:hazard:manage", std::nullopt, "TRIAGE_HAZARD", "研判", "hazard", 3, ""},
                 1);
        OpenTodo(session,
                 {town_, "system:role:delete", std::nullopt, "TRIAGE_HAZARD", "研判", "hazard", 4, ""}, 1);
        // Assigned to another user of the town; the parent county's; the town's but done.
        OpenTodo(session, {town_, "", admin_, "SIGN_DOCUMENT", "签发", "document", 5, ""}, 1);
        OpenTodo(session, {county_x_, "", std::nullopt, "TRIAGE_HAZARD", "研判", "hazard", 6, ""}, 1);
        OpenTodo(session, {town_, "", std::nullopt, "RECHECK_HAZARD", "复查", "hazard", 7, ""}, 1);
        CloseTodos(session, "hazard", 7, std::nullopt, 2);
    });
    EXPECT_EQ(TodoEntities(town_cadre_), (std::vector<std::int64_t>{1, 2, 3}));
    EXPECT_EQ(TodoEntities(county_x_cadre_), (std::vector<std::int64_t>{6}));
    EXPECT_EQ(TodoEntities(admin_), (std::vector<std::int64_t>{5}));
    EXPECT_EQ(TodoEntities(county_y_cadre_), (std::vector<std::int64_t>{}));
    const Page<TodoItem> town = inbox_.ListTodos(ContextFor(town_cadre_), {});
    EXPECT_EQ(town.total, 3);
    EXPECT_EQ(town.items.at(1).organisation_name, "新街口街道工会");
    EXPECT_EQ(town.items.at(0).organisation_name, "秦淮区总工会");
}

TEST_F(InboxServiceTest, TodosComeByDueDateWithUndatedLastAndOverdueBeforeToday) {
    // The clock stands at 2026-01-01 08:00 in Shanghai.
    Write([&](db::Session& session) {
        OpenTodo(session, {town_, "", std::nullopt, "A", "无期限", "hazard", 1, ""}, 1);
        OpenTodo(session, {town_, "", std::nullopt, "A", "今天", "hazard", 2, "2026-01-01"}, 1);
        OpenTodo(session, {town_, "", std::nullopt, "A", "昨天", "hazard", 3, "2025-12-31"}, 1);
        OpenTodo(session, {town_, "", std::nullopt, "A", "下周", "hazard", 4, "2026-01-08"}, 1);
        OpenTodo(session, {town_, "", std::nullopt, "A", "无期限", "hazard", 5, ""}, 1);
    });
    const Page<TodoItem> page = inbox_.ListTodos(ContextFor(town_cadre_), {});
    ASSERT_EQ(page.items.size(), 5u);
    EXPECT_EQ(TodoEntities(town_cadre_), (std::vector<std::int64_t>{3, 2, 4, 1, 5}));
    EXPECT_TRUE(page.items[0].overdue);
    EXPECT_FALSE(page.items[1].overdue);
    EXPECT_FALSE(page.items[2].overdue);
    EXPECT_FALSE(page.items[3].overdue);
    EXPECT_EQ(page.items[0].due_date, "2025-12-31");

    const Page<TodoItem> second = inbox_.ListTodos(ContextFor(town_cadre_), {2, 2});
    EXPECT_EQ(second.total, 5);
    ASSERT_EQ(second.items.size(), 2u);
    EXPECT_EQ(second.items[0].entity_id, 4);
}

}  // namespace
}  // namespace app::inbox
