#include "app/demo_data.hpp"

#include <map>
#include <sstream>
#include <vector>

#include "auth/audit.hpp"
#include "organisations/credit_code.hpp"
#include "organisations/organisation_service.hpp"

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
                       int& serial, std::int64_t now) {
    int added = 0;
    const int count = 6 + serial % 7;
    for (int index = 0; index < count; ++index) {
        ++serial;
        char body[32];
        std::snprintf(body, sizeof body, "91%sMA%07d", township_code.substr(0, 6).c_str(), serial);
        const std::string seventeen(body, 17);
        const std::string code = seventeen + organisations::CreditCodeCheckCharacter(seventeen);
        const int trade = serial % 12;
        const std::string name = std::string("南京") + kPlaceWords[serial % 10] + kTradeNames[trade] +
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
                    std::string("南京市") + kPlaceWords[serial % 10] + "路" +
                        std::to_string(serial % 300 + 1) + "号",
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
            char phone[16];
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
