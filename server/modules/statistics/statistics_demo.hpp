#pragma once

#include <cstdint>

#include "core/clock.hpp"

namespace app::db {
class Session;
}

namespace app::statistics {

struct DemoHistory {
    int hazards = 0;
    int worker_reports = 0;
};

// Two years of labour-protection history for the demo province outside 南京市 (whose counties the demo
// accounts and the tests work in): hazards found month by month, most rectified (some late), the recent ones
// still in rectification, and the workers' reports behind some of them — so the dashboard's trends, rates and
// city rankings show what a real year looks like. Deterministic; written as rows like the other demo data.
DemoHistory AddDemoHistory(db::Session& session, EpochMillis now);

}  // namespace app::statistics
