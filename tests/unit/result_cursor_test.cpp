// The cursor of resumable results: its codec (round trip, corruption, version, size), the
// positions the runner gives every record, and the cursor the output bound puts in meta.

#include <catch2/catch.hpp>

#include <cstdio>

#include "catalog/params.hpp"
#include "execution/output_bound.hpp"
#include "execution/result_cursor.hpp"
#include "execution/runner.hpp"
#include "execution/upstream_error.hpp"
#include "tools/result_resume.hpp"

using execution::CursorPosition;
using execution::ResultCursor;
using nlohmann::json;

namespace {

execution::ResultCursor sample_cursor() {
  ResultCursor c;
  c.entity = "ads_reports_daily";
  c.action = "list";
  c.params = {{"advertiser_id", "7012345678901234567"}, {"start_date", "2026-07-01"}, {"metrics", {"spend", "clicks"}}};
  c.position = CursorPosition{"page", 2, 3, 417};
  return c;
}

// The documented format, written out independently of the server's encoder.
std::string forge(const json& payload) {
  const std::string text = payload.dump();
  static const char* alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  std::string out;
  unsigned buffer = 0;
  int bits = 0;
  for (unsigned char c : text) {
    buffer = (buffer << 8) | c;
    bits += 8;
    while (bits >= 6) {
      bits -= 6;
      out.push_back(alphabet[(buffer >> bits) & 0x3F]);
    }
  }
  if (bits > 0) out.push_back(alphabet[(buffer << (6 - bits)) & 0x3F]);
  unsigned hash = 2166136261u;
  for (unsigned char c : text) {
    hash ^= c;
    hash *= 16777619u;
  }
  char hex[9];
  std::snprintf(hex, sizeof hex, "%08x", hash);
  return out + "." + hex;
}

json sample_payload() {
  return {{"v", 1}, {"e", "ads"}, {"a", "list"}, {"p", json::object()}, {"at", {{"k", "page"}, {"w", 0}, {"pg", 2}, {"o", 5}}}};
}

std::string cursor_refusal(const std::string& text) {
  auto d = execution::decode_cursor(text);
  REQUIRE_FALSE(d.cursor.has_value());
  return d.error;
}

// Serves `total` numbered records in pages of params.page_size.
class NumberedPages : public execution::Executor {
 public:
  explicit NumberedPages(int total) : total_(total) {}
  execution::Page fetch(const execution::Target&, const json& params, const execution::CallContext&) override {
    calls.push_back(params);
    const int page = params.value("page", 1);
    const int size = params.value("page_size", 10);
    execution::Page p;
    for (int i = (page - 1) * size; i < total_ && i < page * size; ++i) p.records.push_back({{"n", i}});
    p.page_info = {{"page", page}, {"page_size", size}, {"total_number", total_}, {"total_page", (total_ + size - 1) / size}};
    return p;
  }
  execution::CheckReport check(const execution::CallContext&) override { return {}; }
  std::string mode() const override { return "test"; }
  std::vector<json> calls;

 private:
  int total_;
};

execution::Target list_of(const std::string& entity) {
  const auto* e = catalog::Catalog::builtin().find(entity);
  return {*e, *e->find_action("list"), std::nullopt};
}

json prepared_for(const std::string& entity, json params) {
  auto p = catalog::prepare_params(*catalog::Catalog::builtin().find(entity)->find_action("list"), std::move(params), {"1"});
  REQUIRE(p.issues.empty());
  return p.params;
}

std::vector<int> record_numbers(const json& data) {
  std::vector<int> out;
  for (const auto& r : data) out.push_back(r["n"].get<int>());
  return out;
}

std::vector<int> range_of(int from, int to) {
  std::vector<int> out;
  for (int i = from; i < to; ++i) out.push_back(i);
  return out;
}

bool same_position(const CursorPosition& a, const CursorPosition& b) {
  return a.kind == b.kind && a.window == b.window && a.page == b.page && a.offset == b.offset;
}

}  // namespace

TEST_CASE("a cursor decodes to what was encoded", "[cursor]") {
  const auto c = sample_cursor();
  const auto text = execution::encode_cursor(c);
  REQUIRE(text.has_value());
  CHECK(text->find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.") == std::string::npos);
  auto d = execution::decode_cursor(*text);
  REQUIRE(d.cursor.has_value());
  CHECK(d.error.empty());
  CHECK(d.cursor->entity == c.entity);
  CHECK(d.cursor->action == c.action);
  CHECK(d.cursor->params == c.params);
  CHECK(same_position(d.cursor->position, c.position));
  CHECK(forge(json::parse(R"({"v":1})")).size() > 9);  // the test's own encoder works
  CHECK(execution::decode_cursor(forge(sample_payload())).cursor.has_value());
}

TEST_CASE("a corrupted or foreign cursor is refused with a reason", "[cursor]") {
  const std::string good = *execution::encode_cursor(sample_cursor());
  std::string flipped = good;
  flipped[10] = flipped[10] == 'A' ? 'B' : 'A';
  CHECK_THAT(cursor_refusal(flipped), Catch::Contains("corrupted"));
  std::string bad_sum = good;
  bad_sum.back() = bad_sum.back() == '0' ? '1' : '0';
  CHECK_THAT(cursor_refusal(bad_sum), Catch::Contains("corrupted"));
  CHECK_THAT(cursor_refusal(good.substr(0, good.size() / 2)), Catch::Contains("not a cursor made by this server"));
  CHECK_THAT(cursor_refusal("hello"), Catch::Contains("not a cursor made by this server"));
  CHECK_THAT(cursor_refusal("!!!!." + good.substr(good.size() - 8)), Catch::Contains("not base64url"));
  CHECK_THAT(cursor_refusal(""), Catch::Contains("is empty"));
  CHECK_THAT(cursor_refusal(forge(json::array({1, 2}))), Catch::Contains("not a cursor made by this server"));
  json no_params = sample_payload();
  no_params.erase("p");
  CHECK_THAT(cursor_refusal(forge(no_params)), Catch::Contains("malformed"));
  json bad_page = sample_payload();
  bad_page["at"]["pg"] = 0;
  CHECK_THAT(cursor_refusal(forge(bad_page)), Catch::Contains("position is not valid"));
  json negative = sample_payload();
  negative["at"]["o"] = -3;
  CHECK_THAT(cursor_refusal(forge(negative)), Catch::Contains("position is not valid"));
  for (const auto& e : {flipped, bad_sum, std::string("hello")}) {
    CHECK_THAT(cursor_refusal(e), Catch::Contains("pass meta.next_cursor exactly"));
  }
}

TEST_CASE("a cursor of another format version or an unknown position kind is refused", "[cursor]") {
  json v2 = sample_payload();
  v2["v"] = 2;
  CHECK_THAT(cursor_refusal(forge(v2)), Catch::Contains("another version of this server (cursor format 2, this server reads 1)"));
  json sheet = sample_payload();
  sheet["at"] = {{"k", "sheet"}, {"o", 0}};
  CHECK_THAT(cursor_refusal(forge(sheet)), Catch::Contains("kind \"sheet\""));
  json task = sample_payload();
  task["at"] = {{"k", "task"}, {"task_id", "123"}, {"o", 0}};  // a task position has w, pg and o
  CHECK_THAT(cursor_refusal(forge(task)), Catch::Contains("its position is not valid"));
  task["at"] = {{"k", "task"}, {"w", 0}, {"pg", 1}, {"o", 7}};
  CHECK(execution::decode_cursor(forge(task)).cursor->position.offset == 7);
}

TEST_CASE("cursors stay within their size limit", "[cursor]") {
  auto c = sample_cursor();
  json metrics = json::array();
  for (int i = 0; i < 100; ++i) metrics.push_back("a_rather_long_metric_name_number_" + std::to_string(i));
  c.params["metrics"] = metrics;  // about 4 KB of names
  auto text = execution::encode_cursor(c);
  REQUIRE(text.has_value());
  CHECK(text->size() <= execution::kMaxCursorChars);
  CHECK(execution::decode_cursor(*text).cursor.has_value());
  c.params["metrics"] = json::array();
  for (int i = 0; i < 200; ++i) c.params["metrics"].push_back(std::string(60, 'm'));
  CHECK_FALSE(execution::encode_cursor(c).has_value());
  CHECK_THAT(cursor_refusal(std::string(execution::kMaxCursorChars + 1, 'A')), Catch::Contains("longer than any cursor"));
}

TEST_CASE("every read action takes the shared cursor param; hosted searches keep their own", "[cursor]") {
  for (const auto& e : catalog::Catalog::builtin().entities()) {
    for (const auto& a : e.actions) {
      INFO(e.name + "." + a.name);
      if (a.is_write()) continue;
      const json* p = a.property("cursor");
      if (a.hosted_only) {
        // Airbyte's own: the search's cursor goes upstream; the SQL query takes none.
        CHECK(((a.name == "context_store_search") == (p != nullptr)));
        if (p != nullptr) CHECK_FALSE(a.is_local("cursor"));
      } else {
        REQUIRE(p != nullptr);
        CHECK(a.is_local("cursor"));
        CHECK((*p)["maxLength"] == execution::kMaxCursorChars);
      }
    }
  }
}

TEST_CASE("the runner gives each record its position and where the next one is", "[cursor]") {
  NumberedPages ex(25);
  auto plain = execution::run(ex, list_of("campaigns"), prepared_for("campaigns", {{"page_size", 10}}), {});
  REQUIRE(plain.positions.size() == 10);
  CHECK(same_position(plain.positions[7], {"page", 0, 1, 7}));
  REQUIRE(plain.resume.has_value());
  CHECK(same_position(*plain.resume, {"page", 0, 2, 0}));

  auto mid = execution::run(ex, list_of("campaigns"), prepared_for("campaigns", {{"page_size", 10}}), {}, {},
                            CursorPosition{"page", 0, 2, 3});
  CHECK(record_numbers(mid.data) == range_of(13, 20));
  CHECK(same_position(mid.positions[0], {"page", 0, 2, 3}));
  CHECK(same_position(*mid.resume, {"page", 0, 3, 0}));
  CHECK(mid.meta["next_page"] == 3);

  auto last = execution::run(ex, list_of("campaigns"), prepared_for("campaigns", {{"page_size", 10}}), {}, {},
                             CursorPosition{"page", 0, 3, 4});
  CHECK(record_numbers(last.data) == range_of(24, 25));
  CHECK_FALSE(last.resume.has_value());
}

TEST_CASE("with limit, a continuation takes the next limit records from its position", "[cursor]") {
  NumberedPages ex(25);
  auto params = prepared_for("campaigns", {{"page_size", 10}, {"limit", 12}});
  auto first = execution::run(ex, list_of("campaigns"), params, {});
  CHECK(record_numbers(first.data) == range_of(0, 12));
  REQUIRE(first.resume.has_value());
  CHECK(same_position(*first.resume, {"page", 0, 2, 2}));
  auto second = execution::run(ex, list_of("campaigns"), params, {}, {}, *first.resume);
  CHECK(record_numbers(second.data) == range_of(12, 24));
  REQUIRE(second.resume.has_value());
  CHECK(same_position(*second.resume, {"page", 0, 3, 4}));
  auto third = execution::run(ex, list_of("campaigns"), params, {}, {}, *second.resume);
  CHECK(record_numbers(third.data) == range_of(24, 25));
  CHECK_FALSE(third.resume.has_value());

  auto exact = execution::run(ex, list_of("campaigns"), prepared_for("campaigns", {{"page_size", 10}, {"limit", 20}}), {});
  CHECK(same_position(*exact.resume, {"page", 0, 3, 0}));  // page 2 ended exactly at the limit
}

TEST_CASE("report windows continue from the window, page and offset of a cursor", "[cursor]") {
  NumberedPages ex(5);
  const auto params = prepared_for("ads_reports_daily", {{"start_date", "2026-01-01"}, {"end_date", "2026-03-15"}});
  auto from_second = execution::run(ex, list_of("ads_reports_daily"), params, {}, {}, CursorPosition{"page", 1, 1, 3});
  REQUIRE(ex.calls.size() == 2);
  CHECK(ex.calls[0]["start_date"] == "2026-01-31");
  CHECK(from_second.data.size() == 2 + 5);
  CHECK(same_position(from_second.positions[0], {"page", 1, 1, 3}));
  CHECK(same_position(from_second.positions[2], {"page", 2, 1, 0}));
  CHECK_FALSE(from_second.resume.has_value());

  auto limited = execution::run(ex, list_of("ads_reports_daily"),
                                prepared_for("ads_reports_daily", {{"start_date", "2026-01-01"}, {"end_date", "2026-03-15"}, {"limit", 5}}),
                                {});
  REQUIRE(limited.resume.has_value());
  CHECK(same_position(*limited.resume, {"page", 1, 1, 0}));  // window 1 ended exactly at the limit

  try {
    execution::run(ex, list_of("ads_reports_daily"), params, {}, {}, CursorPosition{"page", 3, 1, 0});
    FAIL("expected a refusal");
  } catch (const execution::UpstreamError& e) {
    CHECK(e.category() == execution::ErrorCategory::InvalidParams);
    CHECK_THAT(e.describe(), Catch::Contains("points at report window 4, but these params make 3 windows"));
  }
}

TEST_CASE("the output bound puts the cursor after the last record kept in meta", "[cursor]") {
  json data = json::array();
  for (int i = 0; i < 200; ++i) data.push_back({{"id", std::to_string(i)}, {"name", std::string(80, 'x')}});
  std::vector<std::size_t> asked;
  execution::CursorAfter after = [&](std::size_t kept) -> std::optional<std::string> {
    asked.push_back(kept);
    if (kept >= 200) return std::nullopt;
    return "cursor-" + std::to_string(kept) + std::string(300, 'c');
  };
  auto cut = execution::bound_output(data, json{{"entity", "e"}}, 5000, "hint", after);
  const auto kept = cut.value["data"].size();
  CHECK(cut.text.size() <= 5000);
  CHECK(cut.value["meta"]["next_cursor"] == "cursor-" + std::to_string(kept) + std::string(300, 'c'));

  auto whole = execution::bound_output(data, json{{"entity", "e"}}, 1000000, "hint", after);
  CHECK_FALSE(whole.value["meta"].contains("next_cursor"));  // nothing follows the last record

  json big = json::array({{{"blob", std::string(6000, 'b')}}});
  auto none = execution::bound_output(big, json{{"entity", "e"}}, 5000, "hint", after);
  CHECK(none.value["data"].empty());
  CHECK_FALSE(none.value["meta"].contains("next_cursor"));
  CHECK(none.value["meta"]["truncated"].contains("next_cursor_withheld"));
}

TEST_CASE("the execute tool's cursors leave out schema defaults, and say when params are too long for one", "[cursor]") {
  const auto* entity = catalog::Catalog::builtin().find("ads_reports_daily");
  const auto& action = *entity->find_action("list");
  execution::RunResult result;
  result.resume = CursorPosition{"page", 1, 2, 0};
  auto params = prepared_for("ads_reports_daily", {{"start_date", "2026-01-01"}, {"end_date", "2026-03-15"}});
  auto after = tools::cursor_after(*entity, action, params, result);
  REQUIRE(after);
  auto decoded = execution::decode_cursor(*after(0));
  REQUIRE(decoded.cursor.has_value());
  CHECK_FALSE(decoded.cursor->params.contains("metrics"));  // the default list, restored when prepared
  CHECK(tools::params_mismatch(action, params, *decoded.cursor, {"1"}).empty());

  json metrics = json::array();
  for (int i = 0; i < 140; ++i) metrics.push_back(std::string(58, 'm') + std::to_string(i));
  execution::RunResult long_one;
  auto long_params = prepared_for("ads_reports_daily", {{"start_date", "2026-01-01"}, {"end_date", "2026-01-02"}, {"metrics", metrics}});
  CHECK_FALSE(tools::cursor_after(*entity, action, long_params, long_one));
  CHECK_THAT(long_one.meta["next_cursor_unavailable"].get<std::string>(), Catch::Contains("too long to fit in a cursor"));
}
