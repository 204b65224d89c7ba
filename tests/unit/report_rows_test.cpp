#include <catch2/catch.hpp>

#include "execution/report_rows.hpp"

using nlohmann::json;

TEST_CASE("report rows are flattened and \"-\" becomes null") {
  json row{{"dimensions", {{"campaign_id", "1800000001001000000"}, {"stat_time_day", "2026-10-01 00:00:00"}}},
           {"metrics", {{"spend", "12.30"}, {"cost_per_conversion", "-"}, {"impressions", "100"}}}};
  json flat = execution::flatten_report_row(row);
  CHECK(flat == json{{"campaign_id", "1800000001001000000"},
                     {"stat_time_day", "2026-10-01 00:00:00"},
                     {"spend", "12.30"},
                     {"cost_per_conversion", nullptr},
                     {"impressions", "100"}});
}

TEST_CASE("rows that are already flat keep their values except \"-\"") {
  json flat = execution::flatten_report_row(json{{"spend", "-"}, {"clicks", "3"}});
  CHECK(flat == json{{"spend", nullptr}, {"clicks", "3"}});
  CHECK(execution::flatten_report_row(json("x")) == "x");
}

TEST_CASE("a metric wins over a dimension of the same name, which wins over a top-level field") {
  json row{{"stat_time_day", "top"}, {"spend", "top"}, {"extra", "-"},
           {"dimensions", {{"stat_time_day", "2026-10-01 00:00:00"}, {"spend", "dimension"}}},
           {"metrics", {{"spend", "1.00"}}}};
  CHECK(execution::flatten_report_row(row) ==
        json{{"stat_time_day", "2026-10-01 00:00:00"}, {"spend", "1.00"}, {"extra", nullptr}});
}

TEST_CASE("a dimensions or metrics entry that is not an object is dropped") {
  CHECK(execution::flatten_report_row(json{{"dimensions", "x"}, {"clicks", "3"}}) == json{{"clicks", "3"}});
}

TEST_CASE("field projection keeps only the named fields") {
  json records{{{"a", 1}, {"b", 2}}, {{"a", 3}}};
  execution::project_fields(records, json{"a"});
  CHECK(records == json{{{"a", 1}}, {{"a", 3}}});
}
