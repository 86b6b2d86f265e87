#include "network/committee_service.hpp"

#include <map>

#include "auth/audit.hpp"
#include "auth/data_scope.hpp"
#include "core/text.hpp"
#include "db/duplicate_value.hpp"
#include "http/json.hpp"
#include "network/network_json.hpp"
#include "network/network_scope.hpp"

namespace app::network {
namespace {

constexpr std::string_view kColumns =
    "SELECT k.id, k.organisation_id, o.name, o.path, k.established_on, k.approved_by, k.term_end, k.status,"
    " k.created_at, k.updated_at";
constexpr std::string_view kFrom = " FROM lp_committees k JOIN organisations o ON o.id = k.organisation_id";
// $1/$2 scope range, $3/$4 organisation filter range, $5 status, $6/$7 keyword and its pattern.
constexpr std::string_view kFilter =
    " WHERE o.path >= $1 AND o.path < $2 AND ($3 = '' OR (o.path >= $3 AND o.path < $4))"
    " AND ($5 = '' OR k.status = $5)"
    " AND ($6 = '' OR LOWER(o.name) LIKE $7 ESCAPE '\\' OR EXISTS (SELECT 1 FROM lp_committee_members m"
    " WHERE m.committee_id = k.id AND LOWER(m.name) LIKE $7 ESCAPE '\\'))";

Committee ReadCommittee(const db::Row& row) {
    Committee committee;
    committee.id = row.GetInt64(0);
    committee.organisation_id = row.GetInt64(1);
    committee.organisation_name = row.GetString(2);
    committee.organisation_path = row.GetString(3);
    committee.established_on = row.GetString(4);
    committee.approved_by = row.GetString(5);
    committee.term_end = row.GetString(6);
    committee.status = row.GetString(7);
    committee.created_at = row.GetInt64(8);
    committee.updated_at = row.GetInt64(9);
    return committee;
}

// Members of every committee in `committees` in one query over their id range.
void LoadMembers(db::Session& session, std::vector<Committee>& committees) {
    if (committees.empty()) return;
    std::map<std::int64_t, Committee*> by_id;
    std::int64_t lowest = committees.front().id;
    std::int64_t highest = lowest;
    for (Committee& committee : committees) {
        by_id[committee.id] = &committee;
        lowest = std::min(lowest, committee.id);
        highest = std::max(highest, committee.id);
    }
    const db::Result rows = session.Query(
        "SELECT committee_id, name, role, phone, position FROM lp_committee_members"
        " WHERE committee_id >= $1 AND committee_id <= $2 ORDER BY committee_id, sort_order, id",
        lowest, highest);
    for (const db::Row row : rows) {
        const auto found = by_id.find(row.GetInt64(0));
        if (found == by_id.end()) continue;
        found->second->members.push_back(
            {row.GetString(1), row.GetString(2), row.GetString(3), row.GetString(4)});
    }
}

std::optional<Committee> FindInScope(db::Session& session, const Principal& principal, std::int64_t id) {
    const db::Result rows =
        session.Query(std::string(kColumns) + std::string(kFrom) + " WHERE k.id = $1", id);
    if (rows.Empty()) return std::nullopt;
    std::vector<Committee> found{ReadCommittee(rows.Front())};
    if (!detail::InRange(found.front().organisation_path, auth::ScopeRange(principal))) return std::nullopt;
    LoadMembers(session, found);
    return found.front();
}

std::string AuditJson(const Committee& committee) {
    return http::Serialize(CommitteeToJson(committee));
}

Page<Committee> Query(db::Session& session, const RequestContext& context, const CommitteeFilter& filter,
                      std::int64_t limit, std::int64_t offset) {
    const detail::PathRange range = detail::ListRange(session, context.principal, filter.organisation_id);
    const std::string pattern = "%" + text::ToLowerAscii(text::EscapeLike(filter.keyword)) + "%";
    Page<Committee> page;
    page.total = session
                     .Query("SELECT COUNT(*)" + std::string(kFrom) + std::string(kFilter), range.scope_lower,
                            range.scope_upper, range.filter_lower, range.filter_upper, filter.status,
                            filter.keyword, pattern)
                     .Front()
                     .GetInt64(0);
    const db::Result rows =
        session.Query(std::string(kColumns) + std::string(kFrom) + std::string(kFilter) +
                          " ORDER BY k.id DESC LIMIT $8 OFFSET $9",
                      range.scope_lower, range.scope_upper, range.filter_lower, range.filter_upper,
                      filter.status, filter.keyword, pattern, limit, offset);
    for (const db::Row row : rows) page.items.push_back(ReadCommittee(row));
    LoadMembers(session, page.items);
    return page;
}

void InsertMembers(db::Session& session, std::int64_t committee_id,
                   const std::vector<CommitteeMember>& members) {
    int order = 0;
    for (const CommitteeMember& member : members) {
        session.Execute(
            "INSERT INTO lp_committee_members (committee_id, name, role, phone, position, sort_order)"
            " VALUES ($1, $2, $3, $4, $5, $6)",
            committee_id, member.name, member.role, member.phone, member.position, ++order);
    }
}

Error DuplicateActive(const db::ConstraintViolation& violation) {
    return db::DuplicateValue(violation, "organisationId",
                              {"该工会已有一个在任的劳动保护监督检查委员会",
                               "This union already has an active supervision committee"});
}

}  // namespace

void CommitteeService::Check(db::Session& session, const Principal& principal,
                             const CommitteeInput& input) const {
    Error::FieldErrors errors;
    if (!detail::OrganisationPathInScope(session, principal, input.organisation_id)) {
        errors.emplace("organisationId", detail::kOrganisationOutOfScope);
    }
    if (!detail::IsDate(input.established_on)) errors.emplace("establishedOn", detail::kDateFormat);
    if (!input.term_end.empty()) {
        if (!detail::IsDate(input.term_end)) {
            errors.emplace("termEnd", detail::kDateFormat);
        } else if (input.term_end <= input.established_on) {
            errors.emplace("termEnd", LocalizedText{"任期届满日期应晚于成立日期",
                                                    "The term must end after the establishment date"});
        }
    }
    const bool active = input.status == "ACTIVE";
    if (!active && input.status != "EXPIRED" && input.status != "DISSOLVED") {
        errors.emplace("status", LocalizedText{"状态只能是 ACTIVE、EXPIRED 或 DISSOLVED",
                                               "Status must be ACTIVE, EXPIRED or DISSOLVED"});
    }
    int chairs = 0;
    int vice_chairs = 0;
    for (std::size_t index = 0; index < input.members.size(); ++index) {
        const CommitteeMember& member = input.members[index];
        const std::string prefix = "members." + std::to_string(index) + ".";
        if (member.role == "CHAIR") {
            ++chairs;
        } else if (member.role == "VICE_CHAIR") {
            ++vice_chairs;
        } else if (member.role != "MEMBER") {
            errors.emplace(prefix + "role", LocalizedText{"职务只能是主任、副主任或委员",
                                                          "Role must be CHAIR, VICE_CHAIR or MEMBER"});
        }
        if (!member.phone.empty() && !detail::IsMobilePhone(member.phone)) {
            errors.emplace(prefix + "phone",
                           LocalizedText{"请输入 11 位手机号码", "Enter an 11-digit mobile number"});
        }
    }
    if (chairs > 1 || (active && chairs != 1)) {
        errors.emplace("members", LocalizedText{"在任的委员会须有且只有一名主任",
                                                "An active committee has exactly one chair"});
    } else if (vice_chairs > rules_.max_vice_chairs) {
        errors.emplace("members",
                       LocalizedText{"副主任不超过 " + std::to_string(rules_.max_vice_chairs) + " 名",
                                     "At most " + std::to_string(rules_.max_vice_chairs) + " vice-chairs"});
    } else if (active && (static_cast<int>(input.members.size()) < rules_.min_members ||
                          static_cast<int>(input.members.size()) > rules_.max_members)) {
        const std::string range =
            std::to_string(rules_.min_members) + "–" + std::to_string(rules_.max_members);
        errors.emplace("members", LocalizedText{"在任的委员会由 " + range + " 名委员组成（现为 " +
                                                    std::to_string(input.members.size()) + " 名）",
                                                "An active committee has " + range + " members (now " +
                                                    std::to_string(input.members.size()) + ")"});
    }
    if (!errors.empty()) throw Error::InvalidInput(errors);
}

Page<Committee> CommitteeService::List(const RequestContext& context, const CommitteeFilter& filter,
                                       PageRequest page) const {
    return database_.Read(
        [&](db::Session& session) { return Query(session, context, filter, page.page_size, page.Offset()); });
}

std::vector<Committee> CommitteeService::ListForExport(const RequestContext& context,
                                                       const CommitteeFilter& filter) const {
    return database_.Read(
        [&](db::Session& session) { return Query(session, context, filter, kExportLimit, 0).items; });
}

Committee CommitteeService::Get(const RequestContext& context, std::int64_t id) const {
    auto committee =
        database_.Read([&](db::Session& session) { return FindInScope(session, context.principal, id); });
    if (!committee) throw Error::NotFound("committee");
    return *committee;
}

Committee CommitteeService::Create(const RequestContext& context, const CommitteeInput& input) {
    const std::int64_t now = clock_.Now();
    try {
        return database_.Write([&](db::Session& session) {
            Check(session, context.principal, input);
            const std::int64_t id =
                session
                    .Query(
                        "INSERT INTO lp_committees (organisation_id, established_on, approved_by, term_end, "
                        "status,"
                        " created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $6) RETURNING id",
                        input.organisation_id, input.established_on, input.approved_by, input.term_end,
                        input.status, now)
                    .Front()
                    .GetInt64(0);
            InsertMembers(session, id, input.members);
            const Committee created = *FindInScope(session, context.principal, id);
            auth::RecordAudit(session, context,
                              {"create", "lp_committee", std::to_string(id), std::nullopt, AuditJson(created),
                               created.organisation_path},
                              now);
            return created;
        });
    } catch (const db::ConstraintViolation& violation) {
        if (violation.GetKind() == db::ConstraintViolation::Kind::kUnique) throw DuplicateActive(violation);
        throw;
    }
}

Committee CommitteeService::Update(const RequestContext& context, std::int64_t id,
                                   const CommitteeInput& input) {
    const std::int64_t now = clock_.Now();
    try {
        return database_.Write([&](db::Session& session) {
            const auto before = FindInScope(session, context.principal, id);
            if (!before) throw Error::NotFound("committee");
            Check(session, context.principal, input);
            session.Execute(
                "UPDATE lp_committees SET organisation_id = $1, established_on = $2, approved_by = $3, "
                "term_end = $4,"
                " status = $5, updated_at = $6 WHERE id = $7",
                input.organisation_id, input.established_on, input.approved_by, input.term_end, input.status,
                now, id);
            // Members are the committee's composition as a whole: the form sends every member, so replace
            // them.
            session.Execute("DELETE FROM lp_committee_members WHERE committee_id = $1", id);
            InsertMembers(session, id, input.members);
            const Committee after = *FindInScope(session, context.principal, id);
            auth::RecordAudit(session, context,
                              {"update", "lp_committee", std::to_string(id), AuditJson(*before),
                               AuditJson(after), after.organisation_path},
                              now);
            return after;
        });
    } catch (const db::ConstraintViolation& violation) {
        if (violation.GetKind() == db::ConstraintViolation::Kind::kUnique) throw DuplicateActive(violation);
        throw;
    }
}

void CommitteeService::Delete(const RequestContext& context, std::int64_t id) {
    const std::int64_t now = clock_.Now();
    database_.Write([&](db::Session& session) {
        const auto before = FindInScope(session, context.principal, id);
        if (!before) throw Error::NotFound("committee");
        session.Execute("DELETE FROM lp_committees WHERE id = $1", id);
        auth::RecordAudit(session, context,
                          {"delete", "lp_committee", std::to_string(id), AuditJson(*before), std::nullopt,
                           before->organisation_path},
                          now);
    });
}

}  // namespace app::network
