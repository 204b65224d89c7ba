#include "fake_executor.hpp"

#include <functional>
#include <string>

#include "execution/upstream_error.hpp"

namespace fuzz {

namespace {

using execution::ErrorCategory;
using nlohmann::json;

constexpr int kCategories = static_cast<int>(ErrorCategory::Upstream) + 1;

std::size_t fingerprint(const std::string& entity, const json& params) {
  return std::hash<std::string>{}(entity + params.dump(-1, ' ', false, json::error_handler_t::replace));
}

long long page_of(const json& params) {
  auto it = params.find("page");
  return it != params.end() && it->is_number_integer() ? it->get<long long>() : 1;
}

[[noreturn]] void fail(std::size_t print, const std::string& echo) {
  execution::UpstreamError::Details d;
  d.category = static_cast<ErrorCategory>(print / 16 % kCategories);
  d.source = "TikTok";
  if (print % 3 == 0) d.code = static_cast<long long>(40000 + print % 7000);
  d.message = "fake failure for " + echo;
  d.request_id = "fake-request-" + std::to_string(print % 1000);
  d.http_status = print % 2 ? 200 : 500;
  d.attempts = 1 + static_cast<int>(print % 4);
  d.next_step = "change the params";
  throw execution::UpstreamError(std::move(d));
}

json report_row(const execution::Target& target, long long page, std::size_t i, const std::string& echo) {
  json dimensions{{"stat_time_day", "2024-01-0" + std::to_string(1 + i % 9) + " 00:00:00"},
                  {target.entity.record_id.empty() ? "id" : target.entity.record_id, std::to_string(page * 10 + i)}};
  json metrics{{"spend", "1.50"}, {"clicks", i % 2 ? "-" : "3"}, {"note", echo}};
  return json{{"dimensions", std::move(dimensions)}, {"metrics", std::move(metrics)}};
}

json record(const execution::Target& target, long long page, std::size_t i, const std::string& echo) {
  const std::string id_field = target.entity.record_id.empty() ? "id" : target.entity.record_id;
  return json{{id_field, "70000000000000" + std::to_string(page * 10 + i)}, {"name", echo}, {"status", "-"}};
}

}  // namespace

execution::Page FakeExecutor::fetch(const execution::Target& target, const json& params,
                                    const execution::CallContext& context) {
  const std::size_t print = fingerprint(target.entity.name + "." + target.action.name, params);
  const std::string echo = params.dump(-1, ' ', false, json::error_handler_t::replace).substr(0, 300);
  if (context.stop.stop_requested() || print % 11 == 0) fail(print, echo);
  const long long page = page_of(params);
  const long long total_pages = 1 + static_cast<long long>(print % 3);
  const std::size_t count = page > total_pages ? 0 : print / 4 % 4;
  execution::Page out;
  for (std::size_t i = 0; i < count; ++i) {
    out.records.push_back(target.action.report ? report_row(target, page, i, echo) : record(target, page, i, echo));
  }
  out.page_info = json{{"page", page}, {"page_size", count}, {"total_number", total_pages * 3},
                       {"total_page", total_pages}};
  out.request_id = "fake-request-" + std::to_string(print % 1000);
  if (print % 5 == 0) out.extra_meta["has_more"] = page < total_pages;
  return out;
}

execution::CheckReport FakeExecutor::check(const execution::CallContext&) {
  execution::CheckReport report;
  report.ok = true;
  report.details = json{{"mode", mode()}, {"api_base_url", "https://fake.invalid/open_api/v1.3"}, {"latency_ms", 0}};
  return report;
}

}  // namespace fuzz
