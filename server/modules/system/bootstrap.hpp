#pragma once

#include <string>

#include "auth/password.hpp"
#include "core/clock.hpp"
#include "db/database.hpp"

namespace app::system {

struct BootstrapOptions {
    std::string root_organisation_name = "省总工会";
    std::string initial_admin_password = "Admin@12345";
    auth::PasswordHashCost hash_cost = auth::PasswordHashCost::kInteractive;
};

// On an empty database: creates the root organisation and the "admin" account (PLATFORM_ADMIN), which must
// change its password at first sign-in. Does nothing when an organisation already exists. Returns whether
// it created anything.
bool EnsureBootstrapped(db::Database& database, const Clock& clock, const BootstrapOptions& options);

}  // namespace app::system
