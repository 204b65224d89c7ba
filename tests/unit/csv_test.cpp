#include <catch2/catch.hpp>

#include "tiktok/report_csv.hpp"
#include "util/csv.hpp"

using nlohmann::json;
using Rows = std::vector<std::vector<std::string>>;

TEST_CASE("csv: a header and plain records, LF or CRLF, with or without a final line end", "[csv]") {
  for (std::string text : {"a,b\n1,2\n3,4\n", "a,b\r\n1,2\r\n3,4\r\n", "a,b\n1,2\n3,4", "a,b\r\n1,2\r\n3,4"}) {
    INFO(text);
    auto t = util::parse_csv(text);
    CHECK(t.header == std::vector<std::string>{"a", "b"});
    CHECK(t.rows == Rows{{"1", "2"}, {"3", "4"}});
  }
}

TEST_CASE("csv: quoted fields hold commas, doubled quotes and line breaks", "[csv]") {
  auto t = util::parse_csv("name,text\n\"a, b\",\"say \"\"hi\"\"\"\n\"two\r\nlines\",\"x\ny\"\n\"\",plain\n");
  REQUIRE(t.rows.size() == 3);
  CHECK(t.rows[0] == std::vector<std::string>{"a, b", "say \"hi\""});
  CHECK(t.rows[1] == std::vector<std::string>{"two\r\nlines", "x\ny"});
  CHECK(t.rows[2] == std::vector<std::string>{"", "plain"});
}

TEST_CASE("csv: a UTF-8 byte order mark is dropped, empty fields kept, blank lines skipped", "[csv]") {
  auto t = util::parse_csv("\xEF\xBB\xBF" "ad_id,spend\n\n1,\n,\n\r\n");
  CHECK(t.header == std::vector<std::string>{"ad_id", "spend"});
  CHECK(t.rows == Rows{{"1", ""}, {"", ""}});
  CHECK(util::parse_csv("").header.empty());
  CHECK(util::parse_csv("\xEF\xBB\xBF").rows.empty());
  CHECK(util::parse_csv("only,header\n").rows.empty());
}

TEST_CASE("csv: a lone quote inside an unquoted field is data; a lone CR ends a line", "[csv]") {
  auto t = util::parse_csv("a,b\r5\" screen,x\r");
  CHECK(t.rows == Rows{{"5\" screen", "x"}});
}

TEST_CASE("csv: a ragged row is an error naming its line, counting breaks inside quotes", "[csv]") {
  try {
    util::parse_csv("a,b,c\n1,2,3\n\"multi\nline\",2,3\n4,5\n");
    FAIL("no error");
  } catch (const util::CsvError& e) {
    CHECK(e.line() == 5);
    CHECK(std::string(e.what()) == "line 5: 2 fields where the header has 3");
  }
  CHECK_THROWS_WITH(util::parse_csv("a\n1,2\n"), "line 2: 2 fields where the header has 1");
}

TEST_CASE("csv: an unclosed quote or text after a closing quote is an error", "[csv]") {
  CHECK_THROWS_WITH(util::parse_csv("a,b\n1,\"open\n\n"), Catch::Contains("line 2: a quoted field is not closed"));
  CHECK_THROWS_WITH(util::parse_csv("a,b\n\"x\"y,2\n"), Catch::Contains("line 2: text after the closing quote"));
}

TEST_CASE("csv: formatted records read back as they were", "[csv]") {
  const std::vector<std::vector<std::string>> records{
      {"id", "text", "empty"}, {"1", "a,b", ""}, {"2", "say \"hi\"", "x\r\ny"}, {"3", "-", "tail\n"}};
  std::string text;
  for (const auto& r : records) text += util::format_csv_record(r);
  auto t = util::parse_csv(text);
  CHECK(t.header == records[0]);
  CHECK(t.rows == Rows(records.begin() + 1, records.end()));
  CHECK(util::format_csv_record({"a,b", "c"}) == "\"a,b\",c\n");
  // one empty field would be a blank line, which readers skip: it is quoted
  CHECK(util::parse_csv("h\n" + util::format_csv_record({""})).rows == Rows{{""}});
}

TEST_CASE("report csv: rows keyed by the header, with \"-\" and empty values as null", "[csv]") {
  json rows = tiktok::report_rows_from_csv(
      "ad_id,stat_time_day,spend,cost_per_conversion,ad_text\n"
      "1800000001001000001,2026-10-01 00:00:00,12.30,-,\"Big, bold\"\n"
      "1800000001001000002,2026-10-01 00:00:00,0.00,,\n");
  CHECK(rows == json::parse(R"([
    {"ad_id":"1800000001001000001","stat_time_day":"2026-10-01 00:00:00","spend":"12.30","cost_per_conversion":null,"ad_text":"Big, bold"},
    {"ad_id":"1800000001001000002","stat_time_day":"2026-10-01 00:00:00","spend":"0.00","cost_per_conversion":null,"ad_text":null}
  ])"));
  CHECK(tiktok::report_rows_from_csv("ad_id,spend\n") == json::array());
  CHECK(tiktok::report_rows_from_csv("") == json::array());
}

TEST_CASE("report csv: a header with an empty or repeated name is refused", "[csv]") {
  CHECK_THROWS_WITH(tiktok::report_rows_from_csv("ad_id,,spend\n1,2,3\n"), "line 1: column 2 of the header has no name");
  CHECK_THROWS_WITH(tiktok::report_rows_from_csv("spend,spend\n1,2\n"),
                    "line 1: column \"spend\" appears twice in the header");
  CHECK_THROWS_AS(tiktok::report_rows_from_csv("a,b\n1\n"), util::CsvError);
}
