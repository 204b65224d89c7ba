#include <algorithm>

#include "tools/execute_tool.hpp"

namespace tools {

namespace {

// "advertiser_id*, page, page_size (max 1000), fields, filtering, limit, all_pages"
std::string param_line(const catalog::Action& action) {
  auto required = action.required();
  std::string out;
  for (const auto& [name, unused] : action.params_schema["properties"].items()) {
    if (action.report && (name == "service_type" || name == "report_type" || name == "data_level" ||
                          name == "dimensions" || name == "metrics")) {
      continue;  // defaulted: described once for all reports
    }
    const bool req = std::find(required.begin(), required.end(), name) != required.end();
    const auto* prop = action.property(name);
    std::string item = name + (req ? "*" : "");
    if (name == "page_size" && prop && prop->contains("maximum")) item += " (max " + (*prop)["maximum"].dump() + ")";
    out += (out.empty() ? "" : ", ") + item;
  }
  return out;
}

}  // namespace

std::string execute_description(const catalog::Catalog& catalog, bool hosted) {
  std::string d =
      "Read TikTok Ads data (TikTok Business API v1.3) for an advertiser account: accounts, campaigns, ad groups, "
      "ads, audiences, creatives and daily performance reports. Read-only.\n"
      "Call with entity, action and params. Action \"list\" reads TikTok live";
  d += hosted ? "; \"context_store_search\" searches Airbyte's synced copy with filters and sorting.\n"
              : " (\"context_store_search\" needs hosted mode).\n";
  d += "Entities and their list params (* = required; advertiser_id defaults to the configured advertiser):\n";
  for (const auto& e : catalog.entities()) {
    const auto* list = e.find_action("list");
    if (list == nullptr) continue;
    d += "- " + e.name + ": " + e.summary + ". Params: " + param_line(*list) + "\n";
  }
  d += "Reports (*_reports_daily): give start_date and end_date (YYYY-MM-DD, inclusive, advertiser time zone); "
       "service_type AUCTION, report_type BASIC, data_level, dimensions [<level>_id, stat_time_day] and a standard "
       "metric set (spend, impressions, clicks, ctr, cpc, cpm, reach, video and engagement; conversions and "
       "results for ad groups and ads) are filled in; pass metrics or dimensions to choose others. Ranges over 30 "
       "days are split and merged automatically. Rows are flat: dimension and metric fields at the top level, "
       "\"-\" becomes null, numbers stay as TikTok's strings.\n"
       "Pagination: page (from 1) and page_size; meta.page_info has page, page_size, total_number and total_page, "
       "and meta.next_page is set while more pages exist. Or pass limit (N records) or all_pages=true to fetch "
       "pages in turn (progress is reported).\n"
       "fields picks record fields; filtering narrows the list (campaigns/ad_groups/ads: an object such as "
       "{\"campaign_ids\":[\"...\"],\"primary_status\":\"STATUS_ALL\"}; reports: a list of "
       "{field_name, filter_type, filter_value}).\n"
       "Results: {data: [records], meta}. IDs are strings. Large results keep whole records and say in "
       "meta.truncated how many were left out and how to narrow the query. Errors name the problem, TikTok's code "
       "and request_id, and what to do.\n"
       "Call tiktok_marketing_describe for every parameter with its type, default and limits, and each entity's "
       "key fields.";
  if (hosted) d += " Pass connector_id to pick a hosted connector when several exist.";
  return d;
}

}  // namespace tools
