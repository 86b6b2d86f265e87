#include "organisations/enterprise_import_service.hpp"

#include <algorithm>
#include <memory>
#include <unordered_map>
#include <unordered_set>

#include "auth/audit.hpp"
#include "auth/data_scope.hpp"
#include "core/calendar_date.hpp"
#include "core/text.hpp"
#include "http/json.hpp"

namespace app::organisations {
namespace {

void AuditImport(db::Session& session, const RequestContext& context, const std::string& action,
                 const ImportResult& result, EpochMillis at) {
    boost::json::object summary{{"mode", ImportModeName(result.mode)}, {"rows", result.rows},
                                {"inserted", result.inserted},         {"updated", result.updated},
                                {"unchanged", result.unchanged},       {"rejected", result.rejected}};
    auth::RecordAudit(session, context,
                      {action, "enterprise", context.request_id, std::nullopt, http::Serialize(summary),
                       context.principal.organisation_path},
                      at);
}

// Thrown inside the write to undo it: a dry run, or ALL_OR_NOTHING with a bad row. The result was already
// filled in by then; the caller catches this and returns it.
struct RollBack {};

const LocalizedText kEnterpriseOutOfScope{
    "该统一社会信用代码的企业不存在或不在您的管理范围内，不能修改",
    "The enterprise with this credit code does not exist or is outside your scope; it cannot be changed"};

ImportReferences LoadReferences(db::Session& session, const Principal& principal) {
    ImportReferences references;
    for (const db::Row row :
         session.Query("SELECT dict_code, code, label, label_en FROM dictionary_items WHERE enabled = 1")) {
        references.AddDictionaryItem(row.GetString(0), row.GetString(1), row.GetString(2), row.GetString(3));
    }
    const auto [lower, upper] = auth::ScopeRange(principal);
    for (const db::Row row : session.Query(
             "SELECT id, code, name, path FROM organisations WHERE path >= $1 AND path < $2", lower, upper)) {
        references.AddOrganisation({row.GetInt64(0), row.GetString(1), row.GetString(2), row.GetString(3)});
    }
    return references;
}

std::string Placeholders(std::size_t first, std::size_t count) {
    std::string text;
    for (std::size_t index = 0; index < count; ++index) {
        text += (index ? ", $" : "$") + std::to_string(first + index);
    }
    return text;
}

// One import, inside its transaction.
class Importer {
public:
    Importer(db::Session& session, const RequestContext& context, const ImportOptions& options,
             ImportResult& result, EpochMillis now)
        : session_(session),
          context_(context),
          options_(options),
          result_(result),
          now_(now),
          today_(dates::FormatDate(dates::ShanghaiDateOf(now))),
          scope_(auth::ScopeRange(context.principal)),
          references_(LoadReferences(session, context.principal)) {}

    void Run(const ImportRowSource& source) {
        ImportRow row;
        std::vector<ImportIssue> row_issues;
        while (source(row)) {
            ++result_.rows;
            row_issues.clear();
            auto imported = ConvertImportRow(row, references_, today_, row_issues);
            if (!imported) {
                Reject(row_issues);
                continue;
            }
            const auto [earlier, first] =
                first_row_of_code_.emplace(imported->input.credit_code, row.row_number);
            if (!first) {
                Reject({{row.row_number,
                         ImportColumn::kCreditCode,
                         {"与第 " + std::to_string(earlier->second) + " 行的统一社会信用代码重复",
                          "Same credit code as row " + std::to_string(earlier->second)}}});
                continue;
            }
            batch_.push_back(std::move(*imported));
            if (batch_.size() >= EnterpriseImportService::kBatchRows) Flush();
        }
        Flush();
        result_.valid = result_.rows - result_.rejected;
    }

    bool Writing() const {
        return options_.run == ImportRun::kWrite &&
               !(options_.mode == ImportMode::kAllOrNothing && result_.rejected > 0);
    }

private:
    void Reject(const std::vector<ImportIssue>& issues) {
        ++result_.rejected;
        for (const ImportIssue& issue : issues) {
            if (result_.issues.size() >= options_.max_reported_issues) {
                result_.issues_truncated = true;
                break;
            }
            result_.issues.push_back(issue);
        }
    }

    void Flush() {
        if (batch_.empty()) return;
        std::vector<db::Value> codes;
        codes.reserve(batch_.size());
        for (const ImportedEnterprise& item : batch_) codes.emplace_back(item.input.credit_code);
        const db::Result found = session_.QueryValues(
            "SELECT e.id, e.credit_code, e.name, e.organisation_id, e.organisation_path, e.industry_section, "
            "e.industry_division, e.economic_component, e.registration_type, e.size_class, e.headcount, "
            "e.address, e.admin_division_code, e.status, c.coverage_type, c.union_organisation_id, "
            "c.since_date FROM enterprises e "
            "LEFT JOIN union_coverage c ON c.enterprise_id = e.id AND c.until_date IS NULL "
            "WHERE e.credit_code IN (" +
                Placeholders(1, codes.size()) + ")",
            codes);
        std::unordered_map<std::string, Enterprise> stored;
        for (const db::Row row : found) {
            Enterprise enterprise;
            enterprise.id = row.GetInt64(0);
            enterprise.credit_code = row.GetString(1);
            enterprise.name = row.GetString(2);
            enterprise.organisation_id = row.GetInt64(3);
            enterprise.organisation_path = row.GetString(4);
            enterprise.industry_section = row.GetString(5);
            enterprise.industry_division = row.GetString(6);
            enterprise.economic_component = row.GetString(7);
            enterprise.registration_type = row.GetString(8);
            enterprise.size_class = row.GetString(9);
            enterprise.headcount = row.GetInt64(10);
            enterprise.address = row.GetString(11);
            enterprise.admin_division_code = row.GetString(12);
            enterprise.status = row.GetString(13);
            if (!row.IsNull(14)) {
                Coverage coverage;
                coverage.coverage_type = row.GetString(14);
                coverage.union_organisation_id = row.GetOptionalInt64(15);
                coverage.since = row.GetString(16);
                enterprise.coverage = std::move(coverage);
            }
            stored.emplace(enterprise.credit_code, std::move(enterprise));
        }

        std::vector<ImportedEnterprise*> inserts;
        for (ImportedEnterprise& item : batch_) {
            const auto existing = stored.find(item.input.credit_code);
            if (existing == stored.end()) {
                inserts.push_back(&item);
                continue;
            }
            const Enterprise& before = existing->second;
            if (before.organisation_path < scope_.first || before.organisation_path >= scope_.second) {
                Reject({{item.row_number, ImportColumn::kCreditCode, kEnterpriseOutOfScope}});
                continue;
            }
            if (auto issues = MergeWithStored(item, before, references_); !issues.empty()) {
                Reject(issues);
                continue;
            }
            const bool coverage_changes =
                item.coverage &&
                (!before.coverage || before.coverage->coverage_type != item.coverage->coverage_type ||
                 before.coverage->union_organisation_id != item.coverage->union_organisation_id);
            if (coverage_changes && before.coverage && item.coverage->since < before.coverage->since) {
                Reject({{item.row_number,
                         ImportColumn::kCoverageSince,
                         {"不能早于当前建会情况的起始日期 " + before.coverage->since,
                          "Must not be before the current coverage's start, " + before.coverage->since}}});
                continue;
            }
            const bool values_change = !SameAsStored(item.input, before);
            if (!values_change && !coverage_changes) {
                ++result_.unchanged;
                continue;
            }
            ++result_.updated;
            if (!Writing()) continue;
            if (values_change) Update(before.id, item.input);
            if (coverage_changes) {
                session_.Execute(
                    "UPDATE union_coverage SET until_date = $1 WHERE enterprise_id = $2 AND until_date IS "
                    "NULL",
                    item.coverage->since, before.id);
                pending_coverage_.push_back({before.id, *item.coverage});
            }
        }
        result_.inserted += static_cast<std::int64_t>(inserts.size());
        if (Writing()) {
            Insert(inserts);
            InsertCoverage();
        }
        batch_.clear();
    }

    void Update(std::int64_t id, const EnterpriseInput& input) {
        session_.Execute(
            "UPDATE enterprises SET name = $1, organisation_id = $2, industry_section = $3, "
            "industry_division = "
            "$4, economic_component = $5, registration_type = $6, size_class = $7, headcount = $8, address = "
            "$9, "
            "admin_division_code = $10, status = $11, updated_at = $12 WHERE id = $13",
            input.name, input.organisation_id, input.industry_section, input.industry_division,
            input.economic_component, input.registration_type, input.size_class, input.headcount,
            input.address, input.admin_division_code, input.status, now_, id);
    }

    void Insert(const std::vector<ImportedEnterprise*>& inserts) {
        if (inserts.empty()) return;
        constexpr std::size_t kPerRow = 12;
        std::string sql =
            "INSERT INTO enterprises (credit_code, name, organisation_id, industry_section, "
            "industry_division, "
            "economic_component, registration_type, size_class, headcount, address, admin_division_code, "
            "status, created_at, updated_at) VALUES ";
        std::vector<db::Value> values;
        values.reserve(1 + inserts.size() * kPerRow);
        values.emplace_back(now_);  // $1: created_at and updated_at of every row
        for (std::size_t index = 0; index < inserts.size(); ++index) {
            const EnterpriseInput& input = inserts[index]->input;
            sql += (index ? ", (" : "(") + Placeholders(2 + index * kPerRow, kPerRow) + ", $1, $1)";
            values.emplace_back(input.credit_code);
            values.emplace_back(input.name);
            values.emplace_back(input.organisation_id);
            values.emplace_back(input.industry_section);
            values.emplace_back(input.industry_division);
            values.emplace_back(input.economic_component);
            values.emplace_back(input.registration_type);
            values.emplace_back(input.size_class);
            values.emplace_back(input.headcount);
            values.emplace_back(input.address);
            values.emplace_back(input.admin_division_code);
            values.emplace_back(input.status);
        }
        sql += " RETURNING id, credit_code";
        const db::Result created = session_.QueryValues(sql, values);
        std::unordered_map<std::string, std::int64_t> id_of_code;
        for (const db::Row row : created) id_of_code.emplace(row.GetString(1), row.GetInt64(0));
        for (const ImportedEnterprise* item : inserts) {
            if (item->coverage)
                pending_coverage_.push_back({id_of_code.at(item->input.credit_code), *item->coverage});
        }
    }

    void InsertCoverage() {
        if (pending_coverage_.empty()) return;
        constexpr std::size_t kPerRow = 4;
        std::string sql =
            "INSERT INTO union_coverage (enterprise_id, coverage_type, union_organisation_id, since_date, "
            "created_at) VALUES ";
        std::vector<db::Value> values;
        values.emplace_back(now_);
        for (std::size_t index = 0; index < pending_coverage_.size(); ++index) {
            const auto& [enterprise_id, coverage] = pending_coverage_[index];
            sql += (index ? ", (" : "(") + Placeholders(2 + index * kPerRow, kPerRow) + ", $1)";
            values.emplace_back(enterprise_id);
            values.emplace_back(coverage.coverage_type);
            values.push_back(db::ToValue(coverage.union_organisation_id));
            values.emplace_back(coverage.since);
        }
        session_.QueryValues(sql, values);
        pending_coverage_.clear();
    }

    db::Session& session_;
    const RequestContext& context_;
    const ImportOptions& options_;
    ImportResult& result_;
    EpochMillis now_;
    std::string today_;
    std::pair<std::string, std::string> scope_;
    ImportReferences references_;
    std::unordered_map<std::string, std::int64_t> first_row_of_code_;  // credit code → first row with it
    std::vector<ImportedEnterprise> batch_;
    std::vector<std::pair<std::int64_t, ImportedCoverage>> pending_coverage_;
};

}  // namespace

std::string_view ImportModeName(ImportMode mode) {
    switch (mode) {
        case ImportMode::kAllOrNothing:
            return "ALL_OR_NOTHING";
        case ImportMode::kValidRowsOnly:
            return "VALID_ROWS_ONLY";
    }
    return "ALL_OR_NOTHING";
}

std::optional<ImportMode> ParseImportMode(std::string_view name) {
    if (name == "ALL_OR_NOTHING" || name == "all-or-nothing") return ImportMode::kAllOrNothing;
    if (name == "VALID_ROWS_ONLY" || name == "valid-rows") return ImportMode::kValidRowsOnly;
    return std::nullopt;
}

ImportRowSource CsvImportRows(csv::Reader& reader, std::vector<std::string>& ignored_columns) {
    auto header = std::make_shared<std::optional<ImportHeader>>();
    auto fields = std::make_shared<std::vector<std::string>>();
    return [&reader, &ignored_columns, header, fields](ImportRow& row) {
        if (!*header) {
            if (!reader.Next(*fields)) {
                throw Error::InvalidField(
                    "file", {"文件是空的：第 1 行应为表头", "The file is empty: row 1 must be the header"});
            }
            *header = ImportHeader::FromCsv(*fields);
            ignored_columns = (*header)->IgnoredColumns();
        }
        while (reader.Next(*fields)) {
            const bool blank = std::all_of(fields->begin(), fields->end(), [](const std::string& field) {
                return text::Trim(field).empty();
            });
            if (blank) continue;
            row = (*header)->RowFrom(reader.RowNumber(), *fields);
            return true;
        }
        return false;
    };
}

ImportResult EnterpriseImportService::Import(const RequestContext& context, const ImportRowSource& rows,
                                             const ImportOptions& options) {
    const EpochMillis started = clock_.Now();
    ImportResult result;
    result.mode = options.mode;
    result.run = options.run;
    try {
        database_.Write([&](db::Session& session) {
            result = ImportResult{};
            result.mode = options.mode;
            result.run = options.run;
            Importer importer(session, context, options, result, started);
            importer.Run(rows);
            if (!importer.Writing()) throw RollBack{};
            // One audit entry for the whole import: the counts and the mode, not a copy of every row.
            AuditImport(session, context, "import", result, started);
            result.committed = true;
        });
    } catch (const RollBack&) {
        result.committed = false;
        // A dry run or a refused import writes nothing but is still audited, in a transaction of its own: the
        // rejections tell which credit codes exist elsewhere, so who asked, and how much, is on record.
        database_.Write([&](db::Session& session) {
            AuditImport(session, context,
                        options.run == ImportRun::kDryRun ? "import_check" : "import_refused", result,
                        started);
        });
        if (options.run == ImportRun::kWrite) {
            // ALL_OR_NOTHING with bad rows: nothing was written, so nothing counts as written.
            result.inserted = result.updated = result.unchanged = 0;
        }
    }
    result.elapsed_ms = clock_.Now() - started;
    return result;
}

}  // namespace app::organisations
