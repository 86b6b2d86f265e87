#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "http/client_address.hpp"
#include "http/dispatcher.hpp"
#include "http/router.hpp"

namespace app::http {

struct ServerOptions {
    std::string address = "127.0.0.1";
    std::uint16_t port = 8080;  // 0 picks a free port
    int worker_threads = 4;     // blocking handler work (database) runs here
    std::size_t header_limit = 16 * 1024;
    std::chrono::seconds header_timeout{15};  // a slow client must send its headers within this
    std::chrono::seconds idle_timeout{60};    // keep-alive connections idle longer are closed
    std::chrono::seconds shutdown_grace{25};  // SIGTERM waits this long for in-flight requests
    std::size_t max_connections = 4096;
    TrustedProxies trusted_proxies;  // whose X-Forwarded-For names the client (server.trusted_proxies)
    std::function<void(std::uint16_t port)> on_listening;
};

// HTTP/1.1 server: one I/O thread runs a coroutine per connection; handlers run on a worker pool.
// Run() blocks until SIGTERM or SIGINT, then stops accepting, lets in-flight requests finish (up to the
// grace period), closes idle keep-alive connections and returns.
class Server {
public:
    Server(ServerOptions options, const Router& router, const Dispatcher& dispatcher);
    ~Server();
    void Run();

private:
    struct State;
    std::unique_ptr<State> state_;
};

}  // namespace app::http
