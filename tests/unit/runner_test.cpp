#include <catch2/catch.hpp>

#include <mutex>

#include "catalog/params.hpp"
#include "execution/runner.hpp"
#include "execution/upstream_error.hpp"

using nlohmann::json;

namespace {

// Serves `total` numbered records in pages and records every call.
class PagedExecutor : public execution::Executor {
 public:
  explicit PagedExecutor(int total) : total_(total) {}

  execution::Page fetch(const execution::Target&, const json& params, const execution::CallContext& ctx) override {
    calls.push_back(params);
    if (cancel_after && static_cast<int>(calls.size()) == cancel_after) source.request_stop();
    (void)ctx;
    const int page = params.value("page", 1);
    const int size = params.value("page_size", 10);
    execution::Page p;
    for (int i = (page - 1) * size; i < total_ && i < page * size; ++i) p.records.push_back({{"n", i}});
    p.page_info = {{"page", page}, {"page_size", size}, {"total_number", total_}, {"total_page", (total_ + size - 1) / size}};
    p.request_id = "r" + std::to_string(calls.size());
    return p;
  }
  execution::CheckReport check(const execution::CallContext&) override { return {}; }
  std::string mode() const override { return "test"; }

  std::vector<json> calls;
  int cancel_after = 0;
  std::stop_source source;

 private:
  int total_;
};

// Answers every call with one record and the given page_info.
class FixedPageInfo : public execution::Executor {
 public:
  explicit FixedPageInfo(json page_info) : page_info_(std::move(page_info)) {}
  execution::Page fetch(const execution::Target&, const json&, const execution::CallContext&) override {
    execution::Page p;
    p.records.push_back({{"n", 1}});
    p.page_info = page_info_;
    return p;
  }
  execution::CheckReport check(const execution::CallContext&) override { return {}; }
  std::string mode() const override { return "test"; }

 private:
  json page_info_;
};

execution::Target target(const std::string& entity) {
  const auto* e = catalog::Catalog::builtin().find(entity);
  return {*e, *e->find_action("list"), std::nullopt};
}

json prepared(const std::string& entity, json params) {
  auto p = catalog::prepare_params(*catalog::Catalog::builtin().find(entity)->find_action("list"), std::move(params), {"1"});
  REQUIRE(p.issues.empty());
  return p.params;
}

}  // namespace

TEST_CASE("a plain call fetches one page and reports where the next one is") {
  PagedExecutor ex(25);
  auto r = execution::run(ex, target("campaigns"), prepared("campaigns", {{"page_size", 10}}), {});
  CHECK(ex.calls.size() == 1);
  CHECK(r.data.size() == 10);
  CHECK(r.meta["page_info"]["total_page"] == 3);
  CHECK(r.meta["next_page"] == 2);
  CHECK(r.meta["has_more"] == true);
  CHECK(r.meta["request_id"] == "r1");
  CHECK_FALSE(ex.calls[0].contains("limit"));
}

TEST_CASE("limit fetches pages in turn with progress, and never sends local params upstream") {
  PagedExecutor ex(25);
  std::vector<double> progress;
  execution::CallContext ctx;
  ctx.progress = [&](double done, std::optional<double>, const std::string&) { progress.push_back(done); };
  auto r = execution::run(ex, target("campaigns"), prepared("campaigns", {{"page_size", 10}, {"limit", 15}}), ctx);
  CHECK(r.data.size() == 15);
  CHECK(ex.calls.size() == 2);
  CHECK(ex.calls[1]["page"] == 2);
  for (const auto& c : ex.calls) CHECK_FALSE(c.contains("limit"));
  CHECK(progress == std::vector<double>{10, 15});
  CHECK(r.meta["has_more"] == true);
  CHECK_FALSE(r.meta.contains("next_page"));  // the last page was only partly taken
}

// Found by fuzz_tiktok_response: a total_page of 1e300 was converted to long long (undefined).
TEST_CASE("page counts given as floats are read when they fit, and ignored when they do not") {
  FixedPageInfo fits(json{{"page", 1.0}, {"total_page", 3.0}});
  auto r = execution::run(fits, target("campaigns"), prepared("campaigns", json::object()), {});
  CHECK(r.meta["has_more"] == true);
  CHECK(r.meta["next_page"] == 2);

  FixedPageInfo huge(json{{"page", 1}, {"total_page", 1e300}, {"total_number", -1e300}});
  r = execution::run(huge, target("campaigns"), prepared("campaigns", json::object()), {});
  CHECK(r.meta["has_more"] == false);
  auto all = execution::run(huge, target("campaigns"), prepared("campaigns", {{"all_pages", true}}), {});
  CHECK(all.data.size() == 1);
}

TEST_CASE("all_pages reads to the last page") {
  PagedExecutor ex(25);
  auto r = execution::run(ex, target("campaigns"), prepared("campaigns", {{"page_size", 10}, {"all_pages", true}}), {});
  CHECK(r.data.size() == 25);
  CHECK(ex.calls.size() == 3);
  CHECK(r.meta["has_more"] == false);
  CHECK(r.meta["pages_fetched"] == 3);
}

TEST_CASE("cancellation between pages stops at once") {
  PagedExecutor ex(100);
  ex.cancel_after = 2;
  execution::CallContext ctx;
  ctx.stop = ex.source.get_token();
  try {
    execution::run(ex, target("campaigns"), prepared("campaigns", {{"page_size", 10}, {"all_pages", true}}), ctx);
    FAIL("expected a cancellation");
  } catch (const execution::UpstreamError& e) {
    CHECK(e.category() == execution::ErrorCategory::Cancelled);
  }
  CHECK(ex.calls.size() == 2);
}

TEST_CASE("a daily report over 30 days is split into windows, read whole and merged") {
  PagedExecutor ex(5);
  auto params = prepared("ads_reports_daily", {{"start_date", "2026-01-01"}, {"end_date", "2026-03-15"}});
  auto r = execution::run(ex, target("ads_reports_daily"), params, {});
  REQUIRE(ex.calls.size() == 3);
  CHECK(ex.calls[0]["start_date"] == "2026-01-01");
  CHECK(ex.calls[0]["end_date"] == "2026-01-30");
  CHECK(ex.calls[1]["start_date"] == "2026-01-31");
  CHECK(ex.calls[1]["end_date"] == "2026-03-01");
  CHECK(ex.calls[2]["start_date"] == "2026-03-02");
  CHECK(ex.calls[2]["end_date"] == "2026-03-15");
  for (const auto& c : ex.calls) CHECK(c["page_size"] == 1000);
  CHECK(r.data.size() == 15);
  CHECK(r.meta["windows"].size() == 3);
}

TEST_CASE("a long range without a daily dimension is not split") {
  PagedExecutor ex(5);
  auto params = prepared("ads_reports_daily", {{"start_date", "2026-01-01"}, {"end_date", "2026-03-15"},
                                                {"dimensions", json{"ad_id"}}});
  execution::run(ex, target("ads_reports_daily"), params, {});
  CHECK(ex.calls.size() == 1);
}
