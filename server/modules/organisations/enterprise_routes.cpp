#include "organisations/enterprise_routes.hpp"

#include <boost/json/array.hpp>

#include "http/json.hpp"
#include "http/xlsx.hpp"
#include "organisations/enterprise_json.hpp"

namespace app::organisations {
namespace {

using http::Method;

using http::Localize;

std::string CoverageLabel(const http::Request& request, const std::optional<Coverage>& coverage) {
    if (!coverage) return Localize(request, "未录入", "Not recorded");
    return coverage->coverage_type +
           (coverage->union_organisation_id ? " " + coverage->union_organisation_name : "");
}

boost::json::value Rate(std::int64_t part, std::int64_t whole) {
    if (whole == 0) return nullptr;
    return static_cast<double>(static_cast<std::int64_t>(
               10000.0 * static_cast<double>(part) / static_cast<double>(whole) + 0.5)) /
           10000.0;
}

// Per 1,000 workers with 2 decimals, from the totals at this level; null without workers.
boost::json::value PerThousand(std::int64_t part, std::int64_t workers) {
    if (workers == 0) return nullptr;
    return static_cast<double>(static_cast<std::int64_t>(
               100.0 * 1000.0 * static_cast<double>(part) / static_cast<double>(workers) + 0.5)) /
           100.0;
}

boost::json::object CountsToJson(const CoverageCounts& counts) {
    return {{"enterprises", counts.enterprises},
            {"workers", counts.workers},
            {"covered", counts.covered},
            {"coveredWorkers", counts.covered_workers},
            {"nonPublic", counts.non_public},
            {"nonPublicCovered", counts.non_public_covered},
            {"smallAndMicro", counts.small_and_micro},
            {"smallAndMicroCovered", counts.small_and_micro_covered},
            {"coverageRate", Rate(counts.covered, counts.enterprises)},
            {"workerCoverageRate", Rate(counts.covered_workers, counts.workers)},
            {"nonPublicCoverageRate", Rate(counts.non_public_covered, counts.non_public)},
            {"smallAndMicroCoverageRate", Rate(counts.small_and_micro_covered, counts.small_and_micro)},
            {"withCommittee", counts.with_committee},
            {"withCommitteeRate", Rate(counts.with_committee, counts.covered)},
            {"inspectors", counts.inspectors},
            {"inspectorsPerThousandWorkers", PerThousand(counts.inspectors, counts.workers)}};
}

boost::json::object ReportToJson(const CoverageGapReport& report) {
    boost::json::array rows;
    for (const CoverageGapRow& row : report.rows) {
        boost::json::object item = CountsToJson(row.counts);
        item["organisationId"] = row.organisation_id ? boost::json::value(*row.organisation_id) : nullptr;
        item["organisationName"] = row.organisation_name;
        item["direct"] = !row.organisation_id.has_value();
        rows.push_back(std::move(item));
    }
    return {{"organisationId", report.organisation_id},
            {"organisationName", report.organisation_name},
            {"total", CountsToJson(report.total)},
            {"rows", std::move(rows)}};
}

std::string Percent(std::int64_t part, std::int64_t whole) {
    if (whole == 0) return "-";
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%.1f%%",
                  100.0 * static_cast<double>(part) / static_cast<double>(whole));
    return buffer;
}

std::string PerThousandText(std::int64_t part, std::int64_t workers) {
    if (workers == 0) return "-";
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.2f",
                  1000.0 * static_cast<double>(part) / static_cast<double>(workers));
    return buffer;
}

}  // namespace

void RegisterEnterpriseRoutes(http::Router& router, EnterpriseService& enterprises,
                              CoverageGapService& gaps) {
    router.DeclarePermission({"organisation:enterprise:view", "查看企业", "View enterprises"});
    router.DeclarePermission({"organisation:enterprise:create", "新增企业", "Create enterprises"});
    router.DeclarePermission(
        {"organisation:enterprise:update", "修改企业、建会情况", "Edit enterprises and coverage"});
    router.DeclarePermission({"organisation:enterprise:delete", "删除企业", "Delete enterprises"});
    router.DeclarePermission({"organisation:enterprise:export", "导出企业", "Export enterprises"});

    router.Add(
        {.method = Method::kGet,
         .path = "/api/v1/enterprises",
         .permission = "organisation:enterprise:view",
         .tag = "organisations",
         .summary = "List enterprises in the caller's scope with their current coverage",
         .response_body = "EnterprisePage"},
        [&](http::Request& request) {
            const auto page = http::ReadPageRequest(request);
            return http::Response::Json(http::Serialize(http::PageToJson(
                enterprises.List(request.context, ReadEnterpriseFilter(request), page), EnterpriseToJson)));
        });
    router.Add(
        {.method = Method::kGet,
         .path = "/api/v1/enterprises/export",
         .permission = "organisation:enterprise:export",
         .tag = "organisations",
         .summary = "Export the filtered enterprise list as .xlsx"},
        [&](http::Request& request) {
            http::XlsxTable table{
                Localize(request, "企业", "Enterprises"),
                {Localize(request, "名称", "Name"), Localize(request, "统一社会信用代码", "Credit code"),
                 Localize(request, "所属区域工会", "Territorial union"), Localize(request, "门类", "Section"),
                 Localize(request, "大类", "Division"), Localize(request, "经济成分", "Economic component"),
                 Localize(request, "规模", "Size"), Localize(request, "职工人数", "Headcount"),
                 Localize(request, "建会情况", "Union coverage"), Localize(request, "状态", "Status"),
                 Localize(request, "地址", "Address")},
                {36, 22, 24, 6, 6, 10, 8, 10, 32, 8, 40},
                {}};
            for (const Enterprise& enterprise :
                 enterprises.ListForExport(request.context, ReadEnterpriseFilter(request))) {
                table.rows.push_back({enterprise.name, enterprise.credit_code, enterprise.organisation_name,
                                      enterprise.industry_section, enterprise.industry_division,
                                      enterprise.economic_component, enterprise.size_class,
                                      enterprise.headcount, CoverageLabel(request, enterprise.coverage),
                                      enterprise.status, enterprise.address});
            }
            return http::Response::File(http::BuildXlsx(table), http::kXlsxContentType,
                                        Localize(request, "企业.xlsx", "enterprises.xlsx"));
        });
    router.Add({.method = Method::kGet,
                .path = "/api/v1/enterprises/{id}",
                .permission = "organisation:enterprise:view",
                .tag = "organisations",
                .summary = "One enterprise",
                .response_body = "Enterprise"},
               [&](http::Request& request) {
                   return http::Response::Json(http::Serialize(
                       EnterpriseToJson(enterprises.Get(request.context, request.PathId("id")))));
               });
    router.Add({.method = Method::kPost,
                .path = "/api/v1/enterprises",
                .permission = "organisation:enterprise:create",
                .body_limit = 8192,
                .tag = "organisations",
                .summary = "Create an enterprise",
                .request_body = "EnterpriseInput",
                .response_body = "Enterprise"},
               [&](http::Request& request) {
                   const Enterprise created = enterprises.Create(
                       request.context, ReadEnterpriseInput(http::ParseJsonObject(request)));
                   return http::Response::Json(http::Serialize(EnterpriseToJson(created)), 201);
               });
    router.Add({.method = Method::kPut,
                .path = "/api/v1/enterprises/{id}",
                .permission = "organisation:enterprise:update",
                .body_limit = 8192,
                .tag = "organisations",
                .summary = "Change an enterprise",
                .request_body = "EnterpriseInput",
                .response_body = "Enterprise"},
               [&](http::Request& request) {
                   const std::int64_t id = request.PathId("id");
                   const Enterprise updated = enterprises.Update(
                       request.context, id, ReadEnterpriseInput(http::ParseJsonObject(request)));
                   return http::Response::Json(http::Serialize(EnterpriseToJson(updated)));
               });
    router.Add({.method = Method::kDelete,
                .path = "/api/v1/enterprises/{id}",
                .permission = "organisation:enterprise:delete",
                .tag = "organisations",
                .summary = "Delete an enterprise"},
               [&](http::Request& request) {
                   enterprises.Delete(request.context, request.PathId("id"));
                   return http::Response::NoContent();
               });
    router.Add({.method = Method::kPut,
                .path = "/api/v1/enterprises/{id}/coverage",
                .permission = "organisation:enterprise:update",
                .body_limit = 4096,
                .tag = "organisations",
                .summary = "Record which union now covers the enterprise (ends the current period)",
                .request_body = "CoverageInput",
                .response_body = "Enterprise"},
               [&](http::Request& request) {
                   const std::int64_t id = request.PathId("id");
                   const Enterprise updated = enterprises.SetCoverage(
                       request.context, id, ReadCoverageInput(http::ParseJsonObject(request)));
                   return http::Response::Json(http::Serialize(EnterpriseToJson(updated)));
               });
    router.Add(
        {.method = Method::kGet,
         .path = "/api/v1/organisations/{id}/coverage-gaps",
         .permission = "organisation:enterprise:view",
         .tag = "organisations",
         .summary = "Union coverage of enterprises for an organisation and each child: counts and rates",
         .response_body = "CoverageGapReport"},
        [&](http::Request& request) {
            return http::Response::Json(
                http::Serialize(ReportToJson(gaps.Report(request.context, request.PathId("id")))));
        });
    router.Add(
        {.method = Method::kGet,
         .path = "/api/v1/organisations/{id}/coverage-gaps/export",
         .permission = "organisation:enterprise:export",
         .tag = "organisations",
         .summary = "The coverage-gap table as .xlsx"},
        [&](http::Request& request) {
            const CoverageGapReport report = gaps.Report(request.context, request.PathId("id"));
            http::XlsxTable table{
                Localize(request, "建会覆盖", "Coverage"),
                {Localize(request, "组织", "Organisation"), Localize(request, "企业数", "Enterprises"),
                 Localize(request, "已建会", "Covered"), Localize(request, "覆盖率", "Coverage"),
                 Localize(request, "职工数", "Workers"), Localize(request, "职工覆盖率", "Worker coverage"),
                 Localize(request, "非公企业", "Non-public"),
                 Localize(request, "非公覆盖率", "Non-public coverage"),
                 Localize(request, "小微企业", "Small and micro"),
                 Localize(request, "小微覆盖率", "Small/micro coverage"),
                 Localize(request, "所在工会有监督委员会", "Covered with a committee"),
                 Localize(request, "监督检查员", "Inspectors"),
                 Localize(request, "每千名职工检查员", "Inspectors per 1,000 workers")},
                {30, 10, 10, 10, 10, 12, 10, 12, 10, 12, 14, 10, 14},
                {}};
            auto add = [&](const std::string& name, const CoverageCounts& c) {
                table.rows.push_back({name, c.enterprises, c.covered, Percent(c.covered, c.enterprises),
                                      c.workers, Percent(c.covered_workers, c.workers), c.non_public,
                                      Percent(c.non_public_covered, c.non_public), c.small_and_micro,
                                      Percent(c.small_and_micro_covered, c.small_and_micro), c.with_committee,
                                      c.inspectors, PerThousandText(c.inspectors, c.workers)});
            };
            for (const CoverageGapRow& row : report.rows) {
                add(row.organisation_id ? row.organisation_name
                                        : row.organisation_name + Localize(request, "（本级）", " (direct)"),
                    row.counts);
            }
            add(Localize(request, "合计：", "Total: ") + report.organisation_name, report.total);
            return http::Response::File(http::BuildXlsx(table), http::kXlsxContentType,
                                        Localize(request, "建会覆盖.xlsx", "coverage.xlsx"));
        });
    router.Add({.method = Method::kGet,
                .path = "/api/v1/enterprises/{id}/coverage-history",
                .permission = "organisation:enterprise:view",
                .tag = "organisations",
                .summary = "Every coverage period of an enterprise, newest first",
                .response_body = "CoverageList"},
               [&](http::Request& request) {
                   boost::json::array items;
                   for (const Coverage& coverage :
                        enterprises.CoverageHistory(request.context, request.PathId("id"))) {
                       items.push_back(CoverageToJson(coverage));
                   }
                   return http::Response::Json(http::Serialize(items));
               });
}

}  // namespace app::organisations
