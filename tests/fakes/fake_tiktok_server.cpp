#include "fakes/fake_tiktok_server.hpp"

#include <thread>

namespace fakes {

namespace {

using nlohmann::json;

std::string envelope(long long code, const std::string& message) {
  return json{{"code", code}, {"message", message}, {"request_id", "fake-request-id"}, {"data", json::object()}}.dump();
}

std::string param(const RecordedRequest& record, const std::string& name) {
  auto it = record.params.find(name);
  return it == record.params.end() ? "" : it->second;
}

}  // namespace

FakeTikTokServer::FakeTikTokServer(std::string token, std::string app_id, std::string app_secret, std::size_t threads)
    : token_(std::move(token)), app_id_(std::move(app_id)), app_secret_(std::move(app_secret)) {
  if (threads > 0) {
    server_.http().new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
    server_.http().set_keep_alive_max_count(100000);
    server_.http().set_tcp_nodelay(true);  // no Nagle stall on the last segment of a body
  }
  server_.http().Get(".*", [this](const httplib::Request& req, httplib::Response& res) { handle(req, res); });
  server_.http().Post(".*", [this](const httplib::Request& req, httplib::Response& res) { handle(req, res); });
  server_.start();
}

void FakeTikTokServer::queue(Fault fault) {
  std::lock_guard lock(mutex_);
  faults_.push_back(std::move(fault));
}

void FakeTikTokServer::queue(Fault fault, int times) {
  for (int i = 0; i < times; ++i) queue(fault);
}

void FakeTikTokServer::limit_qps(int qps) {
  std::lock_guard lock(mutex_);
  qps_ = qps;
}

void FakeTikTokServer::serve_synthetic(SyntheticSizes sizes) {
  std::lock_guard lock(mutex_);
  synthetic_ = std::make_shared<SyntheticApi>(sizes);
}

std::vector<RecordedRequest> FakeTikTokServer::requests() const {
  std::lock_guard lock(mutex_);
  return log_;
}

std::size_t FakeTikTokServer::count(const std::string& api_path) const {
  std::lock_guard lock(mutex_);
  if (api_path.empty()) return log_.size();
  std::size_t n = 0;
  for (const auto& r : log_) n += r.path == api_path;
  return n;
}

void FakeTikTokServer::reset_log() {
  std::lock_guard lock(mutex_);
  log_.clear();
}

std::optional<Fault> FakeTikTokServer::next_fault(const std::string& api_path) {
  std::lock_guard lock(mutex_);
  for (auto it = faults_.begin(); it != faults_.end(); ++it) {
    if (!it->path.empty() && it->path != api_path) continue;
    Fault f = *it;
    faults_.erase(it);
    return f;
  }
  return std::nullopt;
}

bool FakeTikTokServer::over_qps_limit(std::chrono::steady_clock::time_point now) {
  std::lock_guard lock(mutex_);
  if (qps_ <= 0) return false;
  while (!window_.empty() && now - window_.front() >= std::chrono::seconds(1)) window_.pop_front();
  window_.push_back(now);
  return static_cast<int>(window_.size()) > qps_;
}

void FakeTikTokServer::handle(const httplib::Request& req, httplib::Response& res) {
  const auto now = std::chrono::steady_clock::now();
  RecordedRequest record;
  record.method = req.method;
  record.path = req.path.rfind(kPrefix, 0) == 0 ? req.path.substr(std::string(kPrefix).size()) : req.path;
  for (const auto& [k, v] : req.params) record.params[k] = v;
  for (const auto& [k, v] : req.headers) record.headers[k] = v;
  record.body = req.body;
  record.at = now;
  {
    std::lock_guard lock(mutex_);
    log_.push_back(record);
  }
  if (auto fault = next_fault(record.path)) {
    switch (fault->kind) {
      case Fault::Kind::Code:
        res.set_content(envelope(fault->code, fault->message), "application/json");
        return;
      case Fault::Kind::Data:
        res.set_content(json{{"code", 0}, {"message", "OK"}, {"request_id", "fake-request-id"}, {"data", fault->data}}.dump(),
                        "application/json");
        return;
      case Fault::Kind::Status:
        res.status = fault->status;
        res.set_content("upstream failure", "text/plain");
        return;
      case Fault::Kind::Html:
        res.status = fault->status;
        res.set_content("<html><body><h1>502 Bad Gateway</h1></body></html>", "text/html");
        return;
      case Fault::Kind::Truncated:
        res.set_content(R"({"code":0,"message":"OK","data":{"list":[{"campaign_id":"1)", "application/json");
        return;
      case Fault::Kind::Redirect:
        res.status = 302;
        res.set_header("Location", "https://elsewhere.example/login");
        return;
      case Fault::Kind::Huge:
        res.set_content(std::string(fault->size, ' '), "application/json");
        return;
      case Fault::Kind::Delay:
        std::this_thread::sleep_for(fault->delay);
        break;  // then answer normally
      case Fault::Kind::Stall: {
        auto delay = fault->delay;
        res.set_chunked_content_provider("application/json", [delay](std::size_t, httplib::DataSink& sink) {
          const std::string head = R"({"code":0,"message":"OK","data":{"list":[)";
          sink.write(head.data(), head.size());
          std::this_thread::sleep_for(delay);
          return false;  // never finishes the body
        });
        return;
      }
      case Fault::Kind::Reset:
        res.set_chunked_content_provider("application/json", [](std::size_t, httplib::DataSink& sink) {
          const std::string head = R"({"code":0,"message":"OK","data":{"li)";
          sink.write(head.data(), head.size());
          return false;  // drop the connection mid-body
        });
        return;
      case Fault::Kind::AppliedThenStall: {
        httplib::Response unsent;
        answer(req, record, unsent);
        std::this_thread::sleep_for(fault->delay);
        res.set_chunked_content_provider("application/json", [](std::size_t, httplib::DataSink&) {
          return false;  // drop the connection before any of the body
        });
        return;
      }
    }
  }
  answer(req, record, res);
}

void FakeTikTokServer::answer(const httplib::Request& req, const RecordedRequest& record, httplib::Response& res) {
  const auto now = record.at;
  auto token = req.get_header_value("Access-Token");
  if (token.empty()) {
    res.set_content(envelope(40104, "Access token is null, you should set it in http header with key Access-Token."),
                    "application/json");
    return;
  }
  if (token != token_) {
    res.set_content(envelope(40105, "The access token is invalid or has been revoked."), "application/json");
    return;
  }
  if (over_qps_limit(now)) {
    res.set_content(envelope(40100, "Too many requests. Please retry in some time."), "application/json");
    return;
  }
  if (record.path == "/oauth2/advertiser/get/" &&
      (param(record, "app_id") != app_id_ || param(record, "secret") != app_secret_ || app_id_.empty())) {
    res.set_content(envelope(40101, "The app_id or secret is invalid."), "application/json");
    return;
  }
  std::shared_ptr<SyntheticApi> synthetic;
  {
    std::lock_guard lock(mutex_);
    synthetic = synthetic_;
  }
  if (synthetic && record.method == "GET") {
    if (auto body = synthetic->answer(record.path, record.params)) {
      res.set_content(std::move(*body), "application/json");
      return;
    }
  }
  net::HttpRequest request;
  request.method = record.method;
  request.path = record.path;
  request.query.assign(record.params.begin(), record.params.end());
  request.body = record.body;
  const net::HttpResult result = demo_.send(request, std::stop_token{});
  res.status = result.status;
  res.set_content(result.body, result.header("content-type").value_or("application/json"));
}

}  // namespace fakes
