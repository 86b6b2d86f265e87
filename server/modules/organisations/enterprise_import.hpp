#pragma once

#include <array>
#include <boost/json/array.hpp>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/csv.hpp"
#include "core/error.hpp"
#include "organisations/enterprise.hpp"
#include "organisations/enterprise_rules.hpp"

namespace app::organisations {

// The pure part of the enterprise import (no database): the columns of the file, the header row, turning
// dictionary labels into codes, and judging a row by exactly the rules of a single create (the JSON field
// rules of ReadEnterpriseInput, then CheckEnterpriseInput). enterprise_import_service.cpp writes; the fuzzer
// server/fuzz/enterprise_csv_fuzzer.cpp drives everything here.

enum class ImportColumn {
    kCreditCode,
    kName,
    kOrganisation,
    kIndustrySection,
    kIndustryDivision,
    kEconomicComponent,
    kRegistrationType,
    kSizeClass,
    kHeadcount,
    kAddress,
    kAdminDivisionCode,
    kStatus,
    kCoverageType,
    kCoverageUnion,
    kCoverageSince,
};
inline constexpr std::size_t kImportColumnCount = 15;

enum class ColumnPresence { kRequired, kOptional };

struct ImportColumnInfo {
    ImportColumn column;
    std::string_view key;       // the JSON key of a posted row; also accepted as an English header
    std::string_view label_zh;  // the template's header
    std::string_view label_en;
    ColumnPresence presence;
    std::string_view example;               // the template's example row
    std::vector<std::string_view> aliases;  // other headers seen in real spreadsheets
};

// Every column, in template order.
const std::vector<ImportColumnInfo>& ImportColumns();
const ImportColumnInfo& InfoOf(ImportColumn column);

// One data row. A cell is nullopt when the file has no such column (an existing enterprise keeps its stored
// value; a new one gets the default) and "" when the cell is empty (the value is cleared, as in the form).
struct ImportRow {
    std::int64_t row_number = 0;  // as the spreadsheet shows it: the header is row 1
    std::array<std::optional<std::string>, kImportColumnCount> cells;

    const std::optional<std::string>& Cell(ImportColumn column) const {
        return cells[static_cast<std::size_t>(column)];
    }
};

// One problem of one row, in one column.
struct ImportIssue {
    std::int64_t row_number = 0;
    ImportColumn column = ImportColumn::kCreditCode;
    LocalizedText message;
};

// Where each column is in a CSV file, from its header row: Chinese labels, English labels, JSON keys or
// aliases; spaces, a trailing "*" (required marker) and full-width brackets do not matter. Columns nobody
// knows (序号, 备注 …) are ignored and listed. A missing required column or a column named twice refuses the
// file (field "file").
class ImportHeader {
public:
    static ImportHeader FromCsv(const std::vector<std::string>& header);
    ImportRow RowFrom(std::int64_t row_number, const std::vector<std::string>& fields) const;
    const std::vector<std::string>& IgnoredColumns() const { return ignored_; }

private:
    std::array<int, kImportColumnCount> positions_{};
    std::vector<std::string> ignored_;
};

// The column a header text names, if any (the same matching as FromCsv).
std::optional<ImportColumn> ColumnForHeader(std::string_view header);

// Rows posted as JSON by the browser (which parsed an .xlsx): [{"rowNumber"?: n, "<key>": text or number}].
// Keys are the columns' keys or any header ImportHeader accepts. At most max_rows rows (400 otherwise).
std::vector<ImportRow> ReadJsonImportRows(const boost::json::array& rows, std::size_t max_rows);

// An organisation the importer may name: one in the caller's scope.
struct ImportOrganisation {
    std::int64_t id = 0;
    std::string code;
    std::string name;
    std::string path;
};

// Answers the rules' questions from tables loaded once per import: enabled dictionary items (matched by code,
// Chinese label, English label and common short forms) and the organisations in the caller's scope (matched
// by code or, when unique, by name). Organisations outside the scope are never added, so a row naming one
// gets the same message as a row naming one that does not exist.
class ImportReferences final : public EnterpriseReferences {
public:
    void AddDictionaryItem(const std::string& dictionary, const std::string& code, const std::string& label,
                           const std::string& label_en);
    void AddOrganisation(const ImportOrganisation& organisation);

    // The code for a cell's text: a code itself, a label, or a known short form; nullopt when none.
    std::optional<std::string> DictionaryCode(const std::string& dictionary, std::string_view text) const;
    enum class OrganisationMatch { kFound, kNotFound, kAmbiguousName };
    OrganisationMatch FindOrganisation(std::string_view text, std::int64_t& id) const;

    bool InDictionary(std::string_view dictionary, std::string_view code) const override;
    bool OrganisationInScope(std::int64_t organisation_id) const override;

private:
    // dictionary → normalised code/label → code
    std::map<std::string, std::unordered_map<std::string, std::string>, std::less<>> dictionaries_;
    std::unordered_map<std::string, std::int64_t> organisation_by_code_;
    std::unordered_map<std::string, std::int64_t> organisation_by_name_;  // -1: several share the name
    std::unordered_map<std::int64_t, bool> organisations_in_scope_;
};

// A coverage change asked for by a row (建会方式 / 覆盖工会 / 建会日期).
struct ImportedCoverage {
    std::string coverage_type;
    std::optional<std::int64_t> union_organisation_id;
    std::string since;  // YYYY-MM-DD; the import's date when the cell is empty
};

// A row that passed every rule.
struct ImportedEnterprise {
    std::int64_t row_number = 0;
    EnterpriseInput input;                           // credit_code canonical
    std::array<bool, kImportColumnCount> present{};  // which cells the row has (nullopt = keep stored)
    std::optional<ImportedCoverage> coverage;
};

// Judges one row. On success returns the enterprise; otherwise appends one issue per bad column.
// `today` (YYYY-MM-DD) is the coverage start when the row gives none.
std::optional<ImportedEnterprise> ConvertImportRow(const ImportRow& row, const ImportReferences& references,
                                                   const std::string& today,
                                                   std::vector<ImportIssue>& issues);

// For an enterprise that exists: the stored value of every column the row does not have, then the rules
// again (a stored division may not fit a new section). Returns the problems, empty when the merge is valid.
std::vector<ImportIssue> MergeWithStored(ImportedEnterprise& imported, const Enterprise& stored,
                                         const ImportReferences& references);

// Whether the stored enterprise already has every value of the input.
bool SameAsStored(const EnterpriseInput& input, const Enterprise& stored);

// The column a field name of the rules or of ReadEnterpriseInput belongs to.
ImportColumn ColumnOfField(std::string_view field);

// The header row and one example row of the template, as CSV (UTF-8 with a BOM so Excel opens it as such).
std::string ImportTemplateCsv();

}  // namespace app::organisations
