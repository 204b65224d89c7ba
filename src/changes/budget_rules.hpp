#pragma once
// TikTok's budget rules as data (schemas/rules/budgets.json): the minimum budget per level and
// budget mode in a base currency, the ratios that scale it to other currencies, the modes that
// take no budget, and the share of current spend a new budget must reach.

#include <map>
#include <optional>
#include <set>
#include <string>

#include <nlohmann/json.hpp>

namespace changes {

struct BudgetRules {
  std::string base_currency = "USD";
  std::map<std::string, double> currency_ratio;
  std::map<std::string, std::map<std::string, double>> minimums;  // level -> budget mode -> minimum
  double maximum = 10000000;
  std::set<std::string> no_budget_modes;
  double min_share_of_spend_pct = 105;

  static BudgetRules from_json(const nlohmann::json& doc);
  static const BudgetRules& builtin();

  // The minimum in `currency`, or nullopt when the level and mode have none or the currency's
  // ratio is not known here.
  std::optional<double> minimum(const std::string& level, const std::string& mode, const std::string& currency) const;
};

}  // namespace changes
