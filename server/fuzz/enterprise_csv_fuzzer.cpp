// The enterprise importer's reading of a file: csv::Reader, ImportHeader, ConvertImportRow against fixed
// reference tables (a few dictionary items, three organisations in scope), and csv::AppendRecord.
//
// Input: a CSV file (any bytes). The first line is the header; small reader limits make the limit paths
// reachable.
//
// Invariants (each failure is a finding):
//  - Only app::Error with invalid_input and the field "file" escapes the reader and the header, and its
//    message names a row ("第 N 行" / "Row N").
//  - Row numbers rise strictly and are at least 2 for data rows; every issue names the row being judged.
//  - Every field the reader returns is valid UTF-8 within the field limit, and a record written back with
//    AppendRecord reads back as the same fields (a leading ' added to formula-like fields aside).
//  - A row ConvertImportRow accepts has a canonical credit code that CheckCreditCode accepts unchanged, an
//    organisation in scope, codes that are in their dictionaries, a division inside its section, a headcount
//    of 0–1,000,000 and a name of 2–100 characters; a rejected row has at least one issue.

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "core/csv.hpp"
#include "core/text.hpp"
#include "fuzz_check.hpp"
#include "organisations/credit_code.hpp"
#include "organisations/enterprise_import.hpp"

namespace {

using app::fuzz::Quote;
using namespace app::organisations;

const ImportReferences& References() {
    static const ImportReferences references = [] {
        ImportReferences built;
        built.AddDictionaryItem("industry_section", "C", "制造业", "Manufacturing");
        built.AddDictionaryItem("industry_section", "F", "批发和零售业", "Wholesale and retail trade");
        built.AddDictionaryItem("economic_component", "11", "国有经济", "State-owned");
        built.AddDictionaryItem("economic_component", "21", "私有经济", "Private");
        built.AddDictionaryItem("size_class", "SMALL", "小型", "Small");
        built.AddDictionaryItem("size_class", "MICRO", "微型", "Micro");
        built.AddDictionaryItem("registration_type", "173", "私营有限责任公司",
                                "Private limited liability company");
        built.AddDictionaryItem("union_coverage_type", "NONE", "未建会", "No union");
        built.AddDictionaryItem("union_coverage_type", "OWN_UNION", "独立建会", "Own union");
        built.AddOrganisation({2, "320102", "玄武区总工会", "/00000001/00000002"});
        built.AddOrganisation({3, "320102003", "新街口街道工会", "/00000001/00000002/00000003"});
        built.AddOrganisation(
            {4, "320102004", "新街口街道工会", "/00000001/00000002/00000004"});  // same name
        return built;
    }();
    return references;
}

bool StartsWithRow(const app::Error& error) {
    const auto& fields = error.GetFieldErrors();
    const auto found = fields.find("file");
    return error.GetCode() == app::ErrorCode::kInvalidInput && found != fields.end() &&
           (found->second.zh.rfind("第 ", 0) == 0) && (found->second.en.rfind("Row ", 0) == 0);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    const app::csv::Limits limits{.max_field_bytes = 256, .max_record_bytes = 2048, .max_fields = 32};
    app::csv::Reader reader = app::csv::ReaderOver(input, limits);
    std::vector<std::string> fields;
    std::int64_t last_row = 0;
    std::optional<ImportHeader> header;
    try {
        while (reader.Next(fields)) {
            FUZZ_CHECK(reader.RowNumber() == last_row + 1, "row numbers count records one by one");
            last_row = reader.RowNumber();
            for (const std::string& field : fields) {
                FUZZ_CHECK(app::text::IsValidUtf8(field), Quote(field));
                FUZZ_CHECK(field.size() <= limits.max_field_bytes, Quote(field));
            }
            std::string written;
            app::csv::AppendRecord(written, fields);
            app::csv::Reader again = app::csv::ReaderOver(written);
            std::vector<std::string> read_back;
            FUZZ_CHECK(again.Next(read_back), Quote(written));
            FUZZ_CHECK(read_back.size() == fields.size(), Quote(written));
            for (std::size_t index = 0; index < fields.size(); ++index) {
                const std::string& back = read_back[index];
                FUZZ_CHECK(back == fields[index] || back == "'" + fields[index], Quote(written));
            }

            if (!header) {
                try {
                    header = ImportHeader::FromCsv(fields);
                } catch (const app::Error& error) {
                    FUZZ_CHECK(error.GetFieldErrors().count("file") == 1, "header errors name the file");
                    return 0;
                }
                continue;
            }
            const ImportRow row = header->RowFrom(reader.RowNumber(), fields);
            std::vector<ImportIssue> issues;
            const auto imported = ConvertImportRow(row, References(), "2026-01-01", issues);
            for (const ImportIssue& issue : issues)
                FUZZ_CHECK(issue.row_number == row.row_number, "issue row");
            if (!imported) {
                FUZZ_CHECK(!issues.empty(), "a rejected row has an issue");
                continue;
            }
            FUZZ_CHECK(issues.empty(), "an accepted row has no issue");
            const EnterpriseInput& accepted = imported->input;
            const CreditCodeCheck code = CheckCreditCode(accepted.credit_code);
            FUZZ_CHECK(code.code && *code.code == accepted.credit_code, Quote(accepted.credit_code));
            FUZZ_CHECK(References().OrganisationInScope(accepted.organisation_id), "organisation in scope");
            FUZZ_CHECK(References().InDictionary("industry_section", accepted.industry_section),
                       accepted.industry_section);
            FUZZ_CHECK(References().InDictionary("economic_component", accepted.economic_component),
                       accepted.economic_component);
            FUZZ_CHECK(References().InDictionary("size_class", accepted.size_class), accepted.size_class);
            FUZZ_CHECK(accepted.industry_division.empty() ||
                           DivisionInSection(accepted.industry_division, accepted.industry_section),
                       accepted.industry_division);
            FUZZ_CHECK(accepted.headcount >= 0 && accepted.headcount <= 1'000'000, "headcount in range");
            const std::size_t name_length = app::text::CodePointCount(accepted.name);
            FUZZ_CHECK(name_length >= 2 && name_length <= 100, Quote(accepted.name));
            FUZZ_CHECK(accepted.status == "ACTIVE" || accepted.status == "CLOSED", accepted.status);
        }
    } catch (const app::Error& error) {
        FUZZ_CHECK(StartsWithRow(error), error.GetFieldErrors().empty() ? "no field" : "not a row error");
    }
    return 0;
}
