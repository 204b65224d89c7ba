#include "execution/get_by_id.hpp"

#include <algorithm>

#include "execution/report_rows.hpp"

namespace execution {

namespace {

struct IdList {
  std::vector<std::string> ids;         // in the order asked, each once
  std::vector<std::string> duplicates;  // ids asked more than once, each once
};

IdList distinct_ids(const json& ids) {
  IdList out;
  for (const auto& v : ids) {
    const std::string id = v.get<std::string>();
    const bool seen = std::find(out.ids.begin(), out.ids.end(), id) != out.ids.end();
    if (!seen) {
      out.ids.push_back(id);
    } else if (std::find(out.duplicates.begin(), out.duplicates.end(), id) == out.duplicates.end()) {
      out.duplicates.push_back(id);
    }
  }
  return out;
}

bool asks_deleted(const catalog::GetSpec& spec, const json& params) {
  return !spec.deleted_param.empty() && params.value(spec.deleted_param, false);
}

json get_request(const catalog::Action& action, const json& params, const std::vector<std::string>& ids) {
  const catalog::GetSpec& spec = *action.get;
  json upstream = json::object();
  for (const auto& [key, value] : params.items()) {
    if (!action.is_local(key)) upstream[key] = value;
  }
  if (!spec.filter_key.empty()) {
    json filtering = json::object();
    filtering[spec.filter_key] = ids;
    if (asks_deleted(spec, params)) filtering.update(spec.deleted_filtering);
    upstream["filtering"] = std::move(filtering);
    upstream["page"] = 1;
  } else {
    upstream[spec.query_param] = ids;
  }
  if (spec.page_size) upstream["page_size"] = *spec.page_size;
  // The id field must come back, or no record could be matched to the id asked.
  if (upstream.contains("fields") && upstream["fields"].is_array()) {
    json& fields = upstream["fields"];
    if (std::find(fields.begin(), fields.end(), spec.id_field) == fields.end()) fields.push_back(spec.id_field);
  }
  return upstream;
}

std::string id_of(const json& record, const std::string& field) {
  if (!record.is_object() || !record.contains(field)) return "";
  const json& v = record[field];
  return v.is_string() ? v.get<std::string>() : v.dump();
}

// The records in the order of `ids`; any record with an id not asked for goes last.
void order_by_ids(json& records, const std::vector<std::string>& ids, const std::string& field) {
  auto rank = [&](const json& r) {
    auto it = std::find(ids.begin(), ids.end(), id_of(r, field));
    return static_cast<std::size_t>(it - ids.begin());
  };
  std::stable_sort(records.begin(), records.end(), [&](const json& a, const json& b) { return rank(a) < rank(b); });
}

std::string not_found_note(const catalog::GetSpec& spec, const json& params, std::size_t count) {
  const std::string where =
      params.contains("advertiser_id") ? "advertiser " + params["advertiser_id"].get<std::string>() : "this account";
  std::string note = std::to_string(count) + (count == 1 ? " id does" : " ids do") + " not exist in " + where;
  if (spec.deleted_param.empty()) return note + "; check the ids and the advertiser_id.";
  if (asks_deleted(spec, params)) return note + ", not even as deleted objects; check the ids and the advertiser_id.";
  return note + " or " + (count == 1 ? "is" : "are") + " deleted; pass " + spec.deleted_param +
         ": true to include deleted ones.";
}

}  // namespace

RunResult run_get(Executor& executor, const Target& target, const json& params, const CallContext& context,
                  std::size_t skip) {
  const catalog::GetSpec& spec = *target.action.get;
  const IdList asked = distinct_ids(params.at(spec.id_param));
  Page page = executor.fetch(target, get_request(target.action, params, asked.ids), context);
  RunResult out;
  out.data = std::move(page.records);
  order_by_ids(out.data, asked.ids, spec.id_field);
  json not_found = json::array();
  for (const auto& id : asked.ids) {
    const bool found =
        std::any_of(out.data.begin(), out.data.end(), [&](const json& r) { return id_of(r, spec.id_field) == id; });
    if (!found) not_found.push_back(id);
  }
  if (params.contains("fields") && target.action.is_local("fields")) project_fields(out.data, params["fields"]);
  const std::size_t skipped = std::min(skip, out.data.size());
  out.data.erase(out.data.begin(), out.data.begin() + static_cast<std::ptrdiff_t>(skipped));
  for (std::size_t i = 0; i < out.data.size(); ++i) out.positions.push_back(CursorPosition{"page", 0, 1, skipped + i});
  out.meta = {{"entity", target.entity.name}, {"action", target.action.name}, {"request_id", page.request_id},
              {"requested", asked.ids.size()}, {"found", asked.ids.size() - not_found.size()}, {"has_more", false}};
  for (auto& [k, v] : page.extra_meta.items()) out.meta[k] = v;
  if (!not_found.empty()) out.meta["not_found_note"] = not_found_note(spec, params, not_found.size());
  out.meta["not_found"] = std::move(not_found);
  if (!asked.duplicates.empty()) {
    out.meta["duplicate_ids"] = asked.duplicates;
    out.meta["duplicate_note"] = "ids given more than once were de-duplicated: each is read and returned once";
  }
  return out;
}

}  // namespace execution
