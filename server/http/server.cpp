// The only translation unit that includes Beast and Asio.
#include "http/server.hpp"

#include <spdlog/spdlog.h>
#include <boost/asio.hpp>
#include <boost/asio/experimental/awaitable_operators.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <atomic>
#include <list>

#include "core/text.hpp"
#include "http/error_response.hpp"

namespace app::http {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;

struct Server::State {
    ServerOptions options;
    const Router& router;
    const Dispatcher& dispatcher;
    asio::io_context io{1};
    asio::thread_pool workers;
    tcp::acceptor acceptor{io};
    asio::signal_set signals{io, SIGTERM, SIGINT};
    asio::steady_timer grace_timer{io};
    bool draining = false;

    struct Connection {
        beast::tcp_stream* stream = nullptr;
        bool busy = false;  // a request is being read, handled or written
    };
    std::list<Connection> connections;  // touched only on the I/O thread

    State(ServerOptions options_in, const Router& router_in, const Dispatcher& dispatcher_in)
        : options(std::move(options_in)),
          router(router_in),
          dispatcher(dispatcher_in),
          workers(static_cast<std::size_t>(std::max(1, options.worker_threads))) {}

    void MaybeFinishShutdown() {
        if (draining && connections.empty()) {
            grace_timer.cancel();
            io.stop();
        }
    }

    void BeginShutdown() {
        if (draining) return;
        draining = true;
        spdlog::info("shutting down: finishing {} open connection(s)", connections.size());
        beast::error_code ignored;
        acceptor.close(ignored);
        for (Connection& connection : connections) {
            // Idle keep-alive connections are closed now; busy ones close after their response.
            if (!connection.busy) connection.stream->socket().cancel(ignored);
        }
        grace_timer.expires_after(options.shutdown_grace);
        grace_timer.async_wait([this](beast::error_code error) {
            if (!error) {
                spdlog::warn("shutdown grace period over; closing {} connection(s)", connections.size());
                io.stop();
            }
        });
        MaybeFinishShutdown();
    }

    Request ToRequest(bhttp::request<bhttp::string_body>&& message, const std::string& peer_address) const {
        Request request;
        request.method = ParseMethod(std::string_view(message.method_string()));
        const std::string_view target(message.target());
        const auto question = target.find('?');
        request.path = RequestPathOf(target);
        if (question != std::string_view::npos)
            request.query_string = std::string(target.substr(question + 1));
        for (const auto& field : message) {
            request.headers.emplace_back(text::ToLowerAscii(std::string_view(field.name_string())),
                                         std::string(field.value()));
        }
        request.body = std::move(message.body());
        const std::string_view forwarded_for = message["X-Forwarded-For"];
        request.context.client_address = options.trusted_proxies.ClientAddress(peer_address, forwarded_for);
        return request;
    }

    static bhttp::response<bhttp::string_body> ToMessage(Response&& response, unsigned version,
                                                         bool keep_alive, bool head_request) {
        bhttp::response<bhttp::string_body> message{static_cast<bhttp::status>(response.status), version};
        message.set(bhttp::field::server, "ankang");
        if (!response.content_type.empty()) message.set(bhttp::field::content_type, response.content_type);
        for (auto& [name, value] : response.headers) message.set(name, value);
        message.keep_alive(keep_alive);
        message.body() = std::move(response.body);
        message.prepare_payload();
        if (head_request) {
            const auto length = message.body().size();
            message.body().clear();
            message.content_length(length);
        }
        return message;
    }

    Response RejectedResponse(const Error& error) {
        const std::string request_id = Dispatcher::NewRequestId();
        spdlog::info("rejected before routing: {} [{}]", error.what(), request_id);
        Response response = ErrorResponse(error, request_id, Language::kChinese);
        Dispatcher::AddStandardHeaders(response, request_id, true);
        return response;
    }

    asio::awaitable<void> Serve(tcp::socket socket) {
        beast::tcp_stream stream(std::move(socket));
        beast::error_code ignored;
        stream.socket().set_option(tcp::no_delay(true), ignored);
        std::string client_address = "unknown";
        if (auto endpoint = stream.socket().remote_endpoint(ignored); !ignored) {
            client_address = endpoint.address().to_string();
        }
        auto self = connections.insert(connections.end(), Connection{&stream, false});
        beast::flat_buffer buffer;

        while (!draining) {
            bhttp::request_parser<bhttp::string_body> parser;
            parser.header_limit(static_cast<std::uint32_t>(options.header_limit));
            // No body limit yet (Beast's default would refuse a large Content-Length while parsing the
            // header, silently): the route's own limit is applied once the header names the route.
            parser.body_limit(boost::none);
            beast::error_code error;

            self->busy = false;
            stream.expires_after(buffer.size() > 0 ? options.header_timeout : options.idle_timeout);
            co_await bhttp::async_read_some(stream, buffer, parser,
                                            asio::redirect_error(asio::use_awaitable, error));
            if (error && error != bhttp::error::header_limit) break;
            self->busy = true;
            // Headers are slow-client bounded too, not just the idle wait.
            stream.expires_after(options.header_timeout);
            while (!error && !parser.is_header_done()) {
                co_await bhttp::async_read_some(stream, buffer, parser,
                                                asio::redirect_error(asio::use_awaitable, error));
            }
            if (error) {
                if (error == bhttp::error::header_limit) {
                    // Built outside the co_await: g++ 12 double-destroys temporaries inside co_await
                    // operands.
                    Response rejected = RejectedResponse(
                        Error(ErrorCode::kPayloadTooLarge, {"请求头过大", "Request headers too large"}));
                    co_await Write(stream, std::move(rejected), 11, false);
                    co_await LingeringClose(stream);
                }
                break;
            }

            const auto& header = parser.get();
            const Method method = ParseMethod(std::string_view(header.method_string()));
            std::string_view target(header.target());
            // The decoded path, as dispatch will see it: "/auth/log%69n" must not escape the login limit.
            const auto [body_limit, read_timeout] = router.LimitsFor(method, RequestPathOf(target));
            parser.body_limit(body_limit);
            if (header.has_content_length() && parser.content_length() &&
                *parser.content_length() > body_limit) {
                error = bhttp::error::body_limit;
            } else {
                stream.expires_after(read_timeout);
                co_await bhttp::async_read(stream, buffer, parser,
                                           asio::redirect_error(asio::use_awaitable, error));
            }
            if (error == bhttp::error::body_limit) {
                const std::string limit = std::to_string(body_limit / 1024);
                Response rejected = RejectedResponse(
                    Error(ErrorCode::kPayloadTooLarge, {"请求内容过大（上限 " + limit + " KB）",
                                                        "Request body too large (limit " + limit + " KB)"}));
                const unsigned version = parser.get().version();
                co_await Write(stream, std::move(rejected), version, false);
                co_await LingeringClose(stream);
                break;
            }
            if (error) break;

            auto message = parser.release();
            const unsigned version = message.version();
            const bool keep_alive = message.keep_alive();
            Request request = ToRequest(std::move(message), client_address);
            const bool head_request = request.method == Method::kHead;

            // Blocking work (database) runs on the worker pool; the connection coroutine waits for it.
            auto handle = [this, &request]() -> asio::awaitable<Response> {
                co_return dispatcher.Handle(request);
            };
            Response response = co_await asio::co_spawn(workers, handle, asio::use_awaitable);

            const bool keep_open = keep_alive && !draining;
            auto reply = ToMessage(std::move(response), version, keep_open, head_request);
            stream.expires_after(std::chrono::seconds(30));
            co_await bhttp::async_write(stream, reply, asio::redirect_error(asio::use_awaitable, error));
            if (error || !keep_open) break;
        }

        stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
        stream.close();
        connections.erase(self);
        MaybeFinishShutdown();
    }

    // After refusing a request whose bytes are still arriving, closing at once would make the kernel answer
    // the unread bytes with a reset, and the client could lose the refusal. Stop sending, then read and drop
    // what the client still sends for a short while (bounded in time and bytes) before closing.
    asio::awaitable<void> LingeringClose(beast::tcp_stream& stream) {
        beast::error_code error;
        stream.socket().shutdown(tcp::socket::shutdown_send, error);
        std::array<char, 16 * 1024> sink;
        std::size_t drained = 0;
        stream.expires_after(std::chrono::seconds(2));
        while (!error && drained < 4 * 1024 * 1024) {
            drained += co_await stream.async_read_some(asio::buffer(sink),
                                                       asio::redirect_error(asio::use_awaitable, error));
        }
    }

    asio::awaitable<void> Write(beast::tcp_stream& stream, Response response, unsigned version,
                                bool keep_alive) {
        auto reply = ToMessage(std::move(response), version, keep_alive, false);
        beast::error_code error;
        stream.expires_after(std::chrono::seconds(10));
        co_await bhttp::async_write(stream, reply, asio::redirect_error(asio::use_awaitable, error));
    }

    asio::awaitable<void> Accept() {
        while (!draining) {
            beast::error_code error;
            tcp::socket socket =
                co_await acceptor.async_accept(asio::redirect_error(asio::use_awaitable, error));
            if (error) {
                if (draining || error == asio::error::operation_aborted) break;
                spdlog::warn("accept failed: {}", error.message());
                continue;
            }
            if (connections.size() >= options.max_connections) {
                socket.close(error);
                continue;
            }
            asio::co_spawn(io, Serve(std::move(socket)), [](std::exception_ptr failure) {
                if (!failure) return;
                try {
                    std::rethrow_exception(failure);
                } catch (const std::exception& exception) {
                    spdlog::error("connection failed: {}", exception.what());
                }
            });
        }
    }
};

Server::Server(ServerOptions options, const Router& router, const Dispatcher& dispatcher)
    : state_(std::make_unique<State>(std::move(options), router, dispatcher)) {}

Server::~Server() {
    state_->workers.join();
}

void Server::Run() {
    State& state = *state_;
    const tcp::endpoint endpoint(asio::ip::make_address(state.options.address), state.options.port);
    state.acceptor.open(endpoint.protocol());
    state.acceptor.set_option(asio::socket_base::reuse_address(true));
    state.acceptor.bind(endpoint);
    state.acceptor.listen(asio::socket_base::max_listen_connections);
    const std::uint16_t port = state.acceptor.local_endpoint().port();
    spdlog::info("listening on http://{}:{}", state.options.address, port);
    if (state.options.on_listening) state.options.on_listening(port);

    state.signals.async_wait([&state](beast::error_code error, int signal_number) {
        if (error) return;
        spdlog::info("received signal {}", signal_number);
        state.BeginShutdown();
    });
    asio::co_spawn(state.io, state.Accept(), asio::detached);
    state.io.run();
    state.workers.join();
    spdlog::info("server stopped");
}

}  // namespace app::http
