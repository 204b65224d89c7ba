// Fuzzes the JSON Schema validator. The input, parsed as JSON, is validated
//   1. against the real schemas: every tool's input and output schema and every catalogue
//      action's params (through catalog::prepare_params, as the execute tool does); arguments
//      that are valid must stay valid once defaults are applied;
//   2. against a schema inferred from the input itself (types, exact bounds, lengths, a
//      first-character pattern, dates, required and closed properties, $defs and $ref, anyOf
//      and oneOf), which must accept it, and must refuse it with one property more.

#include <cstddef>
#include <string>
#include <vector>

#include "catalog/catalog.hpp"
#include "catalog/params.hpp"
#include "check.hpp"
#include "fuzz_entry.hpp"
#include "schema/validator.hpp"
#include "tools/environment.hpp"
#include "tools/execute_tool.hpp"
#include "util/date.hpp"

namespace {

using nlohmann::json;

constexpr std::size_t kMaxInferDepth = 8;
constexpr std::size_t kMaxAnyOf = 8;
// One character: the validator caches every pattern it compiles, so they must stay few.
constexpr std::size_t kPatternPrefix = 1;
constexpr std::size_t kMaxPatternInput = 4096;  // longer strings never match a pattern (validator.cpp)

std::vector<schema::Validator> tool_validators() {
  std::vector<schema::Validator> out;
  for (const auto& file : catalog::embedded_files()) {
    if (file.path.rfind("tools/", 0) == 0) out.emplace_back(json::parse(file.content));
  }
  tools::Environment env;
  env.catalog = &catalog::Catalog::builtin();
  out.emplace_back(tools::execute_tool(env).input_schema);
  return out;
}

void check_issues(const std::vector<schema::Issue>& issues, const std::string& root) {
  for (const auto& issue : issues) {
    fuzz::require(issue.path.rfind(root, 0) == 0, "an issue outside the validated value: " + issue.path);
    fuzz::require(!issue.message.empty(), "an issue without a message at " + issue.path);
  }
  schema::format_issues(issues);
}

void check_against_tools(const json& instance) {
  static const std::vector<schema::Validator> validators = tool_validators();
  for (const auto& validator : validators) {
    const auto issues = validator.validate(instance);
    check_issues(issues, "arguments");
    if (!issues.empty()) continue;
    json with_defaults = instance;
    validator.apply_defaults(with_defaults);
    fuzz::require(validator.validate(with_defaults).empty(), "applying defaults made valid arguments invalid");
  }
}

void check_against_actions(const json& instance) {
  const catalog::ConfigDefaults defaults{"7000000000000000001"};
  for (const auto& entity : catalog::Catalog::builtin().entities()) {
    for (const auto& action : entity.actions) {
      auto prepared = catalog::prepare_params(action, instance, defaults);
      check_issues(prepared.issues, "params");
      if (prepared.issues.empty()) {
        fuzz::require(prepared.params.is_object(), "prepared params that are not an object");
        fuzz::require(action.validator->validate(prepared.params, "params").empty(),
                      "prepared params that their own schema refuses");
      }
    }
  }
}

// "^" and the first bytes of `text`, with the ECMAScript syntax characters escaped.
std::string prefix_pattern(const std::string& text) {
  std::string pattern = "^";
  for (char c : text.substr(0, kPatternPrefix)) {
    if (std::string_view("^$\\.*+?()[]{}|/").find(c) != std::string_view::npos) pattern += '\\';
    pattern += c;
  }
  return pattern;
}

std::size_t code_points(const std::string& text) {
  std::size_t n = 0;
  for (unsigned char c : text) n += (c & 0xC0) != 0x80;
  return n;
}

class SchemaInference {
 public:
  // A root schema (with $defs) that `value` must satisfy.
  json root_for(const json& value) {
    json root = infer(value, 0);
    if (!defs_.empty()) root["$defs"] = defs_;
    return root;
  }

 private:
  json infer(const json& value, std::size_t depth) {
    if (depth > kMaxInferDepth) return true;
    json node = infer_typed(value, depth);
    // Now and then a oneOf with a branch of another type, which must not match as well.
    if (depth % 3 == 1) node = json{{"oneOf", json::array({node, json{{"type", value.is_null() ? "boolean" : "null"}}})}};
    return node;
  }

  json infer_typed(const json& value, std::size_t depth) {
    switch (value.type()) {
      case json::value_t::null: return json{{"type", "null"}};
      case json::value_t::boolean: return json{{"type", "boolean"}, {"enum", json::array({value})}};
      case json::value_t::number_integer:
      case json::value_t::number_unsigned: return json{{"type", "integer"}, {"minimum", value}, {"maximum", value}};
      case json::value_t::number_float: return json{{"type", "number"}, {"minimum", value}, {"maximum", value}};
      case json::value_t::string: return infer_string(value.get<std::string>());
      case json::value_t::array: return infer_array(value, depth);
      case json::value_t::object: return infer_object(value, depth);
      default: return true;
    }
  }

  json infer_string(const std::string& text) {
    json node{{"type", "string"}, {"minLength", code_points(text)}, {"maxLength", code_points(text)}};
    if (text.size() <= kMaxPatternInput) node["pattern"] = prefix_pattern(text);
    if (util::parse_date(text)) node["format"] = "date";
    return node;
  }

  json infer_array(const json& value, std::size_t depth) {
    json node{{"type", "array"}, {"minItems", value.size()}, {"maxItems", value.size()}};
    if (value.size() <= kMaxAnyOf) {
      json branches = json::array();
      for (const auto& item : value) branches.push_back(infer(item, depth + 1));
      node["items"] = branches.empty() ? json(false) : json{{"anyOf", std::move(branches)}};
    }
    return node;
  }

  json infer_object(const json& value, std::size_t depth) {
    json properties = json::object();
    json required = json::array();
    for (const auto& [key, member] : value.items()) {
      properties[key] = infer(member, depth + 1);
      required.push_back(key);
    }
    json node{{"type", "object"}, {"properties", std::move(properties)}, {"required", std::move(required)},
              {"additionalProperties", false}};
    // Objects at odd depths go to $defs and are used through $ref.
    if (depth % 2 == 0) return node;
    const std::string name = "d" + std::to_string(defs_.size());
    defs_[name] = std::move(node);
    return json{{"$ref", "#/$defs/" + name}};
  }

  json defs_ = json::object();
};

void check_against_inferred(const json& instance) {
  const json inferred = SchemaInference().root_for(instance);
  const schema::Validator validator(inferred);
  const auto issues = validator.validate(instance, "value");
  check_issues(issues, "value");
  fuzz::require(issues.empty(), "a schema inferred from a value refuses it:\n" + schema::format_issues(issues));
  json copy = instance;
  validator.apply_defaults(copy);
  fuzz::require(copy == instance, "applying a schema without defaults changed the value");
  if (instance.is_object() && !instance.contains("\x01unexpected")) {
    copy["\x01unexpected"] = 1;
    fuzz::require(!validator.validate(copy, "value").empty(), "a closed object schema accepted an extra property");
  }
}

}  // namespace

void fuzz::test_one_input(std::string_view input) {
  const json instance = json::parse(input, nullptr, false);
  if (instance.is_discarded()) return;
  check_against_tools(instance);
  check_against_actions(instance);
  check_against_inferred(instance);
}
