#pragma once
// JSON-RPC 2.0 messages: decoding one line of text into a classified message, and the
// constructors for results and errors. Knows nothing about MCP.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace jsonrpc {

using nlohmann::json;

struct Error {
  int code = 0;
  std::string message;
  json data;  // null when absent
};

enum class Kind { Request, Notification, Response };

struct Message {
  Kind kind = Kind::Request;
  json id;             // string or integer for requests and responses; null otherwise
  std::string method;  // requests and notifications
  json params;         // object, array or null
  json body;           // the whole decoded object (responses keep result/error here)
};

// One entry of a decoded payload: a message, or the error to answer it with (with the id
// recovered when the message had a usable one).
struct Decoded {
  std::optional<Message> message;
  std::optional<Error> error;
  json error_id;  // id for the error response (null when unknown)
};

struct DecodeLimits {
  std::size_t max_depth = 64;  // nesting of arrays and objects
};

struct Payload {
  bool is_batch = false;
  std::vector<Decoded> entries;
};

// Parses text that should hold one JSON-RPC message or a batch array. A payload that is not
// JSON (or not UTF-8, or nested too deeply) yields a single -32700 entry with a null id.
Payload decode(std::string_view text, const DecodeLimits& limits = {});

// Validates one already-parsed value as a JSON-RPC message.
Decoded classify(const json& value);

// Deepest nesting of arrays and objects in text, stopping once `limit` is exceeded.
std::size_t nesting_depth(std::string_view text, std::size_t limit);

json make_result(const json& id, json result);
json make_error(const json& id, const Error& error);
json make_notification(std::string_view method, json params);

// Compact serialisation for the wire: never throws on invalid UTF-8 (replaced instead).
std::string serialize(const json& message);

// An id usable as a map key ("s:abc" or "n:42"), distinguishing strings from numbers.
std::string id_key(const json& id);

}  // namespace jsonrpc
