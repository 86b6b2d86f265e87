#include "app/demo_data.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <sstream>
#include <vector>

#include "auth/audit.hpp"
#include "documents/document_demo.hpp"
#include "hazards/hazard_demo.hpp"
#include "inspections/checklist_service.hpp"
#include "organisations/credit_code.hpp"
#include "organisations/organisation_service.hpp"
#include "reports/report_demo.hpp"
#include "statistics/statistics_demo.hpp"

namespace app::embedded {
extern const std::string_view kJiangsuDivisionsCsv;
}

namespace app::demo {
namespace {

struct Division {
    int level;
    std::string code;
    std::string name;
    std::string parent_code;
};

std::vector<Division> ParseDivisions() {
    std::vector<Division> divisions;
    std::istringstream stream{std::string(embedded::kJiangsuDivisionsCsv)};
    std::string line;
    std::getline(stream, line);  // header
    while (std::getline(stream, line)) {
        if (line.empty()) continue;
        std::vector<std::string> fields;
        std::stringstream parts(line);
        std::string field;
        while (std::getline(parts, field, ',')) fields.push_back(field);
        if (fields.size() == 3) fields.emplace_back();
        divisions.push_back({std::stoi(fields[0]), fields[1], fields[2], fields[3]});
    }
    return divisions;
}

std::string UnionName(const Division& division) {
    switch (division.level) {
        case 1:
        case 2:
        case 3:
            return division.name + "总工会";
        default:
            return division.name + "工会";
    }
}

const char* OrgType(int level) {
    switch (level) {
        case 1:
            return "PROVINCIAL_FED";
        case 2:
            return "CITY_FED";
        case 3:
            return "COUNTY_FED";
        default:
            return "TOWN_STREET_PARK";
    }
}

struct DemoAccount {
    const char* username;
    const char* display_name;
    const char* organisation_code;
    const char* role_code;
    const char* phone;
};

// The accounts the README lists, plus ordinary staff so lists have something to page through.
constexpr DemoAccount kAccounts[] = {
    {"prov_cadre", "王建国", "320000", "LP_CADRE", "13905140001"},
    {"city_cadre", "李红梅", "320100", "LP_CADRE", "13905140002"},
    {"county_cadre", "张伟", "320102", "LP_CADRE", "13905140003"},
    {"town_cadre", "刘芳", "320102003", "LP_CADRE", "13905140004"},
    {"qinhuai_cadre", "陈静", "320104", "LP_CADRE", "13905140005"},
    {"auditor", "赵敏", "320000", "AUDITOR", "13905140006"},
};

constexpr const char* kSurnames[] = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵",
                                     "周", "吴", "徐", "孙", "朱", "马", "胡", "郭"};
constexpr const char* kGivenNames[] = {"志强", "秀英", "海燕", "建华", "丽娟", "国庆", "晓东",
                                       "春梅", "文博", "玉兰", "明辉", "雪梅", "立新", "桂芳",
                                       "俊杰", "慧敏", "永刚", "淑珍", "子涵", "宏伟"};

constexpr const char* kTradeNames[] = {"精密机械", "化工材料", "建筑工程", "物流运输",
                                       "纺织服装", "电子科技", "食品加工", "汽车配件",
                                       "新材料",   "印刷包装", "家具制造", "金属制品"};
constexpr const char* kSections[] = {"C", "C", "E", "G", "C", "C", "C", "C", "C", "C", "C", "C"};
constexpr const char* kDivisions[] = {"34", "26", "47", "54", "18", "39", "13", "36", "30", "23", "21", "33"};
constexpr const char* kPlaceWords[] = {"金陵", "钟山", "玄武", "秦淮", "紫金",
                                       "石城", "雨花", "栖霞", "江宁", "六合"};

// Demo enterprises for one township: mostly small private firms, as in the survey, about half covered by a
// union (mostly through joint or regional unions), the rest without one or not yet recorded.
int AddDemoEnterprises(db::Session& session, std::int64_t township_id, const std::string& township_code,
                       int& serial, std::int64_t now, const std::string& city = "南京") {
    int added = 0;
    const int count = 6 + serial % 7;
    for (int index = 0; index < count; ++index) {
        ++serial;
        char body[32];
        std::snprintf(body, sizeof body, "91%sMA%07d", township_code.substr(0, 6).c_str(), serial);
        const std::string seventeen(body, 17);
        const std::string code = seventeen + organisations::CreditCodeCheckCharacter(seventeen);
        const int trade = serial % 12;
        const std::string name = city + kPlaceWords[serial % 10] + kTradeNames[trade] +
                                 (serial % 5 == 0 ? "股份有限公司" : "有限公司") +
                                 (serial > 60 ? std::to_string(serial) : "");
        const char* component =
            serial % 9 == 0 ? "11" : (serial % 13 == 0 ? "23" : (serial % 17 == 0 ? "22" : "21"));
        const char* size =
            serial % 23 == 0 ? "LARGE" : (serial % 7 == 0 ? "MEDIUM" : (serial % 3 == 0 ? "SMALL" : "MICRO"));
        const std::int64_t headcount = std::string(size) == "LARGE"    ? 1200 + serial % 800
                                       : std::string(size) == "MEDIUM" ? 300 + serial % 500
                                       : std::string(size) == "SMALL"  ? 20 + serial % 250
                                                                       : 3 + serial % 17;
        const std::int64_t id =
            session
                .Query(
                    "INSERT INTO enterprises (credit_code, name, organisation_id, industry_section, "
                    "industry_division, "
                    "economic_component, registration_type, size_class, headcount, address, "
                    "admin_division_code, "
                    "status, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, "
                    "'ACTIVE', "
                    "$12, $12) RETURNING id",
                    code, name, township_id, kSections[trade], kDivisions[trade], component,
                    std::string(component) == "21" ? "173" : "150", size, headcount,
                    city + "市" + kPlaceWords[serial % 10] + "路" + std::to_string(serial % 300 + 1) + "号",
                    township_code, now)
                .Front()
                .GetInt64(0);
        const int coverage = serial % 10;
        const char* type = coverage < 2   ? "OWN_UNION"
                           : coverage < 4 ? "JOINT_BASE_UNION"
                           : coverage < 5 ? "REGIONAL_FEDERATION"
                           : coverage < 8 ? "NONE"
                                          : nullptr;
        if (type) {
            const bool none = std::string(type) == "NONE";
            session.Execute(
                "INSERT INTO union_coverage (enterprise_id, coverage_type, union_organisation_id, "
                "supervising_organisation_id, since_date, created_at) VALUES ($1, $2, $3, $4, $5, $6)",
                id, type, none ? std::optional<std::int64_t>() : std::optional<std::int64_t>(township_id),
                none ? std::optional<std::int64_t>(township_id) : std::optional<std::int64_t>(),
                "2025-0" + std::to_string(1 + serial % 9) + "-01", now);
        }
        ++added;
    }
    return added;
}

// The supervision network of 南京市 (domain model §2.3, §2.4): committees in a third of the townships (a
// few expired), about 200 inspectors — township inspectors appointed by their county federation, county
// inspectors by the city federation — spread over every W10 state with their status history, group inspectors
// and mass supervisors at township enterprises, and staffing and funding of the city and county federations
// for 2025 and 2026. Names, sizes and states vary deterministically.
void AddDemoNetwork(db::Session& session, const std::vector<Division>& divisions,
                    const std::map<std::string, std::int64_t>& id_by_code, std::int64_t now,
                    DemoReport& report) {
    auto person = [](int serial) {
        return std::string(kSurnames[serial % 16]) + kGivenNames[(serial * 7 + serial / 16) % 20];
    };
    // Where each status sits on the workflow's main line (history rows are written along it).
    static const std::map<std::string, std::vector<std::string>> kPaths{
        {"NOMINATED", {}},
        {"TRAINING", {"TRAINING"}},
        {"PASSED", {"TRAINING", "PASSED"}},
        {"FAILED", {"TRAINING", "FAILED"}},
        {"CLOSED", {"TRAINING", "FAILED", "CLOSED"}},
        {"APPOINTED", {"TRAINING", "PASSED", "APPOINTED"}},
        {"ACTIVE", {"TRAINING", "PASSED", "APPOINTED", "ACTIVE"}},
        {"SUSPENDED", {"TRAINING", "PASSED", "APPOINTED", "ACTIVE", "SUSPENDED"}},
        {"TERM_EXPIRED", {"TRAINING", "PASSED", "APPOINTED", "ACTIVE", "TERM_EXPIRED"}},
        {"REVOKED", {"TRAINING", "PASSED", "APPOINTED", "ACTIVE", "REVOKED"}},
        {"RESIGNED", {"TRAINING", "PASSED", "APPOINTED", "ACTIVE", "RESIGNED"}},
        {"RETIRED", {"TRAINING", "PASSED", "APPOINTED", "ACTIVE", "TERM_EXPIRED", "RETIRED"}},
    };
    // Mostly in office, as in a working network; every other state appears too.
    static const char* const kStatusCycle[] = {
        "ACTIVE",    "ACTIVE",  "ACTIVE",    "ACTIVE",   "TRAINING",     "ACTIVE", "PASSED", "ACTIVE",
        "NOMINATED", "ACTIVE",  "SUSPENDED", "ACTIVE",   "TERM_EXPIRED", "FAILED", "ACTIVE", "APPOINTED",
        "ACTIVE",    "RETIRED", "REVOKED",   "RESIGNED", "ACTIVE",       "CLOSED"};
    static const char* const kModes[] = {"PARTTIME", "PARTTIME", "FULLTIME", "PARTTIME", "SPECIALLY_INVITED"};
    int inspector_serial = 0;
    auto add_inspector = [&](std::int64_t home, std::int64_t appointing, const std::string& code) {
        ++inspector_serial;
        const std::string status = kStatusCycle[inspector_serial % 22];
        const std::vector<std::string>& path = kPaths.at(status);
        const bool appointed = std::find(path.begin(), path.end(), "APPOINTED") != path.end();
        char certificate[48];
        std::snprintf(certificate, sizeof certificate, "JS-%s-%04d", code.substr(0, 6).c_str(),
                      inspector_serial);
        const std::string year = inspector_serial % 3 == 0 ? "2023" : "2025";
        char phone[24];
        std::snprintf(phone, sizeof phone, "1390514%04d", inspector_serial);
        const std::int64_t id =
            session
                .Query(
                    "INSERT INTO lp_inspectors (name, gender, phone, home_organisation_id, "
                    "appointing_organisation_id,"
                    " certificate_no, employment_mode, appointment_date, term_end, status, notes, created_at,"
                    " updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, '', $11, $11) RETURNING "
                    "id",
                    person(inspector_serial + 40), inspector_serial % 3 == 0 ? "FEMALE" : "MALE", phone, home,
                    appointed ? std::optional<std::int64_t>(appointing) : std::nullopt,
                    appointed ? std::optional<std::string>(certificate) : std::nullopt,
                    kModes[inspector_serial % 5], appointed ? year + "-04-15" : std::string(),
                    appointed ? std::to_string(std::stoi(year) + 5) + "-04-14" : std::string(), status, now)
                .Front()
                .GetInt64(0);
        session.Execute(
            "INSERT INTO lp_inspector_status_history (inspector_id, from_status, to_status, transition_date, "
            "note,"
            " username, created_at) VALUES ($1, '', 'NOMINATED', $2, '由本单位工会提名', 'demo', $3)",
            id, year + "-01-10", now);
        std::string from = "NOMINATED";
        int step = 0;
        for (const std::string& to : path) {
            ++step;
            char date[16];
            std::snprintf(date, sizeof date, "%s-%02d-15",
                          to == "TERM_EXPIRED" || to == "RETIRED" ? "2028" : year.c_str(),
                          std::min(12, 1 + step * 2));
            session.Execute(
                "INSERT INTO lp_inspector_status_history (inspector_id, from_status, to_status, "
                "transition_date, note,"
                " username, created_at) VALUES ($1, $2, $3, $4, '', 'demo', $5)",
                id, from, to, std::string(date), now);
            from = to;
        }
        ++report.inspectors;
    };

    int township_index = 0;
    int member_serial = 0;
    for (const Division& division : divisions) {
        if (division.code.rfind("3201", 0) != 0) continue;
        const std::int64_t organisation = id_by_code.at(division.code);
        const std::int64_t parent = id_by_code.at(division.parent_code);
        if (division.level == 3) {
            add_inspector(organisation, parent, division.code);
            add_inspector(organisation, parent, division.code);
            continue;
        }
        if (division.level != 4) continue;
        ++township_index;
        add_inspector(organisation, parent, division.code);
        if (township_index % 3 != 0) add_inspector(organisation, parent, division.code);

        const bool active = township_index % 3 == 0;
        if (active || township_index % 7 == 1) {
            const int size = active ? 7 + township_index % 5 : 4;
            const std::int64_t committee =
                session
                    .Query(
                        "INSERT INTO lp_committees (organisation_id, established_on, approved_by, term_end, "
                        "status,"
                        " created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $6) RETURNING id",
                        organisation, active ? "2024-03-01" : "2018-05-01",
                        division.name + "工会委员会会议决定", active ? "2029-02-28" : "2023-04-30",
                        active ? "ACTIVE" : "EXPIRED", now)
                    .Front()
                    .GetInt64(0);
            for (int index = 0; index < size; ++index) {
                ++member_serial;
                session.Execute(
                    "INSERT INTO lp_committee_members (committee_id, name, role, phone, position, sort_order)"
                    " VALUES ($1, $2, $3, '', $4, $5)",
                    committee, person(member_serial + 300),
                    index == 0 ? "CHAIR" : (index <= 2 ? "VICE_CHAIR" : "MEMBER"),
                    index == 0 ? "工会副主席" : (index <= 2 ? "安全管理员" : "一线职工代表"), index + 1);
            }
            ++report.committees;
        }
        if (township_index % 2 == 0) {
            const db::Result enterprises = session.Query(
                "SELECT id FROM enterprises WHERE organisation_id = $1 ORDER BY id LIMIT 2", organisation);
            for (const db::Row enterprise : enterprises) {
                const bool mass = (township_index + enterprise.GetInt64(0)) % 3 == 0;
                session.Execute(
                    "INSERT INTO lp_volunteers (kind, subtype, name, phone, organisation_id, enterprise_id, "
                    "team,"
                    " appointed_on, term_end, status, created_at, updated_at)"
                    " VALUES ($1, $2, $3, '', $4, $5, $6, '2025-03-01', '2028-02-28', 'ACTIVE', $7, $7)",
                    mass ? "MASS_SUPERVISOR" : "GROUP_INSPECTOR", mass ? "SOCIAL_VOLUNTEER" : "",
                    person(township_index + 500 + enterprise.GetInt64(0) % 7), organisation,
                    enterprise.GetInt64(0), mass ? "" : "生产一班", now);
            }
        }
    }

    // Staffing and funding: every city federation and the counties of 南京市.
    int staffing_serial = 0;
    for (const Division& division : divisions) {
        const bool city = division.level == 2;
        const bool nanjing_county = division.level == 3 && division.code.rfind("3201", 0) == 0;
        if (!city && !nanjing_county) continue;
        for (const int year : {2025, 2026}) {
            ++staffing_serial;
            const bool department = city || staffing_serial % 3 != 0;
            const std::int64_t planned =
                (city ? 1'200'000 : 280'000) + (staffing_serial % 9) * 35'000;  // yuan
            session.Execute(
                "INSERT INTO lp_staffing (organisation_id, year, has_lp_department, lp_department_name,"
                " fulltime_lp_cadres, parttime_lp_cadres, authorised_posts, budget_planned_fen, "
                "budget_spent_fen,"
                " notes, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, '', $10, $10)",
                id_by_code.at(division.code), year, department ? 1 : 0,
                department ? (city ? "经济技术和劳动保护部" : "劳动保护部") : "",
                (city ? 4 : 1) + staffing_serial % 3, 1 + staffing_serial % 4,
                (city ? 6 : 2) + staffing_serial % 2, planned * 100,
                year == 2025 ? planned * 100 * (80 + staffing_serial % 19) / 100 : planned * 100 / 4, now);
        }
    }
}

// Unions that take in small enterprises, so the uncovered-enterprise list has candidates to suggest: a
// regional federation in every county of 南京市 and a joint base union in every third township, which then
// covers the township's enterprises recorded as covered by a joint base union.
void AddDemoCandidateUnions(db::Session& session, const std::vector<Division>& divisions,
                            const std::map<std::string, std::int64_t>& id_by_code, std::int64_t now,
                            DemoReport& report) {
    int township_index = 0;
    for (const Division& division : divisions) {
        if (division.code.rfind("3201", 0) != 0 || (division.level != 3 && division.level != 4)) continue;
        const std::int64_t parent = id_by_code.at(division.code);
        if (division.level == 3) {
            organisations::OrganisationService::Insert(
                session,
                {parent, division.name + "商贸区域工会联合会", "R" + division.code, "REGIONAL_FED", 4,
                 division.code},
                now);
            ++report.organisations;
            continue;
        }
        if (++township_index % 3 != 1) continue;
        const std::int64_t joint = organisations::OrganisationService::Insert(
            session,
            {parent, division.name + "小微企业联合工会", "J" + division.code, "JOINT_BASE_UNION", 5,
             division.code},
            now);
        ++report.organisations;
        session.Execute(
            "UPDATE union_coverage SET union_organisation_id = $1 WHERE union_organisation_id = $2 AND "
            "coverage_type = 'JOINT_BASE_UNION' AND until_date IS NULL",
            joint, parent);
    }
}

// A few inspections (监督检查) in 玄武区 and 秦淮区: the first enterprise of the first townships, one per
// township, cycling through planned, in progress (half answered), closed (answered, signed, followed up) and
// cancelled, on library checklists, with the county's or township's active inspectors as the team.
void AddDemoInspections(db::Session& session, const std::vector<Division>& divisions,
                        const std::map<std::string, std::int64_t>& id_by_code, std::int64_t now) {
    constexpr const char* kStatuses[] = {"PLANNED", "IN_PROGRESS", "CLOSED",
                                         "PLANNED", "CLOSED",      "CANCELLED"};
    constexpr const char* kChecklists[] = {"LP-STATUTORY",   "SEASON-SUMMER", "SEASON-FLOOD",
                                           "SEASON-HOLIDAY", "LP-STATUTORY",  "SEASON-RESUMPTION"};
    constexpr const char* kModes[] = {"UNION_INDEPENDENT", "SPECIAL_CAMPAIGN",  "JOINT_WITH_AUTHORITY",
                                      "SPECIAL_CAMPAIGN",  "COMMITTEE_ROUTINE", "SPOT_CHECK"};
    constexpr const char* kTopics[] = {"年度劳动保护监督检查", "夏季防暑降温专项检查", "汛前安全检查",
                                       "节前安全检查",         "委员会例行检查",       "复工复产安全检查"};
    int serial = 0;
    for (const std::string county : {"320102", "320104"}) {
        int townships = 0;
        for (const Division& division : divisions) {
            if (division.level != 4 || division.parent_code != county || ++townships > 3) continue;
            const std::int64_t township = id_by_code.at(division.code);
            const db::Result enterprise = session.Query(
                "SELECT id FROM enterprises WHERE organisation_id = $1 ORDER BY id LIMIT 1", township);
            if (enterprise.Empty()) continue;
            const int index = serial++ % 6;
            const std::string status = kStatuses[index];
            const std::int64_t version_id =
                session
                    .Query(
                        "SELECT v.id FROM checklist_versions v JOIN checklist_templates t ON t.id = "
                        "v.template_id"
                        " WHERE t.organisation_id IS NULL AND t.code = $1 AND v.version = t.current_version",
                        kChecklists[index])
                    .Front()
                    .GetInt64(0);
            const auto version = inspections::ChecklistService::LoadVersion(session, version_id);
            char planned_buffer[16];
            std::snprintf(planned_buffer, sizeof planned_buffer, "2026-%02d-%02d",
                          status == "PLANNED" ? 12 : 5 + index, status == "PLANNED" ? 2 + index : 18);
            const std::string planned = planned_buffer;
            const bool started = status == "IN_PROGRESS" || status == "CLOSED";
            const std::int64_t id =
                session
                    .Query(
                        "INSERT INTO inspections (organisation_id, enterprise_id, mode, authority_name, "
                        "topic,"
                        " planned_date, checklist_version_id, status, item_count, max_score, summary, "
                        "started_at,"
                        " findings_recorded_at, signed_at, closed_at, signatory_name, cancel_reason,"
                        " status_changed_at, created_at, updated_at)"
                        " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13, $13, $14, "
                        "$15, $16,"
                        " $16, $16) RETURNING id",
                        township, enterprise.Front().GetInt64(0), kModes[index],
                        std::string(kModes[index]) == "JOINT_WITH_AUTHORITY"
                            ? division.name + "应急管理办公室"
                            : std::string(),
                        kTopics[index], planned, version_id, status, version->ItemCount(),
                        version->MaxScore(),
                        status == "CLOSED" ? "现场检查发现一项不合格，已当场整改并复查。" : "",
                        started ? std::optional<std::int64_t>(now) : std::nullopt,
                        status == "CLOSED" ? std::optional<std::int64_t>(now) : std::nullopt,
                        status == "CLOSED" ? "企业负责人" : "",
                        status == "CANCELLED" ? "企业停产检修，改期检查" : "", now)
                    .Front()
                    .GetInt64(0);
            std::string code = std::to_string(id);
            code.insert(0, code.size() < 6 ? 6 - code.size() : 0, '0');
            session.Execute("UPDATE inspections SET code = $1 WHERE id = $2",
                            "JC" + planned.substr(0, 4) + "-" + code, id);
            // The team: active inspectors of the township first, then of the rest of the county.
            int position = 0;
            for (const db::Row inspector : session.Query(
                     "SELECT i.id, i.name FROM lp_inspectors i JOIN organisations h ON h.id = "
                     "i.home_organisation_id"
                     " JOIN organisations c ON c.id = $2 WHERE i.status IN ('ACTIVE', 'APPOINTED')"
                     " AND substr(h.path, 1, length(c.path)) = c.path"
                     " ORDER BY CASE WHEN i.home_organisation_id = $1 THEN 0 ELSE 1 END, i.id LIMIT 3",
                     township, id_by_code.at(county))) {
                session.Execute(
                    "INSERT INTO inspection_team (inspection_id, position, inspector_id, name) VALUES ($1, "
                    "$2, $3, $4)",
                    id, ++position, inspector.GetInt64(0), inspector.GetString(1));
            }
            session.Execute(
                "INSERT INTO inspection_team (inspection_id, position, inspector_id, name) VALUES ($1, $2, "
                "NULL, $3)",
                id, ++position, "企业安全员");
            // Answers: all items when closed, the first half when in progress; one FAIL.
            std::int64_t answered = 0, failed = 0, score = 0, max_score = version->MaxScore();
            if (started) {
                std::int64_t item_index = 0;
                const std::int64_t limit =
                    status == "CLOSED" ? version->ItemCount() : version->ItemCount() / 2;
                for (const auto& section : version->sections) {
                    for (const auto& item : section.items) {
                        if (item_index++ >= limit) break;
                        const std::string result = item_index == 2 ? "FAIL" : "PASS";
                        session.Execute(
                            "INSERT INTO inspection_answers (inspection_id, item_code, result, note, "
                            "updated_at)"
                            " VALUES ($1, $2, $3, $4, $5)",
                            id, item.code, result, result == "FAIL" ? "现场发现问题，已要求整改" : "", now);
                        ++answered;
                        failed += result == "FAIL" ? 1 : 0;
                        score += result == "PASS" ? item.max_score : 0;
                    }
                }
            }
            session.Execute(
                "UPDATE inspections SET answered_count = $1, failed_count = $2, score = $3, max_score = $4 "
                "WHERE id = "
                "$5",
                answered, failed, score, max_score, id);
            std::vector<std::pair<std::string, std::string>> events{{"PLAN", "PLANNED"}};
            if (started) events.emplace_back("START", "IN_PROGRESS");
            if (status == "CLOSED") {
                for (const auto& step :
                     {std::pair<std::string, std::string>{"RECORD_FINDINGS", "FINDINGS_RECORDED"},
                      {"ACKNOWLEDGE", "ACKNOWLEDGED"},
                      {"FOLLOW_UP", "FOLLOW_UP"},
                      {"CLOSE", "CLOSED"}})
                    events.push_back(step);
            }
            if (status == "CANCELLED") events.emplace_back("CANCEL", "CANCELLED");
            std::string from;
            for (const auto& [event, to] : events) {
                session.Execute(
                    "INSERT INTO inspection_events (inspection_id, event, from_status, to_status, comment, "
                    "created_at)"
                    " VALUES ($1, $2, $3, $4, '', $5)",
                    id, event, from, to, now);
                from = to;
            }
        }
    }
}

}  // namespace

DemoReport CreateDemoData(db::Database& database, const Clock& clock, auth::PasswordHashCost hash_cost) {
    DemoReport report;
    const bool present = database.Read([](db::Session& session) {
        return !session.Query("SELECT 1 FROM organisations WHERE code = '320000'").Empty();
    });
    if (present) return report;

    const std::vector<Division> divisions = ParseDivisions();
    // Demo accounts share one password; one hash keeps `demo` fast even with the interactive argon2id cost.
    const std::string password_hash = auth::HashPassword(kDemoPassword, hash_cost);
    const std::int64_t now = clock.Now();

    database.Write([&](db::Session& session) {
        const db::Result root =
            session.Query("SELECT id FROM organisations WHERE parent_id IS NULL ORDER BY id LIMIT 1");
        if (root.Empty()) throw std::runtime_error("the database is not bootstrapped (no root organisation)");
        const std::int64_t root_id = root.Front().GetInt64(0);
        std::map<std::string, std::int64_t> id_by_code;
        for (const Division& division : divisions) {
            if (division.level == 1) {
                session.Execute(
                    "UPDATE organisations SET name = $1, code = $2, admin_division_code = $2, updated_at = "
                    "$3 WHERE id = $4",
                    UnionName(division), division.code, now, root_id);
                id_by_code[division.code] = root_id;
                continue;
            }
            const auto parent = id_by_code.find(division.parent_code);
            if (parent == id_by_code.end()) continue;  // a division whose parent the package does not list
            id_by_code[division.code] = organisations::OrganisationService::Insert(
                session,
                {parent->second, UnionName(division), division.code, OrgType(division.level), division.level,
                 division.code},
                now);
            ++report.organisations;
        }

        auto add_user = [&](const std::string& username, const std::string& display_name,
                            std::int64_t organisation_id, const std::string& role_code,
                            const std::string& phone) {
            const std::int64_t id = session
                                        .Query(
                                            "INSERT INTO users (username, display_name, password_hash, "
                                            "organisation_id, phone, email, status, "
                                            "must_change_password, created_at, updated_at) VALUES ($1, $2, "
                                            "$3, $4, $5, $6, 'ACTIVE', 0, $7, $7) "
                                            "RETURNING id",
                                            username, display_name, password_hash, organisation_id, phone,
                                            username + "@demo.ankang.local", now)
                                        .Front()
                                        .GetInt64(0);
            session.Execute(
                "INSERT INTO user_roles (user_id, role_id) SELECT $1, id FROM roles WHERE code = $2", id,
                role_code);
            ++report.users;
        };
        for (const DemoAccount& account : kAccounts) {
            add_user(account.username, account.display_name, id_by_code.at(account.organisation_code),
                     account.role_code, account.phone);
        }
        // Staff of the Nanjing counties and their townships: deterministic names, a couple per organisation.
        int serial = 0;
        for (const Division& division : divisions) {
            if (division.code.rfind("3201", 0) != 0 || division.level < 3 || serial >= 60) continue;
            const std::string name = std::string(kSurnames[serial % 16]) + kGivenNames[(serial * 7) % 20];
            char username[32];
            std::snprintf(username, sizeof username, "staff%03d", serial + 1);
            char phone[24];
            std::snprintf(phone, sizeof phone, "1380000%04d", serial + 1);
            add_user(username, name, id_by_code.at(division.code), "LP_CADRE", phone);
            ++serial;
        }
        int enterprise_serial = 0;
        for (const Division& division : divisions) {
            if (division.level == 4 && division.code.rfind("3201", 0) == 0) {
                report.enterprises += AddDemoEnterprises(session, id_by_code.at(division.code), division.code,
                                                         enterprise_serial, now);
            }
        }
        // The other cities: the first township of every county, so the provincial dashboard compares cities
        // (their year of history comes with statistics::AddDemoHistory).
        std::map<std::string, std::string> city_names;
        std::set<std::string> counties_with_enterprises;
        for (const Division& division : divisions) {
            if (division.level == 2)
                city_names[division.code] = division.name.substr(0, division.name.find("市"));
        }
        for (const Division& division : divisions) {
            if (division.level != 4 || division.code.rfind("3201", 0) == 0) continue;
            if (!counties_with_enterprises.insert(division.parent_code).second) continue;
            report.enterprises +=
                AddDemoEnterprises(session, id_by_code.at(division.code), division.code, enterprise_serial,
                                   now, city_names[division.code.substr(0, 4) + "00"]);
        }
        AddDemoCandidateUnions(session, divisions, id_by_code, now, report);
        AddDemoNetwork(session, divisions, id_by_code, now, report);
        report.hazards = hazards::AddDemoHazards(session, now);
        report.documents = documents::AddDemoDocuments(session, now);
        report.worker_reports = reports::AddDemoReports(session, now);
        const statistics::DemoHistory history = statistics::AddDemoHistory(session, now);
        report.history_hazards = history.hazards;
        report.history_reports = history.worker_reports;
        AddDemoInspections(session, divisions, id_by_code, now);
        RequestContext system_context;
        system_context.request_id = "demo";
        auth::RecordAudit(
            session, system_context,
            {"demo", "organisation", std::to_string(root_id), std::nullopt,
             R"({"created":"demo province 江苏省 with cities, counties, townships and demo accounts"})",
             session.Query("SELECT path FROM organisations WHERE id = $1", root_id).Front().GetString(0)},
            now);
    });
    report.created = true;
    return report;
}

}  // namespace app::demo
