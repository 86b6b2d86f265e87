#include "organisations/enterprise_import.hpp"

#include <algorithm>
#include <cstdio>

#include "core/text.hpp"
#include "http/json.hpp"
#include "organisations/enterprise_json.hpp"

namespace app::organisations {
namespace {

// Header and label matching ignores what people vary without meaning anything: spaces (ASCII and
// full-width), a required marker "*", a unit in brackets ("职工人数（人）"), ASCII case, '_' and '-'.
std::string NormaliseLabel(std::string_view text) {
    std::string trimmed = text::Trim(text);
    // Cut a trailing bracketed part, ASCII or full-width.
    for (const std::string_view open : {std::string_view("("), std::string_view("\xEF\xBC\x88")}) {
        const auto at = trimmed.find(open);
        if (at != std::string::npos && at > 0) trimmed.erase(at);
    }
    std::string out;
    out.reserve(trimmed.size());
    for (std::size_t i = 0; i < trimmed.size(); ++i) {
        const char c = trimmed[i];
        if (trimmed.compare(i, 3, "\xE3\x80\x80") == 0) {  // full-width space
            i += 2;
            continue;
        }
        if (trimmed.compare(i, 3, "\xEF\xBC\x8A") == 0) {  // full-width asterisk
            i += 2;
            continue;
        }
        if (c == ' ' || c == '\t' || c == '*' || c == '_' || c == '-') continue;
        out.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c));
    }
    return out;
}

bool AllDigits(std::string_view text) {
    return !text.empty() &&
           std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Text quoted in a message: at most 20 characters, so a message stays short whatever the cell holds.
std::string Shown(std::string_view text) {
    std::string out;
    std::size_t characters = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto byte = static_cast<unsigned char>(text[i]);
        if ((byte & 0xC0) != 0x80 && ++characters > 20) return out + "…";
        out.push_back(text[i]);
    }
    return out;
}

const std::unordered_map<std::string_view, ImportColumn>& ColumnByField() {
    static const std::unordered_map<std::string_view, ImportColumn> map{
        {"creditCode", ImportColumn::kCreditCode},
        {"name", ImportColumn::kName},
        {"organisationId", ImportColumn::kOrganisation},
        {"industrySection", ImportColumn::kIndustrySection},
        {"industryDivision", ImportColumn::kIndustryDivision},
        {"economicComponent", ImportColumn::kEconomicComponent},
        {"registrationType", ImportColumn::kRegistrationType},
        {"sizeClass", ImportColumn::kSizeClass},
        {"headcount", ImportColumn::kHeadcount},
        {"address", ImportColumn::kAddress},
        {"adminDivisionCode", ImportColumn::kAdminDivisionCode},
        {"status", ImportColumn::kStatus},
    };
    return map;
}

const std::unordered_map<std::string, ImportColumn>& ColumnByNormalisedHeader() {
    static const std::unordered_map<std::string, ImportColumn> map = [] {
        std::unordered_map<std::string, ImportColumn> built;
        for (const ImportColumnInfo& info : ImportColumns()) {
            built.emplace(NormaliseLabel(info.key), info.column);
            built.emplace(NormaliseLabel(info.label_zh), info.column);
            built.emplace(NormaliseLabel(info.label_en), info.column);
            for (std::string_view alias : info.aliases) built.emplace(NormaliseLabel(alias), info.column);
        }
        return built;
    }();
    return map;
}

// Problems of one row, one per column: the first found wins (the most specific comes first).
class RowIssues {
public:
    void Add(ImportColumn column, LocalizedText message) {
        const auto index = static_cast<std::size_t>(column);
        if (!messages_[index]) messages_[index] = std::move(message);
    }
    void AddFields(const Error::FieldErrors& fields) {
        for (const auto& [field, message] : fields) Add(ColumnOfField(field), message);
    }
    bool Empty() const {
        return std::none_of(messages_.begin(), messages_.end(), [](const auto& m) { return m.has_value(); });
    }
    void AppendTo(std::int64_t row_number, std::vector<ImportIssue>& issues) {
        for (std::size_t index = 0; index < kImportColumnCount; ++index) {
            if (messages_[index])
                issues.push_back(
                    {row_number, static_cast<ImportColumn>(index), std::move(*messages_[index])});
        }
    }

private:
    std::array<std::optional<LocalizedText>, kImportColumnCount> messages_;
};

// A date as spreadsheets write it (2024-03-01, 2024/3/1, 2024.3.1) in the form the rules take.
std::string NormaliseDate(std::string_view text) {
    int year = 0, month = 0, day = 0;
    char first = 0, second = 0;
    char rest = 0;
    const std::string copy(text);
    if (std::sscanf(copy.c_str(), "%4d%c%2d%c%2d%c", &year, &first, &month, &second, &day, &rest) == 5 &&
        first == second && (first == '-' || first == '/' || first == '.')) {
        char buffer[16];
        std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day);
        return buffer;
    }
    return copy;
}

}  // namespace

const std::vector<ImportColumnInfo>& ImportColumns() {
    using C = ImportColumn;
    static const std::vector<ImportColumnInfo> columns{
        {C::kCreditCode,
         "creditCode",
         "统一社会信用代码",
         "Credit code",
         ColumnPresence::kRequired,
         "91320102MA1W9K5T33",
         {"信用代码", "社会信用代码", "统一代码", "uscc", "unified social credit code"}},
        {C::kName,
         "name",
         "企业名称",
         "Name",
         ColumnPresence::kRequired,
         "南京示例机械有限公司",
         {"名称", "单位名称", "企业", "enterprise", "enterprise name"}},
        {C::kOrganisation,
         "organisation",
         "所属工会组织",
         "Organisation",
         ColumnPresence::kRequired,
         "320102003",
         {"所属工会", "所属组织", "所属区域工会", "工会组织", "organization", "organisation code",
          "territorial union"}},
        {C::kIndustrySection,
         "industrySection",
         "行业门类",
         "Industry section",
         ColumnPresence::kRequired,
         "制造业",
         {"门类", "section"}},
        {C::kIndustryDivision,
         "industryDivision",
         "行业大类",
         "Industry division",
         ColumnPresence::kOptional,
         "34",
         {"大类", "division"}},
        {C::kEconomicComponent,
         "economicComponent",
         "经济成分",
         "Economic component",
         ColumnPresence::kRequired,
         "私有经济",
         {"经济类型", "economic type"}},
        {C::kRegistrationType,
         "registrationType",
         "登记注册类型",
         "Registration type",
         ColumnPresence::kOptional,
         "私营有限责任公司",
         {"注册类型", "登记类型"}},
        {C::kSizeClass,
         "sizeClass",
         "规模",
         "Size class",
         ColumnPresence::kRequired,
         "小型",
         {"企业规模", "size"}},
        {C::kHeadcount,
         "headcount",
         "职工人数",
         "Headcount",
         ColumnPresence::kRequired,
         "85",
         {"职工数", "人数", "从业人员", "从业人数", "employees", "workers"}},
        {C::kAddress,
         "address",
         "地址",
         "Address",
         ColumnPresence::kOptional,
         "南京市玄武区中山路 1 号",
         {"企业地址", "注册地址", "详细地址"}},
        {C::kAdminDivisionCode,
         "adminDivisionCode",
         "行政区划代码",
         "Division code",
         ColumnPresence::kOptional,
         "320102",
         {"区划代码", "行政区划", "admin division code"}},
        {C::kStatus, "status", "状态", "Status", ColumnPresence::kOptional, "正常", {"经营状态", "企业状态"}},
        {C::kCoverageType,
         "coverageType",
         "建会方式",
         "Coverage type",
         ColumnPresence::kOptional,
         "联合基层工会",
         {"覆盖方式", "建会覆盖方式"}},
        {C::kCoverageUnion,
         "coverageUnion",
         "覆盖工会",
         "Covering union",
         ColumnPresence::kOptional,
         "320102003",
         {"建会工会", "覆盖工会组织", "union"}},
        {C::kCoverageSince,
         "coverageSince",
         "建会日期",
         "Coverage since",
         ColumnPresence::kOptional,
         "2026-01-01",
         {"建会时间", "覆盖起始日期", "since"}},
    };
    return columns;
}

const ImportColumnInfo& InfoOf(ImportColumn column) {
    return ImportColumns()[static_cast<std::size_t>(column)];
}

std::optional<ImportColumn> ColumnForHeader(std::string_view header) {
    const auto& map = ColumnByNormalisedHeader();
    const auto found = map.find(NormaliseLabel(header));
    if (found == map.end()) return std::nullopt;
    return found->second;
}

ImportColumn ColumnOfField(std::string_view field) {
    const auto& map = ColumnByField();
    const auto found = map.find(field);
    return found == map.end() ? ImportColumn::kCreditCode : found->second;
}

ImportHeader ImportHeader::FromCsv(const std::vector<std::string>& header) {
    ImportHeader result;
    result.positions_.fill(-1);
    for (std::size_t index = 0; index < header.size(); ++index) {
        const auto column = ColumnForHeader(header[index]);
        if (!column) {
            if (!text::Trim(header[index]).empty()) result.ignored_.push_back(text::Trim(header[index]));
            continue;
        }
        int& position = result.positions_[static_cast<std::size_t>(*column)];
        if (position >= 0) {
            throw Error::InvalidField(
                "file",
                {"表头第 1 行中「" + std::string(InfoOf(*column).label_zh) + "」列出现了两次",
                 "The header names the column \"" + std::string(InfoOf(*column).label_en) + "\" twice"});
        }
        position = static_cast<int>(index);
    }
    std::string missing_zh;
    std::string missing_en;
    for (const ImportColumnInfo& info : ImportColumns()) {
        if (info.presence == ColumnPresence::kRequired &&
            result.positions_[static_cast<std::size_t>(info.column)] < 0) {
            missing_zh += (missing_zh.empty() ? "" : "、") + std::string(info.label_zh);
            missing_en += (missing_en.empty() ? "" : ", ") + std::string(info.label_en);
        }
    }
    if (!missing_zh.empty()) {
        throw Error::InvalidField("file", {"第 1 行（表头）缺少必需的列：" + missing_zh + "。请使用导入模板",
                                           "Row 1 (header) lacks required columns: " + missing_en +
                                               ". Please use the import template"});
    }
    return result;
}

ImportRow ImportHeader::RowFrom(std::int64_t row_number, const std::vector<std::string>& fields) const {
    ImportRow row;
    row.row_number = row_number;
    for (std::size_t column = 0; column < kImportColumnCount; ++column) {
        const int position = positions_[column];
        if (position < 0) continue;
        // A short row (trailing empty cells left out) has empty cells, not missing columns.
        row.cells[column] = static_cast<std::size_t>(position) < fields.size() ? fields[position] : "";
    }
    return row;
}

std::vector<ImportRow> ReadJsonImportRows(const boost::json::array& rows, std::size_t max_rows) {
    if (rows.size() > max_rows) {
        throw Error::InvalidField(
            "rows", {"一次最多导入 " + std::to_string(max_rows) + " 行，请分批导入",
                     "At most " + std::to_string(max_rows) + " rows per import; split the file"});
    }
    std::vector<ImportRow> result;
    result.reserve(rows.size());
    for (std::size_t index = 0; index < rows.size(); ++index) {
        const auto* object = rows[index].if_object();
        if (!object) {
            throw Error::InvalidField("rows", {"第 " + std::to_string(index + 1) + " 项不是对象",
                                               "Item " + std::to_string(index + 1) + " is not an object"});
        }
        ImportRow row;
        row.row_number = static_cast<std::int64_t>(index) + 2;  // the header is row 1
        for (const auto& [key, value] : *object) {
            if (key == "rowNumber") {
                if (value.is_int64() && value.as_int64() > 0) row.row_number = value.as_int64();
                continue;
            }
            const auto column = ColumnForHeader(key);
            if (!column) continue;
            std::string cell;
            if (value.is_string()) {
                cell = std::string(value.as_string());
            } else if (value.is_int64()) {
                cell = std::to_string(value.as_int64());
            } else if (value.is_uint64()) {
                cell = std::to_string(value.as_uint64());
            } else if (value.is_double()) {
                char buffer[32];
                std::snprintf(buffer, sizeof buffer, "%.15g", value.as_double());
                cell = buffer;
            } else if (value.is_bool()) {
                cell = value.as_bool() ? "true" : "false";
            }  // null: an empty cell
            row.cells[static_cast<std::size_t>(*column)] = std::move(cell);
        }
        result.push_back(std::move(row));
    }
    return result;
}

void ImportReferences::AddDictionaryItem(const std::string& dictionary, const std::string& code,
                                         const std::string& label, const std::string& label_en) {
    auto& items = dictionaries_[dictionary];
    // Codes first and never overwritten by a label, so a label can never shadow another item's code.
    items[NormaliseLabel(code)] = code;
    items.try_emplace(NormaliseLabel(label), code);
    items.try_emplace(NormaliseLabel(label_en), code);
    // 国有经济 → 国有, 私有经济 → 私有: the short form people write.
    static constexpr std::string_view kSuffix = "经济";
    if (label.size() > kSuffix.size() && label.ends_with(kSuffix))
        items.try_emplace(NormaliseLabel(label.substr(0, label.size() - kSuffix.size())), code);
}

void ImportReferences::AddOrganisation(const ImportOrganisation& organisation) {
    organisations_in_scope_[organisation.id] = true;
    organisation_by_code_.emplace(NormaliseLabel(organisation.code), organisation.id);
    const auto [found, inserted] =
        organisation_by_name_.emplace(NormaliseLabel(organisation.name), organisation.id);
    if (!inserted && found->second != organisation.id) found->second = -1;
}

std::optional<std::string> ImportReferences::DictionaryCode(const std::string& dictionary,
                                                            std::string_view text) const {
    const auto items = dictionaries_.find(dictionary);
    if (items == dictionaries_.end()) return std::nullopt;
    const std::string key = NormaliseLabel(text);
    if (const auto found = items->second.find(key); found != items->second.end()) return found->second;
    // Words people use for an item that are neither its code nor its label.
    static const std::map<std::pair<std::string_view, std::string_view>, std::string_view> kShortForms{
        {{"economic_component", "私营"}, "21"},
        {{"economic_component", "民营"}, "21"},
        {{"economic_component", "国营"}, "11"},
        {{"economic_component", "外资"}, "23"},
        {{"economic_component", "外商投资"}, "23"},
        {{"economic_component", "港澳台资"}, "22"},
        {{"size_class", "大"}, "LARGE"},
        {{"size_class", "中"}, "MEDIUM"},
        {{"size_class", "小"}, "SMALL"},
        {{"size_class", "微"}, "MICRO"},
        {{"size_class", "小微"}, "SMALL"},
        {{"union_coverage_type", "无"}, "NONE"},
        {{"union_coverage_type", "已建会"}, "OWN_UNION"},
    };
    const auto short_form = kShortForms.find({std::string_view(dictionary), std::string_view(key)});
    if (short_form == kShortForms.end()) return std::nullopt;
    const std::string code(short_form->second);
    if (items->second.count(NormaliseLabel(code)) == 0) return std::nullopt;  // item disabled or removed
    return code;
}

ImportReferences::OrganisationMatch ImportReferences::FindOrganisation(std::string_view text,
                                                                       std::int64_t& id) const {
    const std::string key = NormaliseLabel(text);
    if (const auto found = organisation_by_code_.find(key); found != organisation_by_code_.end()) {
        id = found->second;
        return OrganisationMatch::kFound;
    }
    if (const auto found = organisation_by_name_.find(key); found != organisation_by_name_.end()) {
        if (found->second < 0) return OrganisationMatch::kAmbiguousName;
        id = found->second;
        return OrganisationMatch::kFound;
    }
    return OrganisationMatch::kNotFound;
}

bool ImportReferences::InDictionary(std::string_view dictionary, std::string_view code) const {
    const auto items = dictionaries_.find(dictionary);
    if (items == dictionaries_.end()) return false;
    // Only an exact code counts here (the rules see codes; labels were translated before).
    const auto found = items->second.find(NormaliseLabel(code));
    return found != items->second.end() && found->second == code;
}

bool ImportReferences::OrganisationInScope(std::int64_t organisation_id) const {
    return organisations_in_scope_.count(organisation_id) > 0;
}

std::optional<ImportedEnterprise> ConvertImportRow(const ImportRow& row, const ImportReferences& references,
                                                   const std::string& today,
                                                   std::vector<ImportIssue>& issues) {
    using C = ImportColumn;
    RowIssues problems;
    ImportedEnterprise imported;
    imported.row_number = row.row_number;
    for (std::size_t column = 0; column < kImportColumnCount; ++column)
        imported.present[column] = row.cells[column].has_value();

    // The body a form would post for this row: labels become codes, the organisation its id.
    boost::json::object body;
    auto text_of = [&](C column) { return text::Trim(row.Cell(column).value_or("")); };
    auto put_text = [&](C column, std::string value) {
        if (!value.empty()) body[InfoOf(column).key] = std::move(value);
    };
    // A status cannot be "cleared": an empty 状态 cell keeps the stored status (a new enterprise is ACTIVE),
    // so re-importing a file with a blank status column never reopens a CLOSED enterprise.
    if (text_of(C::kStatus).empty()) imported.present[static_cast<std::size_t>(C::kStatus)] = false;
    put_text(C::kCreditCode, text_of(C::kCreditCode));
    put_text(C::kName, text_of(C::kName));
    put_text(C::kAddress, text_of(C::kAddress));
    put_text(C::kAdminDivisionCode, text_of(C::kAdminDivisionCode));

    auto translate = [&](C column, const std::string& dictionary, const char* what_zh, const char* what_en) {
        const std::string cell = text_of(column);
        if (cell.empty()) return;
        if (dictionary == "registration_type" && AllDigits(cell)) {
            put_text(column, cell);  // a code; the rules check its form
            return;
        }
        if (auto code = references.DictionaryCode(dictionary, cell)) {
            put_text(column, std::move(*code));
        } else {
            problems.Add(column, {std::string("无法识别的") + what_zh + "：" + Shown(cell),
                                  std::string("Unknown ") + what_en + ": " + Shown(cell)});
        }
    };
    translate(C::kIndustrySection, "industry_section", "行业门类", "industry section");
    translate(C::kEconomicComponent, "economic_component", "经济成分", "economic component");
    translate(C::kRegistrationType, "registration_type", "登记注册类型", "registration type");
    translate(C::kSizeClass, "size_class", "企业规模", "size class");

    std::string division = text_of(C::kIndustryDivision);
    if (division.size() == 3 && division[0] >= 'A' && division[0] <= 'Z') division.erase(0, 1);  // C34
    if (division.size() == 1 && AllDigits(division)) division.insert(0, "0");  // 5 from a number cell
    put_text(C::kIndustryDivision, division);

    const std::string status = text_of(C::kStatus);
    static const std::map<std::string, std::string, std::less<>> kStatusWords{
        {"正常", "ACTIVE"}, {"存续", "ACTIVE"}, {"在营", "ACTIVE"}, {"开业", "ACTIVE"}, {"active", "ACTIVE"},
        {"注销", "CLOSED"}, {"吊销", "CLOSED"}, {"关闭", "CLOSED"}, {"停业", "CLOSED"}, {"closed", "CLOSED"}};
    if (const auto found = kStatusWords.find(NormaliseLabel(status)); found != kStatusWords.end()) {
        put_text(C::kStatus, found->second);
    } else {
        put_text(C::kStatus, status);
    }

    std::string headcount = text_of(C::kHeadcount);
    headcount.erase(std::remove(headcount.begin(), headcount.end(), ','), headcount.end());
    if (const auto dot = headcount.find('.');
        dot != std::string::npos && headcount.find_first_not_of('0', dot + 1) == std::string::npos) {
        headcount.erase(dot);  // 85.0 from a number cell
    }
    if (AllDigits(headcount) && headcount.size() <= 12) {
        body["headcount"] = std::stoll(headcount);
    } else if (!headcount.empty()) {
        problems.Add(C::kHeadcount,
                     {"职工人数应为 0 至 1000000 的整数", "The headcount is a whole number 0–1,000,000"});
    }

    auto find_organisation = [&](C column, const std::string& text) -> std::optional<std::int64_t> {
        std::int64_t id = 0;
        switch (references.FindOrganisation(text, id)) {
            case ImportReferences::OrganisationMatch::kFound:
                return id;
            case ImportReferences::OrganisationMatch::kAmbiguousName:
                problems.Add(column, {"有多个组织叫「" + Shown(text) + "」，请填写组织编码",
                                      "Several organisations are called \"" + Shown(text) +
                                          "\"; give the organisation code"});
                return std::nullopt;
            case ImportReferences::OrganisationMatch::kNotFound:
                problems.Add(column, OrganisationOutOfScopeMessage());
                return std::nullopt;
        }
        return std::nullopt;
    };
    if (const std::string organisation = text_of(C::kOrganisation); !organisation.empty()) {
        if (const auto id = find_organisation(C::kOrganisation, organisation)) body["organisationId"] = *id;
    }

    // The JSON field rules of POST /enterprises, then the rules of EnterpriseService::Check.
    EnterpriseInput input;
    try {
        input = ReadEnterpriseInput(body);
    } catch (const Error& error) {
        problems.AddFields(error.GetFieldErrors());
        // Judge what there is anyway, so the report names every problem of the row at once.
        input.credit_code = text_of(C::kCreditCode);
        input.organisation_id = body.contains("organisationId") ? body["organisationId"].as_int64() : 0;
        for (auto [column, target] : {std::pair{C::kIndustrySection, &input.industry_section},
                                      std::pair{C::kIndustryDivision, &input.industry_division},
                                      std::pair{C::kEconomicComponent, &input.economic_component},
                                      std::pair{C::kRegistrationType, &input.registration_type},
                                      std::pair{C::kSizeClass, &input.size_class},
                                      std::pair{C::kAdminDivisionCode, &input.admin_division_code},
                                      std::pair{C::kStatus, &input.status}}) {
            if (const auto* value = body.if_contains(InfoOf(column).key); value && value->is_string())
                *target = std::string(value->as_string());
        }
    }
    std::string canonical_code;
    problems.AddFields(CheckEnterpriseInput(input, references, canonical_code));

    // Coverage: all three cells empty (or absent) leave the coverage as it is.
    const std::string coverage_type = text_of(C::kCoverageType);
    const std::string coverage_union = text_of(C::kCoverageUnion);
    const std::string coverage_since = text_of(C::kCoverageSince);
    if (!coverage_type.empty() || !coverage_union.empty() || !coverage_since.empty()) {
        ImportedCoverage coverage;
        if (coverage_type.empty()) {
            problems.Add(C::kCoverageType, {"请填写建会方式", "Give the coverage type"});
        } else if (auto code = references.DictionaryCode("union_coverage_type", coverage_type)) {
            coverage.coverage_type = std::move(*code);
        } else {
            problems.Add(C::kCoverageType, {"无法识别的建会方式：" + Shown(coverage_type),
                                            "Unknown coverage type: " + Shown(coverage_type)});
        }
        if (coverage.coverage_type == "NONE" && !coverage_union.empty()) {
            problems.Add(C::kCoverageUnion,
                         {"未建会时不填写覆盖工会", "No covering union when there is none"});
        } else if (!coverage.coverage_type.empty() && coverage.coverage_type != "NONE") {
            if (coverage_union.empty()) {
                problems.Add(C::kCoverageUnion, {"请填写覆盖该企业的工会", "Give the covering union"});
            } else {
                coverage.union_organisation_id = find_organisation(C::kCoverageUnion, coverage_union);
            }
        }
        coverage.since = coverage_since.empty() ? today : NormaliseDate(coverage_since);
        if (!IsValidDate(coverage.since))
            problems.Add(C::kCoverageSince, {"日期格式为 YYYY-MM-DD", "Use a date like 2026-11-29"});
        imported.coverage = std::move(coverage);
    }

    if (!problems.Empty()) {
        problems.AppendTo(row.row_number, issues);
        return std::nullopt;
    }
    input.credit_code = canonical_code;
    imported.input = std::move(input);
    return imported;
}

std::vector<ImportIssue> MergeWithStored(ImportedEnterprise& imported, const Enterprise& stored,
                                         const ImportReferences& references) {
    using C = ImportColumn;
    EnterpriseInput& input = imported.input;
    bool merged = false;
    auto keep = [&](C column, std::string& target, const std::string& value) {
        if (imported.present[static_cast<std::size_t>(column)]) return;
        target = value;
        merged = true;
    };
    keep(C::kIndustryDivision, input.industry_division, stored.industry_division);
    keep(C::kRegistrationType, input.registration_type, stored.registration_type);
    keep(C::kAddress, input.address, stored.address);
    keep(C::kAdminDivisionCode, input.admin_division_code, stored.admin_division_code);
    keep(C::kStatus, input.status, stored.status);
    std::vector<ImportIssue> issues;
    if (!merged) return issues;
    std::string canonical_code;
    RowIssues problems;
    problems.AddFields(CheckEnterpriseInput(input, references, canonical_code));
    problems.AppendTo(imported.row_number, issues);
    return issues;
}

bool SameAsStored(const EnterpriseInput& input, const Enterprise& stored) {
    return input.credit_code == stored.credit_code && input.name == stored.name &&
           input.organisation_id == stored.organisation_id &&
           input.industry_section == stored.industry_section &&
           input.industry_division == stored.industry_division &&
           input.economic_component == stored.economic_component &&
           input.registration_type == stored.registration_type && input.size_class == stored.size_class &&
           input.headcount == stored.headcount && input.address == stored.address &&
           input.admin_division_code == stored.admin_division_code && input.status == stored.status;
}

std::string ImportTemplateCsv() {
    std::string out = "\xEF\xBB\xBF";
    std::vector<std::string> header;
    std::vector<std::string> example;
    for (const ImportColumnInfo& info : ImportColumns()) {
        header.emplace_back(info.label_zh);
        example.emplace_back(info.example);
    }
    csv::AppendRecord(out, header);
    csv::AppendRecord(out, example);
    return out;
}

}  // namespace app::organisations
