#pragma once
// The JSON-RPC invariants of a whole exchange, judged from the client's side with a model of
// its own (not the server's decoder): every message the server sends is well-formed, no id is
// answered more often than the client used it, and every request outside a batch gets its
// answer, unless a cancellation may have taken it away.

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace fuzz {

// Aborts unless `message` is a JSON-RPC response (or batch of responses) or a notification.
void check_message(const nlohmann::json& message);

class ExpectedAnswers {
 public:
  explicit ExpectedAnswers(std::size_t max_depth = 64) : max_depth_(max_depth) {}

  // One payload the client sent: a stdio line or a POST body.
  void add_payload(std::string_view text);
  // A payload the transport refused unread (too large): it gets one error with a null id.
  void add_refused();

  // Checks everything the server sent for the payloads. `all_delivered`: every payload reached
  // the session (no HTTP-level refusal), so requests outside batches must have answers.
  void check(const std::vector<nlohmann::json>& sent, bool all_delivered) const;

 private:
  std::size_t max_depth_;
  std::map<std::string, int> ceiling_;  // messages carrying each id
  std::map<std::string, int> floor_;    // well-formed requests outside batches with each id
  std::size_t null_ceiling_ = 0;        // errors that may have no id
  bool cancels_ = false;                // some notifications/cancelled was sent
};

}  // namespace fuzz
