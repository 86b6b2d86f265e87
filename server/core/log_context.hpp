#pragma once

#include <string>

namespace app::log_context {

// The request id of the request the current thread is serving, for every log line written meanwhile.
// Set by the HTTP dispatcher around each handler; "-" outside requests.
const std::string& CurrentRequestId();

class RequestIdScope {
public:
    explicit RequestIdScope(const std::string& request_id);
    ~RequestIdScope();
    RequestIdScope(const RequestIdScope&) = delete;
    RequestIdScope& operator=(const RequestIdScope&) = delete;

private:
    std::string previous_;
};

}  // namespace app::log_context
