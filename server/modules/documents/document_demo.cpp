#include "documents/document_demo.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/calendar_date.hpp"
#include "documents/document.hpp"
#include "documents/document_rules.hpp"
#include "inbox/inbox_writer.hpp"

namespace app::documents {
namespace {

constexpr std::int64_t kDay = 24LL * 3600 * 1000;

struct DemoDocument {
    std::int64_t organisation_id = 0;
    std::string organisation_name;
    std::string type = kHazardRectificationNotice;
    std::optional<std::int64_t> enterprise_id;
    std::string addressee;
    std::string title;
    std::string status;
    std::int64_t age_days = 0;  // days since issue (drafts: since creation)
    std::string decision;       // REPLIED / CLOSED: the enterprise's decision
    std::vector<std::int64_t> hazards;
};

std::string Plus(std::int64_t at, int days) {
    return dates::FormatDate(dates::ShanghaiDateOf(at) + std::chrono::days{days});
}

// The document state that matches a demo hazard's W2 state, so hazards and documents tell the same story.
std::optional<std::pair<std::string, std::string>> StateFor(const std::string& hazard_status, int index) {
    if (hazard_status == "NOTIFIED") return std::pair<std::string, std::string>{"SERVED", ""};
    if (hazard_status == "OVERDUE_REPLY") return std::pair<std::string, std::string>{"OVERDUE", ""};
    if (hazard_status == "RECTIFYING" || hazard_status == "OVERDUE_RECTIFICATION")
        return std::pair<std::string, std::string>{index % 2 == 0 ? "CLOSED" : "REPLIED", "ACCEPT"};
    if (hazard_status == "DISPUTED") return std::pair<std::string, std::string>{"REPLIED", "DISPUTE"};
    if (hazard_status == "PENDING_VERIFICATION")
        return std::pair<std::string, std::string>{"REPLIED", "RECTIFIED"};
    if (hazard_status == "ESCALATED") return std::pair<std::string, std::string>{"ESCALATED", ""};
    if (hazard_status == "CLOSED") return std::pair<std::string, std::string>{"CLOSED", "RECTIFIED"};
    return std::nullopt;
}

}  // namespace

int AddDemoDocuments(db::Session& session, EpochMillis now) {
    std::vector<DemoDocument> documents;
    // Documents that named the demo hazards already past TRIAGED.
    int index = 0;
    for (const db::Row row : session.Query(
             "SELECT h.id, h.status, h.organisation_id, o.name, h.enterprise_id, e.name, h.title FROM "
             "hazards h "
             "JOIN organisations o ON o.id = h.organisation_id JOIN enterprises e ON e.id = h.enterprise_id "
             "WHERE h.status NOT IN ('REPORTED', 'TRIAGED', 'REJECTED', 'EVACUATION_RECOMMENDED') ORDER BY "
             "h.id")) {
        const auto state = StateFor(row.GetString(1), index++);
        if (!state) continue;
        DemoDocument document;
        document.organisation_id = row.GetInt64(2);
        document.organisation_name = row.GetString(3);
        document.enterprise_id = row.GetInt64(4);
        document.addressee = row.GetString(5);
        document.title = "关于“" + row.GetString(6) + "”隐患的整改通知";
        document.status = state->first;
        document.decision = state->second;
        document.age_days = state->first == "SERVED" ? 2 : (state->first == "OVERDUE" ? 20 : 12 + index % 9);
        document.hazards = {row.GetInt64(0)};
        documents.push_back(std::move(document));
    }
    // And of 玄武区总工会 without hazards: a draft, an issued one, a refused, a withdrawn one, a 建议书 and
    // an 意见书.
    const db::Result county = session.Query("SELECT id, name FROM organisations WHERE code = '320102'");
    if (!county.Empty()) {
        const std::int64_t id = county.Front().GetInt64(0);
        const std::string name = county.Front().GetString(1);
        std::optional<std::int64_t> enterprise;
        std::string enterprise_name = "南京玄武精密机械有限公司";
        const db::Result rows = session.Query(
            "SELECT e.id, e.name FROM enterprises e JOIN organisations o ON o.id = e.organisation_id "
            "WHERE o.path >= (SELECT path FROM organisations WHERE id = $1) ORDER BY e.id LIMIT 1",
            id);
        if (!rows.Empty()) {
            enterprise = rows.Front().GetInt64(0);
            enterprise_name = rows.Front().GetString(1);
        }
        const auto add = [&](std::string type, std::string status, std::string title, std::string addressee,
                             std::int64_t age, bool to_enterprise = true) {
            DemoDocument document;
            document.organisation_id = id;
            document.organisation_name = name;
            document.type = std::move(type);
            if (to_enterprise) document.enterprise_id = enterprise;
            document.addressee = std::move(addressee);
            document.title = std::move(title);
            document.status = std::move(status);
            document.age_days = age;
            documents.push_back(std::move(document));
        };
        add(kHazardRectificationNotice, "DRAFT", "关于有限空间作业管理的整改通知", enterprise_name, 1);
        add(kLpSupervisionOpinion, "ISSUED", "关于夏季防暑降温措施的监督检查意见", enterprise_name, 1);
        add(kLpSupervisionOpinion, "REFUSED", "关于劳动防护用品配发的监督检查意见", enterprise_name, 9);
        add(kHazardRectificationNotice, "WITHDRAWN", "关于消防通道堵塞的整改通知（作废）", enterprise_name,
            15);
        add(kRectificationRecommendation, "ESCALATED", "关于督促企业整改重大事故隐患的建议",
            "南京市玄武区应急管理局", 25, false);
    }

    // Numbers in order of issue, per union and year, as the counter would have given them.
    std::vector<std::size_t> order(documents.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return documents[a].age_days > documents[b].age_days;
    });
    std::map<std::pair<std::int64_t, std::int64_t>, std::int64_t> counters;
    int added = 0;
    for (const std::size_t position : order) {
        const DemoDocument& document = documents[position];
        const bool draft = document.status == "DRAFT";
        const std::int64_t issued_at = now - document.age_days * kDay;
        std::optional<std::int64_t> year, serial, issued, served, replied;
        std::string number;
        if (!draft) {
            year = dates::YearOf(dates::ShanghaiDateOf(issued_at));
            serial = ++counters[{document.organisation_id, *year}];
            number = DocumentNumber(document.organisation_name, *year, *serial);
            issued = issued_at;
        }
        const bool was_served = !draft && document.status != "ISSUED" && document.status != "WITHDRAWN";
        if (was_served) served = issued_at + kDay;
        const std::string reply_due =
            Plus(served.value_or(issued_at), document.type == kHazardRectificationNotice ? 7 : 21);
        const bool answered =
            !document.decision.empty() && (document.status == "REPLIED" || document.status == "CLOSED");
        if (answered) replied = issued_at + 4 * kDay;
        const std::int64_t id =
            session
                .Query(
                    "INSERT INTO union_documents (organisation_id, document_type, year, serial, document_no, "
                    "enterprise_id, addressee, title, content, requested_actions, signed_by, reply_due, "
                    "status, "
                    "issued_at, served_at, service_method, reply_received_at, reply_decision, reply_content, "
                    "reply_plan, reply_contact, reply_rectification_deadline, review_note, withdraw_reason, "
                    "created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, "
                    "$14, "
                    "$15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25, $26) RETURNING id",
                    document.organisation_id, document.type, year, serial, number, document.enterprise_id,
                    document.addressee, document.title,
                    "根据《中华人民共和国工会法》《中华人民共和国安全生产法》，本会对你单位进行了劳动保护监督"
                    "检查，"
                    "发现下列问题，现予通知。",
                    "一、立即采取防范措施，确保作业人员安全；\n二、限期完成整改，并将整改情况书面回复本会。",
                    draft ? std::string() : std::string("张伟"), reply_due, document.status, issued, served,
                    was_served ? std::string(added % 3 == 0 ? "POST" : "IN_PERSON") : std::string(), replied,
                    answered ? document.decision : std::string(),
                    answered
                        ? std::string(document.decision == "DISPUTE" ? "我公司认为该处已符合标准，申请复核。"
                                                                     : "已按要求组织整改。")
                        : std::string(),
                    answered && document.decision == "ACCEPT"
                        ? std::string("更换设备、加装防护并落实专人负责")
                        : std::string(),
                    answered ? std::string("安全部 王经理 13905149999") : std::string(),
                    answered && document.decision == "ACCEPT" ? Plus(issued_at, 30) : std::string(),
                    document.status == "CLOSED" ? std::string("整改到位，同意办结") : std::string(),
                    document.status == "WITHDRAWN" ? std::string("文书内容有误，重新制发") : std::string(),
                    issued_at - kDay, now)
                .Front()
                .GetInt64(0);
        for (const std::int64_t hazard : document.hazards)
            session.Execute("INSERT INTO document_hazards (document_id, hazard_id) VALUES ($1, $2)", id,
                            hazard);
        const auto todo = [&](const char* kind, const char* permission, const std::string& title) {
            inbox::Todo item;
            item.organisation_id = document.organisation_id;
            item.permission = permission;
            item.kind = kind;
            item.title = title;
            item.entity_type = "document";
            item.entity_id = id;
            inbox::OpenTodo(session, item, now);
        };
        if (document.status == "DRAFT")
            todo("SIGN_DOCUMENT", "supervision:document:sign", "签发文书：" + document.title);
        if (document.status == "ISSUED")
            todo("SERVE_DOCUMENT", "supervision:document:manage", "送达文书：" + number);
        if (document.status == "REPLIED")
            todo("REVIEW_REPLY", "supervision:document:manage", "审查企业回复：" + number);
        if (document.status == "OVERDUE" || document.status == "REFUSED")
            todo("ESCALATE_DOCUMENT", "supervision:document:manage", "请上报：" + number);
        ++added;
    }
    for (const auto& [key, last] : counters) {
        session.Execute(
            "INSERT INTO document_number_counters (organisation_id, year, last_serial) VALUES ($1, $2, $3)",
            key.first, key.second, last);
    }
    return added;
}

}  // namespace app::documents
