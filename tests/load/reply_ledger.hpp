#pragma once
// Which tool calls were sent and what came back: every id must be answered exactly once,
// with nothing answered that was not asked, and every answer must be right. Thread-safe.

#include <cstddef>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "load/tool_calls.hpp"

namespace load {

struct ReplyTally {
  std::size_t expected = 0;
  std::size_t answered = 0;    // ids answered at least once
  std::size_t missing = 0;     // ids never answered
  std::size_t duplicates = 0;  // answers beyond the first for an id
  std::size_t unknown = 0;     // answers to ids never sent, and messages without an id
  std::size_t ok = 0;
  std::size_t error_results = 0;
  std::size_t wrong = 0;
  std::size_t canaries = 0;           // answers that contain a canary secret
  std::vector<std::string> problems;  // the first few, for the report
};

class ReplyLedger {
 public:
  ReplyLedger(nlohmann::json baseline, long long permanent_code);

  // Before the call with `id` is sent.
  void expect(long long id);
  // One message from the server, with the text it arrived in.
  void record(const nlohmann::json& message, std::string_view raw);
  // A failure outside any answer (an HTTP error, a line that is not JSON).
  void problem(std::string what);

  ReplyTally tally() const;

 private:
  void note(std::string what);

  nlohmann::json baseline_;
  long long permanent_code_;
  mutable std::mutex mutex_;
  std::unordered_map<long long, int> answers_;  // id -> answers so far
  ReplyTally tally_;
};

}  // namespace load
