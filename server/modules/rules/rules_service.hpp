#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/principal.hpp"
#include "db/database.hpp"
#include "rules/calendar.hpp"
#include "rules/rule_set.hpp"

namespace app::rules {

struct CalendarEntry {
    std::string date;  // YYYY-MM-DD
    std::string kind;  // HOLIDAY | WORKDAY
    std::string name;  // 春节, 春节调休上班, …
};

struct CalendarYear {
    int year = 0;
    std::vector<CalendarEntry> days;  // by date
};

struct PublishInput {
    std::int64_t organisation_id = 0;
    std::string effective_from;
    std::string note;
    std::vector<RuleInput> rules;
};

struct RuleSetInForce {
    std::int64_t organisation_id = 0;
    std::string organisation_name;
    std::string date;
    std::vector<RuleInForce> rules;
};

struct DeadlineQuery {
    std::optional<std::int64_t> organisation_id;  // default: the caller's organisation
    std::string rule;
    std::optional<std::string> from;      // YYYY-MM-DD
    std::optional<std::int64_t> from_at;  // an instant; its Asia/Shanghai date when `from` is absent
};

struct Deadline {
    std::int64_t organisation_id = 0;
    RuleInForce rule;
    std::string from;
    std::string due;                     // the due calendar day (for HOURS: the day of due_at)
    std::optional<std::int64_t> due_at;  // HOURS only: from_at (or the start of `from`) + hours
    int working_days = 0;                // working days in (from, due]
};

// The working-day calendar and the versioned rule set. Thread-safe.
//
// Scope: organisations named in requests must be in the caller's subtree (otherwise 404). The versions that
// apply to the caller's own organisation — the platform default and those of its ancestors — are readable by
// everyone holding rules:ruleset:view, since they govern the caller's deadlines.
class RulesService {
public:
    RulesService(db::Database& database, const Clock& clock) : database_(database), clock_(clock) {}

    CalendarYear GetCalendar(int year) const;
    // Replaces the exceptions of one year (platform-wide). Audited.
    CalendarYear SaveCalendar(const RequestContext& context, int year,
                              const std::vector<CalendarEntry>& days);

    // The versions of an organisation's chain (its own, its ancestors', the platform default), newest first.
    std::vector<RuleSetVersion> ListVersions(const RequestContext& context,
                                             std::optional<std::int64_t> organisation_id) const;
    RuleSetVersion GetVersion(const RequestContext& context, std::int64_t id) const;
    // Publishes a new immutable version for an organisation in scope, effective today or later. Audited.
    RuleSetVersion Publish(const RequestContext& context, const PublishInput& input);

    RuleSetInForce InForce(const RequestContext& context, std::optional<std::int64_t> organisation_id,
                           const std::optional<std::string>& date) const;
    Deadline ComputeDeadline(const RequestContext& context, const DeadlineQuery& query) const;

    static constexpr int kMinYear = 2000;
    static constexpr int kMaxYear = 2100;

private:
    db::Database& database_;
    const Clock& clock_;
};

// For workflows that set a deadline inside their own transaction (hazards, documents, the scheduler); no
// scope check, the caller has made its own. The rule `code` in force for the organisation at
// `organisation_path` on `date` (YYYY-MM-DD), with the version it comes from, or nullopt when no owner
// carries it.
std::optional<RuleInForce> RuleInForceFor(db::Session& session, const std::string& organisation_path,
                                          std::string_view code, std::string_view date);
// The working-day calendar with every stored exception.
WorkingCalendar LoadWorkingCalendar(db::Session& session);

}  // namespace app::rules
