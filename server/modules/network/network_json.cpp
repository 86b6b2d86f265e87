#include "network/network_json.hpp"

#include <boost/json/array.hpp>

#include "http/json.hpp"
#include "network/inspector_workflow.hpp"

namespace app::network {
namespace {

boost::json::value OptionalId(const std::optional<std::int64_t>& id) {
    return id ? boost::json::value(*id) : boost::json::value(nullptr);
}

}  // namespace

boost::json::object CommitteeToJson(const Committee& committee) {
    boost::json::array members;
    int chairs = 0;
    int vice_chairs = 0;
    std::string chair_name;
    for (const CommitteeMember& member : committee.members) {
        members.push_back({{"name", member.name},
                           {"role", member.role},
                           {"phone", member.phone},
                           {"position", member.position}});
        if (member.role == "CHAIR") {
            ++chairs;
            chair_name = member.name;
        }
        if (member.role == "VICE_CHAIR") ++vice_chairs;
    }
    return {{"id", committee.id},
            {"organisationId", committee.organisation_id},
            {"organisationName", committee.organisation_name},
            {"establishedOn", committee.established_on},
            {"approvedBy", committee.approved_by},
            {"termEnd", committee.term_end},
            {"status", committee.status},
            {"memberCount", static_cast<std::int64_t>(committee.members.size())},
            {"chairName", chair_name},
            {"viceChairCount", vice_chairs},
            {"members", std::move(members)},
            {"createdAt", committee.created_at},
            {"updatedAt", committee.updated_at}};
}

boost::json::object InspectorToJson(const Inspector& inspector) {
    boost::json::array next;
    InspectorStatus status{};
    if (ParseInspectorStatus(inspector.status, status)) {
        for (InspectorStatus candidate : NextStatuses(status))
            next.push_back(boost::json::string_view(InspectorStatusName(candidate).data(),
                                                    InspectorStatusName(candidate).size()));
    }
    return {{"id", inspector.id},
            {"name", inspector.name},
            {"gender", inspector.gender},
            {"phone", inspector.phone},
            {"homeOrganisationId", inspector.home_organisation_id},
            {"homeOrganisationName", inspector.home_organisation_name},
            {"appointingOrganisationId", OptionalId(inspector.appointing_organisation_id)},
            {"appointingOrganisationName", inspector.appointing_organisation_id
                                               ? boost::json::value(inspector.appointing_organisation_name)
                                               : boost::json::value(nullptr)},
            {"certificateNo", inspector.certificate_no},
            {"employmentMode", inspector.employment_mode},
            {"appointmentDate", inspector.appointment_date},
            {"termEnd", inspector.term_end},
            {"status", inspector.status},
            {"nextStatuses", std::move(next)},
            {"notes", inspector.notes},
            {"createdAt", inspector.created_at},
            {"updatedAt", inspector.updated_at}};
}

boost::json::object StatusChangeToJson(const StatusChange& change) {
    return {{"id", change.id},
            {"fromStatus", change.from_status.empty() ? boost::json::value(nullptr)
                                                      : boost::json::value(change.from_status)},
            {"toStatus", change.to_status},
            {"date", change.date},
            {"note", change.note},
            {"userId", OptionalId(change.user_id)},
            {"username", change.username},
            {"createdAt", change.created_at}};
}

boost::json::object VolunteerToJson(const Volunteer& volunteer) {
    return {{"id", volunteer.id},
            {"kind", volunteer.kind},
            {"subtype", volunteer.subtype},
            {"name", volunteer.name},
            {"phone", volunteer.phone},
            {"organisationId", volunteer.organisation_id},
            {"organisationName", volunteer.organisation_name},
            {"enterpriseId", OptionalId(volunteer.enterprise_id)},
            {"enterpriseName", volunteer.enterprise_id ? boost::json::value(volunteer.enterprise_name)
                                                       : boost::json::value(nullptr)},
            {"team", volunteer.team},
            {"appointedOn", volunteer.appointed_on},
            {"termEnd", volunteer.term_end},
            {"status", volunteer.status},
            {"createdAt", volunteer.created_at},
            {"updatedAt", volunteer.updated_at}};
}

boost::json::object StaffingToJson(const Staffing& staffing) {
    return {{"id", staffing.id},
            {"organisationId", staffing.organisation_id},
            {"organisationName", staffing.organisation_name},
            {"year", staffing.year},
            {"hasLpDepartment", staffing.has_lp_department},
            {"lpDepartmentName", staffing.lp_department_name},
            {"fulltimeLpCadres", staffing.fulltime_lp_cadres},
            {"parttimeLpCadres", staffing.parttime_lp_cadres},
            {"authorisedPosts", staffing.authorised_posts},
            {"budgetPlannedFen", staffing.budget_planned_fen},
            {"budgetSpentFen", staffing.budget_spent_fen},
            {"notes", staffing.notes},
            {"createdAt", staffing.created_at},
            {"updatedAt", staffing.updated_at}};
}

boost::json::object StaffingTotalsToJson(const StaffingTotals& totals) {
    return {{"organisations", totals.organisations},         {"withDepartment", totals.with_department},
            {"fulltimeLpCadres", totals.fulltime_lp_cadres}, {"parttimeLpCadres", totals.parttime_lp_cadres},
            {"authorisedPosts", totals.authorised_posts},    {"budgetPlannedFen", totals.budget_planned_fen},
            {"budgetSpentFen", totals.budget_spent_fen}};
}

CommitteeInput ReadCommitteeInput(const boost::json::object& body) {
    http::FieldReader reader(body);
    CommitteeInput input;
    input.organisation_id = reader.RequiredInt64("organisationId", 1, INT64_MAX);
    input.established_on = reader.RequiredString("establishedOn", 10, 10);
    input.approved_by = reader.OptionalString("approvedBy", 200).value_or("");
    input.term_end = reader.OptionalString("termEnd", 10).value_or("");
    input.status = reader.OptionalString("status", 16).value_or("ACTIVE");
    const auto* members = body.if_contains("members");
    if (!members || !members->is_array() || members->as_array().size() > 100) {
        reader.AddError("members",
                        {"须为成员列表（不超过 100 人）", "must be a list of at most 100 members"});
    } else {
        std::size_t index = 0;
        for (const boost::json::value& item : members->as_array()) {
            const std::string prefix = "members." + std::to_string(index++) + ".";
            if (!item.is_object()) {
                reader.AddError(prefix + "name", {"须为对象", "must be an object"});
                continue;
            }
            http::FieldReader member_reader(item.as_object());
            CommitteeMember member;
            member.name = member_reader.RequiredString("name", 1, 50);
            member.role = member_reader.RequiredString("role", 1, 16);
            member.phone = member_reader.OptionalString("phone", 20).value_or("");
            member.position = member_reader.OptionalString("position", 100).value_or("");
            try {
                member_reader.Finish();
            } catch (const Error& error) {
                for (const auto& [field, message] : error.GetFieldErrors())
                    reader.AddError(prefix + field, message);
            }
            input.members.push_back(std::move(member));
        }
    }
    reader.Finish();
    return input;
}

InspectorInput ReadInspectorInput(const boost::json::object& body) {
    http::FieldReader reader(body);
    InspectorInput input;
    input.name = reader.RequiredString("name", 2, 50);
    input.gender = reader.OptionalString("gender", 8).value_or("");
    input.phone = reader.OptionalString("phone", 20).value_or("");
    input.home_organisation_id = reader.RequiredInt64("homeOrganisationId", 1, INT64_MAX);
    input.employment_mode = reader.RequiredString("employmentMode", 1, 32);
    input.term_end = reader.OptionalString("termEnd", 10).value_or("");
    input.notes = reader.OptionalString("notes", 500).value_or("");
    reader.Finish();
    return input;
}

TransitionInput ReadTransitionInput(const boost::json::object& body) {
    http::FieldReader reader(body);
    TransitionInput input;
    input.to = reader.RequiredString("to", 1, 32);
    input.date = reader.RequiredString("date", 10, 10);
    input.note = reader.OptionalString("note", 500).value_or("");
    input.appointing_organisation_id = reader.OptionalInt64("appointingOrganisationId", 1, INT64_MAX);
    input.certificate_no = reader.OptionalString("certificateNo", 32).value_or("");
    input.term_end = reader.OptionalString("termEnd", 10).value_or("");
    reader.Finish();
    return input;
}

VolunteerInput ReadVolunteerInput(const boost::json::object& body) {
    http::FieldReader reader(body);
    VolunteerInput input;
    input.kind = reader.RequiredString("kind", 1, 32);
    input.subtype = reader.OptionalString("subtype", 64).value_or("");
    input.name = reader.RequiredString("name", 2, 50);
    input.phone = reader.OptionalString("phone", 20).value_or("");
    input.organisation_id = reader.RequiredInt64("organisationId", 1, INT64_MAX);
    input.enterprise_id = reader.OptionalInt64("enterpriseId", 1, INT64_MAX);
    input.team = reader.OptionalString("team", 100).value_or("");
    input.appointed_on = reader.RequiredString("appointedOn", 10, 10);
    input.term_end = reader.OptionalString("termEnd", 10).value_or("");
    input.status = reader.OptionalString("status", 16).value_or("ACTIVE");
    reader.Finish();
    return input;
}

StaffingInput ReadStaffingInput(const boost::json::object& body) {
    http::FieldReader reader(body);
    StaffingInput input;
    input.organisation_id = reader.RequiredInt64("organisationId", 1, INT64_MAX);
    input.year = reader.RequiredInt64("year", 2000, 2100);
    input.has_lp_department = reader.OptionalBool("hasLpDepartment").value_or(false);
    input.lp_department_name = reader.OptionalString("lpDepartmentName", 100).value_or("");
    input.fulltime_lp_cadres = reader.OptionalInt64("fulltimeLpCadres", 0, 100'000).value_or(0);
    input.parttime_lp_cadres = reader.OptionalInt64("parttimeLpCadres", 0, 100'000).value_or(0);
    input.authorised_posts = reader.OptionalInt64("authorisedPosts", 0, 100'000).value_or(0);
    input.budget_planned_fen = reader.OptionalInt64("budgetPlannedFen", 0, 10'000'000'000'000).value_or(0);
    input.budget_spent_fen = reader.OptionalInt64("budgetSpentFen", 0, 10'000'000'000'000).value_or(0);
    input.notes = reader.OptionalString("notes", 500).value_or("");
    reader.Finish();
    return input;
}

CommitteeFilter ReadCommitteeFilter(const http::Request& request) {
    CommitteeFilter filter;
    filter.organisation_id = http::QueryInt64(request, "organisationId");
    filter.status = http::QueryText(request, "status", 16).value_or("");
    filter.keyword = http::QueryText(request, "keyword", 64).value_or("");
    return filter;
}

InspectorFilter ReadInspectorFilter(const http::Request& request) {
    InspectorFilter filter;
    filter.organisation_id = http::QueryInt64(request, "organisationId");
    filter.status = http::QueryText(request, "status", 16).value_or("");
    filter.employment_mode = http::QueryText(request, "employmentMode", 32).value_or("");
    filter.keyword = http::QueryText(request, "keyword", 64).value_or("");
    return filter;
}

VolunteerFilter ReadVolunteerFilter(const http::Request& request) {
    VolunteerFilter filter;
    filter.organisation_id = http::QueryInt64(request, "organisationId");
    filter.kind = http::QueryText(request, "kind", 32).value_or("");
    filter.status = http::QueryText(request, "status", 16).value_or("");
    filter.keyword = http::QueryText(request, "keyword", 64).value_or("");
    return filter;
}

StaffingFilter ReadStaffingFilter(const http::Request& request) {
    StaffingFilter filter;
    filter.organisation_id = http::QueryInt64(request, "organisationId");
    filter.year = http::QueryInt64(request, "year");
    return filter;
}

}  // namespace app::network
