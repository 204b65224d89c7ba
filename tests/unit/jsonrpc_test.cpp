#include <catch2/catch.hpp>

#include "jsonrpc/error_codes.hpp"
#include "jsonrpc/message.hpp"

using jsonrpc::json;

namespace {
jsonrpc::Decoded one(std::string_view text) {
  auto payload = jsonrpc::decode(text);
  REQUIRE(payload.entries.size() == 1);
  return payload.entries.front();
}
}  // namespace

TEST_CASE("a request, a notification and a response are told apart") {
  auto request = one(R"({"jsonrpc":"2.0","id":7,"method":"ping"})");
  REQUIRE(request.message);
  CHECK(request.message->kind == jsonrpc::Kind::Request);
  CHECK(request.message->id == 7);

  auto notification = one(R"({"jsonrpc":"2.0","method":"notifications/initialized"})");
  REQUIRE(notification.message);
  CHECK(notification.message->kind == jsonrpc::Kind::Notification);

  auto response = one(R"({"jsonrpc":"2.0","id":"a","result":{}})");
  REQUIRE(response.message);
  CHECK(response.message->kind == jsonrpc::Kind::Response);
}

TEST_CASE("text that is not JSON is a parse error with a null id") {
  for (std::string text : {"{", "not json", "{\"jsonrpc\":\"2.0\",}", "\xff\xfe"}) {
    auto d = one(text);
    REQUIRE(d.error);
    CHECK(d.error->code == jsonrpc::kParseError);
    CHECK(d.error_id.is_null());
  }
}

// Found by fuzz_stdio_session: nlohmann reports a number too large for a double as out_of_range,
// not parse_error, and the exception ended the server.
TEST_CASE("a number beyond a double is a parse error, not an exception") {
  auto d = one(R"({"jsonrpc":"2.0","id":1,"method":"ping","params":{"x":1e310}})");
  REQUIRE(d.error);
  CHECK(d.error->code == jsonrpc::kParseError);
  CHECK(d.error_id.is_null());
}

TEST_CASE("invalid UTF-8 inside a string is a parse error") {
  auto d = one("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"a\xc3\x28\"}");
  REQUIRE(d.error);
  CHECK(d.error->code == jsonrpc::kParseError);
}

TEST_CASE("nesting beyond the limit is refused before parsing") {
  std::string deep = R"({"jsonrpc":"2.0","id":1,"method":"x","params":{"a":)" + std::string(100, '[') +
                     std::string(100, ']') + "}}";
  auto d = one(deep);
  REQUIRE(d.error);
  CHECK(d.error->code == jsonrpc::kParseError);
  CHECK_THAT(d.error->message, Catch::Contains("deeper than 64"));
  CHECK(jsonrpc::nesting_depth(R"({"a":"[[[[["})", 64) == 1);
}

TEST_CASE("ids must be strings or integers") {
  for (std::string id : {"null", "1.5", "true", "{}", "[]"}) {
    auto d = one(R"({"jsonrpc":"2.0","method":"ping","id":)" + id + "}");
    REQUIRE(d.error);
    CHECK(d.error->code == jsonrpc::kInvalidRequest);
  }
  auto big = one(R"({"jsonrpc":"2.0","method":"ping","id":18446744073709551615})");
  REQUIRE(big.message);
  CHECK(jsonrpc::id_key(big.message->id) == "n:18446744073709551615");
  CHECK(jsonrpc::id_key(json("1")) != jsonrpc::id_key(json(1)));
}

TEST_CASE("malformed envelopes are invalid requests that keep their id") {
  auto no_version = one(R"({"id":3,"method":"ping"})");
  REQUIRE(no_version.error);
  CHECK(no_version.error->code == jsonrpc::kInvalidRequest);
  CHECK(no_version.error_id == 3);

  auto bad_method = one(R"({"jsonrpc":"2.0","id":4,"method":12})");
  REQUIRE(bad_method.error);
  CHECK(bad_method.error_id == 4);

  auto bad_params = one(R"({"jsonrpc":"2.0","id":5,"method":"x","params":"str"})");
  REQUIRE(bad_params.error);
  CHECK_THAT(bad_params.error->message, Catch::Contains("params"));

  auto scalar = one("42");
  REQUIRE(scalar.error);
  CHECK(scalar.error->code == jsonrpc::kInvalidRequest);
}

TEST_CASE("a batch decodes each entry; an empty batch is invalid") {
  auto payload = jsonrpc::decode(R"([{"jsonrpc":"2.0","id":1,"method":"ping"}, 5])");
  CHECK(payload.is_batch);
  REQUIRE(payload.entries.size() == 2);
  CHECK(payload.entries[0].message);
  CHECK(payload.entries[1].error);

  auto empty = jsonrpc::decode("[]");
  REQUIRE(empty.entries.size() == 1);
  CHECK(empty.entries[0].error->code == jsonrpc::kInvalidRequest);
}

TEST_CASE("serialisation is one compact line even with newlines in strings") {
  auto text = jsonrpc::serialize(jsonrpc::make_result(1, json{{"text", "a\nb"}}));
  CHECK(text.find('\n') == std::string::npos);
  CHECK(text == R"({"id":1,"jsonrpc":"2.0","result":{"text":"a\nb"}})");
  auto error = jsonrpc::make_error(nullptr, {jsonrpc::kParseError, "bad", nullptr});
  CHECK(error["id"].is_null());
  CHECK_FALSE(error["error"].contains("data"));
}
