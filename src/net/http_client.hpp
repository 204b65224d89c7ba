#pragma once
// HttpTransport over cpp-httplib: HTTPS with certificate verification against the system CA
// bundle (net/ca_bundle.hpp), kept-alive connections reused per origin, connect and read
// timeouts, a cap on the response size, no redirects followed, and cancellation that interrupts
// a blocked exchange.

#include <chrono>
#include <cstddef>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "net/ca_bundle.hpp"
#include "net/http_transport.hpp"

namespace httplib {
class Client;
}

namespace net {

struct HttpClientOptions {
  std::chrono::milliseconds connect_timeout{5000};
  std::chrono::milliseconds read_timeout{30000};  // also the most one exchange may take in all
  std::size_t max_response_bytes = 32 * 1024 * 1024;  // refused at once when Content-Length says more
  std::string ca_bundle = system_ca_bundle();
  std::size_t max_idle_per_origin = 8;
};

class HttpClient : public HttpTransport {
 public:
  explicit HttpClient(HttpClientOptions options);
  ~HttpClient() override;

  HttpResult send(const HttpRequest& request, const std::stop_token& stop) override;

 private:
  std::unique_ptr<httplib::Client> acquire(const std::string& origin);
  void release(const std::string& origin, std::unique_ptr<httplib::Client> client);

  HttpClientOptions options_;
  std::mutex mutex_;
  std::map<std::string, std::vector<std::unique_ptr<httplib::Client>>> idle_;
};

}  // namespace net
