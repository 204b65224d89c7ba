#pragma once
// TikTok's report compatibility rules as data (schemas/rules/reports.json): which dimensions,
// metrics, levels, report types and date forms go together, how many days one synchronous
// request may span, and when a report is better run as an async task. Checked before any
// report request, so a refusal costs no quota and names the rule and the fix.

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace catalog {

struct RuleRefusal {
  std::string rule;     // the rule's id, e.g. "ad_level_parents_in_metrics"
  std::string message;  // what is wrong, with the offending name filled in
  std::string fix;      // what to send instead
};

class ReportRules {
 public:
  static ReportRules from_json(const nlohmann::json& doc);
  static const ReportRules& builtin();

  // The first rule the report params (defaults applied) break, or nullopt.
  std::optional<RuleRefusal> check(const nlohmann::json& params) const;

  // The time dimension among `dimensions` that limits a request's span ("stat_time_day",
  // "stat_time_hour"), or "" when there is none.
  std::string time_dimension(const nlohmann::json& dimensions) const;
  // Days one synchronous request may span with `time_dimension` ("" for none).
  int span_days(const std::string& time_dimension) const;
  // More windows than this and a report runs as an async task instead, where the mode has them.
  int max_sync_windows() const { return max_sync_windows_; }

  // The whole rule file, for tiktok_marketing_describe.
  const nlohmann::json& document() const { return doc_; }

 private:
  nlohmann::json doc_;
  int max_sync_windows_ = 31;
};

// "the rule <id>: <message>. Fix: <fix>." for tool errors.
std::string describe_refusal(const RuleRefusal& refusal);

}  // namespace catalog
