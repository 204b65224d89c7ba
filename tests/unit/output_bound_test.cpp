#include <catch2/catch.hpp>

#include "execution/output_bound.hpp"

using nlohmann::json;

namespace {
json records(int n) {
  json out = json::array();
  for (int i = 0; i < n; ++i) out.push_back({{"id", std::to_string(i)}, {"name", std::string(80, 'x')}});
  return out;
}
}  // namespace

TEST_CASE("a result within the limit is returned whole") {
  auto r = execution::bound_output(records(3), json{{"entity", "e"}}, 100000, "hint");
  CHECK(r.value["data"].size() == 3);
  CHECK_FALSE(r.value["meta"].contains("truncated"));
  CHECK(r.text == r.value.dump());
}

TEST_CASE("past the limit, whole records that fit are kept and meta says how many were left out") {
  auto r = execution::bound_output(records(200), json{{"entity", "e"}}, 5000, "use fields");
  const auto& t = r.value["meta"]["truncated"];
  CHECK(r.text.size() <= 5000);
  CHECK(t["returned"].get<int>() == static_cast<int>(r.value["data"].size()));
  CHECK(t["returned"].get<int>() + t["omitted"].get<int>() == 200);
  CHECK(t["returned"].get<int>() > 10);
  CHECK(t["how_to_narrow"] == "use fields");
  for (const auto& rec : r.value["data"]) CHECK(rec["name"].get<std::string>().size() == 80);  // never cut
  CHECK(json::parse(r.text) == r.value);
}
