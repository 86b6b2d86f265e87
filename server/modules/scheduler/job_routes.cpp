#include "scheduler/job_routes.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "http/json.hpp"

namespace app::scheduler {
namespace {

using http::Method;

constexpr const char* kView = "system:audit:view";
constexpr const char* kRun = "system:job:run";

boost::json::object JobToJson(const JobStatus& job) {
    return {{"name", job.name},
            {"intervalSeconds", job.interval_ms / 1000},
            {"holder", job.holder},
            {"leaseUntil", job.lease_until},
            {"lastStartedAt", job.last_started_at},
            {"lastFinishedAt", job.last_finished_at},
            {"lastResult", job.last_result}};
}

}  // namespace

void RegisterJobRoutes(http::Router& router, JobRunner& jobs) {
    router.DeclarePermission({kRun, "立即运行定时任务", "Run a scheduled job now"});

    router.Add({.method = Method::kGet,
                .path = "/api/v1/system/jobs",
                .permission = kView,
                .tag = "system",
                .summary = "The periodic jobs of this server process with their lease and last result",
                .response_body = "JobList"},
               [&](http::Request&) {
                   boost::json::array items;
                   for (const JobStatus& job : jobs.List()) items.push_back(JobToJson(job));
                   return http::Response::Json(http::Serialize(
                       boost::json::object{{"holder", jobs.Holder()}, {"items", std::move(items)}}));
               });
    router.Add({.method = Method::kPost,
                .path = "/api/v1/system/jobs/{name}/run",
                .permission = kRun,
                .tag = "system",
                .summary = "Run a job now, in this request, whoever holds its lease; answers its result",
                .response_body = "JobRun"},
               [&](http::Request& request) {
                   const std::string name = request.PathParameter("name");
                   const std::string result = jobs.RunNow(request.context, name);
                   return http::Response::Json(
                       http::Serialize(boost::json::object{{"name", name}, {"result", result}}));
               });
}

}  // namespace app::scheduler
