#include "net/http_client.hpp"

#include <httplib.h>

#include <algorithm>
#include <cctype>

#include "net/url.hpp"

namespace net {

namespace {

using Clock = std::chrono::steady_clock;

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
  return text;
}

Failure classify(httplib::Error error, bool timed_out) {
  switch (error) {
    case httplib::Error::Connection:
    case httplib::Error::BindIPAddress: return Failure::ConnectFailed;
    case httplib::Error::ConnectionTimeout: return Failure::Timeout;
    case httplib::Error::SSLConnection:
    case httplib::Error::SSLLoadingCerts:
    case httplib::Error::SSLServerVerification: return Failure::Tls;
    case httplib::Error::Read:
    case httplib::Error::Write: return timed_out ? Failure::Timeout : Failure::ConnectionLost;
    default: return Failure::Other;
  }
}

}  // namespace

HttpClient::HttpClient(HttpClientOptions options) : options_(std::move(options)) {}

HttpClient::~HttpClient() = default;

std::unique_ptr<httplib::Client> HttpClient::acquire(const std::string& origin) {
  {
    std::lock_guard lock(mutex_);
    auto& pool = idle_[origin];
    if (!pool.empty()) {
      auto client = std::move(pool.back());
      pool.pop_back();
      return client;
    }
  }
  auto client = std::make_unique<httplib::Client>(origin);
  client->set_keep_alive(true);
  client->set_follow_location(false);
  client->set_connection_timeout(options_.connect_timeout);
  client->set_read_timeout(options_.read_timeout);
  client->set_write_timeout(options_.read_timeout);
  if (origin.rfind("https://", 0) == 0) {
    client->enable_server_certificate_verification(true);
    client->set_ca_cert_path(options_.ca_bundle);
  }
  return client;
}

void HttpClient::release(const std::string& origin, std::unique_ptr<httplib::Client> client) {
  std::lock_guard lock(mutex_);
  auto& pool = idle_[origin];
  if (pool.size() < options_.max_idle_per_origin) pool.push_back(std::move(client));
}

HttpResult HttpClient::send(const HttpRequest& request, const std::stop_token& stop) {
  HttpResult result;
  BaseUrl base;
  try {
    base = parse_base_url(request.base_url);
  } catch (const std::invalid_argument& e) {
    result.failure = Failure::Other;
    result.failure_detail = std::string("bad base URL: ") + e.what();
    return result;
  }
  if (stop.stop_requested()) {
    result.failure = Failure::Cancelled;
    return result;
  }
  const std::string origin = base.origin();
  auto client = acquire(origin);

  httplib::Request req;
  req.method = request.method;
  req.path = base.path + request.path;
  if (!request.query.empty()) req.path += "?" + encode_query(request.query);
  for (const auto& [name, value] : request.headers) req.headers.emplace(name, value);
  if (!request.body.empty() || request.method == "POST") {
    req.body = request.body;
    req.headers.emplace("Content-Type", request.content_type.empty() ? "application/json" : request.content_type);
  }
  const auto started = Clock::now();
  bool too_large = false;
  bool over_time = false;
  // A response that announces its size is refused at once rather than read up to the limit.
  req.response_handler = [&](const httplib::Response& response) {
    too_large = response.get_header_value<uint64_t>("Content-Length") > options_.max_response_bytes;
    return !too_large;
  };
  req.content_receiver = [&](const char* data, std::size_t length, uint64_t, uint64_t) {
    if (stop.stop_requested()) return false;
    if (Clock::now() - started > options_.read_timeout) {
      over_time = true;
      return false;
    }
    if (result.body.size() + length > options_.max_response_bytes) {
      too_large = true;
      return false;
    }
    result.body.append(data, length);
    return true;
  };

  httplib::Result res = [&] {
    std::stop_callback interrupt(stop, [&client] { client->stop(); });
    return client->send(req);
  }();

  const bool timed_out = over_time || Clock::now() - started >= options_.read_timeout;
  if (stop.stop_requested()) {
    result.failure = Failure::Cancelled;
  } else if (too_large) {
    result.failure = Failure::TooLarge;
    result.failure_detail = "the response exceeded " + std::to_string(options_.max_response_bytes) + " bytes";
  } else if (!res) {
    result.failure = classify(res.error(), timed_out);
    result.failure_detail = httplib::to_string(res.error());
  } else if (over_time) {
    result.failure = Failure::Timeout;
  }
  if (result.ok()) {
    result.status = res->status;
    for (const auto& [name, value] : res->headers) result.headers[lower(name)] = value;
    release(origin, std::move(client));
  } else {
    result.body.clear();
  }
  return result;
}

}  // namespace net
