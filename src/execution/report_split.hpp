#pragma once
// How a report's date range maps onto synchronous requests: TikTok limits the days one request
// may span by its time dimension (schemas/rules/reports.json: 1 with stat_time_hour, 30 with
// stat_time_day, 365 without). A longer range with a time dimension is split into windows whose
// rows are merged; without one the rows are totals over the range, which windows cannot give.

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "catalog/catalog.hpp"

namespace execution {

struct ReportWindow {
  std::string start;
  std::string end;
};

struct ReportSplit {
  std::string time_dimension;  // "" when the report has none
  int span_days = 0;           // what one request may span
  long range_days = 0;         // start..end inclusive; 0 without dates (a lifetime report)
  std::vector<ReportWindow> windows;  // empty when one request covers the range
};

ReportSplit plan_report_split(const catalog::Action& action, const nlohmann::json& params);

// Why the report cannot (or should not) be read synchronously, or nullopt: too many windows,
// or a range longer than a request may span with no time dimension to split by.
std::optional<std::string> sync_limit_reason(const ReportSplit& split);

}  // namespace execution
