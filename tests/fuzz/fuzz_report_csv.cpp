// Fuzzes the CSV of async reports. The input is the body report/task/download/ answers with:
//   1. util::parse_csv: it returns or throws util::CsvError (with a line within the text),
//      every row is as long as the header, and the table formatted with format_csv_record
//      reads back the same;
//   2. tiktok::report_rows_from_csv: every row is an object with one key per header column,
//      whose values are null or strings other than "" and "-";
//   3. a whole async report through the production Client and DirectExecutor, the input as
//      the download's body (create and check answered as TikTok would): rows come back or the
//      failure is an execution::UpstreamError.

#include <algorithm>
#include <cstddef>
#include <string>

#include "answer_or_error.hpp"
#include "catalog/catalog.hpp"
#include "check.hpp"
#include "fuzz_entry.hpp"
#include "tiktok/client.hpp"
#include "tiktok/direct_executor.hpp"
#include "tiktok/report_csv.hpp"
#include "util/csv.hpp"

namespace {

using nlohmann::json;

std::size_t line_count(std::string_view text) {
  return 1 + static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')) +
         static_cast<std::size_t>(std::count(text.begin(), text.end(), '\r'));
}

void check_table(std::string_view input) {
  util::CsvTable table;
  try {
    table = util::parse_csv(input);
  } catch (const util::CsvError& e) {
    fuzz::require(e.line() >= 1 && e.line() <= line_count(input), "a CsvError line outside the text");
    return;
  }
  for (const auto& row : table.rows) fuzz::require(row.size() == table.header.size(), "a row unlike the header");
  if (table.header.empty()) {
    fuzz::require(table.rows.empty(), "rows without a header");
    return;
  }
  if (table.header[0].rfind("\xEF\xBB\xBF", 0) == 0) return;  // a leading BOM is dropped on reading
  std::string text = util::format_csv_record(table.header);
  for (const auto& row : table.rows) text += util::format_csv_record(row);
  util::CsvTable again = util::parse_csv(text);
  fuzz::require(again.header == table.header && again.rows == table.rows, "a formatted table reads back otherwise");
}

void check_rows(std::string_view input) {
  json rows;
  try {
    rows = tiktok::report_rows_from_csv(input);
  } catch (const util::CsvError&) {
    return;
  }
  const util::CsvTable table = util::parse_csv(input);
  fuzz::require(rows.is_array() && rows.size() == table.rows.size(), "not one object per CSV row");
  for (const auto& row : rows) {
    fuzz::require(row.is_object() && row.size() == table.header.size(), "a row without one key per column");
    for (const auto& [key, value] : row.items()) {
      const bool ok = value.is_null() || (value.is_string() && !value.get<std::string>().empty() && value != "-");
      fuzz::require(ok, "a value that is neither null nor a real string: " + key);
    }
  }
}

// Answers create and check as TikTok does, and the download with the input.
class DownloadTransport : public net::HttpTransport {
 public:
  explicit DownloadTransport(std::string body) : body_(std::move(body)) {}
  net::HttpResult send(const net::HttpRequest& request, const std::stop_token&) override {
    net::HttpResult r;
    r.status = 200;
    if (request.path == "/report/task/create/") {
      r.body = R"({"code":0,"message":"OK","request_id":"c","data":{"task_id":"7400000000000000001"}})";
    } else if (request.path == "/report/task/check/") {
      r.body = R"({"code":0,"message":"OK","request_id":"k","data":{"status":"SUCCESS"}})";
    } else {
      r.headers["content-type"] = "text/csv";
      r.body = body_;
    }
    return r;
  }

 private:
  std::string body_;
};

void check_whole_report(std::string_view input) {
  DownloadTransport transport{std::string(input)};
  tiktok::ClientOptions options;
  options.base_url = "https://business-api.tiktok.com/open_api/v1.3";
  options.access_token = "fuzz-token";
  options.retry.max_attempts = 1;
  tiktok::Client client(transport, nullptr, options, [](std::chrono::milliseconds, const std::stop_token&) { return true; });
  tiktok::DirectExecutor executor(client, {});
  const catalog::Entity* entity = catalog::Catalog::builtin().find("ads_reports_daily");
  const execution::Target target{*entity, *entity->find_action("list"), std::nullopt};
  const json params{{"advertiser_id", "7100000000000000001"}, {"report_type", "BASIC"}, {"data_level", "AUCTION_AD"},
                    {"dimensions", {"ad_id", "stat_time_day"}},    {"metrics", {"spend"}},
                    {"start_date", "2026-10-01"},                  {"end_date", "2026-10-07"}};
  fuzz::expect_answer_or_error("an async report", [&] {
    execution::Page page = executor.run_report_task(target, params, {});
    fuzz::require(page.records.is_array(), "records that are not an array");
    fuzz::require(page.extra_meta.value("task_id", "") == "7400000000000000001", "the task id was lost");
  });
}

}  // namespace

void fuzz::test_one_input(std::string_view input) {
  check_table(input);
  check_rows(input);
  check_whole_report(input);
}
