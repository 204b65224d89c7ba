#include "catalog/report_rules.hpp"

#include <algorithm>
#include <stdexcept>

#include "catalog/embedded.hpp"

namespace catalog {

namespace {

using nlohmann::json;

// What a rule looks at, read once from the params.
struct Report {
  std::string level;
  std::string report_type;
  std::vector<std::string> dimensions;
  std::vector<std::string> metrics;
  std::string order_field;
  bool lifetime = false;
  bool dates = false;
};

std::vector<std::string> string_items(const json& value) {
  std::vector<std::string> out;
  if (!value.is_array()) return out;
  for (const auto& v : value) {
    if (v.is_string()) out.push_back(v.get<std::string>());
  }
  return out;
}

std::string string_at(const json& params, const char* key) {
  auto it = params.find(key);
  return it != params.end() && it->is_string() ? it->get<std::string>() : "";
}

Report read_report(const json& params) {
  Report r;
  r.level = string_at(params, "data_level");
  r.report_type = string_at(params, "report_type");
  r.dimensions = string_items(params.value("dimensions", json::array()));
  r.metrics = string_items(params.value("metrics", json::array()));
  r.order_field = string_at(params, "order_field");
  r.lifetime = params.contains("query_lifetime") && params["query_lifetime"] == true;
  r.dates = params.contains("start_date") || params.contains("end_date");
  return r;
}

bool contains(const std::vector<std::string>& list, const std::string& item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}

// The items of `list` that are in `set`, in `list`'s order.
std::vector<std::string> common_items(const std::vector<std::string>& list, const std::vector<std::string>& set) {
  std::vector<std::string> out;
  for (const auto& item : list) {
    if (contains(set, item)) out.push_back(item);
  }
  return out;
}

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& s : items) out += (out.empty() ? "" : ", ") + s;
  return out;
}

void replace_all(std::string& text, const std::string& from, const std::string& to) {
  for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
}

class Evaluator {
 public:
  Evaluator(const json& sets, const Report& report) : sets_(sets), r_(report) {}

  // A set given inline (an array) or by name (a key of "sets").
  std::vector<std::string> set(const json& value) const {
    if (value.is_string()) return string_items(sets_.at(value.get<std::string>()));
    return string_items(value);
  }

  bool holds(const json& when) const {
    for (const auto& [key, value] : when.items()) {
      if (!holds_one(key, value)) return false;
    }
    return true;
  }

  // Empty when the check passes; else the offending names (one entry "" when none applies).
  std::optional<std::vector<std::string>> violation(const json& check) const {
    for (const auto& [key, value] : check.items()) {
      if (key == "at_most_one_dimension_of") {
        auto found = common_items(r_.dimensions, set(value));
        if (found.size() > 1) return found;
      } else if (key == "no_dimension_of") {
        auto found = common_items(r_.dimensions, set(value));
        if (!found.empty()) return found;
      } else if (key == "some_dimension_of") {
        if (common_items(r_.dimensions, set(value)).empty()) return std::vector<std::string>{""};
      } else if (key == "no_metric_of") {
        auto found = common_items(r_.metrics, set(value));
        if (!found.empty()) return found;
      } else if (key == "report_type_in") {
        if (!contains(set(value), r_.report_type)) return std::vector<std::string>{r_.report_type};
      } else if (key == "no_dates") {
        if (r_.dates) return std::vector<std::string>{""};
      } else if (key == "dates") {
        if (!r_.dates) return std::vector<std::string>{""};
      } else if (key == "order_field_not_in") {
        if (!r_.order_field.empty() && contains(set(value), r_.order_field)) return std::vector<std::string>{r_.order_field};
      } else {
        throw std::runtime_error("rules/reports.json: unknown check " + key);
      }
    }
    return std::nullopt;
  }

 private:
  bool holds_one(const std::string& key, const json& value) const {
    if (key == "data_level_in") return contains(set(value), r_.level);
    if (key == "data_level_not_in") return !contains(set(value), r_.level);
    if (key == "report_type_in") return contains(set(value), r_.report_type);
    if (key == "report_type_not_in") return !contains(set(value), r_.report_type);
    if (key == "lifetime") return r_.lifetime == value.get<bool>();
    if (key == "some_dimension_of") return !common_items(r_.dimensions, set(value)).empty();
    throw std::runtime_error("rules/reports.json: unknown condition " + key);
  }

  const json& sets_;
  const Report& r_;
};

std::string filled(std::string text, const Report& r, const std::vector<std::string>& items) {
  replace_all(text, "{items}", joined(items));
  replace_all(text, "{item}", items.empty() ? "" : items.front());
  replace_all(text, "{level}", r.level);
  replace_all(text, "{report_type}", r.report_type);
  return text;
}

}  // namespace

ReportRules ReportRules::from_json(const json& doc) {
  ReportRules rules;
  rules.doc_ = doc;
  rules.max_sync_windows_ = doc.at("sync").value("max_windows", 31);
  // Check the file's own vocabulary once, so a typo fails at start-up, not on some user's call.
  const Report empty;
  const Evaluator evaluator(doc.at("sets"), empty);
  for (const auto& rule : doc.at("rules")) {
    evaluator.holds(rule.value("when", json::object()));
    evaluator.violation(rule.at("check"));
    for (const char* key : {"id", "message", "fix"}) {
      if (!rule.contains(key) || !rule[key].is_string()) throw std::runtime_error("rules/reports.json: a rule lacks " + std::string(key));
    }
  }
  return rules;
}

const ReportRules& ReportRules::builtin() {
  static const ReportRules rules = from_json(embedded_json("rules/reports.json"));
  return rules;
}

std::optional<RuleRefusal> ReportRules::check(const json& params) const {
  const Report report = read_report(params);
  const Evaluator evaluator(doc_.at("sets"), report);
  for (const auto& rule : doc_.at("rules")) {
    if (!evaluator.holds(rule.value("when", json::object()))) continue;
    auto items = evaluator.violation(rule.at("check"));
    if (!items) continue;
    return RuleRefusal{rule.at("id").get<std::string>(), filled(rule.at("message").get<std::string>(), report, *items),
                       filled(rule.at("fix").get<std::string>(), report, *items)};
  }
  return std::nullopt;
}

std::string ReportRules::time_dimension(const json& dimensions) const {
  const auto time = string_items(doc_.at("sets").at("time_dimensions"));
  auto found = common_items(string_items(dimensions), time);
  return found.empty() ? "" : found.front();
}

int ReportRules::span_days(const std::string& time_dimension) const {
  const json& spans = doc_.at("spans");
  const std::string key = time_dimension.empty() ? "other" : time_dimension;
  return spans.contains(key) ? spans[key].get<int>() : spans.at("other").get<int>();
}

std::string describe_refusal(const RuleRefusal& refusal) {
  return "TikTok's report rule " + refusal.rule + ": " + refusal.message + ". Fix: " + refusal.fix + ".";
}

}  // namespace catalog
