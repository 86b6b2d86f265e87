#include "network/network_routes.hpp"

#include <boost/json/array.hpp>
#include <cstdio>

#include "http/json.hpp"
#include "http/xlsx.hpp"
#include "network/network_json.hpp"

namespace app::network {
namespace {

using http::Localize;
using http::Method;

constexpr const char* kView = "organisation:network:view";
constexpr const char* kManage = "organisation:network:manage";
constexpr const char* kInspectorManage = "organisation:inspector:manage";

std::string Yuan(std::int64_t fen) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%lld.%02lld", static_cast<long long>(fen / 100),
                  static_cast<long long>(fen % 100));
    return buffer;
}

http::Response Xlsx(const http::XlsxTable& table, const http::Request& request, const char* zh,
                    const char* en) {
    return http::Response::File(http::BuildXlsx(table), http::kXlsxContentType, Localize(request, zh, en));
}

void RegisterCommitteeRoutes(http::Router& router, CommitteeService& committees) {
    router.Add(
        {.method = Method::kGet,
         .path = "/api/v1/lp-committees",
         .permission = kView,
         .tag = "network",
         .summary = "List supervision committees of unions in the caller's scope",
         .response_body = "CommitteePage"},
        [&](http::Request& request) {
            const auto page = http::ReadPageRequest(request);
            return http::Response::Json(http::Serialize(http::PageToJson(
                committees.List(request.context, ReadCommitteeFilter(request), page), CommitteeToJson)));
        });
    router.Add({.method = Method::kGet,
                .path = "/api/v1/lp-committees/export",
                .permission = kView,
                .tag = "network",
                .summary = "Export the filtered committee list as .xlsx"},
               [&](http::Request& request) {
                   http::XlsxTable table{
                       Localize(request, "监督检查委员会", "Committees"),
                       {Localize(request, "工会", "Union"), Localize(request, "成立日期", "Established"),
                        Localize(request, "批准", "Approved by"), Localize(request, "任期届满", "Term ends"),
                        Localize(request, "状态", "Status"), Localize(request, "主任", "Chair"),
                        Localize(request, "人数", "Members")},
                       {30, 12, 30, 12, 10, 12, 8},
                       {}};
                   for (const Committee& committee :
                        committees.ListForExport(request.context, ReadCommitteeFilter(request))) {
                       std::string chair;
                       for (const CommitteeMember& member : committee.members) {
                           if (member.role == "CHAIR") chair = member.name;
                       }
                       table.rows.push_back({committee.organisation_name, committee.established_on,
                                             committee.approved_by, committee.term_end, committee.status,
                                             chair, static_cast<std::int64_t>(committee.members.size())});
                   }
                   return Xlsx(table, request, "监督检查委员会.xlsx", "committees.xlsx");
               });
    router.Add({.method = Method::kGet,
                .path = "/api/v1/lp-committees/{id}",
                .permission = kView,
                .tag = "network",
                .summary = "One committee with its members",
                .response_body = "Committee"},
               [&](http::Request& request) {
                   return http::Response::Json(http::Serialize(
                       CommitteeToJson(committees.Get(request.context, request.PathId("id")))));
               });
    router.Add({.method = Method::kPost,
                .path = "/api/v1/lp-committees",
                .permission = kManage,
                .body_limit = 32768,
                .tag = "network",
                .summary = "Record a supervision committee (ACTIVE: one chair, ≤2 vice-chairs, 7–15 members)",
                .request_body = "CommitteeInput",
                .response_body = "Committee"},
               [&](http::Request& request) {
                   const Committee created =
                       committees.Create(request.context, ReadCommitteeInput(http::ParseJsonObject(request)));
                   return http::Response::Json(http::Serialize(CommitteeToJson(created)), 201);
               });
    router.Add({.method = Method::kPut,
                .path = "/api/v1/lp-committees/{id}",
                .permission = kManage,
                .body_limit = 32768,
                .tag = "network",
                .summary = "Change a committee and replace its members",
                .request_body = "CommitteeInput",
                .response_body = "Committee"},
               [&](http::Request& request) {
                   const std::int64_t id = request.PathId("id");
                   const Committee updated = committees.Update(
                       request.context, id, ReadCommitteeInput(http::ParseJsonObject(request)));
                   return http::Response::Json(http::Serialize(CommitteeToJson(updated)));
               });
    router.Add({.method = Method::kDelete,
                .path = "/api/v1/lp-committees/{id}",
                .permission = kManage,
                .tag = "network",
                .summary = "Delete a committee"},
               [&](http::Request& request) {
                   committees.Delete(request.context, request.PathId("id"));
                   return http::Response::NoContent();
               });
}

void RegisterInspectorRoutes(http::Router& router, InspectorService& inspectors) {
    router.Add(
        {.method = Method::kGet,
         .path = "/api/v1/lp-inspectors",
         .permission = kView,
         .tag = "network",
         .summary = "List labour-protection inspectors whose home organisation is in the caller's scope",
         .response_body = "InspectorPage"},
        [&](http::Request& request) {
            const auto page = http::ReadPageRequest(request);
            return http::Response::Json(http::Serialize(http::PageToJson(
                inspectors.List(request.context, ReadInspectorFilter(request), page), InspectorToJson)));
        });
    router.Add(
        {.method = Method::kGet,
         .path = "/api/v1/lp-inspectors/export",
         .permission = kView,
         .tag = "network",
         .summary = "Export the filtered inspector list as .xlsx"},
        [&](http::Request& request) {
            http::XlsxTable table{
                Localize(request, "监督检查员", "Inspectors"),
                {Localize(request, "姓名", "Name"), Localize(request, "所在组织", "Home organisation"),
                 Localize(request, "任命单位", "Appointed by"), Localize(request, "证号", "Certificate"),
                 Localize(request, "方式", "Mode"), Localize(request, "任命日期", "Appointed"),
                 Localize(request, "任期届满", "Term ends"), Localize(request, "状态", "Status"),
                 Localize(request, "电话", "Phone")},
                {12, 28, 28, 18, 18, 12, 12, 14, 14},
                {}};
            for (const Inspector& inspector :
                 inspectors.ListForExport(request.context, ReadInspectorFilter(request))) {
                table.rows.push_back({inspector.name, inspector.home_organisation_name,
                                      inspector.appointing_organisation_name, inspector.certificate_no,
                                      inspector.employment_mode, inspector.appointment_date,
                                      inspector.term_end, inspector.status, inspector.phone});
            }
            return Xlsx(table, request, "监督检查员.xlsx", "inspectors.xlsx");
        });
    router.Add({.method = Method::kGet,
                .path = "/api/v1/lp-inspectors/{id}",
                .permission = kView,
                .tag = "network",
                .summary = "One inspector, with the statuses workflow W10 allows next",
                .response_body = "Inspector"},
               [&](http::Request& request) {
                   return http::Response::Json(http::Serialize(
                       InspectorToJson(inspectors.Get(request.context, request.PathId("id")))));
               });
    router.Add({.method = Method::kPost,
                .path = "/api/v1/lp-inspectors",
                .permission = kInspectorManage,
                .body_limit = 8192,
                .tag = "network",
                .summary = "Nominate an inspector (status NOMINATED)",
                .request_body = "InspectorInput",
                .response_body = "Inspector"},
               [&](http::Request& request) {
                   const Inspector created =
                       inspectors.Create(request.context, ReadInspectorInput(http::ParseJsonObject(request)));
                   return http::Response::Json(http::Serialize(InspectorToJson(created)), 201);
               });
    router.Add({.method = Method::kPut,
                .path = "/api/v1/lp-inspectors/{id}",
                .permission = kInspectorManage,
                .body_limit = 8192,
                .tag = "network",
                .summary = "Change an inspector's details (status changes go through transitions)",
                .request_body = "InspectorInput",
                .response_body = "Inspector"},
               [&](http::Request& request) {
                   const std::int64_t id = request.PathId("id");
                   const Inspector updated = inspectors.Update(
                       request.context, id, ReadInspectorInput(http::ParseJsonObject(request)));
                   return http::Response::Json(http::Serialize(InspectorToJson(updated)));
               });
    router.Add({.method = Method::kDelete,
                .path = "/api/v1/lp-inspectors/{id}",
                .permission = kInspectorManage,
                .tag = "network",
                .summary = "Delete a nomination entered by mistake (409 once it has moved on)"},
               [&](http::Request& request) {
                   inspectors.Delete(request.context, request.PathId("id"));
                   return http::Response::NoContent();
               });
    router.Add({.method = Method::kPost,
                .path = "/api/v1/lp-inspectors/{id}/transitions",
                .permission = kInspectorManage,
                .body_limit = 4096,
                .tag = "network",
                .summary = "Move an inspector along workflow W10 (409 when not allowed; appointments need "
                           "organisation:inspector:appoint)",
                .request_body = "TransitionInput",
                .response_body = "Inspector"},
               [&](http::Request& request) {
                   const std::int64_t id = request.PathId("id");
                   const Inspector updated = inspectors.Transition(
                       request.context, id, ReadTransitionInput(http::ParseJsonObject(request)));
                   return http::Response::Json(http::Serialize(InspectorToJson(updated)));
               });
    router.Add(
        {.method = Method::kGet,
         .path = "/api/v1/lp-inspectors/{id}/history",
         .permission = kView,
         .tag = "network",
         .summary = "Every status change of an inspector, oldest first",
         .response_body = "StatusChangeList"},
        [&](http::Request& request) {
            boost::json::array items;
            for (const StatusChange& change : inspectors.History(request.context, request.PathId("id"))) {
                items.push_back(StatusChangeToJson(change));
            }
            return http::Response::Json(http::Serialize(items));
        });
}

void RegisterVolunteerRoutes(http::Router& router, VolunteerService& volunteers) {
    router.Add(
        {.method = Method::kGet,
         .path = "/api/v1/lp-volunteers",
         .permission = kView,
         .tag = "network",
         .summary = "List union-group inspectors and mass safety supervisors in the caller's scope",
         .response_body = "VolunteerPage"},
        [&](http::Request& request) {
            const auto page = http::ReadPageRequest(request);
            return http::Response::Json(http::Serialize(http::PageToJson(
                volunteers.List(request.context, ReadVolunteerFilter(request), page), VolunteerToJson)));
        });
    router.Add(
        {.method = Method::kGet,
         .path = "/api/v1/lp-volunteers/export",
         .permission = kView,
         .tag = "network",
         .summary = "Export the filtered volunteer list as .xlsx"},
        [&](http::Request& request) {
            http::XlsxTable table{
                Localize(request, "群众监督员", "Volunteers"),
                {Localize(request, "姓名", "Name"), Localize(request, "类别", "Kind"),
                 Localize(request, "细类", "Subtype"), Localize(request, "组织", "Organisation"),
                 Localize(request, "企业", "Enterprise"), Localize(request, "班组", "Team"),
                 Localize(request, "任命/当选", "Appointed"), Localize(request, "任期届满", "Term ends"),
                 Localize(request, "状态", "Status")},
                {12, 18, 24, 28, 30, 16, 12, 12, 12},
                {}};
            for (const Volunteer& volunteer :
                 volunteers.ListForExport(request.context, ReadVolunteerFilter(request))) {
                table.rows.push_back({volunteer.name, volunteer.kind, volunteer.subtype,
                                      volunteer.organisation_name, volunteer.enterprise_name, volunteer.team,
                                      volunteer.appointed_on, volunteer.term_end, volunteer.status});
            }
            return Xlsx(table, request, "群众监督员.xlsx", "volunteers.xlsx");
        });
    router.Add({.method = Method::kGet,
                .path = "/api/v1/lp-volunteers/{id}",
                .permission = kView,
                .tag = "network",
                .summary = "One union-group inspector or mass supervisor",
                .response_body = "Volunteer"},
               [&](http::Request& request) {
                   return http::Response::Json(http::Serialize(
                       VolunteerToJson(volunteers.Get(request.context, request.PathId("id")))));
               });
    router.Add({.method = Method::kPost,
                .path = "/api/v1/lp-volunteers",
                .permission = kManage,
                .body_limit = 8192,
                .tag = "network",
                .summary = "Record a union-group inspector or mass supervisor",
                .request_body = "VolunteerInput",
                .response_body = "Volunteer"},
               [&](http::Request& request) {
                   const Volunteer created =
                       volunteers.Create(request.context, ReadVolunteerInput(http::ParseJsonObject(request)));
                   return http::Response::Json(http::Serialize(VolunteerToJson(created)), 201);
               });
    router.Add({.method = Method::kPut,
                .path = "/api/v1/lp-volunteers/{id}",
                .permission = kManage,
                .body_limit = 8192,
                .tag = "network",
                .summary = "Change a union-group inspector or mass supervisor",
                .request_body = "VolunteerInput",
                .response_body = "Volunteer"},
               [&](http::Request& request) {
                   const std::int64_t id = request.PathId("id");
                   const Volunteer updated = volunteers.Update(
                       request.context, id, ReadVolunteerInput(http::ParseJsonObject(request)));
                   return http::Response::Json(http::Serialize(VolunteerToJson(updated)));
               });
    router.Add({.method = Method::kDelete,
                .path = "/api/v1/lp-volunteers/{id}",
                .permission = kManage,
                .tag = "network",
                .summary = "Delete a union-group inspector or mass supervisor"},
               [&](http::Request& request) {
                   volunteers.Delete(request.context, request.PathId("id"));
                   return http::Response::NoContent();
               });
}

void RegisterStaffingRoutes(http::Router& router, StaffingService& staffing) {
    router.Add(
        {.method = Method::kGet,
         .path = "/api/v1/lp-staffing",
         .permission = kView,
         .tag = "network",
         .summary = "Yearly staffing and funding rows for a subtree, with totals over every matching row",
         .response_body = "StaffingPage"},
        [&](http::Request& request) {
            const auto page = http::ReadPageRequest(request);
            const StaffingPage result = staffing.List(request.context, ReadStaffingFilter(request), page);
            boost::json::object body =
                http::PageToJson(Page<Staffing>{result.items, result.total}, StaffingToJson);
            body["totals"] = StaffingTotalsToJson(result.totals);
            return http::Response::Json(http::Serialize(body));
        });
    router.Add(
        {.method = Method::kGet,
         .path = "/api/v1/lp-staffing/export",
         .permission = kView,
         .tag = "network",
         .summary = "Export the staffing and funding rows as .xlsx"},
        [&](http::Request& request) {
            http::XlsxTable table{
                Localize(request, "编制与经费", "Staffing"),
                {Localize(request, "组织", "Organisation"), Localize(request, "年度", "Year"),
                 Localize(request, "劳动保护部门", "LP department"),
                 Localize(request, "专职干部", "Full-time cadres"),
                 Localize(request, "兼职干部", "Part-time cadres"),
                 Localize(request, "编制数", "Authorised posts"),
                 Localize(request, "预算（元）", "Budget (yuan)"),
                 Localize(request, "支出（元）", "Spent (yuan)"), Localize(request, "备注", "Notes")},
                {30, 8, 24, 10, 10, 10, 16, 16, 30},
                {}};
            for (const Staffing& row : staffing.ListForExport(request.context, ReadStaffingFilter(request))) {
                table.rows.push_back(
                    {row.organisation_name, row.year,
                     row.has_lp_department ? row.lp_department_name : Localize(request, "无", "None"),
                     row.fulltime_lp_cadres, row.parttime_lp_cadres, row.authorised_posts,
                     Yuan(row.budget_planned_fen), Yuan(row.budget_spent_fen), row.notes});
            }
            return Xlsx(table, request, "编制与经费.xlsx", "staffing.xlsx");
        });
    router.Add({.method = Method::kPut,
                .path = "/api/v1/lp-staffing",
                .permission = kManage,
                .body_limit = 8192,
                .tag = "network",
                .summary = "Save the staffing and funding of one organisation for one year (an upsert)",
                .request_body = "StaffingInput",
                .response_body = "Staffing"},
               [&](http::Request& request) {
                   const Staffing saved =
                       staffing.Save(request.context, ReadStaffingInput(http::ParseJsonObject(request)));
                   return http::Response::Json(http::Serialize(StaffingToJson(saved)));
               });
    router.Add({.method = Method::kDelete,
                .path = "/api/v1/lp-staffing/{id}",
                .permission = kManage,
                .tag = "network",
                .summary = "Delete one year's staffing row"},
               [&](http::Request& request) {
                   staffing.Delete(request.context, request.PathId("id"));
                   return http::Response::NoContent();
               });
}

}  // namespace

void RegisterNetworkRoutes(http::Router& router, NetworkServices services) {
    router.DeclarePermission(
        {kView, "查看监督网络（委员会、检查员、监督员、编制经费）", "View the supervision network"});
    router.DeclarePermission(
        {kManage, "管理委员会、群众监督员、编制经费", "Manage committees, volunteers, staffing"});
    router.DeclarePermission({kInspectorManage, "管理监督检查员（提名、培训、考核等）", "Manage inspectors"});
    router.DeclarePermission({"organisation:inspector:appoint", "任命监督检查员", "Appoint inspectors"});
    RegisterCommitteeRoutes(router, services.committees);
    RegisterInspectorRoutes(router, services.inspectors);
    RegisterVolunteerRoutes(router, services.volunteers);
    RegisterStaffingRoutes(router, services.staffing);
}

}  // namespace app::network
