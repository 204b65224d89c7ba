#include "catalog/params.hpp"

#include "util/date.hpp"

namespace catalog {

namespace {

std::string trim(const std::string& s) {
  auto first = s.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return "";
  return s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1);
}

// '["a","b"]' -> ["a","b"]; 'a, b' -> ["a","b"]; anything else is left for the validator.
json coerce_array(const json& value) {
  if (!value.is_string()) return value;
  const std::string text = trim(value.get<std::string>());
  if (!text.empty() && text.front() == '[') {
    json parsed = json::parse(text, nullptr, false);
    return parsed.is_discarded() ? value : parsed;
  }
  if (text.empty()) return value;
  json items = json::array();
  std::string item;
  for (char c : text + ",") {
    if (c == ',') {
      if (auto t = trim(item); !t.empty()) items.push_back(t);
      item.clear();
    } else {
      item += c;
    }
  }
  return items;
}

json coerce_structured(const json& value) {
  if (!value.is_string()) return value;
  json parsed = json::parse(value.get<std::string>(), nullptr, false);
  return parsed.is_discarded() ? value : parsed;
}

json coerce_integer(const json& value) {
  if (!value.is_string()) return value;
  const std::string text = trim(value.get<std::string>());
  if (text.empty() || text.size() > 15 || text.find_first_not_of("0123456789") != std::string::npos) return value;
  return std::stoll(text);
}

// "120.50" -> 120.5, for amounts such as budgets; anything else is left for the validator.
json coerce_number(const json& value) {
  if (!value.is_string()) return value;
  const std::string text = trim(value.get<std::string>());
  if (text.empty() || text.size() > 24 || text.find_first_not_of("0123456789.") != std::string::npos) return value;
  try {
    std::size_t used = 0;
    const double d = std::stod(text, &used);
    return used == text.size() ? json(d) : value;
  } catch (const std::exception&) {
    return value;
  }
}

json coerce_string(const json& value) {
  // ids given as numbers: nlohmann keeps integers exact (up to 2^64), so nothing is lost here
  if (value.is_number_integer() || value.is_number_unsigned()) return value.dump();
  return value;
}

json coerce_boolean(const json& value) {
  if (value == "true") return true;
  if (value == "false") return false;
  return value;
}

json coerce_items(const json& array, const json& items_schema, const Action& action) {
  if (!array.is_array()) return array;
  const json* item = &items_schema;
  if (item->contains("$ref")) {
    const std::string ref = (*item)["$ref"].get<std::string>();
    item = &action.params_schema["$defs"][ref.substr(std::string("#/$defs/").size())];
  }
  if (item->value("type", "") != "string") return array;
  json out = json::array();
  for (const auto& v : array) out.push_back(coerce_string(v));
  return out;
}

json coerce(const json& value, const json& schema, const Action& action) {
  const std::string type = schema.value("type", "");
  if (type == "array") {
    json array = coerce_array(value);
    return schema.contains("items") ? coerce_items(array, schema["items"], action) : array;
  }
  if (type == "object") return coerce_structured(value);
  if (type == "integer") return coerce_integer(value);
  if (type == "number") return coerce_number(value);
  if (type == "string") return coerce_string(value);
  if (type == "boolean") return coerce_boolean(value);
  return value;
}

bool has_config_default(const Action& action, const std::string& name) {
  const json* prop = action.property(name);
  return prop != nullptr && prop->contains("x-config-default");
}

void fill_config_defaults(const Action& action, json& params, const ConfigDefaults& defaults) {
  if (defaults.advertiser_id.empty()) return;
  for (const auto& [name, unused] : action.params_schema["properties"].items()) {
    if (params.contains(name) || !has_config_default(action, name)) continue;
    const std::string source = action.property(name)->at("x-config-default").get<std::string>();
    if (source == "advertiser_id") params[name] = defaults.advertiser_id;
    if (source == "advertiser_ids") params[name] = json::array({defaults.advertiser_id});
  }
}

// Report forms the schema's defaults cannot express: a lifetime entity given no dates asks for
// TikTok's lifetime totals, and an audience report given no metrics gets the set that TikTok can
// break down by audience (the level's default set has unique-visitor metrics, which it cannot).
void fill_report_defaults(const Action& action, json& params) {
  if (!action.report) return;
  const auto& r = *action.report;
  if (r.lifetime_when_no_dates && !params.contains(r.start_param) && !params.contains(r.end_param) &&
      !params.contains("query_lifetime")) {
    params["query_lifetime"] = true;
  }
  if (!params.contains("metrics") && params.value("report_type", json()) == "AUDIENCE") {
    params["metrics"] = r.audience_metrics;
  }
}

void explain_missing_advertiser(const Action& action, std::vector<schema::Issue>& issues) {
  const std::string prefix = "params.";
  for (auto& issue : issues) {
    if (issue.path.rfind(prefix, 0) != 0 || issue.message.rfind("is required but missing", 0) != 0) continue;
    if (!has_config_default(action, issue.path.substr(prefix.size()))) continue;
    issue.message += "; pass it, or configure a default advertiser with TIKTOK_MARKETING_ADVERTISER_ID. "
                     "The entity advertiser_ids lists the advertisers your token can reach";
  }
}

void check_date_range(const Action& action, const json& params, std::vector<schema::Issue>& issues) {
  if (!action.report) return;
  const auto& r = *action.report;
  if (!params.contains(r.start_param) || !params.contains(r.end_param)) return;
  if (!params[r.start_param].is_string() || !params[r.end_param].is_string()) return;
  auto start = util::parse_date(params[r.start_param].get<std::string>());
  auto end = util::parse_date(params[r.end_param].get<std::string>());
  if (start && end && *start > *end) {
    issues.push_back({"params." + r.end_param, "(" + params[r.end_param].get<std::string>() + ") is before " +
                                                   r.start_param + " (" + params[r.start_param].get<std::string>() +
                                                   "); the range is inclusive, so use end_date >= start_date"});
  }
}

}  // namespace

PreparedParams prepare_params(const Action& action, json raw, const ConfigDefaults& defaults) {
  PreparedParams out;
  if (raw.is_null()) raw = json::object();
  if (!raw.is_object()) {
    out.issues.push_back({"params", "must be an object of parameters, such as {\"advertiser_id\": \"123\"}"});
    return out;
  }
  for (auto& [name, value] : raw.items()) {
    if (const json* prop = action.property(name)) value = coerce(value, *prop, action);
  }
  fill_config_defaults(action, raw, defaults);
  fill_report_defaults(action, raw);
  action.validator->apply_defaults(raw);
  out.issues = action.validator->validate(raw, "params");
  explain_missing_advertiser(action, out.issues);
  check_date_range(action, raw, out.issues);
  out.params = std::move(raw);
  return out;
}

}  // namespace catalog
