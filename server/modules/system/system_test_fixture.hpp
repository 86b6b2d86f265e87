#pragma once

#include <gtest/gtest.h>

#include "auth/password.hpp"
#include "auth/session_service.hpp"
#include "organisations/organisation_service.hpp"
#include "test_support/test_database.hpp"

namespace app::system::testing_support {

// A small province: root → city → county X (→ town T) and county Y, one user per organisation.
class TreeFixture : public ::testing::Test {
protected:
    TreeFixture() {
        database_->Write([&](db::Session& session) {
            using organisations::OrganisationService;
            root_ = OrganisationService::Insert(
                session, {std::nullopt, "江苏省总工会", "320000", "PROVINCIAL_FED", 1, "320000"}, 0);
            city_ = OrganisationService::Insert(
                session, {root_, "南京市总工会", "320100", "CITY_FED", 2, "320100"}, 0);
            county_x_ = OrganisationService::Insert(
                session, {city_, "玄武区总工会", "320102", "COUNTY_FED", 3, "320102"}, 0);
            county_y_ = OrganisationService::Insert(
                session, {city_, "秦淮区总工会", "320104", "COUNTY_FED", 3, "320104"}, 0);
            town_ = OrganisationService::Insert(
                session, {county_x_, "新街口街道工会", "320102003", "TOWN_STREET_PARK", 4, "320102003"}, 0);
            const std::string hash = auth::HashPassword("Ankang@2026", auth::PasswordHashCost::kMinimal);
            admin_ = AddUser(session, "admin", root_, "PLATFORM_ADMIN", hash);
            county_x_cadre_ = AddUser(session, "county_x", county_x_, "LP_CADRE", hash);
            county_y_cadre_ = AddUser(session, "county_y", county_y_, "LP_CADRE", hash);
            town_cadre_ = AddUser(session, "town_t", town_, "LP_CADRE", hash);
        });
    }

    static std::int64_t AddUser(db::Session& session, const std::string& username, std::int64_t organisation,
                                const std::string& role, const std::string& hash) {
        const std::int64_t id =
            session
                .Query(
                    "INSERT INTO users (username, display_name, password_hash, organisation_id, status, "
                    "must_change_password, created_at, updated_at) VALUES ($1, $1, $2, $3, 'ACTIVE', 0, 0, "
                    "0) "
                    "RETURNING id",
                    username, hash, organisation)
                .Front()
                .GetInt64(0);
        session.Execute("INSERT INTO user_roles (user_id, role_id) SELECT $1, id FROM roles WHERE code = $2",
                        id, role);
        return id;
    }

    RequestContext ContextFor(std::int64_t user_id) {
        RequestContext context;
        context.request_id = "test-request";
        context.principal = *database_->Read(
            [&](db::Session& session) { return auth::SessionService::LoadPrincipal(session, user_id); });
        return context;
    }

    std::int64_t RoleId(const std::string& code) {
        return database_->Read([&](db::Session& session) {
            return session.Query("SELECT id FROM roles WHERE code = $1", code).Front().GetInt64(0);
        });
    }

    std::int64_t Count(const std::string& sql) {
        return database_->Read([&](db::Session& session) { return session.Query(sql).Front().GetInt64(0); });
    }

    testing::TestDatabase database_;
    testing::FixedClock clock_;
    std::int64_t root_ = 0, city_ = 0, county_x_ = 0, county_y_ = 0, town_ = 0;
    std::int64_t admin_ = 0, county_x_cadre_ = 0, county_y_cadre_ = 0, town_cadre_ = 0;
};

inline ErrorCode CodeOf(const std::function<void()>& action) {
    try {
        action();
    } catch (const Error& error) {
        return error.GetCode();
    }
    ADD_FAILURE() << "expected an app::Error";
    return ErrorCode::kInternal;
}

}  // namespace app::system::testing_support
