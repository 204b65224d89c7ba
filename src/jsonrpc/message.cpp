#include "jsonrpc/message.hpp"

#include "jsonrpc/error_codes.hpp"

namespace jsonrpc {

namespace {

Decoded invalid(std::string message, json id = nullptr) {
  Decoded d;
  d.error = Error{kInvalidRequest, std::move(message), nullptr};
  d.error_id = std::move(id);
  return d;
}

bool is_valid_id(const json& id) { return id.is_string() || id.is_number_integer() || id.is_number_unsigned(); }

}  // namespace

std::size_t nesting_depth(std::string_view text, std::size_t limit) {
  std::size_t depth = 0;
  std::size_t deepest = 0;
  bool in_string = false;
  bool escaped = false;
  for (char c : text) {
    if (in_string) {
      if (escaped) {
        escaped = false;
      } else if (c == '\\') {
        escaped = true;
      } else if (c == '"') {
        in_string = false;
      }
      continue;
    }
    if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > deepest) {
        deepest = depth;
        if (deepest > limit) return deepest;
      }
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return deepest;
}

Decoded classify(const json& value) {
  if (!value.is_object()) return invalid("Invalid Request: a JSON-RPC message must be a JSON object");
  json id = value.contains("id") ? value["id"] : json();
  const bool has_id = value.contains("id");
  if (has_id && !is_valid_id(id)) {
    return invalid("Invalid Request: \"id\" must be a string or an integer (null is not allowed)");
  }
  auto version = value.find("jsonrpc");
  if (version == value.end() || *version != "2.0") {
    return invalid("Invalid Request: \"jsonrpc\" must be exactly \"2.0\"", has_id ? id : json());
  }
  auto method = value.find("method");
  if (method != value.end()) {
    if (!method->is_string()) return invalid("Invalid Request: \"method\" must be a string", has_id ? id : json());
    auto params = value.find("params");
    if (params != value.end() && !params->is_object() && !params->is_array()) {
      return invalid("Invalid Request: \"params\" must be an object or an array", has_id ? id : json());
    }
    Message m;
    m.kind = has_id ? Kind::Request : Kind::Notification;
    m.id = has_id ? id : json();
    m.method = method->get<std::string>();
    m.params = params != value.end() ? *params : json();
    m.body = value;
    return Decoded{std::move(m), std::nullopt, nullptr};
  }
  const bool has_result = value.contains("result");
  const bool has_error = value.contains("error");
  if (has_result != has_error && has_id) {
    Message m;
    m.kind = Kind::Response;
    m.id = id;
    m.body = value;
    return Decoded{std::move(m), std::nullopt, nullptr};
  }
  return invalid("Invalid Request: a message needs \"method\" (request or notification) or exactly one of "
                 "\"result\"/\"error\" with an \"id\" (response)",
                 has_id ? id : json());
}

Payload decode(std::string_view text, const DecodeLimits& limits) {
  Payload payload;
  if (nesting_depth(text, limits.max_depth) > limits.max_depth) {
    Decoded d;
    d.error = Error{kParseError,
                    "Parse error: the message nests arrays/objects deeper than " + std::to_string(limits.max_depth) +
                        " levels",
                    nullptr};
    payload.entries.push_back(std::move(d));
    return payload;
  }
  json value;
  try {
    value = json::parse(text);
  } catch (const json::exception& e) {  // parse_error, and out_of_range for a number such as 1e400
    Decoded d;
    d.error = Error{kParseError, std::string("Parse error: the message is not valid JSON (") + e.what() + ")", nullptr};
    payload.entries.push_back(std::move(d));
    return payload;
  }
  if (value.is_array()) {
    payload.is_batch = true;
    if (value.empty()) {
      payload.entries.push_back(invalid("Invalid Request: an empty batch array"));
      return payload;
    }
    for (const auto& element : value) payload.entries.push_back(classify(element));
    return payload;
  }
  payload.entries.push_back(classify(value));
  return payload;
}

json make_result(const json& id, json result) {
  return json{{"jsonrpc", "2.0"}, {"id", id}, {"result", std::move(result)}};
}

json make_error(const json& id, const Error& error) {
  json e{{"code", error.code}, {"message", error.message}};
  if (!error.data.is_null()) e["data"] = error.data;
  return json{{"jsonrpc", "2.0"}, {"id", id}, {"error", std::move(e)}};
}

json make_notification(std::string_view method, json params) {
  json n{{"jsonrpc", "2.0"}, {"method", method}};
  if (!params.is_null()) n["params"] = std::move(params);
  return n;
}

std::string serialize(const json& message) { return message.dump(-1, ' ', false, json::error_handler_t::replace); }

std::string id_key(const json& id) {
  if (id.is_string()) return "s:" + id.get<std::string>();
  return "n:" + id.dump();
}

}  // namespace jsonrpc
