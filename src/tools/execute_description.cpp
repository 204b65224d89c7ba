#include "tools/execute_tool.hpp"

#include <algorithm>

namespace tools {

namespace {

void add_once(std::vector<std::string>& list, const std::string& item) {
  if (std::find(list.begin(), list.end(), item) == list.end()) list.push_back(item);
}

std::string braced(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& s : items) out += (out.empty() ? "{" : ",") + s;
  return out + "}";
}

// The per-level report entities (LEVEL_reports_KIND) in one line, to keep tools/list small:
// "{advertisers,campaigns,...}_reports_{daily,hourly,lifetime}".
std::string report_entities_line(const std::vector<std::string>& names) {
  constexpr std::string_view kInfix = "_reports_";
  std::vector<std::string> levels, kinds;
  for (const auto& name : names) {
    const auto at = name.find(kInfix);
    add_once(levels, name.substr(0, at));
    add_once(kinds, name.substr(at + kInfix.size()));
  }
  return "- " + braced(levels) + "_reports_" + braced(kinds) + ": per-level reports by day, by hour, or totals\n";
}

}  // namespace

std::string execute_description(const catalog::Catalog& catalog, bool hosted) {
  std::string d =
      "Read TikTok Ads data (Business API v1.3). Read-only. Call with entity, action and params. \"list\" reads "
      "TikTok live";
  d += hosted ? "; \"context_store_search\" searches Airbyte's synced copy with filters and sorting.\n"
              : " (\"context_store_search\" needs hosted mode).\n";
  d += "Entities (advertiser_id defaults to the configured advertiser):\n";
  std::vector<std::string> level_reports;
  for (const auto& e : catalog.entities()) {
    const auto* list = e.find_action("list");
    if (list != nullptr && list->report && list->report->presets_dimensions) {
      level_reports.push_back(e.name);
    } else {
      d += "- " + e.name + ": " + e.summary + "\n";
    }
  }
  if (!level_reports.empty()) d += report_entities_line(level_reports);
  d += "\"get\" {ids: [...]} reads campaigns, ad groups, ads, Smart+ objects, images or videos by id; unknown ids "
       "are in meta.not_found.\n";
  d += "Reports: start_date and end_date (YYYY-MM-DD, inclusive; lifetime needs none); dimensions and metrics "
       "default per entity; report_type AUDIENCE breaks down by gender, age, country_code, platform; TikTok's rules "
       "are checked first; long ranges split and merge; async: true runs a report task. Rows are flat.\n"
       "Pages: page and page_size, or limit (N records) or all_pages=true. When more exists or a result was cut, "
       "meta.next_cursor is set: pass params {\"cursor\": it} to continue after the last record.\n"
       "Results: {data, meta}; IDs are strings. Errors say what to do. tiktok_marketing_describe gives every "
       "parameter, default, limit and report rule.";
  if (hosted) d += " Pass connector_id to pick a hosted connector when several exist.";
  return d;
}

}  // namespace tools
