#include "app/demo_data.hpp"

#include <gtest/gtest.h>

#include "organisations/credit_code.hpp"
#include "system/bootstrap.hpp"
#include "test_support/test_database.hpp"

namespace app::demo {

TEST(DemoDataTest, BuildsTheJiangsuTreeAndAccountsOnce) {
    testing::TestDatabase database;
    testing::FixedClock clock;
    system::EnsureBootstrapped(database.Get(), clock,
                               {"省总工会", "Admin@12345", auth::PasswordHashCost::kMinimal});
    const DemoReport report = CreateDemoData(database.Get(), clock, auth::PasswordHashCost::kMinimal);
    EXPECT_TRUE(report.created);
    EXPECT_GT(report.organisations, 1500);
    EXPECT_GT(report.enterprises, 500);
    EXPECT_GT(report.committees, 40);
    EXPECT_GE(report.inspectors, 180);
    EXPECT_GE(report.hazards, 36);
    EXPECT_EQ(report.worker_reports, 16);
    database->Read([](db::Session& session) {
        EXPECT_EQ(session.Query("SELECT COUNT(*) FROM organisations WHERE level = 2").Front().GetInt64(0),
                  13);
        EXPECT_GT(session.Query("SELECT COUNT(*) FROM organisations WHERE level = 3").Front().GetInt64(0),
                  90);
        const auto town = session.Query(
            "SELECT t.path, c.path FROM organisations t JOIN organisations c ON c.id = t.parent_id WHERE "
            "t.code = '320102003'");
        ASSERT_EQ(town.Size(), 1u);
        EXPECT_EQ(town.Front().GetString(0).rfind(town.Front().GetString(1) + "/", 0), 0u);
        for (const char* username :
             {"prov_cadre", "city_cadre", "county_cadre", "town_cadre", "qinhuai_cadre"}) {
            EXPECT_EQ(
                session.Query("SELECT COUNT(*) FROM users WHERE username = $1", username).Front().GetInt64(0),
                1)
                << username;
        }
        EXPECT_EQ(
            session.Query("SELECT name FROM organisations WHERE parent_id IS NULL").Front().GetString(0),
            "江苏省总工会");
        // Every W10 state appears, and every appointment was made by a higher union of the home organisation.
        EXPECT_EQ(session.Query("SELECT COUNT(DISTINCT status) FROM lp_inspectors").Front().GetInt64(0), 12);
        EXPECT_EQ(
            session
                .Query("SELECT COUNT(*) FROM lp_inspectors i JOIN organisations h ON h.id = "
                       "i.home_organisation_id JOIN organisations a ON a.id = i.appointing_organisation_id "
                       "WHERE substr(h.path, 1, length(a.path) + 1) <> a.path || '/'")
                .Front()
                .GetInt64(0),
            0);
        EXPECT_EQ(session.Query("SELECT COUNT(*) FROM lp_staffing WHERE year = 2026").Front().GetInt64(0),
                  24);
        // Demo hazards: every W2 state, a few MAJOR, every case's timeline ends in its status.
        EXPECT_EQ(session.Query("SELECT COUNT(DISTINCT status) FROM hazards").Front().GetInt64(0), 12);
        EXPECT_GE(session.Query("SELECT COUNT(*) FROM hazards WHERE grade = 'MAJOR'").Front().GetInt64(0), 3);
        EXPECT_EQ(session
                      .Query("SELECT COUNT(*) FROM hazards h WHERE h.status <> (SELECT e.to_status FROM "
                             "hazard_events e"
                             " WHERE e.hazard_id = h.id ORDER BY e.id DESC LIMIT 1)")
                      .Front()
                      .GetInt64(0),
                  0);
        // Demo documents: most W4 states; serials run 1..n per union and year with no gap, and the counters
        // say n.
        EXPECT_GE(session.Query("SELECT COUNT(DISTINCT status) FROM union_documents").Front().GetInt64(0), 8);
        EXPECT_EQ(
            session
                .Query("SELECT COUNT(*) FROM document_number_counters c WHERE c.last_serial <> (SELECT "
                       "COUNT(*) FROM union_documents d WHERE d.organisation_id = c.organisation_id AND "
                       "d.year = c.year) OR c.last_serial <> (SELECT MAX(d.serial) FROM union_documents d "
                       "WHERE d.organisation_id = c.organisation_id AND d.year = c.year)")
                .Front()
                .GetInt64(0),
            0);
        EXPECT_EQ(
            session.Query("SELECT COUNT(*) FROM union_documents WHERE status <> 'DRAFT' AND serial IS NULL")
                .Front()
                .GetInt64(0),
            0);
        // A few inspections in several W1 states; a closed one has every item answered and a full history.
        EXPECT_EQ(session.Query("SELECT COUNT(*) FROM inspections").Front().GetInt64(0), 6);
        EXPECT_EQ(session.Query("SELECT COUNT(DISTINCT status) FROM inspections").Front().GetInt64(0), 4);
        EXPECT_EQ(
            session
                .Query(
                    "SELECT COUNT(*) FROM inspections WHERE status = 'CLOSED' AND answered_count = item_count"
                    " AND (SELECT COUNT(*) FROM inspection_events e WHERE e.inspection_id = inspections.id) "
                    "= 6")
                .Front()
                .GetInt64(0),
            2);
        EXPECT_EQ(
            session
                .Query("SELECT COUNT(*) FROM inspections i WHERE (SELECT COUNT(*) FROM inspection_team m"
                       " WHERE m.inspection_id = i.id AND m.inspector_id IS NOT NULL) < 2")
                .Front()
                .GetInt64(0),
            0);
    });
    EXPECT_FALSE(CreateDemoData(database.Get(), clock, auth::PasswordHashCost::kMinimal).created);
}

}  // namespace app::demo
