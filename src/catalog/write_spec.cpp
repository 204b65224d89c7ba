#include "catalog/write_spec.hpp"

#include <stdexcept>

namespace catalog {

namespace {

std::string text(const json& spec, const char* key) {
  auto it = spec.find(key);
  return it != spec.end() && it->is_string() ? it->get<std::string>() : std::string();
}

FieldChange parse_change(const json& c) {
  FieldChange change;
  change.field = c.at("field").get<std::string>();
  change.param = text(c, "param");
  if (c.contains("value")) change.value = c["value"];
  if (change.param.empty() == !change.value.has_value()) {
    throw std::runtime_error("change of " + change.field + " needs exactly one of param and value");
  }
  return change;
}

}  // namespace

WriteSpec parse_write_spec(const json& spec) {
  WriteSpec w;
  w.method = spec.value("method", "POST");
  w.path = spec.at("path").get<std::string>();
  if (w.path.empty() || w.path.back() != '/') throw std::runtime_error("write path must end with '/': " + w.path);
  w.idempotent = spec.at("idempotent").get<bool>();
  w.level = spec.at("level").get<std::string>();
  const json& targets = spec.at("targets");
  w.id_param = text(targets, "id_param");
  w.id_field = targets.at("id_field").get<std::string>();
  w.filter_key = text(targets, "filter");
  w.spend_report = text(targets, "spend_report");
  w.lookup_param = text(targets, "lookup_param");
  w.lookup_field = text(targets, "lookup_field");
  w.lookup_filter = text(targets, "lookup_filter");
  if (w.id_param.empty() && w.lookup_param.empty()) throw std::runtime_error("targets need id_param or lookup_param");
  w.body = spec.at("body");
  if (!w.body.is_object()) throw std::runtime_error("write body must be an object");
  for (const auto& c : spec.at("changes")) w.changes.push_back(parse_change(c));
  const json response = spec.value("response", json::object());
  w.succeeded_pointer = text(response, "succeeded");
  w.errors_pointer = text(response, "errors");
  w.created_id_pointer = text(response, "created_id");
  if (w.creates() && w.created_id_pointer.empty()) throw std::runtime_error("a create needs response.created_id");
  return w;
}

json build_body(const WriteSpec& spec, const json& params) {
  json body = json::object();
  for (const auto& [key, value] : spec.body.items()) {
    if (value.is_string() && value.get<std::string>().rfind('$', 0) == 0) {
      const std::string param = value.get<std::string>().substr(1);
      if (params.contains(param)) body[key] = params[param];
    } else {
      body[key] = value;
    }
  }
  return body;
}

}  // namespace catalog
