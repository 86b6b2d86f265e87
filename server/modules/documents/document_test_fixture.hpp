#pragma once

#include <string>
#include <vector>

#include "documents/document_service.hpp"
#include "documents/reply_service.hpp"
#include "rules/rules_service.hpp"
#include "system/system_test_fixture.hpp"

namespace app::documents::testing_support {

// The small province of TreeFixture with an enterprise in 新街口街道 (under 玄武区) and one in 秦淮区, and
// helpers that make hazards and drive documents through W4.
class DocumentFixture : public system::testing_support::TreeFixture {
protected:
    DocumentFixture() {
        database_->Write([&](db::Session& session) {
            enterprise_x_ = AddEnterprise(session, "南京玄武精密机械有限公司", town_, "91320102MA0000001X");
            enterprise_y_ =
                AddEnterprise(session, "南京秦淮化工材料有限公司", county_y_, "91320104MA0000002X");
        });
    }

    static std::int64_t AddEnterprise(db::Session& session, const std::string& name,
                                      std::int64_t organisation, const std::string& code) {
        return session
            .Query(
                "INSERT INTO enterprises (credit_code, name, organisation_id, industry_section, "
                "economic_component, "
                "size_class, created_at, updated_at) VALUES ($1, $2, $3, 'C', '21', 'SMALL', 0, 0) RETURNING "
                "id",
                code, name, organisation)
            .Front()
            .GetInt64(0);
    }

    std::int64_t AddHazard(std::int64_t enterprise, std::int64_t organisation,
                           const std::string& status = "TRIAGED", const std::string& title = "配电箱未接地") {
        return database_->Write([&](db::Session& session) {
            const std::int64_t serial = ++hazard_serial_;
            return session
                .Query(
                    "INSERT INTO hazards (code, organisation_id, enterprise_id, source, category, grade, "
                    "title, "
                    "description, location, found_on, rectification_deadline, status, status_changed_at, "
                    "created_at, "
                    "updated_at) VALUES ($1, $2, $3, 'UNION_INSPECTION', 'UNSAFE_CONDITION', 'GENERAL', $4, "
                    "$5, "
                    "'二号车间', '2025-12-30', '2026-01-10', $6, 0, 0, 0) RETURNING id",
                    "YH-2026-" + std::to_string(serial), organisation, enterprise, title,
                    title + "，存在触电风险", status)
                .Front()
                .GetInt64(0);
        });
    }

    std::string HazardStatus(std::int64_t hazard) {
        return database_->Read([&](db::Session& session) {
            return session.Query("SELECT status FROM hazards WHERE id = $1", hazard).Front().GetString(0);
        });
    }

    DocumentInput Notice(std::vector<std::int64_t> hazards = {},
                         std::string title = "关于配电箱隐患的整改通知") {
        DocumentInput input;
        input.document_type = kHazardRectificationNotice;
        input.enterprise_id = enterprise_x_;
        input.addressee = "南京玄武精密机械有限公司";
        input.title = std::move(title);
        input.content = "经检查，你单位存在下列事故隐患。";
        input.requested_actions = "立即停用二号车间配电箱，限期整改。";
        input.hazard_ids = std::move(hazards);
        return input;
    }

    Document Draft(std::vector<std::int64_t> hazards = {}) {
        return documents_.Create(ContextFor(county_x_cadre_), Notice(std::move(hazards)));
    }
    Document Issued(std::vector<std::int64_t> hazards = {}) {
        return documents_.Issue(ContextFor(county_x_cadre_), Draft(std::move(hazards)).id, "张伟");
    }
    Document Served(std::vector<std::int64_t> hazards = {}) {
        return documents_.Serve(ContextFor(county_x_cadre_), Issued(std::move(hazards)).id,
                                {"IN_PERSON", "2026-01-01"});
    }
    std::string Link(std::int64_t document) {
        return documents_.CreateReplyLink(ContextFor(county_x_cadre_), document, std::nullopt).token;
    }
    static RequestContext Anonymous() {
        RequestContext context;
        context.request_id = "public";
        return context;
    }
    static ReplyInput Accept() {
        ReplyInput input;
        input.decision = "ACCEPT";
        input.plan = "更换配电箱并接地";
        input.rectification_deadline = "2026-01-20";
        input.content = "接受整改";
        input.contact = "王经理 13905140099";
        return input;
    }
    std::int64_t OpenTodos(std::int64_t document, const std::string& kind) {
        return Count("SELECT COUNT(*) FROM todos WHERE entity_type = 'document' AND entity_id = " +
                     std::to_string(document) + " AND kind = '" + kind + "' AND done_at IS NULL");
    }

    rules::RulesService rules_{database_.Get(), clock_};
    DocumentService documents_{database_.Get(), clock_, rules_};
    ReplyService replies_{database_.Get(), clock_};
    std::int64_t enterprise_x_ = 0, enterprise_y_ = 0;
    int hazard_serial_ = 0;
};

}  // namespace app::documents::testing_support
