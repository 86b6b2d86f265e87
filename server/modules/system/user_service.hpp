#pragma once

#include <vector>

#include "auth/password.hpp"
#include "core/clock.hpp"
#include "core/paging.hpp"
#include "core/principal.hpp"
#include "db/database.hpp"
#include "system/user.hpp"

namespace app::system {

// User administration within the caller's data scope. Users outside it answer 404. Every change is
// audited in its own transaction. Thread-safe.
class UserService {
public:
    UserService(db::Database& database, const Clock& clock, auth::PasswordHashCost hash_cost)
        : database_(database), clock_(clock), hash_cost_(hash_cost) {}

    Page<User> List(const RequestContext& context, const UserFilter& filter, PageRequest page) const;
    std::vector<User> ListForExport(const RequestContext& context, const UserFilter& filter) const;
    User Get(const RequestContext& context, std::int64_t id) const;
    User Create(const RequestContext& context, const NewUser& user);
    User Update(const RequestContext& context, std::int64_t id, const UserChanges& changes);
    void Delete(const RequestContext& context, std::int64_t id);
    // Sets a new password the user must change at the next sign-in, and ends their sessions.
    void ResetPassword(const RequestContext& context, std::int64_t id, const std::string& new_password);

    static constexpr std::int64_t kExportLimit = 100'000;

private:
    Page<User> Query(db::Session& session, const RequestContext& context, const UserFilter& filter,
                     std::int64_t limit, std::int64_t offset) const;
    std::optional<User> FindInScope(db::Session& session, const Principal& principal, std::int64_t id) const;
    // The caller may change, reset or delete only users whose permissions they hold themselves; otherwise a
    // cadre could reset an administrator's password in their subtree and sign in as them.
    void CheckManageable(db::Session& session, const Principal& principal, std::int64_t user_id) const;
    void CheckAssignment(db::Session& session, const Principal& principal, std::int64_t organisation_id,
                         const std::vector<std::int64_t>& role_ids, Error::FieldErrors& errors) const;

    db::Database& database_;
    const Clock& clock_;
    auth::PasswordHashCost hash_cost_;
};

// Username: 3–32 characters, letters, digits, '.', '_' or '-', starting with a letter.
std::optional<LocalizedText> CheckUsername(std::string_view username);
std::optional<LocalizedText> CheckPhone(std::string_view phone);  // empty or a mainland mobile number
std::optional<LocalizedText> CheckEmail(std::string_view email);  // empty or name@domain.tld

}  // namespace app::system
