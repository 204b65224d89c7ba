#pragma once
// A JSON Schema validator for the subset of draft 2020-12 our schemas use: type, properties,
// required, additionalProperties, enum, const, minimum/maximum, minLength/maxLength, pattern,
// format "date", items, minItems/maxItems, oneOf/anyOf, $ref to "#/$defs/...", default.
//
// No Debian package provides a validator for nlohmann::json, so this one is hand-written; it
// stays small and is tested on its own. Messages are written for a language model that has to
// correct its call: where the problem is, what was wrong, and what is allowed.

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace schema {

using nlohmann::json;

struct Issue {
  std::string path;  // e.g. "params.page_size" or "arguments" for the root
  std::string message;
};

class Validator {
 public:
  // `schema` is the root document; "$ref": "#/$defs/x" resolves against it.
  explicit Validator(json schema);

  // The problems found, in document order (the first 100; the items of an array with too
  // many are not looked at). Empty means valid.
  std::vector<Issue> validate(const json& instance, std::string_view root_path = "arguments") const;

  // Fills absent object properties that declare a "default", recursively through properties
  // (not through oneOf/anyOf branches, which would be ambiguous).
  void apply_defaults(json& instance) const;

  const json& schema() const { return schema_; }

 private:
  void check(const json& node, const json& instance, const std::string& path, std::vector<Issue>& out) const;
  void check_object(const json& node, const json& instance, const std::string& path, std::vector<Issue>& out) const;
  void check_array(const json& node, const json& instance, const std::string& path, std::vector<Issue>& out) const;
  void check_string(const json& node, const json& instance, const std::string& path, std::vector<Issue>& out) const;
  void check_number(const json& node, const json& instance, const std::string& path, std::vector<Issue>& out) const;
  void check_combinators(const json& node, const json& instance, const std::string& path,
                         std::vector<Issue>& out) const;
  const json& resolve(const json& node) const;
  void fill_defaults(const json& node, json& instance) const;

  json schema_;
};

// "path: message" lines joined by newlines, the first 10 of them.
std::string format_issues(const std::vector<Issue>& issues);

// A short description of what a schema accepts ("an integer from 1 to 1000", "one of: a, b").
std::string describe_expected(const json& node);

// The JSON type name of a value as JSON Schema names it ("integer", "number", "string", ...).
std::string type_name(const json& value);

}  // namespace schema
