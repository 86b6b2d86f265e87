#include "organisations/organisation_service.hpp"

#include "auth/data_scope.hpp"
#include "core/error.hpp"
#include "core/text.hpp"

namespace app::organisations {
namespace {

constexpr std::string_view kColumns =
    "o.id, o.parent_id, o.name, o.code, o.org_type, o.level, o.path, o.status, "
    "EXISTS (SELECT 1 FROM organisations c WHERE c.parent_id = o.id) AS has_children";

Organisation ReadOrganisation(const db::Row& row) {
    Organisation organisation;
    organisation.id = row.GetInt64(0);
    organisation.parent_id = row.GetOptionalInt64(1);
    organisation.name = row.GetString(2);
    organisation.code = row.GetString(3);
    organisation.org_type = row.GetString(4);
    organisation.level = row.GetInt32(5);
    organisation.path = row.GetString(6);
    organisation.status = row.GetString(7);
    organisation.has_children = row.GetBool(8);
    return organisation;
}

// A SELF-scoped user still sees their own organisation; a SUBTREE one sees everything below it.
bool Visible(const Principal& principal, const Organisation& organisation) {
    if (principal.data_scope == DataScope::kSelf) return organisation.id == principal.organisation_id;
    return auth::PathInSubtree(organisation.path, principal.organisation_path);
}

}  // namespace

std::optional<Organisation> OrganisationService::FindInScope(db::Session& session, const Principal& principal,
                                                             std::int64_t id) {
    const db::Result result = session.Query(
        std::string("SELECT ") + std::string(kColumns) + " FROM organisations o WHERE o.id = $1", id);
    if (result.Empty()) return std::nullopt;
    Organisation organisation = ReadOrganisation(result.Front());
    if (!Visible(principal, organisation)) return std::nullopt;
    return organisation;
}

Organisation OrganisationService::Get(const RequestContext& context, std::int64_t id) const {
    auto organisation =
        database_.Read([&](db::Session& session) { return FindInScope(session, context.principal, id); });
    if (!organisation) throw Error::NotFound("organisation");
    return *organisation;
}

std::vector<Organisation> OrganisationService::Children(const RequestContext& context,
                                                        std::int64_t id) const {
    return database_.Read([&](db::Session& session) {
        if (!FindInScope(session, context.principal, id)) throw Error::NotFound("organisation");
        std::vector<Organisation> children;
        if (context.principal.data_scope == DataScope::kSelf) return children;
        const db::Result result =
            session.Query(std::string("SELECT ") + std::string(kColumns) +
                              " FROM organisations o WHERE o.parent_id = $1 ORDER BY o.code",
                          id);
        for (const db::Row row : result) children.push_back(ReadOrganisation(row));
        return children;
    });
}

Page<Organisation> OrganisationService::Search(const RequestContext& context, const std::string& keyword,
                                               PageRequest page) const {
    const auto [lower, upper] = auth::ScopeRange(context.principal);
    const std::string pattern = "%" + text::EscapeLike(text::ToLowerAscii(keyword)) + "%";
    return database_.Read([&](db::Session& session) {
        Page<Organisation> result;
        constexpr std::string_view kFilter =
            " FROM organisations o WHERE o.path >= $1 AND o.path < $2 "
            "AND ($3 = '' OR LOWER(o.name) LIKE $4 ESCAPE '\\' OR o.code LIKE $4 ESCAPE '\\')";
        result.total =
            session
                .Query(std::string("SELECT COUNT(*)") + std::string(kFilter), lower, upper, keyword, pattern)
                .Front()
                .GetInt64(0);
        const db::Result rows =
            session.Query(std::string("SELECT ") + std::string(kColumns) + std::string(kFilter) +
                              " ORDER BY o.path LIMIT $5 OFFSET $6",
                          lower, upper, keyword, pattern, page.page_size, page.Offset());
        for (const db::Row row : rows) result.items.push_back(ReadOrganisation(row));
        return result;
    });
}

std::int64_t OrganisationService::Insert(db::Session& session, const NewOrganisation& organisation,
                                         EpochMillis now) {
    std::string parent_path;
    if (organisation.parent_id) {
        const db::Result parent =
            session.Query("SELECT path FROM organisations WHERE id = $1", *organisation.parent_id);
        if (parent.Empty())
            throw Error::InvalidField("parentId",
                                      {"上级组织不存在", "The parent organisation does not exist"});
        parent_path = parent.Front().GetString(0);
    }
    // The path needs the new id, so the row is written with a unique placeholder path and fixed up at once.
    const std::int64_t id =
        session
            .Query(
                "INSERT INTO organisations (parent_id, name, code, org_type, level, path, "
                "admin_division_code, status, "
                "created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, 'ACTIVE', $8, $8) RETURNING id",
                organisation.parent_id, organisation.name, organisation.code, organisation.org_type,
                organisation.level, "pending:" + organisation.code, organisation.admin_division_code, now)
            .Front()
            .GetInt64(0);
    session.Execute("UPDATE organisations SET path = $1 WHERE id = $2", parent_path + auth::PathSegment(id),
                    id);
    return id;
}

}  // namespace app::organisations
