#include "airbyte/execute_result.hpp"

#include <optional>

#include "execution/upstream_error.hpp"

namespace airbyte {

namespace {

using execution::ErrorCategory;
using execution::UpstreamError;

const json* member(const json& node, const char* key) {
  if (!node.is_object()) return nullptr;
  auto it = node.find(key);
  return it == node.end() ? nullptr : &*it;
}

std::string message_in(const json& node) {
  for (const char* key : {"error", "message", "detail"}) {
    const json* m = member(node, key);
    if (m && m->is_string()) return m->get<std::string>();
    if (m && m->is_object()) {
      std::string inner = message_in(*m);
      if (!inner.empty()) return inner;
    }
  }
  return "";
}

[[noreturn]] void fail(const ApiResponse& response, ErrorCategory category, std::string message,
                       std::string next_step) {
  UpstreamError::Details d;
  d.category = category;
  d.source = "Airbyte";
  d.message = std::move(message);
  d.request_id = response.request_id;
  d.http_status = response.status;
  d.next_step = std::move(next_step);
  throw UpstreamError(std::move(d));
}

std::optional<json> records_in(const json& result) {
  if (result.is_null()) return json::array();
  if (result.is_array()) return result;
  for (const char* key : {"data", "records", "list", "items", "results"}) {
    const json* list = member(result, key);
    if (list && list->is_array()) return *list;
  }
  if (const json* data = member(result, "data")) {
    if (const json* list = member(*data, "list"); list && list->is_array()) return *list;
  }
  return std::nullopt;
}

bool looks_like_page_info(const json& node) {
  return member(node, "total_page") != nullptr || member(node, "total_number") != nullptr;
}

json page_info_in(const json& metadata, const json& result) {
  for (const json* holder : {&metadata, member(result, "meta"), &result, member(result, "data")}) {
    if (!holder) continue;
    if (const json* p = member(*holder, "page_info"); p && p->is_object()) return *p;
  }
  return looks_like_page_info(metadata) ? metadata : json();
}

// A search's continuation: cursor and has_more (also as next_cursor), and how long it took.
void add_search_meta(const json& source, json& extra) {
  if (!source.is_object()) return;
  for (const char* key : {"cursor", "next_cursor", "has_more", "took_ms"}) {
    if (const json* v = member(source, key)) extra[std::string(key) == "next_cursor" ? "cursor" : key] = *v;
  }
}

}  // namespace

execution::Page to_page(const ApiResponse& response, const std::string& what) {
  const json& body = response.body;
  if (!body.is_object()) fail(response, ErrorCategory::BadResponse, what + ": the answer is not a JSON object", "Try again.");
  const json* status = member(body, "status");
  if (!status || !status->is_string() || status->get<std::string>() != "success") {
    std::string message = message_in(body);
    if (message.empty() && member(body, "result")) message = message_in(body["result"]);
    fail(response, ErrorCategory::Upstream,
         what + " failed (status " + (status ? status->dump() : std::string("missing")) + ")" +
             (message.empty() ? "" : ": " + message),
         "Check the params (tiktok_marketing_describe lists them). If the message is about credentials, the "
         "connector's TikTok token may have expired or been revoked: create a new connector and delete the old one.");
  }
  const json result = body.value("result", json());
  const json metadata = body.value("connector_metadata", json::object());
  auto records = records_in(result);
  if (!records) {
    fail(response, ErrorCategory::BadResponse, what + ": the result holds no list of records",
         "Try again; if it persists, report the request_id.");
  }
  execution::Page page;
  page.records = std::move(*records);
  page.page_info = page_info_in(metadata, result);
  page.request_id = response.request_id;
  add_search_meta(metadata, page.extra_meta);
  add_search_meta(member(result, "meta") ? result["meta"] : json(), page.extra_meta);
  const json execution = body.value("execution_metadata", json::object());
  if (const json* ms = member(execution, "execution_time_ms")) page.extra_meta["execution_time_ms"] = *ms;
  if (page.request_id.empty()) {
    if (const json* id = member(execution, "request_id"); id && id->is_string()) page.request_id = *id;
  }
  return page;
}

}  // namespace airbyte
