#include "tiktok/demo/demo_api.hpp"

#include <atomic>
#include <cstdio>
#include <functional>
#include <mutex>

#include "tiktok/demo/demo_account.hpp"
#include "tiktok/demo/demo_error.hpp"
#include "tiktok/demo/demo_query.hpp"
#include "tiktok/demo/demo_reports.hpp"
#include "tiktok/demo/demo_structure.hpp"
#include "util/date.hpp"

namespace tiktok::demo {

namespace {

using nlohmann::json;
using Query = std::map<std::string, std::string>;

std::string next_request_id() {
  static std::atomic<unsigned long long> counter{0};
  char buf[40];
  std::snprintf(buf, sizeof buf, "20261125000000demo%010llu", ++counter);
  return buf;
}

json envelope(long long code, const std::string& message, json data) {
  return {{"code", code}, {"message", message}, {"request_id", next_request_id()}, {"data", std::move(data)}};
}

bool status_visible(const json& filter, const json& record, const std::string& kind) {
  const bool deleted = record.value("secondary_status", "") == kind + "_STATUS_DELETE";
  return query::status_allows(filter, deleted, record.value("operation_status", ""));
}

json list_objects(const Account& account, const json& all, const Query& q, const std::string& kind, const std::vector<const char*>& id_keys) {
  const std::string advertiser_id = query::required(q, "advertiser_id");
  check_advertiser(account, advertiser_id);
  const json filter = query::json_value(q, "filtering", json::object());
  if (!filter.is_object()) throw DemoError(40002, "filtering: Not a valid mapping type.");
  json matches = json::array();
  for (const auto& r : all) {
    if (r["advertiser_id"] != advertiser_id || !status_visible(filter, r, kind)) continue;
    bool ok = true;
    for (const char* key : id_keys) {
      std::string field = key;
      ok = ok && query::listed_in(filter, field + "s", r.value(field, ""));
    }
    if (filter.contains("campaign_name")) {
      ok = ok && r.value("campaign_name", "").find(filter.value("campaign_name", "")) != std::string::npos;
    }
    if (filter.contains("objective_type")) ok = ok && r.value("objective_type", "") == filter["objective_type"];
    if (ok) matches.push_back(r);
  }
  json data = query::page_of(matches, q, 1000, 10);
  data["list"] = query::project(data["list"], query::json_value(q, "fields", nullptr));
  return data;
}

json by_advertiser(const Account& account, const json& all, const Query& q, const char* id_key, const char* filter_key, long long max_size) {
  const std::string advertiser_id = query::required(q, "advertiser_id");
  check_advertiser(account, advertiser_id);
  const json filter = query::json_value(q, "filtering", json::object());
  const json ids = filter_key ? filter.value(filter_key, json()) : query::json_value(q, "custom_audience_ids", nullptr);
  json matches = json::array();
  for (const auto& r : all) {
    if (r["advertiser_id"] != advertiser_id) continue;
    if (ids.is_array() && std::find(ids.begin(), ids.end(), r[id_key]) == ids.end()) continue;
    matches.push_back(r);
  }
  return query::page_of(matches, q, max_size, 20);
}

json advertiser_info(const Account& account, const Query& q) {
  const json ids = query::json_value(q, "advertiser_ids", nullptr);
  if (!ids.is_array() || ids.empty()) throw DemoError(40002, "advertiser_ids: Missing data for required field.");
  if (ids.size() > 100) throw DemoError(40002, "advertiser_ids: Length must be between 1 and 100.");
  json list = json::array();
  for (const auto& id : ids) {
    if (!id.is_string()) throw DemoError(40002, "advertiser_ids: Not a valid string.");
    check_advertiser(account, id.get<std::string>());
    for (const auto& a : account.advertisers) {
      if (a["advertiser_id"] == id) list.push_back(a);
    }
  }
  return {{"list", query::project(list, query::json_value(q, "fields", nullptr))}};
}

json advertiser_ids(const Account& account, const Query&) {
  json list = json::array();
  for (const auto& a : account.advertisers) {
    list.push_back({{"advertiser_id", a["advertiser_id"]}, {"advertiser_name", a["name"]}});
  }
  return {{"list", std::move(list)}};
}

std::vector<std::string> string_list(const json& value, const std::string& name) {
  if (!value.is_array() || value.empty()) throw DemoError(40002, name + ": Missing data for required field.");
  std::vector<std::string> out;
  for (const auto& v : value) {
    if (!v.is_string()) throw DemoError(40002, name + ": Not a valid string.");
    out.push_back(v);
  }
  return out;
}

long date_param(const Query& q, const std::string& name) {
  auto day = util::parse_date(query::required(q, name));
  if (!day) throw DemoError(40002, name + ": Not a valid date, expected YYYY-MM-DD.");
  return *day;
}

// Reads the generated account, not the state writes change (see demo_api.hpp).
json report(const Account&, const Query& q) {
  ReportQuery r;
  r.advertiser_id = query::required(q, "advertiser_id");
  check_advertiser(account(), r.advertiser_id);
  r.report_type = query::required(q, "report_type");
  if (r.report_type != "BASIC" && r.report_type != "AUDIENCE") {
    throw DemoError(40002, "report_type: the demo account has BASIC and AUDIENCE reports only.");
  }
  if (query::optional(q, "service_type").value_or("AUCTION") != "AUCTION") {
    throw DemoError(40002, "service_type: the demo account has AUCTION reports only.");
  }
  r.data_level = query::required(q, "data_level");
  r.dimensions = string_list(query::json_value(q, "dimensions", nullptr), "dimensions");
  r.metrics = string_list(query::json_value(q, "metrics", json::array({"spend", "impressions"})), "metrics");
  r.lifetime = query::optional(q, "query_lifetime").value_or("false") == "true";
  if (!r.lifetime) {
    r.start_day = date_param(q, "start_date");
    r.end_day = date_param(q, "end_date");
  }
  r.filtering = query::json_value(q, "filtering", nullptr);
  r.order_field = query::optional(q, "order_field").value_or("");
  r.order_type = query::optional(q, "order_type").value_or("DESC");
  return query::page_of(report_rows(r), q, 1000, 10);
}

using Handler = std::function<json(const Account&, const Query&)>;

const std::map<std::string, Handler>& routes() {
  static const std::map<std::string, Handler> r{
      {"/advertiser/info/", advertiser_info},
      {"/oauth2/advertiser/get/", advertiser_ids},
      {"/campaign/get/",
       [](const Account& a, const Query& q) { return list_objects(a, a.campaigns, q, "CAMPAIGN", {"campaign_id"}); }},
      {"/adgroup/get/",
       [](const Account& a, const Query& q) {
         return list_objects(a, a.ad_groups, q, "ADGROUP", {"campaign_id", "adgroup_id"});
       }},
      {"/ad/get/",
       [](const Account& a, const Query& q) {
         return list_objects(a, a.ads, q, "AD", {"campaign_id", "adgroup_id", "ad_id"});
       }},
      {"/dmp/custom_audience/list/",
       [](const Account& a, const Query& q) { return by_advertiser(a, a.audiences, q, "audience_id", nullptr, 100); }},
      {"/file/image/ad/search/",
       [](const Account& a, const Query& q) { return by_advertiser(a, a.images, q, "image_id", "image_ids", 100); }},
      {"/file/video/ad/search/",
       [](const Account& a, const Query& q) { return by_advertiser(a, a.videos, q, "video_id", "video_ids", 100); }},
      {"/report/integrated/get/", report},
      {"/tt_video/list/", spark_posts_data},
      {"/catalog/get/", catalogs_data},
      {"/bc/get/", business_centers_data},
      {"/pixel/list/", pixels_data},
      {"/identity/get/", identities_data},
      {"/smart_plus/campaign/get/", smart_plus_campaigns_data},
      {"/smart_plus/adgroup/get/", smart_plus_ad_groups_data},
      {"/smart_plus/ad/get/", smart_plus_ads_data},
      {"/file/image/ad/info/", image_info_data},
      {"/file/video/ad/info/", video_info_data},
  };
  return r;
}

bool known_path(const std::string& path) { return routes().count(path) || write_handler(path); }

net::HttpResult text_answer(int status, const std::string& text) {
  net::HttpResult result;
  result.status = status;
  result.headers["content-type"] = "text/plain";
  result.body = text;
  return result;
}

}  // namespace

DemoApi::DemoApi() { state_.account = account(); }

std::optional<json> DemoApi::handle(const std::string& path, const Query& query) const {
  auto route = routes().find(path);
  if (route == routes().end()) return std::nullopt;
  try {
    std::shared_lock lock(mutex_);
    return envelope(0, "OK", route->second(state_.account, query));
  } catch (const DemoError& e) {
    return envelope(e.code(), e.what(), json::object());
  }
}

std::optional<json> DemoApi::handle_post(const std::string& path, const json& body) {
  const WriteHandler write = write_handler(path);
  if (!write) return std::nullopt;
  try {
    if (!body.is_object()) throw DemoError(40002, "Invalid JSON body: the request body must be a JSON object.");
    std::unique_lock lock(mutex_);
    return envelope(0, "OK", write(state_, body));
  } catch (const DemoError& e) {
    return envelope(e.code(), e.what(), json::object());
  }
}

net::HttpResult DemoApi::send(const net::HttpRequest& request, const std::stop_token& stop) {
  net::HttpResult result;
  if (stop.stop_requested()) {
    result.failure = net::Failure::Cancelled;
    return result;
  }
  if (auto task = tasks_.answer(request)) return *task;
  std::optional<json> answer;
  if (request.method == "GET") {
    answer = handle(request.path, Query(request.query.begin(), request.query.end()));
  } else if (request.method == "POST") {
    answer = handle_post(request.path, json::parse(request.body, nullptr, false));
  }
  if (!answer && known_path(request.path)) return text_answer(405, "405 method not allowed");
  if (!answer) return text_answer(404, "404 page not found");
  result.status = 200;
  result.headers["content-type"] = "application/json";
  result.body = answer->dump();
  return result;
}

}  // namespace tiktok::demo
