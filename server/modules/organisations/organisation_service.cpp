#include "organisations/organisation_service.hpp"

#include "auth/audit.hpp"
#include "auth/data_scope.hpp"
#include "core/error.hpp"
#include "core/text.hpp"
#include "db/duplicate_value.hpp"
#include "http/json.hpp"
#include "organisations/enterprise.hpp"

#include <algorithm>
#include <boost/json/object.hpp>
#include <cctype>

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

std::pair<std::string, std::string> OrganisationService::SubtreeFilter(
    db::Session& session, const Principal& principal, const std::optional<std::int64_t>& organisation_id) {
    if (!organisation_id) return {"", ""};
    const auto organisation = FindInScope(session, principal, *organisation_id);
    if (!organisation) return {"~", "~"};
    return {organisation->path, auth::SubtreeUpperBound(organisation->path)};
}

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
    const std::string credit_code = text::ToUpperAscii(keyword);  // stored upper case
    return database_.Read([&](db::Session& session) {
        Page<Organisation> result;
        constexpr std::string_view kFilter =
            " FROM organisations o WHERE o.path >= $1 AND o.path < $2 "
            "AND ($3 = '' OR LOWER(o.name) LIKE $4 ESCAPE '\\' OR o.code LIKE $4 ESCAPE '\\'"
            // A credit code finds the territorial organisation its enterprise belongs to.
            " OR o.id IN (SELECT e.organisation_id FROM enterprises e WHERE e.credit_code = $5))";
        result.total = session
                           .Query(std::string("SELECT COUNT(*)") + std::string(kFilter), lower, upper,
                                  keyword, pattern, credit_code)
                           .Front()
                           .GetInt64(0);
        const db::Result rows =
            session.Query(std::string("SELECT ") + std::string(kColumns) + std::string(kFilter) +
                              " ORDER BY o.path LIMIT $6 OFFSET $7",
                          lower, upper, keyword, pattern, credit_code, page.page_size, page.Offset());
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

namespace {

constexpr int kDeepestLevel = 7;  // union group (工会小组)

std::string AuditJson(const Organisation& organisation) {
    return http::Serialize(
        boost::json::object{{"name", organisation.name},
                            {"code", organisation.code},
                            {"orgType", organisation.org_type},
                            {"level", organisation.level},
                            {"status", organisation.status},
                            {"parentId", organisation.parent_id ? boost::json::value(*organisation.parent_id)
                                                                : boost::json::value(nullptr)},
                            {"path", organisation.path}});
}

void CheckCommonFields(db::Session& session, const OrganisationInput& input, Error::FieldErrors& errors) {
    if (session
            .Query(
                "SELECT 1 FROM dictionary_items WHERE dict_code = 'org_type' AND code = $1 AND enabled = 1",
                input.org_type)
            .Empty()) {
        errors.emplace("orgType", LocalizedText{"请选择组织类型", "Choose an organisation type"});
    }
    if (input.status != "ACTIVE" && input.status != "MERGED" && input.status != "DISSOLVED") {
        errors.emplace("status", LocalizedText{"状态只能是 ACTIVE、MERGED 或 DISSOLVED",
                                               "Status must be ACTIVE, MERGED or DISSOLVED"});
    }
    if (!input.approval_date.empty() && !IsValidDate(input.approval_date)) {
        errors.emplace("approvalDate", LocalizedText{"日期格式为 YYYY-MM-DD", "Use a date like 2026-11-29"});
    }
}

}  // namespace

Organisation OrganisationService::Create(const RequestContext& context, const OrganisationInput& input) {
    const std::int64_t now = clock_.Now();
    try {
        return database_.Write([&](db::Session& session) {
            Error::FieldErrors errors;
            const auto parent = FindInScope(session, context.principal, input.parent_id);
            if (!parent || context.principal.data_scope == DataScope::kSelf) {
                errors.emplace("parentId",
                               LocalizedText{"上级组织不存在或不在您的管理范围内",
                                             "The parent does not exist or is outside your scope"});
            } else if (parent->level >= kDeepestLevel) {
                errors.emplace("parentId",
                               LocalizedText{"工会小组下不能再设组织", "A union group has no sub-units"});
            }
            const bool code_ok =
                !input.code.empty() && input.code.size() <= 32 &&
                std::all_of(input.code.begin(), input.code.end(), [](char c) {
                    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-';
                });
            if (!code_ok) {
                errors.emplace("code", LocalizedText{"编码为 1–32 位字母、数字、_ 或 -",
                                                     "The code has 1–32 letters, digits, '_' or '-'"});
            }
            CheckCommonFields(session, input, errors);
            if (!errors.empty()) throw Error::InvalidInput(errors);
            const std::int64_t id = Insert(
                session, {parent->id, input.name, input.code, input.org_type, parent->level + 1, ""}, now);
            session.Execute(
                "UPDATE organisations SET status = $1, approved_by_organisation_id = $2, approval_date = $3 "
                "WHERE id = $4",
                input.status, parent->id, input.approval_date, id);
            const Organisation created = *FindInScope(session, context.principal, id);
            auth::RecordAudit(session, context,
                              {"create", "organisation", std::to_string(id), std::nullopt, AuditJson(created),
                               created.path},
                              now);
            return created;
        });
    } catch (const db::ConstraintViolation& violation) {
        if (violation.GetKind() != db::ConstraintViolation::Kind::kUnique) throw;
        throw db::DuplicateValue(violation, "code",
                                 {"组织编码已被使用", "This organisation code is already used"});
    }
}

Organisation OrganisationService::Update(const RequestContext& context, std::int64_t id,
                                         const OrganisationInput& input) {
    const std::int64_t now = clock_.Now();
    return database_.Write([&](db::Session& session) {
        const auto before = FindInScope(session, context.principal, id);
        if (!before) throw Error::NotFound("organisation");
        Error::FieldErrors errors;
        CheckCommonFields(session, input, errors);
        if (!errors.empty()) throw Error::InvalidInput(errors);
        session.Execute(
            "UPDATE organisations SET name = $1, org_type = $2, status = $3, approval_date = $4, updated_at "
            "= $5 "
            "WHERE id = $6",
            input.name, input.org_type, input.status, input.approval_date, now, id);
        const Organisation after = *FindInScope(session, context.principal, id);
        auth::RecordAudit(
            session, context,
            {"update", "organisation", std::to_string(id), AuditJson(*before), AuditJson(after), after.path},
            now);
        return after;
    });
}

Organisation OrganisationService::Move(const RequestContext& context, std::int64_t id,
                                       std::int64_t new_parent_id) {
    const std::int64_t now = clock_.Now();
    return database_.Write([&](db::Session& session) {
        const auto node = FindInScope(session, context.principal, id);
        if (!node) throw Error::NotFound("organisation");
        if (!node->parent_id || node->id == context.principal.organisation_id) {
            throw Error::Conflict(
                {"不能移动根组织或您自己所在的组织", "The root and your own organisation cannot be moved"});
        }
        const auto parent = FindInScope(session, context.principal, new_parent_id);
        Error::FieldErrors errors;
        if (!parent) {
            errors.emplace("parentId", LocalizedText{"上级组织不存在或不在您的管理范围内",
                                                     "The parent does not exist or is outside your scope"});
        } else if (auth::PathInSubtree(parent->path, node->path)) {
            errors.emplace("parentId", LocalizedText{"不能移到自身或其下级之下",
                                                     "An organisation cannot move under itself"});
        } else {
            const std::int64_t deepest =
                session
                    .Query("SELECT MAX(level) FROM organisations WHERE path >= $1 AND path < $2", node->path,
                           auth::SubtreeUpperBound(node->path))
                    .Front()
                    .GetInt64(0);
            if (deepest + (parent->level + 1 - node->level) > kDeepestLevel) {
                errors.emplace("parentId", LocalizedText{"移动后层级超过工会小组",
                                                         "The move would go below the union-group level"});
            }
        }
        if (!errors.empty()) throw Error::InvalidInput(errors);
        if (node->parent_id == parent->id) return *node;

        // Every path in the subtree swaps its old prefix for the new one; no other row can hold the new
        // prefix, as it ends in this node's own id. Triggers carry the change to users and enterprises.
        const std::string new_path = parent->path + auth::PathSegment(node->id);
        session.Execute(
            "UPDATE organisations SET path = $1 || substr(path, $2), level = level + $3, updated_at = $4 "
            "WHERE path >= $5 AND path < $6",
            new_path, static_cast<std::int64_t>(node->path.size()) + 1,
            static_cast<std::int64_t>(parent->level + 1 - node->level), now, node->path,
            auth::SubtreeUpperBound(node->path));
        session.Execute("UPDATE organisations SET parent_id = $1 WHERE id = $2", parent->id, node->id);
        const Organisation after = *FindInScope(session, context.principal, id);
        auth::RecordAudit(
            session, context,
            {"move", "organisation", std::to_string(id), AuditJson(*node), AuditJson(after), after.path},
            now);
        return after;
    });
}

}  // namespace app::organisations
