#pragma once

#include <set>
#include <string>

#include "annual_reports/annual_report_service.hpp"
#include "app/config.hpp"
#include "auth/password.hpp"
#include "auth/session_service.hpp"
#include "core/clock.hpp"
#include "db/database.hpp"
#include "documents/document_service.hpp"
#include "documents/reply_service.hpp"
#include "files/file_service.hpp"
#include "hazards/hazard_service.hpp"
#include "http/router.hpp"
#include "inbox/inbox_service.hpp"
#include "inspections/checklist_service.hpp"
#include "inspections/inspection_service.hpp"
#include "network/committee_service.hpp"
#include "network/inspector_service.hpp"
#include "network/staffing_service.hpp"
#include "network/volunteer_service.hpp"
#include "organisations/coverage_gap.hpp"
#include "organisations/enterprise_import_service.hpp"
#include "organisations/enterprise_service.hpp"
#include "organisations/organisation_service.hpp"
#include "organisations/uncovered_enterprises.hpp"
#include "reports/report_routes.hpp"
#include "reports/report_service.hpp"
#include "rules/rules_service.hpp"
#include "scheduler/job_runner.hpp"
#include "statistics/statistics_service.hpp"
#include "system/dictionary_service.hpp"
#include "system/log_service.hpp"
#include "system/role_service.hpp"
#include "system/system_routes.hpp"
#include "system/user_service.hpp"

namespace app {

auth::PasswordHashCost HashCost(const config::Config& config);

// The HTTP API: the services the handlers call and the one route table over them, wired in one place.
// `ankang serve` serves it; `ankang routes` prints its table; the CLI's operator holds its permission keys.
// There is no other list of routes or keys to keep in sync. Constructing it touches no data.
class Api {
public:
    // statistics_database: where the statistics pages read (a hot standby, ADR 0014); null: the primary.
    Api(db::Database& database, const Clock& clock, const config::Config& config,
        db::Database* statistics_database = nullptr);
    Api(const Api&) = delete;
    Api& operator=(const Api&) = delete;

    const http::Router& GetRouter() const { return router_; }
    auth::SessionService& Sessions() { return sessions_; }
    // The periodic jobs; `serve` starts and stops their thread.
    scheduler::JobRunner& Jobs() { return jobs_; }
    // Every permission key the routes declare.
    std::set<std::string> PermissionKeys() const;

private:
    // Registers the organisation routes and declares every permission key; returns the keys.
    std::set<std::string> DeclarePermissionKeys();

    auth::SessionService sessions_;
    organisations::OrganisationService organisations_;
    organisations::EnterpriseService enterprises_;
    organisations::EnterpriseImportService enterprise_imports_;
    organisations::CoverageGapService coverage_gaps_;
    organisations::UncoveredEnterpriseService uncovered_;
    network::CommitteeService committees_;
    network::InspectorService inspectors_;
    network::VolunteerService volunteers_;
    network::StaffingService staffing_;
    rules::RulesService rules_;
    files::FileService files_;
    hazards::HazardService hazards_;
    inspections::ChecklistService checklists_;
    inspections::InspectionService inspections_;
    documents::DocumentService documents_;
    documents::ReplyService replies_;
    reports::ReportService reports_;
    reports::PublicReportService public_reports_;
    statistics::StatisticsService statistics_;
    reports::PublicReportLimits report_limits_;
    reports::ReportRouteOptions report_options_;
    annual_reports::AnnualReportService annual_reports_;
    const Clock& clock_;
    system::UserService users_;
    system::DictionaryService dictionaries_;
    system::LogService logs_;
    inbox::InboxService inbox_;
    scheduler::JobRunner jobs_;
    http::Router router_;  // declared before the role service: its keys are the roles' vocabulary
    system::RoleService roles_;
    system::SystemServices services_;
    std::string api_description_;  // the OpenAPI document, built once the table is complete
};

// The route table as a JSON array, one route per line, in registration order:
// {"method","path","access":"public"|"signed_in"|"permission","permission" (null unless access is
// "permission"),"bodyLimit","tag","summary"}.
std::string RouteTableJson(const http::Router& router);

}  // namespace app
