#include "app/api.hpp"

#include <boost/json/object.hpp>

#include "annual_reports/annual_report_routes.hpp"
#include "app/supervision_jobs.hpp"
#include "documents/document_routes.hpp"
#include "files/files_routes.hpp"
#include "hazards/hazard_routes.hpp"
#include "http/json.hpp"
#include "http/openapi.hpp"
#include "inbox/inbox_routes.hpp"
#include "inspections/inspections_routes.hpp"
#include "network/network_routes.hpp"
#include "organisations/enterprise_import_routes.hpp"
#include "organisations/enterprise_routes.hpp"
#include "organisations/organisation_routes.hpp"
#include "organisations/uncovered_routes.hpp"
#include "rules/rules_routes.hpp"
#include "scheduler/job_routes.hpp"
#include "statistics/statistics_routes.hpp"
#include "system/permissions.hpp"

namespace app {

auth::PasswordHashCost HashCost(const config::Config& config) {
    return config.auth_password_hash == "minimal" ? auth::PasswordHashCost::kMinimal
                                                  : auth::PasswordHashCost::kInteractive;
}

Api::Api(db::Database& database, const Clock& clock, const config::Config& config,
         db::Database* statistics_database)
    : sessions_(database, clock,
                {config.auth_session_hours * 3600 * 1000,
                 HashCost(config),
                 {static_cast<int>(config.auth_max_failures_per_account),
                  static_cast<int>(config.auth_max_failures_per_address), 15 * 60 * 1000}}),
      organisations_(database, clock),
      enterprises_(database, clock),
      enterprise_imports_(database, clock),
      coverage_gaps_(database),
      uncovered_(database),
      committees_(database, clock),
      inspectors_(database, clock),
      volunteers_(database, clock),
      staffing_(database, clock),
      rules_(database, clock),
      files_(database, clock, config::DataDirectory(config)),
      hazards_(database, clock),
      checklists_(database, clock),
      inspections_(database, clock),
      documents_(database, clock, rules_),
      replies_(database, clock),
      reports_(database, clock),
      public_reports_(database, clock),
      statistics_(statistics_database ? *statistics_database : database, clock),
      report_limits_(static_cast<int>(config.reports_submissions_per_hour)),
      report_options_{config.server_public_base_url},
      annual_reports_(database, clock),
      clock_(clock),
      users_(database, clock, HashCost(config)),
      dictionaries_(database, clock),
      logs_(database),
      inbox_(database, clock),
      jobs_(database, clock),
      roles_(database, clock, DeclarePermissionKeys()),
      services_{database,
                sessions_,
                users_,
                roles_,
                dictionaries_,
                logs_,
                config.server_secure_cookie,
                config.auth_session_hours * 3600} {
    system::RegisterAuthRoutes(router_, services_);
    system::RegisterSystemRoutes(router_, services_);
    inbox::RegisterInboxRoutes(router_, inbox_);
    RegisterSupervisionJobs(jobs_, database, clock, std::chrono::seconds(config.scheduler_interval_seconds));
    router_.Add({.method = http::Method::kGet,
                 .path = "/api/v1/openapi.json",
                 .access = http::Access::kPublic,
                 .tag = "system",
                 .summary = "This API's OpenAPI 3 description, generated from the route table"},
                [this](http::Request&) { return http::Response::Json(api_description_); });
    // Last, so the description covers the whole table (itself included).
    api_description_ = http::BuildOpenApiDocument(router_, ANKANG_VERSION);
}

std::set<std::string> Api::DeclarePermissionKeys() {
    organisations::RegisterOrganisationRoutes(router_, organisations_);
    organisations::RegisterEnterpriseRoutes(router_, enterprises_, coverage_gaps_);
    organisations::RegisterUncoveredRoutes(router_, uncovered_);
    network::RegisterNetworkRoutes(router_, {committees_, inspectors_, volunteers_, staffing_});
    organisations::RegisterEnterpriseImportRoutes(router_, enterprise_imports_);
    rules::RegisterRulesRoutes(router_, rules_);
    files::RegisterFileRoutes(router_, files_);
    hazards::RegisterHazardRoutes(router_, hazards_);
    inspections::RegisterInspectionRoutes(router_, checklists_, inspections_);
    documents::RegisterDocumentRoutes(router_, documents_, replies_, files_);
    reports::RegisterReportRoutes(router_, reports_, public_reports_, files_, report_limits_, clock_,
                                  report_options_);
    statistics::RegisterStatisticsRoutes(router_, statistics_);
    annual_reports::RegisterAnnualReportRoutes(router_, annual_reports_);
    system::DeclareSystemPermissions(router_);
    scheduler::RegisterJobRoutes(router_, jobs_);  // after the system keys: viewing uses system:audit:view
    return PermissionKeys();
}

std::set<std::string> Api::PermissionKeys() const {
    std::set<std::string> keys;
    for (const auto& info : router_.Permissions()) keys.insert(info.key);
    return keys;
}

std::string RouteTableJson(const http::Router& router) {
    std::string text = "[";
    bool first = true;
    for (const http::Route& route : router.Routes()) {
        const http::RouteSpec& spec = route.spec;
        const char* access = "permission";
        if (spec.access == http::Access::kPublic) access = "public";
        if (spec.access == http::Access::kSignedIn) access = "signed_in";
        boost::json::object row{{"method", http::MethodName(spec.method)},
                                {"path", spec.path},
                                {"access", access},
                                {"permission", nullptr},
                                {"bodyLimit", spec.body_limit},
                                {"tag", spec.tag},
                                {"summary", spec.summary}};
        if (spec.access == http::Access::kPermission) row["permission"] = spec.permission;
        text += (first ? "\n  " : ",\n  ") + http::Serialize(row);
        first = false;
    }
    return text + "\n]\n";
}

}  // namespace app
