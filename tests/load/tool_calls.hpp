#pragma once
// The messages the load test sends and how the answers to its tool calls are judged. Every call lists
// campaigns with a page size derived from its id (1 to 5), so an answer that went to the wrong
// request has the wrong number of records.

#include <nlohmann/json.hpp>
#include <string>

namespace load {

using nlohmann::json;

// initialize with protocol version 2025-11-25 and the id "init".
json initialize_request();

// tools/call of tiktok_marketing_execute: campaigns, list, page_size 1 + id % 5 (or as given).
json campaigns_call(long long id);
json campaigns_call(long long id, std::size_t page_size);
std::size_t page_size_for(long long id);

enum class Verdict { Ok, ErrorResult, Wrong };

struct Judgement {
  Verdict verdict = Verdict::Wrong;
  std::string reason;  // for Wrong
};

// `baseline`: the first five campaigns of a call that was not faulted. An error result is
// expected only from a permanent upstream fault (TikTok code `permanent_code`).
Judgement judge(const json& response, const json& baseline, long long permanent_code);

}  // namespace load
