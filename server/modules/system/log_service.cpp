#include "system/log_service.hpp"

#include "auth/data_scope.hpp"
#include "core/text.hpp"

namespace app::system {
namespace {
constexpr std::int64_t kNoLowerBound = INT64_MIN;
constexpr std::int64_t kNoUpperBound = INT64_MAX;

bool IsRootOrganisation(const Principal& principal) {
    return principal.organisation_path.size() == 9;
}
}  // namespace

Page<AuditEntry> LogService::ListAudit(const RequestContext& context, const AuditFilter& filter,
                                       PageRequest page) const {
    const Principal& principal = context.principal;
    const std::string pattern = "%" + text::EscapeLike(text::ToLowerAscii(filter.keyword)) + "%";
    constexpr std::string_view kFilter =
        " FROM audit_log WHERE organisation_path >= $1 AND organisation_path < $2 AND ($3 = 0 OR user_id = "
        "$4)"
        " AND ($5 = '' OR LOWER(username) LIKE $6 ESCAPE '\\' OR entity_id = $5)"
        " AND ($7 = '' OR entity_type = $7) AND ($8 = '' OR action = $8) AND at >= $9 AND at < $10";
    const std::string upper = auth::SubtreeUpperBound(principal.organisation_path);
    const std::int64_t self_only = principal.data_scope == DataScope::kSelf ? 1 : 0;
    const std::int64_t from = filter.from.value_or(kNoLowerBound);
    const std::int64_t to = filter.to.value_or(kNoUpperBound);
    return database_.Read([&](db::Session& session) {
        Page<AuditEntry> result;
        result.total = session
                           .Query("SELECT COUNT(*)" + std::string(kFilter), principal.organisation_path,
                                  upper, self_only, principal.user_id, filter.keyword, pattern,
                                  filter.entity_type, filter.action, from, to)
                           .Front()
                           .GetInt64(0);
        const db::Result rows = session.Query(
            "SELECT id, at, user_id, username, organisation_id, action, entity_type, entity_id, before_json, "
            "after_json, "
            "request_id" +
                std::string(kFilter) + " ORDER BY id DESC LIMIT $11 OFFSET $12",
            principal.organisation_path, upper, self_only, principal.user_id, filter.keyword, pattern,
            filter.entity_type, filter.action, from, to, page.page_size, page.Offset());
        for (const db::Row row : rows) {
            result.items.push_back({row.GetInt64(0), row.GetInt64(1), row.GetOptionalInt64(2),
                                    row.GetString(3), row.GetOptionalInt64(4), row.GetString(5),
                                    row.GetString(6), row.GetString(7), row.GetOptionalString(8),
                                    row.GetOptionalString(9), row.GetString(10)});
        }
        return result;
    });
}

Page<LoginEntry> LogService::ListLogins(const RequestContext& context, const LoginFilter& filter,
                                        PageRequest page) const {
    const Principal& principal = context.principal;
    const std::string pattern = "%" + text::EscapeLike(text::ToLowerAscii(filter.keyword)) + "%";
    constexpr std::string_view kFilter =
        " FROM login_log WHERE ((organisation_path >= $1 AND organisation_path < $2) OR ($3 = 1 AND "
        "organisation_path = ''))"
        " AND ($4 = 0 OR user_id = $5) AND ($6 = '' OR LOWER(username) LIKE $7 ESCAPE '\\')"
        " AND ($8 < 0 OR success = $8) AND at >= $9 AND at < $10";
    const std::string upper = auth::SubtreeUpperBound(principal.organisation_path);
    const std::int64_t root =
        IsRootOrganisation(principal) && principal.data_scope == DataScope::kSubtree ? 1 : 0;
    const std::int64_t self_only = principal.data_scope == DataScope::kSelf ? 1 : 0;
    const std::int64_t success = filter.success ? (*filter.success ? 1 : 0) : -1;
    const std::int64_t from = filter.from.value_or(kNoLowerBound);
    const std::int64_t to = filter.to.value_or(kNoUpperBound);
    return database_.Read([&](db::Session& session) {
        Page<LoginEntry> result;
        result.total =
            session
                .Query("SELECT COUNT(*)" + std::string(kFilter), principal.organisation_path, upper, root,
                       self_only, principal.user_id, filter.keyword, pattern, success, from, to)
                .Front()
                .GetInt64(0);
        const db::Result rows =
            session.Query("SELECT id, at, username, success, reason, client_address, user_agent" +
                              std::string(kFilter) + " ORDER BY id DESC LIMIT $11 OFFSET $12",
                          principal.organisation_path, upper, root, self_only, principal.user_id,
                          filter.keyword, pattern, success, from, to, page.page_size, page.Offset());
        for (const db::Row row : rows) {
            result.items.push_back({row.GetInt64(0), row.GetInt64(1), row.GetString(2), row.GetBool(3),
                                    row.GetString(4), row.GetString(5), row.GetString(6)});
        }
        return result;
    });
}

}  // namespace app::system
