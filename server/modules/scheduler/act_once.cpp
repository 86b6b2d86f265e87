#include "scheduler/act_once.hpp"

#include <string>

namespace app::scheduler {

bool ClaimDeadlineAction(db::Session& session, std::string_view entity_type, std::int64_t entity_id,
                         std::string_view action, std::string_view due_date, EpochMillis now) {
    // ON CONFLICT DO NOTHING: the loser of a race changes no row instead of failing the whole transaction
    // (on PostgreSQL it waits for the winner's commit, then sees the conflict).
    return session.Execute(
               "INSERT INTO deadline_actions (entity_type, entity_id, action, due_date, created_at) "
               "VALUES ($1, $2, $3, $4, $5) ON CONFLICT (entity_type, entity_id, action, due_date) DO NOTHING",
               std::string(entity_type), entity_id, std::string(action), std::string(due_date), now) == 1;
}

}  // namespace app::scheduler
