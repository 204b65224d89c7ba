#include "tools/execute_tool.hpp"

namespace tools {


std::string execute_description(const catalog::Catalog& catalog, bool hosted) {
  std::string d =
      "Read TikTok Ads data (Business API v1.3): accounts, campaigns, ad groups, ads, assets and reports. Read-only.\n"
      "Call with entity, action and params. Action \"list\" reads TikTok live";
  d += hosted ? "; \"context_store_search\" searches Airbyte's synced copy with filters and sorting.\n"
              : " (\"context_store_search\" needs hosted mode).\n";
  d += "Entities (advertiser_id defaults to the configured advertiser):\n";
  for (const auto& e : catalog.entities()) d += "- " + e.name + ": " + e.summary + "\n";
  d += "Action \"get\" {ids: [...]} reads campaigns, ad groups, ads, Smart+ objects, images or videos by id and lists "
       "unknown ids in meta.not_found.\n";
  d += "Reports: give start_date and end_date (YYYY-MM-DD, inclusive); the level's dimensions and a standard "
       "metric set are filled in (pass metrics or dimensions to choose others); long ranges are split and merged; "
       "async: true runs a TikTok report task. Rows are flat, \"-\" becomes null.\n"
       "Pages: page and page_size, or limit (N records) or all_pages=true. When more exists or a result was cut to "
       "fit, meta.next_cursor is set: call again with params {\"cursor\": it} to continue exactly after the last "
       "record.\n"
       "Results: {data, meta}; IDs are strings. Errors name the problem, TikTok's code, request_id and what to do. "
       "tiktok_marketing_describe gives every parameter, default and limit.";
  if (hosted) d += " Pass connector_id to pick a hosted connector when several exist.";
  return d;
}

}  // namespace tools
