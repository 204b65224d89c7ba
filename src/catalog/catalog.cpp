#include "catalog/catalog.hpp"

#include <algorithm>
#include <stdexcept>

namespace catalog {

namespace {

constexpr std::string_view kEntitiesDir = "entities/";
constexpr std::string_view kCommonFile = "entities/_common.json";

std::vector<std::string> strings(const json& array) {
  std::vector<std::string> out;
  if (array.is_array()) {
    for (const auto& v : array) out.push_back(v.get<std::string>());
  }
  return out;
}

json with_defs(json params, const json& defs) {
  params["$defs"] = defs;
  return params;
}

Action parse_action(const std::string& name, const json& spec, const json& common, bool entity_direct_only);

// Every read takes the record-shaping params Airbyte's execute has (select_fields,
// exclude_fields, skip_truncation), so entity files do not repeat them.
void add_shaping_params(json& params) {
  for (const char* name : {"select_fields", "exclude_fields", "skip_truncation"}) {
    if (!params["properties"].contains(name)) params["properties"][name] = {{"$ref", std::string("#/$defs/") + name}};
  }
}

// Entities Airbyte can search also take its SQL query over the same synced copy
// (_common.json says which action it is offered with).
void add_offered_actions(Entity& e, const json& common) {
  for (const auto& [name, spec] : common.items()) {
    if (!spec.is_object() || !spec.contains("offered_with")) continue;
    if (e.find_action(spec["offered_with"].get<std::string>()) == nullptr || e.find_action(name) != nullptr) continue;
    e.actions.push_back(parse_action(name, json{{"hosted_only", true}}, common, false));
  }
}

// Every read continues with meta.next_cursor (execution/result_cursor.hpp), so every read
// action takes the shared cursor param without each entity file declaring it.
void add_cursor_param(json& params_schema) {
  json& properties = params_schema["properties"];
  if (!properties.contains("cursor")) properties["cursor"] = {{"$ref", "#/$defs/cursor"}};
}

// A report entity's list action is _common.json's report_list template, with the entity's level,
// dimensions and metric set as defaults; "dates": "required" or "lifetime_when_absent".
json expand_report_action(const json& spec, const json& common) {
  const json& r = spec.at("report");
  const std::string dates = r.value("dates", "required");
  json action = common.at("report_list");
  json& props = action["params"]["properties"];
  props["data_level"]["default"] = r.at("data_level");
  props["metrics"]["default"] = common.at("report_metric_sets").at(r.at("metrics").get<std::string>());
  if (r.contains("dimensions") && r["dimensions"].is_array()) props["dimensions"]["default"] = r["dimensions"];
  if (dates == "required") {
    action["params"]["required"].push_back("start_date");
    action["params"]["required"].push_back("end_date");
  } else if (dates != "lifetime_when_absent") {
    throw std::runtime_error("report.dates must be \"required\" or \"lifetime_when_absent\", not " + dates);
  }
  for (const auto& [key, value] : spec.items()) {
    if (key != "report") action[key] = value;
  }
  action["report"] = {{"lifetime_when_no_dates", dates == "lifetime_when_absent"},
                      {"presets_dimensions", props["dimensions"].contains("default")}};
  return action;
}

ReportSpec parse_report_spec(const json& r, const json& common) {
  ReportSpec report;
  report.lifetime_when_no_dates = r.value("lifetime_when_no_dates", false);
  report.presets_dimensions = r.value("presets_dimensions", false);
  report.audience_metrics = common.at("report_metric_sets").at("audience");
  return report;
}

std::vector<DirectRequirement> direct_requirements(const json& list) {
  std::vector<DirectRequirement> out;
  for (const auto& r : list) {
    out.push_back({r.at("param").get<std::string>(), r.at("reason").get<std::string>(), r.value("next_step", "")});
  }
  return out;
}

Action parse_action(const std::string& name, const json& given, const json& common, bool entity_direct_only) {
  const bool templated = given.contains("report") && !given.contains("path");
  const json spec = templated ? expand_report_action(given, common) : given;
  Action a;
  a.name = name;
  a.hosted_only = spec.value("hosted_only", false);
  a.direct_only = !a.hosted_only && (entity_direct_only || spec.value("direct_only", false));
  if (spec.contains("write")) {
    a.summary = spec.value("summary", "");
    a.write = parse_write_spec(spec["write"]);
    a.method = a.write->method;
    a.path = a.write->path;
    a.params_schema = with_defs(spec.at("params"), common.at("$defs"));
  } else if (a.hosted_only) {
    const json& search = common.at(name);
    a.summary = search.value("summary", "");
    a.params_schema = with_defs(search.at("params"), common.at("$defs"));
    a.searchable_fields = strings(spec.value("searchable_fields", json::array()));
  } else {
    a.summary = spec.value("summary", "");
    a.method = spec.at("method").get<std::string>();
    a.path = spec.at("path").get<std::string>();
    if (a.path.empty() || a.path.back() != '/') throw std::runtime_error("path must end with '/': " + a.path);
    a.records_pointer = spec.at("records").get<std::string>();
    if (spec.contains("page_info") && spec["page_info"].is_string()) a.page_info_pointer = spec["page_info"];
    a.needs_app_credentials = spec.value("needs_app_credentials", false);
    a.params_schema = with_defs(spec.at("params"), common.at("$defs"));
    add_cursor_param(a.params_schema);
    if (spec.contains("report")) a.report = parse_report_spec(spec["report"], common);
    if (spec.contains("get")) {
      a.get = parse_get_spec(spec["get"]);
      if (!a.direct_only) throw std::runtime_error("get action " + name + " must be direct_only (Airbyte has no get)");
    }
    a.direct_requires = direct_requirements(spec.value("direct_requires", json::array()));
  }
  if (!a.is_write()) add_shaping_params(a.params_schema);
  a.validator = std::make_shared<schema::Validator>(a.params_schema);
  return a;
}

Entity parse_entity(const json& doc, const json& common) {
  Entity e;
  e.name = doc.at("entity").get<std::string>();
  e.summary = doc.at("summary").get<std::string>();
  e.order = doc.value("order", 1000);
  e.when_to_use = doc.value("when_to_use", "");
  e.examples = strings(doc.value("examples", json::array()));
  e.key_fields = strings(doc.value("key_fields", json::array()));
  if (doc.contains("record_id") && doc["record_id"].is_string()) e.record_id = doc["record_id"];
  const bool direct_only = doc.value("direct_only", false);
  for (const auto& [name, spec] : doc.at("actions").items()) {
    e.actions.push_back(parse_action(name, spec, common, direct_only));
  }
  add_offered_actions(e, common);
  // list first, then the rest in name order, so descriptions read the same every time
  std::stable_sort(e.actions.begin(), e.actions.end(),
                   [](const Action& a, const Action& b) { return a.name == "list" && b.name != "list"; });
  return e;
}

}  // namespace

bool Action::is_local(const std::string& param) const {
  const json* p = property(param);
  return p != nullptr && p->value("x-local", false);
}

bool Action::is_shaping(const std::string& param) const {
  const json* p = property(param);
  return p != nullptr && p->value("x-shaping", false);
}

const json* Action::property(const std::string& param) const {
  auto props = params_schema.find("properties");
  if (props == params_schema.end() || !props->contains(param)) return nullptr;
  const json* node = &(*props)[param];
  for (int hops = 0; hops < 8 && node->contains("$ref"); ++hops) {
    const std::string ref = (*node)["$ref"].get<std::string>();
    node = &params_schema["$defs"][ref.substr(std::string("#/$defs/").size())];
  }
  return node;
}

std::vector<std::string> Action::required() const { return strings(params_schema.value("required", json::array())); }

const Action* Entity::find_action(std::string_view action) const {
  for (const auto& a : actions) {
    if (a.name == action) return &a;
  }
  return nullptr;
}

Catalog Catalog::from_files(const std::vector<EmbeddedFile>& files) {
  json common;
  for (const auto& f : files) {
    if (f.path == kCommonFile) common = json::parse(f.content);
  }
  if (common.is_null()) throw std::runtime_error("catalogue: entities/_common.json is missing");
  Catalog c;
  for (const auto& f : files) {
    if (f.path.rfind(kEntitiesDir, 0) != 0 || f.path == kCommonFile) continue;
    try {
      c.entities_.push_back(parse_entity(json::parse(f.content), common));
    } catch (const std::exception& e) {
      throw std::runtime_error("catalogue: " + std::string(f.path) + ": " + e.what());
    }
  }
  std::stable_sort(c.entities_.begin(), c.entities_.end(),
                   [](const Entity& a, const Entity& b) { return a.order < b.order; });
  return c;
}

const Catalog& Catalog::builtin() {
  static const Catalog catalog = from_files(embedded_files());
  return catalog;
}

const Entity* Catalog::find(std::string_view entity) const {
  for (const auto& e : entities_) {
    if (e.name == entity) return &e;
  }
  return nullptr;
}

std::vector<std::string> Catalog::entity_names() const {
  std::vector<std::string> names;
  for (const auto& e : entities_) names.push_back(e.name);
  return names;
}

namespace {

std::vector<std::string> names_of(const std::vector<Entity>& entities, bool writes) {
  std::vector<std::string> names;
  for (const auto& e : entities) {
    for (const auto& a : e.actions) {
      if (a.is_write() != writes) continue;
      if (std::find(names.begin(), names.end(), a.name) == names.end()) names.push_back(a.name);
    }
  }
  return names;
}

}  // namespace

std::vector<std::string> Catalog::action_names() const { return names_of(entities_, false); }

std::vector<std::string> Catalog::write_action_names() const { return names_of(entities_, true); }

std::vector<std::string> Catalog::writable_entity_names() const {
  std::vector<std::string> names;
  for (const auto& e : entities_) {
    if (std::any_of(e.actions.begin(), e.actions.end(), [](const Action& a) { return a.is_write(); })) {
      names.push_back(e.name);
    }
  }
  return names;
}

}  // namespace catalog
