#include "changes/account_reader.hpp"

#include "catalog/params.hpp"
#include "execution/runner.hpp"
#include "execution/upstream_error.hpp"
#include "util/date.hpp"

namespace changes {

namespace {

constexpr std::size_t kTargetsPageSize = 100;  // more than the 20 ids a write may name

}  // namespace

std::string text_of(const json& record, const std::string& key) {
  if (!record.is_object()) return "";
  auto it = record.find(key);
  return it != record.end() && it->is_string() ? it->get<std::string>() : std::string();
}

double number_of(const json& value) {
  if (value.is_number()) return value.get<double>();
  if (value.is_string()) {
    try {
      return std::stod(value.get<std::string>());
    } catch (const std::exception&) {
    }
  }
  return 0;
}

std::string effective_status(const json& record) {
  if (text_of(record, "secondary_status").ends_with("_STATUS_DELETE")) return "DELETE";
  return text_of(record, "operation_status");
}

json field_value(const json& record, const std::string& field) {
  if (field == "operation_status") return effective_status(record);
  return record.is_object() && record.contains(field) ? record[field] : json();
}

AccountReader::AccountReader(execution::Executor& executor, const catalog::Catalog& catalog,
                             const execution::CallContext& context)
    : executor_(executor), catalog_(catalog), context_(context) {}

json AccountReader::list(const std::string& entity_name, json params) const {
  const catalog::Entity* entity = catalog_.find(entity_name);
  const catalog::Action* action = entity ? entity->find_action("list") : nullptr;
  if (action == nullptr) throw std::logic_error("catalogue has no " + entity_name + ".list");
  auto prepared = catalog::prepare_params(*action, std::move(params), {});
  if (!prepared.issues.empty()) {
    throw std::logic_error("reading " + entity_name + ": " + schema::format_issues(prepared.issues));
  }
  execution::Target target{*entity, *action, std::nullopt};
  return execution::run(executor_, target, std::move(prepared.params), context_).data;
}

Targets AccountReader::targets(const ChangeRequest& request) const {
  const auto& spec = request.spec();
  json filtering{{spec.filter_key, request.target_ids()}, {"primary_status", "STATUS_ALL"}};
  json records = list(request.entity->name, {{"advertiser_id", request.advertiser_id},
                                             {"filtering", std::move(filtering)},
                                             {"page_size", kTargetsPageSize}});
  Targets out;
  for (auto& r : records) {
    std::string id = text_of(r, spec.id_field);
    if (!id.empty()) out[std::move(id)] = std::move(r);
  }
  return out;
}

std::vector<json> AccountReader::named(const ChangeRequest& request) const {
  const auto& spec = request.spec();
  const std::string name = request.params.value(spec.lookup_param, "");
  json filtering{{spec.lookup_filter, name}, {"primary_status", "STATUS_NOT_DELETE"}};
  json records = list(request.entity->name,
                      {{"advertiser_id", request.advertiser_id}, {"filtering", std::move(filtering)}, {"page_size", 1000}});
  std::vector<json> out;
  for (auto& r : records) {
    if (text_of(r, spec.lookup_field) == name) out.push_back(std::move(r));
  }
  return out;
}

std::optional<std::vector<std::string>> AccountReader::delivering(const ChangeRequest& request,
                                                                  std::size_t max) const {
  const auto& spec = request.spec();
  json records = list(request.entity->name, {{"advertiser_id", request.advertiser_id},
                                             {"filtering", {{"primary_status", "STATUS_DELIVERY_OK"}}},
                                             {"page_size", max + 1}});
  if (records.size() > max) return std::nullopt;
  std::vector<std::string> ids;
  for (const auto& r : records) {
    if (effective_status(r) == "ENABLE") ids.push_back(text_of(r, spec.id_field));
  }
  return ids;
}

std::optional<std::string> AccountReader::currency(const std::string& advertiser_id) const {
  json records = list("advertisers", {{"advertiser_ids", json::array({advertiser_id})},
                                      {"fields", json::array({"advertiser_id", "currency"})}});
  for (const auto& r : records) {
    if (text_of(r, "advertiser_id") == advertiser_id && r.contains("currency") && r["currency"].is_string()) {
      return r["currency"].get<std::string>();
    }
  }
  return std::nullopt;
}

std::map<std::string, double> AccountReader::spend_today(const ChangeRequest& request) const {
  const auto& spec = request.spec();
  std::map<std::string, double> out;
  if (spec.spend_report.empty()) return out;
  const std::string today = util::format_date(util::today_utc());
  const json ids = request.target_ids();
  json filtering = json::array({{{"field_name", spec.filter_key}, {"filter_type", "IN"}, {"filter_value", ids.dump()}}});
  json rows = list(spec.spend_report, {{"advertiser_id", request.advertiser_id},
                                       {"start_date", today},
                                       {"end_date", today},
                                       {"dimensions", json::array({spec.id_field, "stat_time_day"})},
                                       {"metrics", json::array({"spend"})},
                                       {"filtering", std::move(filtering)}});
  for (const auto& row : rows) {
    const std::string id = text_of(row, spec.id_field);
    if (!id.empty() && row.contains("spend")) out[id] += number_of(row["spend"]);
  }
  return out;
}

}  // namespace changes
