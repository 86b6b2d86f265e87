#include "core/log_context.hpp"

namespace app::log_context {
namespace {
thread_local std::string tls_request_id = "-";
}

const std::string& CurrentRequestId() {
    return tls_request_id;
}

RequestIdScope::RequestIdScope(const std::string& request_id) : previous_(tls_request_id) {
    tls_request_id = request_id;
}

RequestIdScope::~RequestIdScope() {
    tls_request_id = previous_;
}

}  // namespace app::log_context
