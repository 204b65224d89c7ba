#pragma once
// An HttpTransport that answers from a script (one queued result per request, in order) and
// records what it was asked, so client logic can be tested without sockets.

#include <deque>
#include <mutex>
#include <stdexcept>
#include <string>
#include <vector>

#include "net/http_transport.hpp"

namespace test {

class ScriptedTransport : public net::HttpTransport {
 public:
  void push(net::HttpResult result) {
    std::lock_guard lock(mutex_);
    script_.push_back(std::move(result));
  }
  void push_status(int status, std::string body = "{}", std::map<std::string, std::string> headers = {}) {
    net::HttpResult r;
    r.status = status;
    r.body = std::move(body);
    r.headers = std::move(headers);
    push(std::move(r));
  }
  void push_failure(net::Failure failure) {
    net::HttpResult r;
    r.failure = failure;
    push(std::move(r));
  }

  net::HttpResult send(const net::HttpRequest& request, const std::stop_token&) override {
    std::lock_guard lock(mutex_);
    sent_.push_back(request);
    if (script_.empty()) throw std::logic_error("unscripted request: " + request.method + " " + request.path);
    net::HttpResult r = std::move(script_.front());
    script_.pop_front();
    return r;
  }

  std::vector<net::HttpRequest> sent() const {
    std::lock_guard lock(mutex_);
    return sent_;
  }
  std::size_t remaining() const {
    std::lock_guard lock(mutex_);
    return script_.size();
  }

 private:
  mutable std::mutex mutex_;
  std::deque<net::HttpResult> script_;
  std::vector<net::HttpRequest> sent_;
};

}  // namespace test
