#include "organisations/enterprise_rules.hpp"

#include <algorithm>

#include "core/calendar_date.hpp"
#include "organisations/credit_code.hpp"

namespace app::organisations {
namespace {

bool AllDigits(std::string_view text) {
    return std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

const LocalizedText& OrganisationOutOfScopeMessage() {
    static const LocalizedText message{"组织不存在或不在您的管理范围内",
                                       "The organisation does not exist or is outside your scope"};
    return message;
}

bool DivisionInSection(std::string_view division, std::string_view section) {
    if (division.size() != 2 || !AllDigits(division) || section.size() != 1) return false;
    struct Range {
        char section;
        int first;
        int last;
    };
    static constexpr Range kRanges[] = {{'A', 1, 5},   {'B', 6, 12},  {'C', 13, 43}, {'D', 44, 46},
                                        {'E', 47, 50}, {'F', 51, 52}, {'G', 53, 60}, {'H', 61, 62},
                                        {'I', 63, 65}, {'J', 66, 69}, {'K', 70, 70}, {'L', 71, 72},
                                        {'M', 73, 75}, {'N', 76, 79}, {'O', 80, 82}, {'P', 83, 83},
                                        {'Q', 84, 85}, {'R', 86, 90}, {'S', 91, 96}, {'T', 97, 97}};
    const int number = (division[0] - '0') * 10 + (division[1] - '0');
    for (const Range& range : kRanges) {
        if (range.section == section[0]) return number >= range.first && number <= range.last;
    }
    return false;
}

bool IsValidDate(std::string_view date) {
    const auto parsed = dates::ParseDate(date);
    return parsed && dates::YearOf(*parsed) <= 2199;
}

Error::FieldErrors CheckEnterpriseInput(const EnterpriseInput& input, const EnterpriseReferences& references,
                                        std::string& canonical_code) {
    Error::FieldErrors errors;
    const CreditCodeCheck code = CheckCreditCode(input.credit_code);
    if (code.problem) {
        errors.emplace("creditCode", *code.problem);
    } else {
        canonical_code = *code.code;
    }
    if (!references.OrganisationInScope(input.organisation_id)) {
        errors.emplace("organisationId", OrganisationOutOfScopeMessage());
    }
    if (!references.InDictionary("industry_section", input.industry_section)) {
        errors.emplace("industrySection",
                       LocalizedText{"请选择行业门类（A–T）", "Choose an industry section (A–T)"});
    } else if (!input.industry_division.empty() &&
               !DivisionInSection(input.industry_division, input.industry_section)) {
        errors.emplace(
            "industryDivision",
            LocalizedText{"行业大类不属于所选门类", "The division does not belong to the chosen section"});
    }
    if (!references.InDictionary("economic_component", input.economic_component)) {
        errors.emplace("economicComponent", LocalizedText{"请选择经济成分", "Choose an economic component"});
    }
    if (!references.InDictionary("size_class", input.size_class)) {
        errors.emplace("sizeClass", LocalizedText{"请选择企业规模", "Choose a size class"});
    }
    if (!input.registration_type.empty() &&
        (input.registration_type.size() != 3 || !AllDigits(input.registration_type))) {
        errors.emplace("registrationType",
                       LocalizedText{"登记注册类型为 3 位数字", "The registration type has 3 digits"});
    }
    const std::size_t division_length = input.admin_division_code.size();
    if (!input.admin_division_code.empty() &&
        ((division_length != 6 && division_length != 9 && division_length != 12) ||
         !AllDigits(input.admin_division_code))) {
        errors.emplace("adminDivisionCode", LocalizedText{"行政区划代码为 6、9 或 12 位数字",
                                                          "The division code has 6, 9 or 12 digits"});
    }
    if (input.status != "ACTIVE" && input.status != "CLOSED") {
        errors.emplace("status",
                       LocalizedText{"状态只能是 ACTIVE 或 CLOSED", "Status must be ACTIVE or CLOSED"});
    }
    return errors;
}

}  // namespace app::organisations
