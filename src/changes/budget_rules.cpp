#include "changes/budget_rules.hpp"

#include "catalog/embedded.hpp"

namespace changes {

BudgetRules BudgetRules::from_json(const nlohmann::json& doc) {
  BudgetRules r;
  r.base_currency = doc.at("base_currency").get<std::string>();
  r.currency_ratio = doc.at("currency_ratio").get<std::map<std::string, double>>();
  r.minimums = doc.at("minimums").get<std::map<std::string, std::map<std::string, double>>>();
  r.maximum = doc.value("maximum", r.maximum);
  r.no_budget_modes = doc.value("no_budget_modes", std::set<std::string>{});
  r.min_share_of_spend_pct = doc.value("min_share_of_spend_pct", r.min_share_of_spend_pct);
  return r;
}

const BudgetRules& BudgetRules::builtin() {
  static const BudgetRules rules = from_json(catalog::embedded_json("rules/budgets.json"));
  return rules;
}

std::optional<double> BudgetRules::minimum(const std::string& level, const std::string& mode,
                                           const std::string& currency) const {
  auto by_level = minimums.find(level);
  if (by_level == minimums.end()) return std::nullopt;
  auto by_mode = by_level->second.find(mode);
  auto ratio = currency_ratio.find(currency);
  if (by_mode == by_level->second.end() || ratio == currency_ratio.end()) return std::nullopt;
  return by_mode->second * ratio->second;
}

}  // namespace changes
