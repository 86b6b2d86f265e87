#include "inspections/inspections_routes.hpp"

#include "http/json.hpp"
#include "http/xlsx.hpp"
#include "inspections/inspections_json.hpp"

namespace app::inspections {
namespace {

using http::Localize;
using http::Method;

constexpr const char* kChecklistView = "supervision:checklist:view";
constexpr const char* kChecklistManage = "supervision:checklist:manage";
constexpr const char* kInspectionView = "supervision:inspection:view";
constexpr const char* kInspectionManage = "supervision:inspection:manage";

http::Response TemplateResponse(const ChecklistTemplate& checklist, int status = 200) {
    return http::Response::Json(http::Serialize(ChecklistTemplateToJson(checklist)), status);
}

http::Response InspectionResponse(const Inspection& inspection, int status = 200) {
    return http::Response::Json(http::Serialize(InspectionToJson(inspection)), status);
}

void RegisterChecklistRoutes(http::Router& router, ChecklistService& checklists) {
    router.Add(
        {.method = Method::kGet,
         .path = "/api/v1/checklists",
         .permission = kChecklistView,
         .tag = "inspections",
         .summary = "List checklist templates: the provincial library, the caller's subtree and ancestors "
                    "(?kind=&season=&q=&owner=LIBRARY|OWN|INHERITED)",
         .response_body = "ChecklistTemplatePage"},
        [&](http::Request& request) {
            const auto page = http::ReadPageRequest(request);
            return http::Response::Json(http::Serialize(
                http::PageToJson(checklists.List(request.context, ReadChecklistFilter(request), page),
                                 ChecklistTemplateToJson)));
        });
    router.Add({.method = Method::kGet,
                .path = "/api/v1/checklists/{id}",
                .permission = kChecklistView,
                .tag = "inspections",
                .summary = "One checklist template with its current version, its draft and its version list",
                .response_body = "ChecklistTemplate"},
               [&](http::Request& request) {
                   return TemplateResponse(checklists.Get(request.context, request.PathId("id")));
               });
    router.Add({.method = Method::kGet,
                .path = "/api/v1/checklists/{id}/versions/{version}",
                .permission = kChecklistView,
                .tag = "inspections",
                .summary = "One version of a checklist template with its sections and items",
                .response_body = "ChecklistVersion"},
               [&](http::Request& request) {
                   return http::Response::Json(http::Serialize(ChecklistVersionToJson(checklists.GetVersion(
                       request.context, request.PathId("id"), request.PathId("version")))));
               });
    router.Add({.method = Method::kPost,
                .path = "/api/v1/checklists",
                .permission = kChecklistManage,
                .body_limit = 512 * 1024,
                .tag = "inspections",
                .summary = "Create a checklist template of an organisation in scope (version 1 as a draft)",
                .request_body = "ChecklistTemplateInput",
                .response_body = "ChecklistTemplate"},
               [&](http::Request& request) {
                   return TemplateResponse(
                       checklists.Create(request.context, ReadTemplateInput(http::ParseJsonObject(request))),
                       201);
               });
    router.Add({.method = Method::kPut,
                .path = "/api/v1/checklists/{id}",
                .permission = kChecklistManage,
                .body_limit = 8192,
                .tag = "inspections",
                .summary = "Change a template's name, season and description (items change through drafts)",
                .request_body = "ChecklistTemplateUpdate",
                .response_body = "ChecklistTemplate"},
               [&](http::Request& request) {
                   const std::int64_t id = request.PathId("id");
                   return TemplateResponse(checklists.Update(
                       request.context, id, ReadTemplateUpdate(http::ParseJsonObject(request))));
               });
    router.Add({.method = Method::kPost,
                .path = "/api/v1/checklists/{id}/copy",
                .permission = kChecklistManage,
                .body_limit = 4096,
                .tag = "inspections",
                .summary = "Copy a visible template's current version into an organisation in scope",
                .request_body = "ChecklistCopyInput",
                .response_body = "ChecklistTemplate"},
               [&](http::Request& request) {
                   const std::int64_t id = request.PathId("id");
                   const auto body =
                       request.body.empty() ? boost::json::object{} : http::ParseJsonObject(request);
                   return TemplateResponse(checklists.Copy(request.context, id, ReadCopyInput(body)), 201);
               });
    router.Add({.method = Method::kPut,
                .path = "/api/v1/checklists/{id}/draft",
                .permission = kChecklistManage,
                .body_limit = 512 * 1024,
                .tag = "inspections",
                .summary = "Save the draft version's sections and items (creates the next version if none)",
                .request_body = "ChecklistDraftInput",
                .response_body = "ChecklistTemplate"},
               [&](http::Request& request) {
                   const std::int64_t id = request.PathId("id");
                   return TemplateResponse(checklists.SaveDraft(
                       request.context, id, ReadDraftInput(http::ParseJsonObject(request))));
               });
    router.Add(
        {.method = Method::kPost,
         .path = "/api/v1/checklists/{id}/publish",
         .permission = kChecklistManage,
         .tag = "inspections",
         .summary = "Publish the draft: it becomes the current version and immutable (409 without a draft)",
         .response_body = "ChecklistTemplate"},
        [&](http::Request& request) {
            return TemplateResponse(checklists.Publish(request.context, request.PathId("id")));
        });
}

void RegisterInspectionRoutesOnly(http::Router& router, InspectionService& inspections) {
    router.Add(
        {.method = Method::kGet,
         .path = "/api/v1/inspections",
         .permission = kInspectionView,
         .tag = "inspections",
         .summary = "List inspections organised in the caller's subtree "
                    "(?status=&mode=&enterpriseId=&organisationId=&from=&to=&q=)",
         .response_body = "InspectionPage"},
        [&](http::Request& request) {
            const auto page = http::ReadPageRequest(request);
            return http::Response::Json(http::Serialize(http::PageToJson(
                inspections.List(request.context, ReadInspectionFilter(request), page), InspectionToJson)));
        });
    router.Add({.method = Method::kGet,
                .path = "/api/v1/inspections/export",
                .permission = kInspectionView,
                .tag = "inspections",
                .summary = "Export the filtered inspection list as .xlsx"},
               [&](http::Request& request) {
                   http::XlsxTable table{
                       Localize(request, "监督检查", "Inspections"),
                       {Localize(request, "编号", "Code"), Localize(request, "计划日期", "Planned"),
                        Localize(request, "组织单位", "Organiser"), Localize(request, "企业", "Enterprise"),
                        Localize(request, "方式", "Mode"), Localize(request, "主题", "Topic"),
                        Localize(request, "检查表", "Checklist"), Localize(request, "状态", "Status"),
                        Localize(request, "已检查", "Answered"), Localize(request, "项数", "Items"),
                        Localize(request, "不合格", "Failed"), Localize(request, "得分", "Score"),
                        Localize(request, "满分", "Max score"), Localize(request, "检查人员", "Team")},
                       {16, 12, 24, 30, 20, 24, 30, 18, 8, 8, 8, 8, 8, 30},
                       {}};
                   for (const Inspection& inspection :
                        inspections.ListForExport(request.context, ReadInspectionFilter(request))) {
                       std::string team;
                       for (const TeamMember& member : inspection.team)
                           team += (team.empty() ? "" : "、") + member.name;
                       table.rows.push_back(
                           {inspection.code, inspection.planned_date, inspection.organisation_name,
                            inspection.enterprise_name, inspection.mode, inspection.topic,
                            inspection.checklist_name + " v" + std::to_string(inspection.checklist_version),
                            inspection.status, inspection.answered_count, inspection.item_count,
                            inspection.failed_count, inspection.score, inspection.max_score, team});
                   }
                   return http::Response::File(http::BuildXlsx(table), http::kXlsxContentType,
                                               Localize(request, "监督检查.xlsx", "inspections.xlsx"));
               });
    router.Add({.method = Method::kGet,
                .path = "/api/v1/inspections/{id}",
                .permission = kInspectionView,
                .tag = "inspections",
                .summary = "One inspection with its pinned checklist, answers, hazards found and history",
                .response_body = "Inspection"},
               [&](http::Request& request) {
                   return InspectionResponse(inspections.Get(request.context, request.PathId("id")));
               });
    router.Add({.method = Method::kPost,
                .path = "/api/v1/inspections",
                .permission = kInspectionManage,
                .body_limit = 16384,
                .tag = "inspections",
                .summary = "Plan an inspection (PLANNED; pins the checklist's current version)",
                .request_body = "InspectionPlanInput",
                .response_body = "Inspection"},
               [&](http::Request& request) {
                   return InspectionResponse(
                       inspections.Plan(request.context, ReadPlanInput(http::ParseJsonObject(request))), 201);
               });
    router.Add({.method = Method::kPut,
                .path = "/api/v1/inspections/{id}/answers",
                .permission = kInspectionManage,
                .body_limit = 512 * 1024,
                .tag = "inspections",
                .summary = "Save some answers while IN_PROGRESS (idempotent; a null result clears an item)",
                .request_body = "InspectionAnswersInput",
                .response_body = "Inspection"},
               [&](http::Request& request) {
                   const std::int64_t id = request.PathId("id");
                   return InspectionResponse(inspections.SaveAnswers(
                       request.context, id, ReadAnswers(http::ParseJsonObject(request))));
               });
    router.Add(
        {.method = Method::kPost,
         .path = "/api/v1/inspections/{id}/transitions",
         .permission = kInspectionManage,
         .body_limit = 16384,
         .tag = "inspections",
         .summary = "Move an inspection along W1 (START, RECORD_FINDINGS, ACKNOWLEDGE, REFUSE_SIGNATURE, "
                    "FOLLOW_UP, CLOSE, CANCEL); 409 when W1 does not allow it",
         .request_body = "InspectionTransitionInput",
         .response_body = "Inspection"},
        [&](http::Request& request) {
            const std::int64_t id = request.PathId("id");
            return InspectionResponse(inspections.Transition(
                request.context, id, ReadTransitionInput(http::ParseJsonObject(request))));
        });
}

}  // namespace

void RegisterInspectionRoutes(http::Router& router, ChecklistService& checklists,
                              InspectionService& inspections) {
    router.DeclarePermission({kChecklistView, "查看检查表库", "View checklist templates"});
    router.DeclarePermission(
        {kChecklistManage, "维护本级及下级的检查表（复制、编辑草稿、发布）", "Manage checklist templates"});
    router.DeclarePermission({kInspectionView, "查看监督检查", "View inspections"});
    router.DeclarePermission(
        {kInspectionManage, "计划、实施和记录监督检查", "Plan, carry out and record inspections"});
    RegisterChecklistRoutes(router, checklists);
    RegisterInspectionRoutesOnly(router, inspections);
}

}  // namespace app::inspections
