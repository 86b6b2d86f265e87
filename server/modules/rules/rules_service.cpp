#include "rules/rules_service.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <stdexcept>

#include "auth/audit.hpp"
#include "auth/data_scope.hpp"
#include "http/json.hpp"
#include "organisations/organisation_service.hpp"
#include "rules/rules_json.hpp"

namespace app::rules {
namespace {

const LocalizedText kDateFormat{"日期格式为 YYYY-MM-DD", "Use a date like 2026-11-29"};

WorkingCalendar LoadCalendar(db::Session& session) {
    std::map<Date, DayKind> exceptions;
    for (const db::Row row : session.Query("SELECT day, kind FROM calendar_days")) {
        const auto date = ParseDate(row.GetString(0));
        const auto kind = ParseDayKind(row.GetString(1));
        if (date && kind) exceptions.emplace(*date, *kind);
    }
    return WorkingCalendar(std::move(exceptions));
}

// Organisation ids along a materialised path ("/00000001/00000007"), nearest first, then the platform.
std::vector<std::optional<std::int64_t>> OwnersOf(const std::string& path) {
    std::vector<std::optional<std::int64_t>> owners;
    for (std::size_t at = 0; at + 1 < path.size(); at = path.find('/', at + 1)) {
        const std::size_t end = path.find('/', at + 1);
        owners.emplace_back(std::stoll(path.substr(at + 1, end == std::string::npos ? end : end - at - 1)));
        if (end == std::string::npos) break;
    }
    std::reverse(owners.begin(), owners.end());
    owners.emplace_back(std::nullopt);
    return owners;
}

constexpr std::string_view kVersionColumns =
    "SELECT v.id, v.organisation_id, COALESCE(o.name, ''), COALESCE(o.path, ''), v.version, v.effective_from,"
    " v.note, v.created_by, v.created_at FROM rule_set_versions v LEFT JOIN organisations o ON o.id = "
    "v.organisation_id";
// $1: an organisation path; the platform default and the versions of that organisation and its ancestors.
// Segments have a fixed width, so a path that is a prefix of $1 is an ancestor (or the organisation itself).
constexpr std::string_view kChainFilter =
    " WHERE v.organisation_id IS NULL OR substr($1, 1, length(o.path)) = o.path";

std::vector<RuleSetVersion> ReadVersions(db::Session& session, const db::Result& rows) {
    std::vector<RuleSetVersion> versions;
    std::map<std::int64_t, std::size_t> index;
    for (const db::Row row : rows) {
        RuleSetVersion version;
        version.id = row.GetInt64(0);
        version.organisation_id = row.GetOptionalInt64(1);
        version.organisation_name = row.GetString(2);
        version.organisation_path = row.GetString(3);
        version.version = row.GetInt64(4);
        version.effective_from = row.GetString(5);
        version.note = row.GetString(6);
        version.created_by = row.GetString(7);
        version.created_at = row.GetInt64(8);
        index.emplace(version.id, versions.size());
        versions.push_back(std::move(version));
    }
    for (RuleSetVersion& version : versions) {
        for (const db::Row row : session.Query(
                 "SELECT code, value, unit FROM rule_set_rules WHERE version_id = $1", version.id)) {
            const auto unit = ParseUnit(row.GetString(2));
            version.rules.push_back({row.GetString(0), row.GetInt64(1), unit.value_or(Unit::kCalendarDays)});
        }
        const auto& codes = RuleCodes();
        const auto rank = [&](const Rule& rule) {
            return std::find(codes.begin(), codes.end(), rule.code) - codes.begin();
        };
        std::sort(version.rules.begin(), version.rules.end(),
                  [&](const Rule& a, const Rule& b) { return rank(a) < rank(b); });
    }
    return versions;
}

std::vector<RuleSetVersion> ChainVersions(db::Session& session, const std::string& path) {
    return ReadVersions(session,
                        session.Query(std::string(kVersionColumns) + std::string(kChainFilter) +
                                          " ORDER BY v.effective_from DESC, v.created_at DESC, v.id DESC",
                                      path));
}

// Whether a version concerns the caller: the platform default, one of the caller's subtree, or one of an
// ancestor of the caller's organisation (it governs the caller's deadlines).
bool Visible(const Principal& principal, const RuleSetVersion& version) {
    if (!version.organisation_id) return true;
    const auto [lower, upper] = auth::ScopeRange(principal);
    if (version.organisation_path >= lower && version.organisation_path < upper) return true;
    return principal.organisation_path.compare(0, version.organisation_path.size(),
                                               version.organisation_path) == 0;
}

organisations::Organisation TargetInScope(db::Session& session, const Principal& principal,
                                          std::optional<std::int64_t> organisation_id) {
    const auto organisation = organisations::OrganisationService::FindInScope(
        session, principal, organisation_id.value_or(principal.organisation_id));
    if (!organisation) throw Error::NotFound("organisation");
    return *organisation;
}

std::string Today(const Clock& clock) {
    return FormatDate(ShanghaiDateOf(clock.Now()));
}

}  // namespace

CalendarYear RulesService::GetCalendar(int year) const {
    if (year < kMinYear || year > kMaxYear) {
        throw Error::InvalidField("year", {"年份应在 2000–2100 之间", "The year must be 2000–2100"});
    }
    return database_.Read([&](db::Session& session) {
        CalendarYear result{year, {}};
        for (const db::Row row :
             session.Query("SELECT day, kind, name FROM calendar_days WHERE year = $1 ORDER BY day", year)) {
            result.days.push_back({row.GetString(0), row.GetString(1), row.GetString(2)});
        }
        return result;
    });
}

CalendarYear RulesService::SaveCalendar(const RequestContext& context, int year,
                                        const std::vector<CalendarEntry>& days) {
    if (year < kMinYear || year > kMaxYear) {
        throw Error::InvalidField("year", {"年份应在 2000–2100 之间", "The year must be 2000–2100"});
    }
    Error::FieldErrors errors;
    std::set<std::string> seen;
    for (std::size_t index = 0; index < days.size(); ++index) {
        const CalendarEntry& entry = days[index];
        const std::string prefix = "days[" + std::to_string(index) + "].";
        const auto date = ParseDate(entry.date);
        const auto kind = ParseDayKind(entry.kind);
        if (!date) {
            errors.emplace(prefix + "date", kDateFormat);
        } else if (YearOf(*date) != year) {
            errors.emplace(prefix + "date",
                           LocalizedText{"日期不在本年度内", "The date is not in this year"});
        } else if (!seen.insert(entry.date).second) {
            errors.emplace(prefix + "date", LocalizedText{"日期重复", "The date appears twice"});
        } else if (kind == DayKind::kWorkday && !IsWeekend(*date)) {
            errors.emplace(prefix + "kind",
                           LocalizedText{"调休上班日应为周六或周日",
                                         "An adjusted working day must be a Saturday or Sunday"});
        }
        if (!kind) {
            errors.emplace(prefix + "kind", LocalizedText{"类型应为 HOLIDAY 或 WORKDAY",
                                                          "The kind must be HOLIDAY or WORKDAY"});
        }
    }
    if (!errors.empty()) throw Error::InvalidInput(errors);
    const std::int64_t now = clock_.Now();
    return database_.Write([&](db::Session& session) {
        CalendarYear before{year, {}};
        for (const db::Row row :
             session.Query("SELECT day, kind, name FROM calendar_days WHERE year = $1 ORDER BY day", year)) {
            before.days.push_back({row.GetString(0), row.GetString(1), row.GetString(2)});
        }
        // Days up to today may already have served a computed deadline: they stay as they were.
        const std::string today = FormatDate(ShanghaiDateOf(now));
        auto up_to_today = [&](const std::vector<CalendarEntry>& entries) {
            std::map<std::string, std::pair<std::string, std::string>> past;
            for (const CalendarEntry& entry : entries) {
                if (entry.date <= today) past[entry.date] = {entry.kind, entry.name};
            }
            return past;
        };
        if (up_to_today(before.days) != up_to_today(days)) {
            throw Error::InvalidField("days", {"今天及以前的日期不能修改（已算出的期限依赖它们）",
                                               "Days up to today cannot change (deadlines already computed "
                                               "depend on them)"});
        }
        session.Execute("DELETE FROM calendar_days WHERE year = $1", year);
        for (const CalendarEntry& entry : days) {
            session.Execute("INSERT INTO calendar_days (day, year, kind, name) VALUES ($1, $2, $3, $4)",
                            entry.date, year, entry.kind, entry.name);
        }
        CalendarYear after{year, days};
        std::sort(after.days.begin(), after.days.end(),
                  [](const CalendarEntry& a, const CalendarEntry& b) { return a.date < b.date; });
        auth::RecordAudit(
            session, context,
            {"update", "calendar_year", std::to_string(year), http::Serialize(CalendarYearToJson(before)),
             http::Serialize(CalendarYearToJson(after)), ""},
            now);
        return after;
    });
}

std::vector<RuleSetVersion> RulesService::ListVersions(const RequestContext& context,
                                                       std::optional<std::int64_t> organisation_id) const {
    return database_.Read([&](db::Session& session) {
        const auto organisation = TargetInScope(session, context.principal, organisation_id);
        return ChainVersions(session, organisation.path);
    });
}

RuleSetVersion RulesService::GetVersion(const RequestContext& context, std::int64_t id) const {
    return database_.Read([&](db::Session& session) {
        auto versions =
            ReadVersions(session, session.Query(std::string(kVersionColumns) + " WHERE v.id = $1", id));
        if (versions.empty() || !Visible(context.principal, versions.front())) {
            throw Error::NotFound("rule_set_version");
        }
        return versions.front();
    });
}

RuleSetVersion RulesService::Publish(const RequestContext& context, const PublishInput& input) {
    const std::int64_t now = clock_.Now();
    const std::string today = FormatDate(ShanghaiDateOf(now));
    return database_.Write([&](db::Session& session) {
        const auto organisation = TargetInScope(session, context.principal, input.organisation_id);
        Error::FieldErrors errors = CheckRuleInputs(input.rules);
        const db::Row last = session
                                 .Query(
                                     "SELECT COALESCE(MAX(version), 0), COALESCE(MAX(effective_from), '')"
                                     " FROM rule_set_versions WHERE organisation_id = $1",
                                     organisation.id)
                                 .Front();
        const std::int64_t next_version = last.GetInt64(0) + 1;
        const std::string last_effective = last.GetString(1);
        if (!ParseDate(input.effective_from)) {
            errors.emplace("effectiveFrom", kDateFormat);
        } else if (input.effective_from <= today) {
            // Not today either: a deadline computed earlier today must keep the rule it was computed with.
            errors.emplace("effectiveFrom",
                           LocalizedText{"生效日期须晚于今天（已算出的期限不能被追溯改变）",
                                         "The effective date must be after today (deadlines already "
                                         "computed must not change)"});
        } else if (input.effective_from < last_effective) {
            errors.emplace("effectiveFrom",
                           LocalizedText{"生效日期不能早于本组织上一版本的生效日期（" + last_effective + "）",
                                         "The effective date cannot be before that of this "
                                         "organisation's previous version (" +
                                             last_effective + ")"});
        }
        if (!errors.empty()) throw Error::InvalidInput(errors);
        std::int64_t id = 0;
        try {
            id = session
                     .Query(
                         "INSERT INTO rule_set_versions (organisation_id, version, effective_from, note, "
                         "created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
                         organisation.id, next_version, input.effective_from, input.note,
                         context.principal.username, now)
                     .Front()
                     .GetInt64(0);
        } catch (const db::ConstraintViolation&) {
            throw Error::Conflict(
                {"另一版本刚刚发布，请刷新后重试", "Another version was just published; reload"});
        }
        for (const RuleInput& rule : input.rules) {
            session.Execute(
                "INSERT INTO rule_set_rules (version_id, code, value, unit) VALUES ($1, $2, $3, $4)", id,
                rule.code, rule.value, rule.unit);
        }
        auto versions =
            ReadVersions(session, session.Query(std::string(kVersionColumns) + " WHERE v.id = $1", id));
        const RuleSetVersion& created = versions.front();
        auth::RecordAudit(session, context,
                          {"publish", "rule_set_version", std::to_string(id), std::nullopt,
                           http::Serialize(VersionToJson(created)), organisation.path},
                          now);
        return created;
    });
}

RuleSetInForce RulesService::InForce(const RequestContext& context,
                                     std::optional<std::int64_t> organisation_id,
                                     const std::optional<std::string>& date) const {
    if (date && !ParseDate(*date)) throw Error::InvalidField("date", kDateFormat);
    const std::string on = date.value_or(Today(clock_));
    return database_.Read([&](db::Session& session) {
        const auto organisation = TargetInScope(session, context.principal, organisation_id);
        const auto versions = ChainVersions(session, organisation.path);
        return RuleSetInForce{organisation.id, organisation.name, on,
                              Resolve(versions, OwnersOf(organisation.path), on)};
    });
}

Deadline RulesService::ComputeDeadline(const RequestContext& context, const DeadlineQuery& query) const {
    Error::FieldErrors errors;
    if (!IsKnownRule(query.rule))
        errors.emplace("rule", LocalizedText{"未知的规则代码", "Unknown rule code"});
    std::optional<Date> from;
    if (query.from) {
        from = ParseDate(*query.from);
        if (!from) errors.emplace("from", kDateFormat);
    } else if (query.from_at) {
        // 2000-01-01 … 2100-12-31 UTC in milliseconds: keeps the day and hour arithmetic far from overflow.
        constexpr std::int64_t kEarliest = 946'684'800'000;
        constexpr std::int64_t kLatest = 4'133'980'799'000;
        if (*query.from_at < kEarliest || *query.from_at > kLatest) {
            errors.emplace("fromAt", LocalizedText{"起算时刻应在 2000–2100 年之间（毫秒时间戳）",
                                                   "fromAt must be an instant in 2000–2100 (milliseconds)"});
        } else {
            from = ShanghaiDateOf(*query.from_at);
        }
    } else {
        errors.emplace("from", LocalizedText{"请给出起算日期", "Give the start date"});
    }
    if (!errors.empty()) throw Error::InvalidInput(errors);
    return database_.Read([&](db::Session& session) {
        const auto organisation = TargetInScope(session, context.principal, query.organisation_id);
        const std::string from_text = FormatDate(*from);
        const auto in_force =
            Resolve(ChainVersions(session, organisation.path), OwnersOf(organisation.path), from_text);
        const auto rule = std::find_if(in_force.begin(), in_force.end(), [&](const RuleInForce& candidate) {
            return candidate.rule.code == query.rule;
        });
        if (rule == in_force.end()) {
            throw Error::InvalidField("rule",
                                      {"该日期没有生效的此项规则", "No such rule is in force on that date"});
        }
        const WorkingCalendar calendar = LoadCalendar(session);
        Deadline deadline;
        deadline.organisation_id = organisation.id;
        deadline.rule = *rule;
        deadline.from = from_text;
        if (rule->rule.unit == Unit::kHours) {
            const std::int64_t start = query.from_at ? *query.from_at : ShanghaiStartOf(*from);
            deadline.due_at = start + rule->rule.value * 3600 * 1000;
            deadline.due = FormatDate(ShanghaiDateOf(*deadline.due_at));
            deadline.working_days = calendar.WorkingDaysBetween(*from, ShanghaiDateOf(*deadline.due_at));
        } else {
            const Date due = DueDate(calendar, rule->rule, *from);
            deadline.due = FormatDate(due);
            deadline.working_days = calendar.WorkingDaysBetween(*from, due);
        }
        return deadline;
    });
}

std::optional<RuleInForce> RuleInForceFor(db::Session& session, const std::string& organisation_path,
                                          std::string_view code, std::string_view date) {
    for (RuleInForce& rule :
         Resolve(ChainVersions(session, organisation_path), OwnersOf(organisation_path), date)) {
        if (rule.rule.code == code) return std::move(rule);
    }
    return std::nullopt;
}

WorkingCalendar LoadWorkingCalendar(db::Session& session) {
    return LoadCalendar(session);
}

}  // namespace app::rules
