#include "execution/report_split.hpp"

#include <algorithm>

#include "catalog/report_rules.hpp"
#include "util/date.hpp"

namespace execution {

ReportSplit plan_report_split(const catalog::Action& action, const nlohmann::json& params) {
  ReportSplit split;
  if (!action.report) return split;
  const auto& r = *action.report;
  const auto& rules = catalog::ReportRules::builtin();
  split.time_dimension = rules.time_dimension(params.value("dimensions", nlohmann::json::array()));
  split.span_days = rules.span_days(split.time_dimension);
  if (!params.contains(r.start_param) || !params.contains(r.end_param)) return split;
  auto start = util::parse_date(params[r.start_param].get<std::string>());
  auto end = util::parse_date(params[r.end_param].get<std::string>());
  if (!start || !end || *end < *start) return split;
  split.range_days = *end - *start + 1;
  if (split.time_dimension.empty() || split.range_days <= split.span_days) return split;
  for (long day = *start; day <= *end; day += split.span_days) {
    split.windows.push_back({util::format_date(day), util::format_date(std::min(*end, day + split.span_days - 1))});
  }
  return split;
}

std::optional<std::string> sync_limit_reason(const ReportSplit& split) {
  const int max_windows = catalog::ReportRules::builtin().max_sync_windows();
  if (static_cast<int>(split.windows.size()) > max_windows) {
    return "the " + std::to_string(split.range_days) + "-day range with " + split.time_dimension + " takes " +
           std::to_string(split.windows.size()) + " synchronous requests of at most " +
           std::to_string(split.span_days) + " day(s) (more than " + std::to_string(max_windows) +
           "), so it ran as one async report task (params.async: false keeps it synchronous)";
  }
  if (split.time_dimension.empty() && split.range_days > split.span_days) {
    return "the range spans " + std::to_string(split.range_days) + " days, more than the " +
           std::to_string(split.span_days) + " a synchronous report without a time dimension may span, so it ran "
           "as one async report task";
  }
  return std::nullopt;
}

}  // namespace execution
