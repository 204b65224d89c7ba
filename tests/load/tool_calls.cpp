#include "load/tool_calls.hpp"

#include "support/mcp_messages.hpp"

namespace load {

namespace {

std::string first_text(const json& result) {
  const json& content = result.value("content", json::array());
  if (!content.is_array() || content.empty() || !content[0].is_object()) return "";
  return content[0].value("text", "");
}

Judgement wrong(std::string reason) { return {Verdict::Wrong, std::move(reason)}; }

Judgement judge_error_result(const json& result, long long permanent_code) {
  const std::string text = first_text(result);
  if (text.find("code " + std::to_string(permanent_code)) == std::string::npos) {
    return wrong("unexpected error result: " + text.substr(0, 300));
  }
  return {Verdict::ErrorResult, ""};
}

Judgement judge_records(const json& result, const json& baseline, std::size_t page_size) {
  const json* structured = result.contains("structuredContent") ? &result["structuredContent"] : nullptr;
  if (!structured || !structured->is_object()) return wrong("no structuredContent");
  const json& data = structured->value("data", json());
  if (!data.is_array()) return wrong("structuredContent.data is not an array");
  if (data.size() != page_size) {
    return wrong("expected " + std::to_string(page_size) + " campaigns, got " + std::to_string(data.size()));
  }
  for (std::size_t i = 0; i < page_size; ++i) {
    if (data[i] != baseline[i]) return wrong("campaign " + std::to_string(i) + " differs from the baseline");
  }
  return {Verdict::Ok, ""};
}

}  // namespace

json initialize_request() { return test::initialize_request("init", "2025-11-25", "load-driver"); }

std::size_t page_size_for(long long id) { return 1 + static_cast<std::size_t>(id % 5); }

json campaigns_call(long long id) { return campaigns_call(id, page_size_for(id)); }

json campaigns_call(long long id, std::size_t page_size) {
  json arguments{{"entity", "campaigns"}, {"action", "list"}, {"params", {{"page_size", page_size}}}};
  return test::request(id, "tools/call", {{"name", "tiktok_marketing_execute"}, {"arguments", std::move(arguments)}});
}

Judgement judge(const json& response, const json& baseline, long long permanent_code) {
  if (response.contains("error")) return wrong("JSON-RPC error: " + response["error"].dump());
  if (!response.contains("result") || !response["result"].is_object()) return wrong("no result");
  const json& result = response["result"];
  if (result.value("isError", false)) return judge_error_result(result, permanent_code);
  return judge_records(result, baseline, page_size_for(response["id"].get<long long>()));
}

}  // namespace load
