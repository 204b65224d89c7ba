#pragma once
// A fake TikTok Business API on loopback that behaves like the real one: the Access-Token
// header is checked (40104 missing, 40105 wrong), errors come as HTTP 200 with a body code,
// data and pagination come from the demo account (the same engine as --demo), unknown paths
// get 404 (405 for a read path POSTed or a write path fetched, see demo_api.hpp), and
// scripted faults can be queued: body codes, HTTP statuses, slow or stalled bodies, truncated
// or HTML bodies, resets, redirects, huge bodies, a write applied whose answer never comes,
// and a QPS limit answered with 40100. A fault may be limited to one API path. POSTs with JSON
// bodies go to the demo account's writes, which later reads show. Every request is recorded.
// For the benchmarks it can also serve bulk synthetic campaigns and report rows
// (serve_synthetic).

#include <chrono>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "fakes/loopback_server.hpp"
#include "fakes/synthetic_api.hpp"
#include "tiktok/demo/demo_api.hpp"

namespace fakes {

struct Fault {
  enum class Kind { Code, Status, Delay, Stall, Truncated, Html, Reset, Redirect, Huge, AppliedThenStall, Data };
  Kind kind = Kind::Code;
  long long code = 0;             // Code: the body code
  std::string message;            // Code: the body message
  int status = 500;               // Status / Html
  std::chrono::milliseconds delay{0};  // Delay (then answers normally) / Stall (mid-body) / AppliedThenStall
  std::size_t size = 0;           // Huge: body bytes
  std::string path;               // only requests to this API path ("/campaign/update/"); empty: any
  nlohmann::json data;            // Data: the data of a success envelope

  static Fault body_code(long long code, std::string message = "fault") {
    Fault f;
    f.code = code;
    f.message = std::move(message);
    return f;
  }
  static Fault http(int status) { Fault f; f.kind = Kind::Status; f.status = status; return f; }
  static Fault slow(std::chrono::milliseconds d) { Fault f; f.kind = Kind::Delay; f.delay = d; return f; }
  static Fault stall(std::chrono::milliseconds d) { Fault f; f.kind = Kind::Stall; f.delay = d; return f; }
  static Fault truncated() { Fault f; f.kind = Kind::Truncated; return f; }
  static Fault html(int status) { Fault f; f.kind = Kind::Html; f.status = status; return f; }
  static Fault reset() { Fault f; f.kind = Kind::Reset; return f; }
  static Fault redirect() { Fault f; f.kind = Kind::Redirect; return f; }
  static Fault huge(std::size_t bytes) { Fault f; f.kind = Kind::Huge; f.size = bytes; return f; }
  // A success (code 0) whose data is this, e.g. a report task's {"status": "FAILED", ...}.
  static Fault success_data(nlohmann::json data) { Fault f; f.kind = Kind::Data; f.data = std::move(data); return f; }
  // The request is answered as usual (a write is applied), but the answer is held back for
  // `d` and the connection then dropped: a client's read timeout hits after the change.
  static Fault applied_then_stall(std::chrono::milliseconds d) {
    Fault f;
    f.kind = Kind::AppliedThenStall;
    f.delay = d;
    return f;
  }

  // This fault for requests to one API path only; requests to other paths pass it by.
  Fault for_path(std::string api_path) const {
    Fault f = *this;
    f.path = std::move(api_path);
    return f;
  }
};

struct RecordedRequest {
  std::string method;  // GET or POST
  std::string path;    // the API path, without kPrefix
  std::map<std::string, std::string> params;
  std::map<std::string, std::string> headers;
  std::string body;  // as sent; a POST's JSON text
  std::chrono::steady_clock::time_point at;
};

class FakeTikTokServer {
 public:
  static constexpr const char* kPrefix = "/open_api/v1.3";

  // app_id/app_secret: what oauth2/advertiser/get/ accepts (40101 otherwise). threads: the
  // connections served at once (0: cpp-httplib's default); a load test needs one per
  // keep-alive connection the server under test may hold.
  explicit FakeTikTokServer(std::string token, std::string app_id = "", std::string app_secret = "",
                            std::size_t threads = 0);

  // http://127.0.0.1:PORT/open_api/v1.3
  std::string base_url() const { return server_.url() + kPrefix; }

  // Faults apply to the next requests, one each, in order; a request takes the first queued
  // fault whose path filter (Fault::for_path) it matches.
  void queue(Fault fault);
  void queue(Fault fault, int times);
  // Answer 40100 when more than `qps` requests arrive within one second (0: no limit).
  void limit_qps(int qps);
  // From now on campaign/get/ and report/integrated/get/ answer with synthetic records (a size
  // of 0 keeps the demo account's for that path).
  void serve_synthetic(SyntheticSizes sizes);

  std::vector<RecordedRequest> requests() const;
  std::size_t count(const std::string& api_path = "") const;
  void reset_log();

 private:
  void handle(const httplib::Request& req, httplib::Response& res);
  // The answer without faults: token and QPS checks, then synthetic or demo data.
  void answer(const httplib::Request& req, const RecordedRequest& record, httplib::Response& res);
  std::optional<Fault> next_fault(const std::string& api_path);
  bool over_qps_limit(std::chrono::steady_clock::time_point now);

  std::string token_;
  std::string app_id_;
  std::string app_secret_;
  tiktok::demo::DemoApi demo_;
  mutable std::mutex mutex_;
  std::deque<Fault> faults_;
  std::vector<RecordedRequest> log_;
  int qps_ = 0;
  std::deque<std::chrono::steady_clock::time_point> window_;
  std::shared_ptr<SyntheticApi> synthetic_;
  LoopbackServer server_;
};

}  // namespace fakes
