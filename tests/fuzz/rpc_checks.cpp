#include "rpc_checks.hpp"

#include <algorithm>

#include "check.hpp"

namespace fuzz {

namespace {

using nlohmann::json;

bool is_id(const json& id) { return id.is_string() || id.is_number_integer(); }

std::string key_of(const json& id) { return id.is_string() ? "s:" + id.get<std::string>() : "n:" + id.dump(); }

std::size_t depth_of(const json& value) {
  if (!value.is_structured()) return 0;
  std::size_t deepest = 0;
  for (const auto& child : value) deepest = std::max(deepest, depth_of(child));
  return deepest + 1;
}

bool is_request(const json& m) {
  if (!m.is_object() || m.value("jsonrpc", json()) != "2.0") return false;
  if (!m.contains("id") || !is_id(m["id"]) || !m.contains("method") || !m["method"].is_string()) return false;
  return !m.contains("params") || m["params"].is_object() || m["params"].is_array();
}

bool is_cancellation(const json& m) { return m.is_object() && m.value("method", json()) == "notifications/cancelled"; }

void check_response(const json& m) {
  require(m.contains("id"), "a response without an id: " + m.dump());
  const json& id = m["id"];
  require(is_id(id) || id.is_null(), "a response whose id is neither a string, an integer nor null");
  require(m.contains("result") != m.contains("error"), "a response needs exactly one of result and error");
  if (m.contains("error")) {
    const json& e = m["error"];
    require(e.is_object() && e.contains("code") && e["code"].is_number_integer() && e.contains("message") &&
                e["message"].is_string(),
            "a malformed error object: " + e.dump());
  } else {
    require(!id.is_null(), "a result with a null id");
  }
}

void check_single(const json& m) {
  require(m.is_object(), "a message that is not an object");
  require(m.value("jsonrpc", json()) == "2.0", "a message without \"jsonrpc\": \"2.0\"");
  if (m.contains("method")) {
    // The server's tools never ask the client anything, so it only notifies.
    require(!m.contains("id"), "the server sent a request: " + m.dump());
    require(m["method"].is_string() && m["method"].get<std::string>().rfind("notifications/", 0) == 0,
            "a notification with an unexpected method: " + m.dump());
    return;
  }
  check_response(m);
}

}  // namespace

void check_message(const json& message) {
  if (!message.is_array()) {
    check_single(message);
    return;
  }
  require(!message.empty(), "an empty batch answer");
  for (const auto& m : message) {
    require(m.is_object() && !m.contains("method"), "a batch answer holding something other than responses");
    check_response(m);
  }
}

void ExpectedAnswers::add_payload(std::string_view text) {
  const json value = json::parse(text, nullptr, false);
  if (value.is_discarded() || depth_of(value) > max_depth_) {
    ++null_ceiling_;
    return;
  }
  const bool batch = value.is_array();
  null_ceiling_ += batch ? std::max<std::size_t>(1, value.size()) : 1;
  for (const json& m : batch ? value : json::array({value})) {
    cancels_ = cancels_ || is_cancellation(m);
    if (!m.is_object() || !m.contains("id") || !is_id(m["id"])) continue;
    ++ceiling_[key_of(m["id"])];
    if (!batch && is_request(m)) ++floor_[key_of(m["id"])];
  }
}

void ExpectedAnswers::add_refused() { ++null_ceiling_; }

void ExpectedAnswers::check(const std::vector<json>& sent, bool all_delivered) const {
  std::map<std::string, int> answered;
  std::size_t null_answers = 0;
  for (const json& message : sent) {
    check_message(message);
    for (const json& m : message.is_array() ? message : json::array({message})) {
      if (m.contains("method")) continue;
      if (m["id"].is_null()) {
        ++null_answers;
      } else {
        ++answered[key_of(m["id"])];
      }
    }
  }
  require(null_answers <= null_ceiling_, "more errors with a null id than payloads could cause");
  for (const auto& [key, count] : answered) {
    auto it = ceiling_.find(key);
    require(it != ceiling_.end() && count <= it->second, "id " + key + " answered more often than it was sent");
  }
  if (!all_delivered || cancels_) return;
  for (const auto& [key, count] : floor_) {
    auto it = answered.find(key);
    require(it != answered.end() && it->second >= count, "request " + key + " got no answer");
  }
}

}  // namespace fuzz
