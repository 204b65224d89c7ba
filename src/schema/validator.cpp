#include "schema/validator.hpp"

#include <mutex>
#include <regex>
#include <unordered_map>

#include "util/date.hpp"

namespace schema {

namespace {

// std::regex matching is recursive in libstdc++; refuse to run it on very long strings.
constexpr std::size_t kMaxPatternInput = 4096;
// Hostile input can hold a million faults; past these bounds more work or text helps no one.
constexpr std::size_t kMaxIssues = 100;       // collected per validation
constexpr std::size_t kMaxListedIssues = 10;  // shown by format_issues
constexpr std::size_t kMaxKeyInPath = 64;     // characters of an object key shown in a path

const std::regex& compiled(const std::string& pattern) {
  static std::mutex mutex;
  static std::unordered_map<std::string, std::regex> cache;
  std::lock_guard lock(mutex);
  auto it = cache.find(pattern);
  if (it == cache.end()) it = cache.emplace(pattern, std::regex(pattern, std::regex::ECMAScript)).first;
  return it->second;
}

std::string shortened_key(const std::string& key) {
  if (key.size() <= kMaxKeyInPath) return key;
  std::size_t cut = kMaxKeyInPath;
  while (cut > 0 && (static_cast<unsigned char>(key[cut]) & 0xC0) == 0x80) --cut;  // not inside a UTF-8 sequence
  return key.substr(0, cut) + "...";
}

std::string join_path(const std::string& base, const std::string& key) {
  return base.empty() ? shortened_key(key) : base + "." + shortened_key(key);
}

std::string preview(const json& value) {
  std::string text = value.dump(-1, ' ', false, json::error_handler_t::replace);
  if (text.size() > 60) text = text.substr(0, 57) + "...";
  return text;
}

bool is_integer(const json& v) {
  if (v.is_number_integer() || v.is_number_unsigned()) return true;
  if (v.is_number_float()) {
    // Whole numbers within long long only: converting one outside that range is undefined.
    const double d = v.get<double>();
    return d >= -0x1p63 && d < 0x1p63 && d == static_cast<double>(static_cast<long long>(d));
  }
  return false;
}

bool matches_type(const std::string& type, const json& v) {
  if (type == "object") return v.is_object();
  if (type == "array") return v.is_array();
  if (type == "string") return v.is_string();
  if (type == "integer") return is_integer(v);
  if (type == "number") return v.is_number();
  if (type == "boolean") return v.is_boolean();
  if (type == "null") return v.is_null();
  return false;
}

std::string with_article(const std::string& type) {
  if (type == "integer" || type == "object" || type == "array") return "an " + type;
  if (type == "null") return "null";
  return "a " + type;
}

std::string list_values(const json& values) {
  std::string out;
  for (const auto& v : values) {
    if (!out.empty()) out += ", ";
    out += v.is_string() ? v.get<std::string>() : v.dump();
  }
  return out;
}

std::string number_text(const json& v) { return v.dump(); }

}  // namespace

std::string type_name(const json& value) {
  switch (value.type()) {
    case json::value_t::object: return "object";
    case json::value_t::array: return "array";
    case json::value_t::string: return "string";
    case json::value_t::boolean: return "boolean";
    case json::value_t::null: return "null";
    case json::value_t::number_integer:
    case json::value_t::number_unsigned: return "integer";
    case json::value_t::number_float: return "number";
    default: return "value";
  }
}

std::string describe_expected(const json& node) {
  if (!node.is_object()) return "any value";
  if (node.contains("const")) return "exactly " + preview(node["const"]);
  if (node.contains("enum")) return "one of: " + list_values(node["enum"]);
  std::string text;
  if (auto t = node.find("type"); t != node.end()) {
    if (t->is_string()) {
      text = with_article(t->get<std::string>());
    } else if (t->is_array()) {
      for (const auto& alt : *t) {
        if (!text.empty()) text += " or ";
        text += with_article(alt.get<std::string>());
      }
    }
  }
  if (node.value("format", "") == "date") text += " date in YYYY-MM-DD form";
  if (node.contains("minimum") && node.contains("maximum")) {
    text += " from " + number_text(node["minimum"]) + " to " + number_text(node["maximum"]);
  } else if (node.contains("minimum")) {
    text += " >= " + number_text(node["minimum"]);
  } else if (node.contains("maximum")) {
    text += " <= " + number_text(node["maximum"]);
  }
  if (auto items = node.find("items"); items != node.end() && items->is_object() && items->contains("type")) {
    text += " of " + (*items)["type"].get<std::string>() + "s";
  }
  return text.empty() ? "a valid value" : text;
}

Validator::Validator(json schema) : schema_(std::move(schema)) {}

const json& Validator::resolve(const json& node) const {
  const json* current = &node;
  for (int hops = 0; hops < 16 && current->is_object() && current->contains("$ref"); ++hops) {
    const std::string ref = (*current)["$ref"].get<std::string>();
    const std::string prefix = "#/$defs/";
    if (ref.rfind(prefix, 0) != 0) throw std::invalid_argument("unsupported $ref " + ref);
    current = &schema_.at("$defs").at(ref.substr(prefix.size()));
  }
  return *current;
}

std::vector<Issue> Validator::validate(const json& instance, std::string_view root_path) const {
  std::vector<Issue> out;
  check(schema_, instance, std::string(root_path), out);
  return out;
}

void Validator::check(const json& raw_node, const json& instance, const std::string& path,
                      std::vector<Issue>& out) const {
  if (out.size() >= kMaxIssues) return;
  const json& node = resolve(raw_node);
  if (node.is_boolean()) {
    if (!node.get<bool>()) out.push_back({path, "is not allowed here"});
    return;
  }
  if (!node.is_object()) return;

  if (auto t = node.find("type"); t != node.end()) {
    bool ok = false;
    if (t->is_string()) {
      ok = matches_type(t->get<std::string>(), instance);
    } else {
      for (const auto& alt : *t) ok = ok || matches_type(alt.get<std::string>(), instance);
    }
    if (!ok) {
      out.push_back({path, "must be " + describe_expected(node) + ", but got " + with_article(type_name(instance)) +
                               (instance.is_null() ? "" : " (" + preview(instance) + ")")});
      return;
    }
  }
  if (auto c = node.find("const"); c != node.end() && *c != instance) {
    out.push_back({path, "must be exactly " + preview(*c) + ", but got " + preview(instance)});
    return;
  }
  if (auto e = node.find("enum"); e != node.end()) {
    bool found = false;
    for (const auto& allowed : *e) found = found || allowed == instance;
    if (!found) {
      out.push_back({path, preview(instance) + " is not one of the allowed values: " + list_values(*e)});
      return;
    }
  }
  if (instance.is_object()) check_object(node, instance, path, out);
  if (instance.is_array()) check_array(node, instance, path, out);
  if (instance.is_string()) check_string(node, instance, path, out);
  if (instance.is_number()) check_number(node, instance, path, out);
  check_combinators(node, instance, path, out);
}

void Validator::check_object(const json& node, const json& instance, const std::string& path,
                             std::vector<Issue>& out) const {
  const json empty = json::object();
  const json& properties = node.contains("properties") ? node["properties"] : empty;
  if (auto req = node.find("required"); req != node.end()) {
    for (const auto& name : *req) {
      const auto key = name.get<std::string>();
      if (!instance.contains(key)) {
        std::string hint;
        if (properties.contains(key)) hint = " (" + describe_expected(resolve(properties[key])) + ")";
        out.push_back({join_path(path, key), "is required but missing" + hint});
      }
    }
  }
  const auto additional = node.find("additionalProperties");
  for (const auto& [key, value] : instance.items()) {
    if (out.size() >= kMaxIssues) return;
    if (properties.contains(key)) {
      check(properties[key], value, join_path(path, key), out);
    } else if (additional != node.end()) {
      if (additional->is_boolean() && !additional->get<bool>()) {
        std::string allowed;
        for (const auto& [name, unused] : properties.items()) allowed += (allowed.empty() ? "" : ", ") + name;
        out.push_back({join_path(path, key), "is not a recognised property; allowed: " +
                                                 (allowed.empty() ? std::string("none") : allowed)});
      } else if (additional->is_object()) {
        check(*additional, value, join_path(path, key), out);
      }
    }
  }
}

void Validator::check_array(const json& node, const json& instance, const std::string& path,
                            std::vector<Issue>& out) const {
  if (auto m = node.find("minItems"); m != node.end() && instance.size() < m->get<std::size_t>()) {
    out.push_back({path, "must have at least " + m->dump() + " item(s), but has " + std::to_string(instance.size())});
  }
  if (auto m = node.find("maxItems"); m != node.end() && instance.size() > m->get<std::size_t>()) {
    out.push_back({path, "must have at most " + m->dump() + " item(s), but has " + std::to_string(instance.size())});
    return;  // the items do not matter until there are few enough of them
  }
  if (auto items = node.find("items"); items != node.end()) {
    for (std::size_t i = 0; i < instance.size(); ++i) {
      check(*items, instance[i], path + "[" + std::to_string(i) + "]", out);
    }
  }
}

void Validator::check_string(const json& node, const json& instance, const std::string& path,
                             std::vector<Issue>& out) const {
  const auto& text = instance.get_ref<const std::string&>();
  // Length in code points, as JSON Schema counts it (the text is valid UTF-8 by now).
  std::size_t length = 0;
  for (unsigned char c : text) length += (c & 0xC0) != 0x80;
  if (auto m = node.find("minLength"); m != node.end() && length < m->get<std::size_t>()) {
    out.push_back({path, length == 0 ? "must not be empty"
                                     : "must be at least " + m->dump() + " characters long, but has " +
                                           std::to_string(length)});
  }
  if (auto m = node.find("maxLength"); m != node.end() && length > m->get<std::size_t>()) {
    out.push_back({path, "must be at most " + m->dump() + " characters long, but has " + std::to_string(length)});
    return;
  }
  if (auto p = node.find("pattern"); p != node.end()) {
    const auto pattern = p->get<std::string>();
    if (text.size() > kMaxPatternInput) {
      out.push_back({path, "is too long (" + std::to_string(text.size()) + " bytes) to be valid here"});
    } else if (!std::regex_search(text, compiled(pattern))) {
      out.push_back({path, preview(instance) + " has the wrong form; expected " +
                               node.value("x-pattern-hint", "text matching " + pattern)});
    }
  }
  if (node.value("format", "") == "date" && !util::parse_date(text)) {
    out.push_back({path, preview(instance) + " is not a valid date; use YYYY-MM-DD (for example 2026-01-31)"});
  }
}

void Validator::check_number(const json& node, const json& instance, const std::string& path,
                             std::vector<Issue>& out) const {
  const double value = instance.get<double>();
  if (auto m = node.find("minimum"); m != node.end() && value < m->get<double>()) {
    out.push_back({path, "must be " + describe_expected(node) + ", but got " + preview(instance)});
    return;
  }
  if (auto m = node.find("maximum"); m != node.end() && value > m->get<double>()) {
    out.push_back({path, "must be " + describe_expected(node) + ", but got " + preview(instance)});
  }
}

void Validator::check_combinators(const json& node, const json& instance, const std::string& path,
                                  std::vector<Issue>& out) const {
  for (const char* keyword : {"anyOf", "oneOf"}) {
    auto branches = node.find(keyword);
    if (branches == node.end()) continue;
    std::size_t matched = 0;
    std::vector<std::string> expected;
    for (const auto& branch : *branches) {
      std::vector<Issue> trial;
      check(branch, instance, path, trial);
      if (trial.empty()) {
        ++matched;
      } else {
        expected.push_back(describe_expected(resolve(branch)));
      }
    }
    const bool one_of = std::string_view(keyword) == "oneOf";
    if (matched == 0) {
      std::string alternatives;
      for (const auto& e : expected) alternatives += (alternatives.empty() ? "" : "; or ") + e;
      out.push_back({path, "does not match any allowed form: expected " + alternatives + ", but got " +
                               preview(instance)});
    } else if (one_of && matched > 1) {
      out.push_back({path, "matches more than one allowed form; make it unambiguous"});
    }
  }
}

void Validator::apply_defaults(json& instance) const { fill_defaults(schema_, instance); }

void Validator::fill_defaults(const json& raw_node, json& instance) const {
  const json& node = resolve(raw_node);
  if (!node.is_object() || !instance.is_object()) return;
  auto properties = node.find("properties");
  if (properties == node.end()) return;
  for (const auto& [key, sub] : properties->items()) {
    const json& prop = resolve(sub);
    if (!instance.contains(key)) {
      if (prop.is_object() && prop.contains("default")) instance[key] = prop["default"];
    }
    if (instance.contains(key)) fill_defaults(prop, instance[key]);
  }
}

std::string format_issues(const std::vector<Issue>& issues) {
  std::string text;
  for (std::size_t i = 0; i < issues.size() && i < kMaxListedIssues; ++i) {
    if (!text.empty()) text += '\n';
    text += issues[i].path + ": " + issues[i].message;
  }
  if (issues.size() > kMaxListedIssues) {
    text += "\n(only the first " + std::to_string(kMaxListedIssues) + " issues are listed)";
  }
  return text;
}

}  // namespace schema
