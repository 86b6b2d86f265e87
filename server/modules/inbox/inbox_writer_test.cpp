#include "inbox/inbox_writer.hpp"

#include <gtest/gtest.h>

#include "system/system_test_fixture.hpp"

namespace app::inbox {
namespace {

class InboxWriterTest : public system::testing_support::TreeFixture {
protected:
    std::int64_t WithDatabase(const std::function<std::int64_t(db::Session&)>& action) {
        return database_->Write([&](db::Session& session) { return action(session); });
    }
};

TEST_F(InboxWriterTest, NotifiesOnlyUsersOfTheOrganisationsHoldingThePermission) {
    const Message message{"MAJOR_HAZARD", "重大隐患", "", "hazard", 7, town_};
    const std::int64_t sent = WithDatabase([&](db::Session& session) {
        return NotifyOrganisations(session, {county_x_, city_}, "supervision:hazard:view", message, 5);
    });
    EXPECT_EQ(sent, 1);  // county_x's cadre; the city has no user in the fixture
    EXPECT_EQ(Count("SELECT COUNT(*) FROM notifications WHERE user_id = " + std::to_string(county_x_cadre_)), 1);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM notifications WHERE user_id = " + std::to_string(county_y_cadre_)), 0);
    const std::int64_t nobody = WithDatabase([&](db::Session& session) {
        return NotifyOrganisations(session, {county_x_}, "no:such:permission", message, 5);
    });
    EXPECT_EQ(nobody, 0);
}

TEST_F(InboxWriterTest, OneOpenTodoPerEntityAndKindUntilClosed) {
    const Todo todo{town_, "supervision:hazard:manage", std::nullopt, "TRIAGE_HAZARD", "研判隐患", "hazard", 9, ""};
    WithDatabase([&](db::Session& session) {
        OpenTodo(session, todo, 1);
        Todo later = todo;
        later.due_date = "2026-01-09";
        OpenTodo(session, later, 2);
        return 0;
    });
    EXPECT_EQ(Count("SELECT COUNT(*) FROM todos WHERE done_at IS NULL AND due_date = '2026-01-09'"), 1);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM todos"), 1);
    WithDatabase([&](db::Session& session) {
        CloseTodos(session, "hazard", 9, std::nullopt, 3);
        OpenTodo(session, todo, 4);
        return 0;
    });
    EXPECT_EQ(Count("SELECT COUNT(*) FROM todos WHERE done_at IS NULL"), 1);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM todos"), 2);
}

}  // namespace
}  // namespace app::inbox
