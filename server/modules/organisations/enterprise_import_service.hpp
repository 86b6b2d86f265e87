#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/principal.hpp"
#include "db/database.hpp"
#include "organisations/enterprise_import.hpp"

namespace app::organisations {

// What happens to the good rows when some rows are bad.
enum class ImportMode {
    kAllOrNothing,   // any bad row: nothing is written, every bad row is reported
    kValidRowsOnly,  // the good rows are written, the bad ones reported
};
// Whether the import writes, or only says what it would do.
enum class ImportRun { kWrite, kDryRun };

std::string_view ImportModeName(ImportMode mode);                  // ALL_OR_NOTHING, VALID_ROWS_ONLY
std::optional<ImportMode> ParseImportMode(std::string_view name);  // also all-or-nothing, valid-rows

struct ImportOptions {
    ImportMode mode = ImportMode::kAllOrNothing;
    ImportRun run = ImportRun::kWrite;
    std::size_t max_reported_issues = 10'000;  // the counts stay exact beyond it
};

struct ImportResult {
    ImportMode mode = ImportMode::kAllOrNothing;
    ImportRun run = ImportRun::kWrite;
    bool committed = false;      // whether anything the counts say was written
    std::int64_t rows = 0;       // data rows read (blank rows not counted)
    std::int64_t valid = 0;      // rows that passed every rule
    std::int64_t inserted = 0;   // written (or, for a dry run, would be): new enterprises
    std::int64_t updated = 0;    // existing ones with a changed value or coverage
    std::int64_t unchanged = 0;  // existing ones with identical values: not touched (updated_at stays)
    std::int64_t rejected = 0;   // rows with at least one issue
    std::vector<ImportIssue> issues;
    bool issues_truncated = false;
    std::vector<std::string> ignored_columns;
    std::int64_t elapsed_ms = 0;
};

// Pulls the next data row; false at the end. May throw app::Error for a file that cannot be read on.
using ImportRowSource = std::function<bool(ImportRow&)>;

// The rows of a CSV file: the header row first (see ImportHeader), blank rows skipped. `ignored_columns`
// receives the header's unknown columns once it has been read.
ImportRowSource CsvImportRows(csv::Reader& reader, std::vector<std::string>& ignored_columns);

// Creates and updates enterprises from rows keyed by credit code, within the caller's scope, in one
// transaction (so an interrupted import leaves all or none of it), with one audit entry for the whole import
// (docs/adr/0008-enterprise-import.md). Re-importing the same rows changes nothing. Thread-safe.
class EnterpriseImportService {
public:
    EnterpriseImportService(db::Database& database, const Clock& clock)
        : database_(database), clock_(clock) {}

    ImportResult Import(const RequestContext& context, const ImportRowSource& rows,
                        const ImportOptions& options);

    // Rows looked up and inserted per statement: few round trips on PostgreSQL, statements reused on both.
    static constexpr std::size_t kBatchRows = 500;

private:
    db::Database& database_;
    const Clock& clock_;
};

}  // namespace app::organisations
