#pragma once

#include <gtest/gtest.h>

#include <string>

#include "core/calendar_date.hpp"
#include "hazards/hazard_service.hpp"
#include "system/system_test_fixture.hpp"

namespace app::hazards::testing_support {

// The TreeFixture province (root → city → county X → town T, county Y) with a city cadre, an enterprise in
// town T and one in county Y, stored photo files, and a hazard service on the fixture's clock.
class HazardFixture : public system::testing_support::TreeFixture {
protected:
    HazardFixture() {
        SetDate("2026-03-02");  // a Monday
        database_->Write([&](db::Session& session) {
            const std::string hash =
                session.Query("SELECT password_hash FROM users WHERE id = $1", admin_).Front().GetString(0);
            city_cadre_ = AddUser(session, "city", city_, "LP_CADRE", hash);
            town_enterprise_ =
                AddEnterprise(session, "91320102MA1XXXXX01", "南京新街口机械制造有限公司", town_);
            county_y_enterprise_ =
                AddEnterprise(session, "91320104MA1XXXXX02", "秦淮纺织有限公司", county_y_);
            for (int i = 0; i < 3; ++i) photos_.push_back(AddFile(session, county_x_));
            county_y_photo_ = AddFile(session, county_y_);
        });
    }

    static std::int64_t AddEnterprise(db::Session& session, const std::string& credit_code,
                                      const std::string& name, std::int64_t organisation) {
        return session
            .Query(
                "INSERT INTO enterprises (credit_code, name, organisation_id, industry_section, "
                "economic_component,"
                " size_class, created_at, updated_at) VALUES ($1, $2, $3, 'C', '21', 'SMALL', 0, 0) "
                "RETURNING id",
                credit_code, name, organisation)
            .Front()
            .GetInt64(0);
    }

    static std::int64_t AddFile(db::Session& session, std::int64_t organisation) {
        return session
            .Query(
                "INSERT INTO files (sha256, media_type, byte_size, thumbnail_sha256, original_name,"
                " organisation_id, created_at) VALUES ('ab', 'image/jpeg', 10, 'cd', 'photo.jpg', $1, 0)"
                " RETURNING id",
                organisation)
            .Front()
            .GetInt64(0);
    }

    // Moves the clock to 10:00 Shanghai time on a calendar day.
    void SetDate(const std::string& date) {
        clock_ = testing::FixedClock(dates::ShanghaiStartOf(*dates::ParseDate(date)) + 10 * 3600 * 1000);
    }

    HazardInput Input(const std::string& grade = "GENERAL") const {
        HazardInput input;
        input.enterprise_id = town_enterprise_;
        input.source = "UNION_INSPECTION";
        input.category = "UNSAFE_CONDITION";
        input.grade = grade;
        input.title = "配电箱未接地";
        input.location = "一号车间";
        input.found_on = "2026-03-02";
        input.found_by = "王监督";
        input.photo_file_ids = {photos_[0]};
        return input;
    }

    Hazard Move(std::int64_t id, TransitionInput input, std::int64_t user = 0) {
        return service_.Transition(ContextFor(user ? user : county_x_cadre_), id, input);
    }

    static TransitionInput Event(const std::string& event) {
        TransitionInput input;
        input.event = event;
        return input;
    }

    // A hazard of county X brought to NOTIFIED (reply due `reply_due`), or RECTIFYING (deadline `deadline`).
    std::int64_t Notified(const std::string& reply_due) {
        const std::int64_t id = service_.Create(ContextFor(county_x_cadre_), Input()).id;
        Move(id, Event("TRIAGE"));
        TransitionInput notify = Event("NOTIFY");
        notify.reply_due = reply_due;
        Move(id, notify);
        return id;
    }
    std::int64_t Rectifying(const std::string& deadline) {
        const std::int64_t id = Notified(deadline);
        TransitionInput accept = Event("ENTERPRISE_ACCEPT");
        accept.rectification_deadline = deadline;
        Move(id, accept);
        return id;
    }

    std::string StatusOf(std::int64_t id) {
        return database_->Read([&](db::Session& session) {
            return session.Query("SELECT status FROM hazards WHERE id = $1", id).Front().GetString(0);
        });
    }

    std::int64_t Unread(std::int64_t user, const std::string& kind) {
        return Count("SELECT COUNT(*) FROM notifications WHERE read_at IS NULL AND user_id = " +
                     std::to_string(user) + " AND kind = '" + kind + "'");
    }

    HazardService service_{database_.Get(), clock_};
    std::int64_t city_cadre_ = 0;
    std::int64_t town_enterprise_ = 0;
    std::int64_t county_y_enterprise_ = 0;
    std::vector<std::int64_t> photos_;
    std::int64_t county_y_photo_ = 0;
};

}  // namespace app::hazards::testing_support
