#include "transport/http_server.hpp"

#include <httplib.h>

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <stdexcept>
#include <thread>

#include "jsonrpc/error_codes.hpp"
#include "log/logger.hpp"
#include "transport/event_stream.hpp"
#include "transport/http_checks.hpp"
#include "transport/http_handler.hpp"
#include "transport/open_streams.hpp"
#include "transport/sse_format.hpp"

namespace transport {

namespace {

HttpRequest to_request(const httplib::Request& req) {
  HttpRequest request;
  request.method = req.method;
  request.path = req.path;
  for (const auto& [key, value] : req.params) request.query.emplace(key, value);
  for (const auto& [key, value] : req.headers) request.headers.emplace(key, value);
  request.body = req.body;
  return request;
}

// Writes what the stream has, or a keep-alive comment after `keepalive` of silence. False
// ends the response: the client is gone (the stream is abandoned) or the stream was.
bool pump(EventStream& stream, httplib::DataSink& sink, std::chrono::milliseconds keepalive) {
  static const std::string kKeepalive = sse_comment();
  EventStream::Chunk chunk = stream.next(keepalive);
  if (stream.abandoned()) return false;
  const std::string& text = chunk.text.empty() && !chunk.finished ? kKeepalive : chunk.text;
  if (!text.empty() && !sink.write(text.data(), text.size())) {
    logging::debug("http", "an SSE client went away");
    stream.abandon();
    return false;
  }
  if (chunk.finished) sink.done();
  return true;
}

// How long stop() lets open streams write their last events.
constexpr std::chrono::seconds kStreamDrain{2};

void write_response(HttpResponse reply, httplib::Response& res, std::chrono::milliseconds keepalive,
                    OpenStreams& streams) {
  res.status = reply.status;
  for (const auto& [key, value] : reply.headers) res.set_header(key, value);
  if (reply.stream) {
    res.set_header("Cache-Control", "no-cache, no-transform");
    res.set_header("X-Accel-Buffering", "no");  // proxies must not buffer the stream
    auto stream = reply.stream;
    auto keep = reply.keep_alive;
    auto open = streams.track();
    res.set_chunked_content_provider(
        "text/event-stream",
        [stream, keep, open, keepalive](std::size_t, httplib::DataSink& sink) {
          return pump(*stream, sink, keepalive);
        },
        [stream](bool success) {
          if (!success) stream->abandon();
        });
  } else if (!reply.content_type.empty()) {
    res.set_content(reply.body, reply.content_type);
  }
}

// A JSON-RPC error body for failures cpp-httplib answers itself (oversized or malformed
// requests) so that every error a client sees has the same shape.
HttpResponse library_error(int status, std::size_t max_body_bytes) {
  if (status == 413) return body_too_large(max_body_bytes);
  if (status == 400) return json_error(400, jsonrpc::kTransportError, "Bad Request: the HTTP request is malformed");
  return json_error(status, jsonrpc::kTransportError, "HTTP error " + std::to_string(status));
}

}  // namespace

struct HttpServer::Impl {
  HttpHandler& handler;
  HttpServerOptions options;
  OpenStreams streams;  // before http: outlives every response
  httplib::Server http;
  std::thread sweeper;
  std::mutex mutex;
  std::condition_variable stopping_changed;
  bool stopping = false;
  bool bound = false;
  socket_t listener = INVALID_SOCKET;

  Impl(HttpHandler& h, HttpServerOptions o) : handler(h), options(std::move(o)) { configure(); }

  void configure() {
    const std::size_t threads = options.threads;
    http.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
    http.set_payload_max_length(options.max_body_bytes);
    http.set_tcp_nodelay(true);
    http.set_keep_alive_max_count(1000);
    // An idle keep-alive connection holds a thread, and stop() waits for it: keep this short.
    http.set_keep_alive_timeout(2);
    http.set_socket_options([this](socket_t sock) {
      httplib::default_socket_options(sock);
      listener = sock;  // see widen_backlog
    });

    // Access is checked before the body is read, so a refused client cannot make us read it
    // (handle() checks again: it is the handler's rule, this is only the early exit).
    http.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
      auto refusal = handler.admit(to_request(req));
      if (!refusal) return httplib::Server::HandlerResponse::Unhandled;
      write_response(std::move(*refusal), res, options.keepalive, streams);
      return httplib::Server::HandlerResponse::Handled;
    });
    auto serve = [this](const httplib::Request& req, httplib::Response& res) {
      write_response(handler.handle(to_request(req)), res, options.keepalive, streams);
    };
    const std::string any = ".*";
    http.Get(any, serve);
    http.Post(any, serve);
    http.Delete(any, serve);
    http.Put(any, serve);
    http.Patch(any, serve);
    http.Options(any, serve);
    http.set_error_handler([this](const httplib::Request&, httplib::Response& res) {
      if (!res.body.empty()) return;
      HttpResponse reply = library_error(res.status, options.max_body_bytes);
      res.set_content(reply.body, reply.content_type);
    });
    http.set_exception_handler([](const httplib::Request& req, httplib::Response& res, std::exception_ptr error) {
      std::string what = "unknown exception";
      try {
        if (error) std::rethrow_exception(error);
      } catch (const std::exception& e) {
        what = e.what();
      } catch (...) {
      }
      logging::error("http", req.method + " " + req.path + " failed: " + what);
      HttpResponse reply = json_error(500, jsonrpc::kInternalError, "Internal error: " + what);
      res.status = 500;
      res.set_content(reply.body, reply.content_type);
    });
    http.set_logger([](const httplib::Request& req, const httplib::Response& res) {
      logging::debug("http", req.method + " " + req.path + " -> " + std::to_string(res.status));
    });
  }

  // cpp-httplib, as Debian builds it, listens with a backlog of 5: a burst of clients
  // connecting at once (64 sessions starting together) overflows the accept queue and the
  // kernel resets some of the connections. Listening again on the bound socket raises the
  // backlog to the system's limit.
  void widen_backlog() {
    if (listener != INVALID_SOCKET) ::listen(listener, SOMAXCONN);
  }

  void sweep_until_stopped() {
    std::unique_lock lock(mutex);
    while (!stopping) {
      stopping_changed.wait_for(lock, options.sweep_interval, [this] { return stopping; });
      if (stopping) break;
      lock.unlock();
      handler.expire_idle();
      lock.lock();
    }
  }
};

HttpServer::HttpServer(HttpHandler& handler, HttpServerOptions options)
    : impl_(std::make_unique<Impl>(handler, std::move(options))) {}

HttpServer::~HttpServer() {
  stop();
  if (impl_->sweeper.joinable()) impl_->sweeper.join();
}

int HttpServer::bind() {
  const auto& o = impl_->options;
  int port = o.port;
  if (port == 0) {
    port = impl_->http.bind_to_any_port(o.host);
  } else if (!impl_->http.bind_to_port(o.host, port)) {
    port = -1;
  }
  if (port <= 0) {
    throw std::runtime_error("cannot listen on " + o.host + ":" + std::to_string(o.port) +
                             " (is the port already in use, or the address not one of this machine's?)");
  }
  impl_->widen_backlog();
  impl_->bound = true;
  return port;
}

void HttpServer::run() {
  if (!impl_->bound) throw std::logic_error("HttpServer::run before bind");
  {
    std::lock_guard lock(impl_->mutex);
    if (impl_->stopping) return;
  }
  impl_->sweeper = std::thread([this] { impl_->sweep_until_stopped(); });
  impl_->http.listen_after_bind();
}

void HttpServer::stop() {
  {
    std::lock_guard lock(impl_->mutex);
    if (impl_->stopping) return;
    impl_->stopping = true;
  }
  impl_->stopping_changed.notify_all();
  impl_->handler.shutdown();  // answers the calls in flight and closes the open streams
  if (!impl_->streams.wait_none(kStreamDrain)) logging::warning("http", "event streams still open; stopping anyway");
  impl_->http.stop();
}

}  // namespace transport
