#include "organisations/enterprise_import_routes.hpp"

#include "core/text.hpp"
#include "http/json.hpp"

namespace app::organisations {
namespace {

// ~50,000 rows of a typical province list as CSV or as the browser's JSON rows fit well below this.
constexpr std::size_t kImportBodyLimit = 32 * 1024 * 1024;
constexpr std::size_t kMaxJsonRows = 100'000;

ImportMode ReadMode(const std::optional<std::string>& text) {
    if (!text || text->empty()) return ImportMode::kAllOrNothing;
    if (const auto mode = ParseImportMode(*text)) return *mode;
    throw Error::InvalidField("mode", {"导入方式只能是 ALL_OR_NOTHING 或 VALID_ROWS_ONLY",
                                       "mode must be ALL_OR_NOTHING or VALID_ROWS_ONLY"});
}

}  // namespace

boost::json::object ImportResultToJson(const ImportResult& result, Language language) {
    boost::json::array errors;
    errors.reserve(result.issues.size());
    for (const ImportIssue& issue : result.issues) {
        const ImportColumnInfo& info = InfoOf(issue.column);
        errors.push_back({{"row", issue.row_number},
                          {"column", info.key},
                          {"columnLabel", language == Language::kEnglish ? info.label_en : info.label_zh},
                          {"message", Pick(issue.message, language)}});
    }
    boost::json::array ignored;
    for (const std::string& column : result.ignored_columns) ignored.push_back(boost::json::string(column));
    return {{"mode", ImportModeName(result.mode)},
            {"dryRun", result.run == ImportRun::kDryRun},
            {"committed", result.committed},
            {"rows", result.rows},
            {"valid", result.valid},
            {"inserted", result.inserted},
            {"updated", result.updated},
            {"unchanged", result.unchanged},
            {"rejected", result.rejected},
            {"errors", std::move(errors)},
            {"errorsTruncated", result.issues_truncated},
            {"ignoredColumns", std::move(ignored)},
            {"elapsedMs", result.elapsed_ms}};
}

void RegisterEnterpriseImportRoutes(http::Router& router, EnterpriseImportService& imports) {
    router.DeclarePermission({"organisation:enterprise:import", "批量导入企业", "Import enterprises"});

    router.Add(
        {.method = http::Method::kPost,
         .path = "/api/v1/enterprises/import",
         .permission = "organisation:enterprise:import",
         .body_limit = kImportBodyLimit,
         .read_timeout = std::chrono::seconds(120),
         .tag = "organisations",
         .summary = "Import enterprises keyed by credit code: a text/csv body (?mode=&dryRun=) or JSON "
                    "{mode, dryRun, rows}; answers counts and row errors",
         .request_body = "EnterpriseImport",
         .response_body = "EnterpriseImportResult"},
        [&](http::Request& request) {
            ImportOptions options;
            ImportResult result;
            const std::string content_type = text::ToLowerAscii(request.Header("content-type").value_or(""));
            if (content_type.rfind("text/csv", 0) == 0) {
                options.mode = ReadMode(request.Query("mode"));
                options.run =
                    request.Query("dryRun").value_or("") == "true" ? ImportRun::kDryRun : ImportRun::kWrite;
                csv::Reader reader = csv::ReaderOver(request.body);
                std::vector<std::string> ignored;
                result = imports.Import(request.context, CsvImportRows(reader, ignored), options);
                result.ignored_columns = std::move(ignored);
            } else {
                const boost::json::object body = http::ParseJsonObject(request);
                const auto* mode = body.if_contains("mode");
                options.mode = ReadMode(
                    mode && mode->is_string() ? std::optional<std::string>(mode->as_string()) : std::nullopt);
                const auto* dry_run = body.if_contains("dryRun");
                options.run = dry_run && dry_run->is_bool() && dry_run->as_bool() ? ImportRun::kDryRun
                                                                                  : ImportRun::kWrite;
                const auto* rows = body.if_contains("rows");
                if (!rows || !rows->is_array())
                    throw Error::InvalidField("rows",
                                              {"必填：要导入的行", "is required: the rows to import"});
                std::vector<ImportRow> parsed = ReadJsonImportRows(rows->as_array(), kMaxJsonRows);
                std::size_t next = 0;
                result = imports.Import(
                    request.context,
                    [&](ImportRow& row) {
                        if (next >= parsed.size()) return false;
                        row = std::move(parsed[next++]);
                        return true;
                    },
                    options);
            }
            return http::Response::Json(
                http::Serialize(ImportResultToJson(result, request.context.language)));
        });

    router.Add({.method = http::Method::kGet,
                .path = "/api/v1/enterprises/import-template",
                .permission = "organisation:enterprise:import",
                .tag = "organisations",
                .summary = "The import template: a CSV with the header row and one example row"},
               [](http::Request& request) {
                   return http::Response::File(
                       ImportTemplateCsv(), "text/csv; charset=utf-8",
                       http::Localize(request, "企业导入模板.csv", "enterprise-import-template.csv"));
               });
}

}  // namespace app::organisations
