#include "tiktok/demo/demo_body.hpp"

#include <algorithm>

#include "tiktok/demo/demo_error.hpp"

namespace tiktok::demo {

namespace {

using nlohmann::json;

const json* present_field(const json& body, const std::string& name) {
  auto it = body.find(name);
  return it == body.end() || it->is_null() ? nullptr : &*it;
}

}  // namespace

void refuse_field(const std::string& name, const std::string& message) {
  throw DemoError(40002, name + ": " + message);
}

std::string body_string(const json& body, const std::string& name) {
  auto value = optional_string(body, name);
  if (!value || value->empty()) refuse_field(name, "Missing data for required field.");
  return *value;
}

std::optional<std::string> optional_string(const json& body, const std::string& name) {
  const json* value = present_field(body, name);
  if (!value) return std::nullopt;
  if (!value->is_string()) refuse_field(name, "Not a valid string.");
  return value->get<std::string>();
}

std::optional<double> optional_number(const json& body, const std::string& name) {
  const json* value = present_field(body, name);
  if (!value) return std::nullopt;
  if (!value->is_number()) refuse_field(name, "Not a valid number.");
  return value->get<double>();
}

bool optional_bool(const json& body, const std::string& name, bool fallback) {
  const json* value = present_field(body, name);
  if (!value) return fallback;
  if (!value->is_boolean()) refuse_field(name, "Not a valid boolean.");
  return value->get<bool>();
}

std::vector<std::string> body_ids(const json& body, const std::string& name, std::size_t max_ids) {
  const json* value = present_field(body, name);
  if (!value) refuse_field(name, "Missing data for required field.");
  if (!value->is_array()) refuse_field(name, "Not a valid list.");
  if (value->empty() || value->size() > max_ids) {
    refuse_field(name, "Length must be between 1 and " + std::to_string(max_ids) + ".");
  }
  std::vector<std::string> ids;
  for (const auto& id : *value) {
    if (!id.is_string() || id.get<std::string>().empty()) refuse_field(name, "Not a valid string: " + id.dump() + ".");
    ids.push_back(id.get<std::string>());
  }
  return ids;
}

std::string one_of(const std::string& value, const std::string& name, const std::vector<std::string>& allowed) {
  if (std::find(allowed.begin(), allowed.end(), value) != allowed.end()) return value;
  std::string list;
  for (const auto& a : allowed) list += (list.empty() ? "" : ", ") + a;
  refuse_field(name, "Must be one of: " + list + ".");
}

}  // namespace tiktok::demo
