#include "catalog/get_spec.hpp"

#include <stdexcept>

namespace catalog {

namespace {

std::string get_text(const json& spec, const char* key) {
  auto it = spec.find(key);
  return it != spec.end() && it->is_string() ? it->get<std::string>() : std::string();
}

}  // namespace

GetSpec parse_get_spec(const json& spec) {
  if (!spec.is_object()) throw std::runtime_error("get must be an object");
  GetSpec g;
  if (auto id_param = get_text(spec, "id_param"); !id_param.empty()) g.id_param = id_param;
  g.id_field = spec.at("id_field").get<std::string>();
  g.filter_key = get_text(spec, "filter");
  g.query_param = get_text(spec, "query_param");
  if (g.filter_key.empty() == g.query_param.empty()) throw std::runtime_error("get needs exactly one of filter and query_param");
  if (spec.contains("include_deleted")) {
    const json& deleted = spec["include_deleted"];
    g.deleted_param = deleted.at("param").get<std::string>();
    g.deleted_filtering = deleted.at("filtering");
    if (g.filter_key.empty() || !g.deleted_filtering.is_object()) {
      throw std::runtime_error("get.include_deleted needs a filter and a filtering object");
    }
  }
  if (spec.contains("page_size")) g.page_size = spec["page_size"].get<int>();
  return g;
}

}  // namespace catalog
