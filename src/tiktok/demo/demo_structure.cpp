#include "tiktok/demo/demo_structure.hpp"

#include <algorithm>

#include "tiktok/demo/demo_error.hpp"
#include "tiktok/demo/demo_query.hpp"
#include "tiktok/demo/demo_structure_data.hpp"

namespace tiktok::demo {

namespace {

using nlohmann::json;

std::string checked_advertiser(const Account& account, const StructureQuery& q) {
  const std::string advertiser_id = query::required(q, "advertiser_id");
  check_advertiser(account, advertiser_id);
  return advertiser_id;
}

json records_of(const json& by_advertiser, const std::string& advertiser_id) {
  return by_advertiser.contains(advertiser_id) ? by_advertiser[advertiser_id] : json::array();
}

std::string one_of_values(const std::string& value, const std::string& name, const std::vector<std::string>& allowed) {
  if (std::find(allowed.begin(), allowed.end(), value) != allowed.end()) return value;
  throw DemoError(40002, name + ": Invalid value " + value + ".");
}

json structure_filtering(const StructureQuery& q) {
  const json filter = query::json_value(q, "filtering", json::object());
  if (!filter.is_object()) throw DemoError(40002, "filtering: Not a valid mapping type.");
  return filter;
}

bool smart_plus_visible(const json& filter, const json& record) {
  const std::string secondary = record.value("secondary_status", "");
  const bool deleted = secondary.size() >= 7 && secondary.compare(secondary.size() - 7, 7, "_DELETE") == 0;
  return query::status_allows(filter, deleted, record.value("operation_status", ""));
}

json projected(const json& records, const StructureQuery& q) {
  return query::project(records, query::json_value(q, "fields", nullptr));
}

// Smart+ objects of the advertiser the filtering selects: ids (filter key -> record field) and status.
json smart_plus_list(const Account& account, const json& all, const StructureQuery& q,
                     const std::vector<std::pair<std::string, std::string>>& id_filters, long long max_page_size) {
  const std::string advertiser_id = checked_advertiser(account, q);
  const json filter = structure_filtering(q);
  json matches = json::array();
  for (const auto& r : all) {
    if (r["advertiser_id"] != advertiser_id || !smart_plus_visible(filter, r)) continue;
    bool ok = true;
    for (const auto& [key, field] : id_filters) ok = ok && query::listed_in(filter, key, r[field]);
    if (filter.contains("campaign_name")) {
      ok = ok && r.value("campaign_name", "").find(filter.value("campaign_name", "")) != std::string::npos;
    }
    if (filter.contains("objective_type")) ok = ok && r.value("objective_type", "") == filter["objective_type"];
    if (ok) matches.push_back(r);
  }
  json data = query::page_of(matches, q, max_page_size, 10);
  data["list"] = projected(data["list"], q);
  return data;
}

json creative_info(const json& all, const StructureQuery& q, const Account& account, const std::string& ids_param,
                   const std::string& id_field, std::size_t max_ids) {
  const std::string advertiser_id = checked_advertiser(account, q);
  const auto ids = query::id_list(q, ids_param, max_ids);
  json list = json::array();
  for (const auto& id : ids) {
    for (const auto& r : all) {
      if (r["advertiser_id"] == advertiser_id && r[id_field] == id) list.push_back(r);
    }
  }
  return {{"list", std::move(list)}};
}

}  // namespace

json spark_posts_data(const Account& account, const StructureQuery& q) {
  const std::string advertiser_id = checked_advertiser(account, q);
  return query::page_of(records_of(structure().spark_posts, advertiser_id), q, 50, 20);
}

json catalogs_data(const Account& account, const StructureQuery& q) {
  if (q.count("advertiser_id")) checked_advertiser(account, q);
  const std::string bc_id = query::required(q, "bc_id");
  const auto& bcs = structure().business_centers;
  const bool known = std::any_of(bcs.begin(), bcs.end(), [&](const json& b) { return b["bc_info"]["bc_id"] == bc_id; });
  if (!known) throw DemoError(40001, "No permission to operate Business Center " + bc_id + ".");
  const auto catalog_id = query::optional(q, "catalog_id");
  json matches = json::array();
  for (const auto& c : structure().catalogs) {
    if (c["bc_info"]["bc_id"] != bc_id || (catalog_id && c["catalog_id"] != *catalog_id)) continue;
    matches.push_back(c);
  }
  return query::page_of(matches, q, 100, 10);
}

json business_centers_data(const Account&, const StructureQuery& q) {
  one_of_values(query::optional(q, "scene").value_or("SINGLE_ACCOUNT"), "scene", {"SINGLE_ACCOUNT", "TIERED_ACCOUNT"});
  const auto bc_id = query::optional(q, "bc_id");
  const json filter = structure_filtering(q);
  const std::string keyword = filter.value("keyword", "");
  json matches = json::array();
  for (const auto& b : structure().business_centers) {
    if (bc_id && b["bc_info"]["bc_id"] != *bc_id) continue;
    if (b["bc_info"]["name"].get<std::string>().find(keyword) == std::string::npos) continue;
    matches.push_back(b);
  }
  if (bc_id && matches.empty()) throw DemoError(40001, "No permission to operate Business Center " + *bc_id + ".");
  return query::page_of(matches, q, 50, 10);
}

json pixels_data(const Account& account, const StructureQuery& q) {
  const std::string advertiser_id = checked_advertiser(account, q);
  const auto order = one_of_values(query::optional(q, "order_by").value_or("EARLIEST_CREATE"), "order_by",
                                   {"EARLIEST_CREATE", "LATEST_CREATE"});
  const auto pixel_id = query::optional(q, "pixel_id");
  const auto code = query::optional(q, "code");
  const auto name = query::optional(q, "name");
  json matches = json::array();
  for (const auto& p : records_of(structure().pixels, advertiser_id)) {
    if (pixel_id && p["pixel_id"] != *pixel_id) continue;
    if (code && p["pixel_code"] != *code) continue;
    if (name && p["pixel_name"].get<std::string>().find(*name) == std::string::npos) continue;
    matches.push_back(p);
  }
  if (order == "LATEST_CREATE") std::reverse(matches.begin(), matches.end());
  return query::page_of(matches, q, 20, 10, "pixels");
}

json identities_data(const Account& account, const StructureQuery& q) {
  const std::string advertiser_id = checked_advertiser(account, q);
  const auto type = query::optional(q, "identity_type");
  if (type) one_of_values(*type, "identity_type", {"CUSTOMIZED_USER", "AUTH_CODE", "TT_USER", "BC_AUTH_TT"});
  const auto bc_id = query::optional(q, "identity_authorized_bc_id");
  if (type == "BC_AUTH_TT" && !bc_id) {
    throw DemoError(40002, "identity_authorized_bc_id: Missing data for required field when identity_type is BC_AUTH_TT.");
  }
  json matches = json::array();
  for (const auto& i : records_of(structure().identities, advertiser_id)) {
    if (type && i["identity_type"] != *type) continue;
    if (bc_id && i.value("identity_authorized_bc_id", "") != *bc_id) continue;
    matches.push_back(i);
  }
  return query::page_of(matches, q, 100, 10, "identity_list");
}

json smart_plus_campaigns_data(const Account& account, const StructureQuery& q) {
  return smart_plus_list(account, structure().smart_plus_campaigns, q, {{"campaign_ids", "campaign_id"}}, 1000);
}

json smart_plus_ad_groups_data(const Account& account, const StructureQuery& q) {
  return smart_plus_list(account, structure().smart_plus_ad_groups, q,
                         {{"campaign_ids", "campaign_id"}, {"adgroup_ids", "adgroup_id"}}, 1000);
}

json smart_plus_ads_data(const Account& account, const StructureQuery& q) {
  return smart_plus_list(account, structure().smart_plus_ads, q,
                         {{"campaign_ids", "campaign_id"}, {"adgroup_ids", "adgroup_id"},
                          {"smart_plus_ad_ids", "smart_plus_ad_id"}},
                         100);
}

json image_info_data(const Account& account, const StructureQuery& q) {
  return creative_info(account.images, q, account, "image_ids", "image_id", 100);
}

json video_info_data(const Account& account, const StructureQuery& q) {
  return creative_info(account.videos, q, account, "video_ids", "video_id", 60);
}

}  // namespace tiktok::demo
