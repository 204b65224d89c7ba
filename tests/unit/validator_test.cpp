#include <catch2/catch.hpp>

#include "schema/validator.hpp"

using nlohmann::json;

namespace {

std::string problems(const json& schema, const json& value) {
  return schema::format_issues(schema::Validator(schema).validate(value));
}

}  // namespace

TEST_CASE("type mismatches name the path, the expected and the actual type") {
  json s{{"type", "object"}, {"properties", {{"page", {{"type", "integer"}}}}}};
  CHECK(problems(s, json{{"page", 2}}).empty());
  CHECK(problems(s, json{{"page", 2.0}}).empty());
  CHECK(problems(s, json{{"page", "two"}}) == "arguments.page: must be an integer, but got a string (\"two\")");
  CHECK(problems(s, json::array()) == "arguments: must be an object, but got an array ([])");
  json multi{{"type", json::array({"string", "null"})}};
  CHECK(problems(multi, nullptr).empty());
  CHECK_THAT(problems(multi, 3), Catch::Contains("a string or null"));
}

// Found by fuzz_stdio_session: a float beyond long long was converted to one (undefined behaviour).
TEST_CASE("floats too large for an integer are refused as integers, not converted") {
  json s{{"type", "object"}, {"properties", {{"page_size", {{"type", "integer"}, {"maximum", 1000}}}}}};
  CHECK_THAT(problems(s, json{{"page_size", 1e300}}), Catch::Contains("must be an integer"));
  CHECK_THAT(problems(s, json{{"page_size", -1e19}}), Catch::Contains("must be an integer"));
  CHECK_THAT(problems(s, json{{"page_size", 1e18}}), Catch::Contains("<= 1000"));
  CHECK(problems(s, json{{"page_size", 5.0}}).empty());
}

TEST_CASE("required and additionalProperties list what is missing and what is allowed") {
  json s{{"type", "object"},
         {"properties", {{"entity", {{"type", "string"}}}, {"action", {{"type", "string"}}}}},
         {"required", {"entity"}},
         {"additionalProperties", false}};
  CHECK(problems(s, json{{"action", "list"}}) == "arguments.entity: is required but missing (a string)");
  CHECK(problems(s, json{{"entity", "x"}, {"entitty", 1}}) ==
        "arguments.entitty: is not a recognised property; allowed: action, entity");
  json typed_extra{{"type", "object"}, {"additionalProperties", {{"type", "integer"}}}};
  CHECK(problems(typed_extra, json{{"a", 1}}).empty());
  CHECK_THAT(problems(typed_extra, json{{"a", "x"}}), Catch::Contains("arguments.a: must be an integer"));
}

TEST_CASE("enum and const") {
  json e{{"enum", {"list", "context_store_search"}}};
  CHECK(problems(e, "list").empty());
  CHECK(problems(e, "get") == "arguments: \"get\" is not one of the allowed values: list, context_store_search");
  json c{{"const", 3}};
  CHECK(problems(c, 3).empty());
  CHECK(problems(c, 4) == "arguments: must be exactly 3, but got 4");
}

TEST_CASE("numeric bounds") {
  json s{{"type", "integer"}, {"minimum", 1}, {"maximum", 1000}};
  CHECK(problems(s, 1).empty());
  CHECK(problems(s, 1000).empty());
  CHECK(problems(s, 0) == "arguments: must be an integer from 1 to 1000, but got 0");
  CHECK(problems(s, 1001) == "arguments: must be an integer from 1 to 1000, but got 1001");
}

TEST_CASE("string length counts characters, pattern and date format") {
  json s{{"type", "string"}, {"minLength", 2}, {"maxLength", 3}};
  CHECK(problems(s, "ab").empty());
  CHECK(problems(s, "\xc3\xa9\xc3\xa9\xc3\xa9").empty());  // three characters, six bytes
  CHECK(problems(s, "") == "arguments: must not be empty");
  CHECK(problems(s, "abcd") == "arguments: must be at most 3 characters long, but has 4");
  json p{{"type", "string"}, {"pattern", "^[0-9]+$"}, {"x-pattern-hint", "digits only"}};
  CHECK(problems(p, "123").empty());
  CHECK(problems(p, "12a") == "arguments: \"12a\" has the wrong form; expected digits only");
  CHECK_THAT(problems(p, std::string(5000, '1')), Catch::Contains("too long"));
  json d{{"type", "string"}, {"format", "date"}};
  CHECK(problems(d, "2026-02-28").empty());
  CHECK(problems(d, "2024-02-29").empty());
  CHECK_THAT(problems(d, "2026-02-29"), Catch::Contains("is not a valid date; use YYYY-MM-DD"));
  CHECK_THAT(problems(d, "26-1-1"), Catch::Contains("not a valid date"));
}

TEST_CASE("arrays: items and counts, with indexed paths") {
  json s{{"type", "array"}, {"items", {{"type", "string"}}}, {"minItems", 1}, {"maxItems", 2}};
  CHECK(problems(s, json{"a"}).empty());
  CHECK(problems(s, json::array()) == "arguments: must have at least 1 item(s), but has 0");
  CHECK(problems(s, json{"a", "b", "c"}) == "arguments: must have at most 2 item(s), but has 3");
  CHECK(problems(s, json{"a", 5}) == "arguments[1]: must be a string, but got an integer (5)");
}

TEST_CASE("anyOf and oneOf describe every allowed form") {
  json any{{"anyOf", {{{"type", "array"}, {"items", {{"type", "string"}}}}, {{"type", "string"}}}}};
  CHECK(problems(any, "x").empty());
  CHECK(problems(any, json{"x"}).empty());
  CHECK(problems(any, 5) ==
        "arguments: does not match any allowed form: expected an array of strings; or a string, but got 5");
  json one{{"oneOf", {{{"type", "integer"}}, {{"type", "number"}}}}};
  CHECK(problems(one, 1.5).empty());
  CHECK_THAT(problems(one, 1), Catch::Contains("more than one"));
}

TEST_CASE("$ref resolves into $defs") {
  json s{{"$defs", {{"id", {{"type", "string"}, {"pattern", "^[0-9]+$"}}}}},
         {"type", "object"},
         {"properties", {{"advertiser_id", {{"$ref", "#/$defs/id"}}}}}};
  CHECK(problems(s, json{{"advertiser_id", "123"}}).empty());
  CHECK_THAT(problems(s, json{{"advertiser_id", 123}}), Catch::Contains("arguments.advertiser_id: must be a string"));
}

TEST_CASE("defaults fill absent properties, recursively, without touching given ones") {
  json s{{"type", "object"},
         {"properties",
          {{"page", {{"type", "integer"}, {"default", 1}}},
           {"nested", {{"type", "object"}, {"default", json::object()}, {"properties", {{"x", {{"default", "y"}}}}}}}}}};
  schema::Validator v(s);
  json value{{"page", 3}};
  v.apply_defaults(value);
  CHECK(value == json{{"page", 3}, {"nested", {{"x", "y"}}}});
}

TEST_CASE("several problems are all reported") {
  json s{{"type", "object"},
         {"properties", {{"a", {{"type", "integer"}}}, {"b", {{"type", "string"}}}}},
         {"required", {"c"}}};
  auto issues = schema::Validator(s).validate(json{{"a", "x"}, {"b", 1}});
  CHECK(issues.size() == 3);
}
