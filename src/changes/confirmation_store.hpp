#pragma once
// The confirmation tokens of previewed changes. A token is 128 random bits, good for one use
// within its lifetime (5 minutes), and bound to the exact entity, action, advertiser and params
// it was issued for; redeeming it with anything else is refused, saying what differs, and leaves
// the token usable for the call it belongs to. Thread-safe; the clock is injected for tests.

#include <chrono>
#include <functional>
#include <map>
#include <mutex>
#include <string>

#include "changes/change_request.hpp"

namespace changes {

struct Binding {
  std::string entity;
  std::string action;
  std::string advertiser_id;
  json params;

  static Binding of(const ChangeRequest& request);
};

struct Pending {
  Binding binding;
  Plan plan;
  std::chrono::system_clock::time_point expires_at;
};

class ConfirmationStore {
 public:
  using Clock = std::function<std::chrono::system_clock::time_point()>;
  static constexpr std::chrono::minutes kLifetime{5};
  static constexpr std::size_t kMaxPending = 1000;

  explicit ConfirmationStore(Clock clock = {});

  struct Issued {
    std::string token;
    std::chrono::system_clock::time_point expires_at;
  };
  Issued issue(Binding binding, Plan plan);

  // The pending change, taken out so it cannot be used again; throws an InvalidParams
  // UpstreamError when the token is unknown, expired, used, or issued for another call.
  Pending redeem(const std::string& token, const Binding& binding);

 private:
  void prune(std::chrono::system_clock::time_point now);

  Clock clock_;
  std::mutex mutex_;
  std::map<std::string, Pending> pending_;
  std::map<std::string, std::chrono::system_clock::time_point> used_;  // token -> when it would have expired
};

}  // namespace changes
