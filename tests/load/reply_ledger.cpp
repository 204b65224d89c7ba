#include "load/reply_ledger.hpp"

#include "support/canaries.hpp"

namespace load {

namespace {

constexpr std::size_t kProblemsKept = 10;

}  // namespace

ReplyLedger::ReplyLedger(nlohmann::json baseline, long long permanent_code)
    : baseline_(std::move(baseline)), permanent_code_(permanent_code) {}

void ReplyLedger::expect(long long id) {
  std::lock_guard lock(mutex_);
  answers_.emplace(id, 0);
  ++tally_.expected;
}

void ReplyLedger::record(const nlohmann::json& message, std::string_view raw) {
  const bool leaked = canary::appears_in(raw);
  const bool has_id = message.is_object() && message.contains("id") && message["id"].is_number_integer();
  const Judgement j = has_id ? judge(message, baseline_, permanent_code_) : Judgement{};
  std::lock_guard lock(mutex_);
  if (leaked) {
    ++tally_.canaries;
    note("an answer contains a canary secret");
  }
  auto it = has_id ? answers_.find(message["id"].get<long long>()) : answers_.end();
  if (it == answers_.end()) {
    ++tally_.unknown;
    note("a message that answers no call: " + std::string(raw.substr(0, 200)));
    return;
  }
  if (++it->second > 1) {
    ++tally_.duplicates;
    note("id " + std::to_string(it->first) + " answered " + std::to_string(it->second) + " times");
    return;
  }
  ++tally_.answered;
  switch (j.verdict) {
    case Verdict::Ok:
      ++tally_.ok;
      break;
    case Verdict::ErrorResult:
      ++tally_.error_results;
      break;
    case Verdict::Wrong:
      ++tally_.wrong;
      note("id " + std::to_string(it->first) + ": " + j.reason);
      break;
  }
}

void ReplyLedger::problem(std::string what) {
  std::lock_guard lock(mutex_);
  note(std::move(what));
}

void ReplyLedger::note(std::string what) {
  if (tally_.problems.size() < kProblemsKept) tally_.problems.push_back(std::move(what));
}

ReplyTally ReplyLedger::tally() const {
  std::lock_guard lock(mutex_);
  ReplyTally t = tally_;
  t.missing = t.expected - t.answered;
  return t;
}

}  // namespace load
