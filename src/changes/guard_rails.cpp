#include "changes/guard_rails.hpp"

#include <algorithm>
#include <cstdio>
#include <set>

#include "execution/upstream_error.hpp"

namespace changes {

namespace {

std::string money(double amount) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "%.2f", amount);
  return buf;
}

std::string percent(double pct) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "%.0f%%", pct);
  return buf;
}

std::string level_label(const std::string& level) { return level == "ad_group" ? "ad group" : level; }

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& s : items) out += (out.empty() ? "" : ", ") + s;
  return out;
}

void check_targets_exist(const ChangeRequest& request, const Targets& targets) {
  std::vector<std::string> missing;
  std::set<std::string> seen;
  for (const auto& id : request.target_ids()) {
    if (!seen.insert(id).second) {
      refuse("id " + id + " is named twice in " + request.spec().id_param, "Name each target once.");
    }
    if (!targets.count(id)) missing.push_back(id);
  }
  if (!missing.empty()) {
    refuse("advertiser " + request.advertiser_id + " has no " + level_label(request.spec().level) + " with id " +
               joined(missing),
           "Check the ids with tiktok_marketing_execute (entity " + request.entity->name +
               ", action list) and the advertiser_id; nothing was changed.");
  }
}

void check_not_deleted(const ChangeRequest& request, const Targets& targets) {
  for (const auto& [id, record] : targets) {
    if (effective_status(record) == "DELETE") {
      refuse(level_label(request.spec().level) + " " + id + " is deleted; TikTok cannot change a deleted object",
             "Leave it out of the request; nothing was changed.");
    }
  }
}

void check_status(const ChangeRequest& request, const AccountReader& reader,
                  std::vector<std::string>& warnings) {
  if (!request.params.contains("status")) return;
  if (request.params["status"] == "ENABLE") return;
  // Ask for one more than the request names: if no more deliver than these, all of them stop.
  const auto ids = request.target_ids();
  auto delivering = reader.delivering(request, ids.size());
  if (!delivering || delivering->empty()) return;
  const bool all_stop = std::all_of(delivering->begin(), delivering->end(), [&](const std::string& id) {
    return std::find(ids.begin(), ids.end(), id) != ids.end();
  });
  if (all_stop) {
    warnings.push_back("This stops every delivering " + level_label(request.spec().level) + " of advertiser " +
                       request.advertiser_id + " (" + joined(*delivering) + "): nothing at this level will deliver "
                       "after it.");
  }
}

struct BudgetContext {
  const ChangeRequest& request;
  const Limits& limits;
  const BudgetRules& rules;
  const AccountReader& reader;
  std::optional<std::string> currency;
  bool currency_read = false;

  const std::optional<std::string>& account_currency() {
    if (!currency_read) {
      currency = reader.currency(request.advertiser_id);
      currency_read = true;
    }
    return currency;
  }
};

void check_minimum(BudgetContext& c, const std::string& mode, double budget, std::vector<std::string>& warnings) {
  const std::string level = c.request.spec().level;
  const auto& currency = c.account_currency();
  const std::string cur = currency.value_or("?");
  auto minimum = c.rules.minimum(level, mode, cur);
  if (!minimum) {
    if (c.rules.minimums.count(level) && c.rules.minimums.at(level).count(mode)) {
      warnings.push_back("TikTok's minimum " + level_label(level) + " budget in " + cur +
                         " is not known here, so only TikTok checks it (the minimum is " +
                         money(c.rules.minimums.at(level).at(mode)) + " " + c.rules.base_currency +
                         " scaled to your currency).");
    }
    return;
  }
  if (budget < *minimum) {
    refuse("budget " + money(budget) + " " + cur + " is below TikTok's minimum " + level_label(level) + " budget of " +
               money(*minimum) + " " + cur + " for " + mode,
           "Give a budget of at least " + money(*minimum) + ".");
  }
}

void check_rise(const std::string& id, const char* what, double from, double to, double max_pct, const char* setting) {
  if (from <= 0 || to <= from) return;
  const double rise = (to - from) / from * 100;
  if (rise > max_pct + 1e-9) {
    refuse(std::string(what) + " of " + id + " would rise by " + percent(rise) + " (" + money(from) + " -> " +
               money(to) + "); " + setting + " allows at most " + percent(max_pct) + " per change",
           "Raise it in steps of at most " + percent(max_pct) + " (up to " + money(from * (1 + max_pct / 100)) +
               " now), or raise " + setting + " and restart the server.");
  }
}

void check_budget_update(BudgetContext& c, const Targets& targets, std::vector<std::string>& warnings) {
  if (!c.request.params.contains("budget")) return;
  const double budget = c.request.params["budget"].get<double>();
  for (const auto& [id, record] : targets) {
    const std::string mode = text_of(record, "budget_mode");
    if (c.rules.no_budget_modes.count(mode)) {
      refuse(level_label(c.request.spec().level) + " " + id + " has " + mode + ", which takes no budget",
             c.request.spec().level == "campaign"
                 ? "Change the budgets of its ad groups instead (entity ad_groups, action update)."
                 : "Its campaign's budget applies: change that one (entity campaigns, action update).");
    }
    check_minimum(c, mode, budget, warnings);
    check_rise(id, "the budget", number_of(record.value("budget", json(0))), budget, c.limits.max_budget_change_pct,
               "TIKTOK_MARKETING_MAX_BUDGET_CHANGE_PCT");
  }
  const auto spend = c.reader.spend_today(c.request);
  for (const auto& [id, spent] : spend) {
    const double floor = spent * c.rules.min_share_of_spend_pct / 100;
    if (spent > 0 && budget < floor) {
      warnings.push_back("The new budget " + money(budget) + " is below " + percent(c.rules.min_share_of_spend_pct) +
                         " of what " + id + " has spent today (" + money(spent) +
                         ", UTC day): TikTok may refuse it, and delivery stops for the rest of the day.");
    }
  }
}

void check_bid(const ChangeRequest& request, const Targets& targets, const Limits& limits) {
  if (!request.params.contains("bid_price")) return;
  const double bid = request.params["bid_price"].get<double>();
  for (const auto& [id, record] : targets) {
    const std::string bid_type = text_of(record, "bid_type");
    if (bid_type != "BID_TYPE_CUSTOM") {
      refuse("ad group " + id + " bids with " + (bid_type.empty() ? "an unknown bid type" : bid_type) +
                 "; TikTok takes bid_price only with BID_TYPE_CUSTOM",
             "Leave bid_price out for this ad group.");
    }
    const double budget = request.params.contains("budget") ? request.params["budget"].get<double>()
                                                            : number_of(record.value("budget", json(0)));
    if (budget > 0 && bid >= budget) {
      refuse("bid_price " + money(bid) + " is not below the budget of ad group " + id + " (" + money(budget) + ")",
             "Give a bid below the budget.");
    }
    check_rise(id, "the bid", number_of(record.value("bid_price", json(0))), bid, limits.max_bid_change_pct,
               "TIKTOK_MARKETING_MAX_BID_CHANGE_PCT");
  }
}

void check_delete_allowed(const ChangeRequest& request, const Limits& limits) {
  if (request.params.value("status", "") == "DELETE" && !limits.allow_delete) {
    refuse("DELETE is turned off: TikTok deletes cannot be undone",
           "Use status DISABLE to pause instead, or set TIKTOK_MARKETING_ALLOW_DELETE=true (with "
           "TIKTOK_MARKETING_ALLOW_WRITES=true) and restart the server to allow deletes.");
  }
}

void check_create_budget_mode(const ChangeRequest& request, const BudgetRules& rules) {
  const json& p = request.params;
  const std::string mode = p.value("budget_mode", "");
  if (rules.no_budget_modes.count(mode)) {
    if (p.contains("budget")) {
      refuse(mode + " takes no budget", "Leave budget out, or choose BUDGET_MODE_DAY or BUDGET_MODE_TOTAL.");
    }
  } else if (!p.contains("budget")) {
    refuse(mode + " needs a budget", "Give budget (in the advertiser's currency), or choose BUDGET_MODE_INFINITE.");
  }
}

void check_create_minimum(BudgetContext& c, std::vector<std::string>& warnings) {
  const json& p = c.request.params;
  if (!p.contains("budget")) return;
  check_minimum(c, p.value("budget_mode", ""), p["budget"].get<double>(), warnings);
}

void check_something_changes(const ChangeRequest& request) {
  const auto& spec = request.spec();
  for (const auto& change : spec.changes) {
    if (!change.param.empty() && request.params.contains(change.param)) return;
  }
  std::vector<std::string> params;
  for (const auto& change : spec.changes) params.push_back(change.param);
  refuse(request.name() + " was given nothing to change", "Give at least one of: " + joined(params) + ".");
}

}  // namespace

void refuse(std::string message, std::string next_step) {
  execution::UpstreamError::Details d;
  d.category = execution::ErrorCategory::InvalidParams;
  d.message = std::move(message);
  d.next_step = std::move(next_step);
  throw execution::UpstreamError(std::move(d));
}

void check_before_reading(const ChangeRequest& request, const Limits& limits, const BudgetRules& rules) {
  check_something_changes(request);
  check_delete_allowed(request, limits);
  if (request.spec().creates()) check_create_budget_mode(request, rules);
  if (request.params.contains("budget")) {
    const double budget = request.params["budget"].get<double>();
    if (limits.max_budget && budget > *limits.max_budget) {
      refuse("budget " + money(budget) + " is above the cap TIKTOK_MARKETING_MAX_BUDGET=" + money(*limits.max_budget),
             "Give a budget of at most " + money(*limits.max_budget) +
                 ", or raise TIKTOK_MARKETING_MAX_BUDGET and restart the server.");
    }
    if (budget >= rules.maximum) {
      refuse("budget " + money(budget) + " is at or above TikTok's maximum of " + money(rules.maximum),
             "Give a smaller budget.");
    }
  }
}

std::vector<std::string> check_guard_rails(const ChangeRequest& request, const Targets& targets, const Limits& limits,
                                           const BudgetRules& rules, const AccountReader& reader) {
  std::vector<std::string> warnings;
  BudgetContext budget{request, limits, rules, reader, std::nullopt, false};
  if (request.spec().creates()) {
    check_create_minimum(budget, warnings);
    if (request.params.value("operation_status", "") == "ENABLE") {
      warnings.push_back("It is created paused (DISABLE) even though ENABLE was asked: enable it with update_status "
                         "once it is reviewed.");
    }
    return warnings;
  }
  check_targets_exist(request, targets);
  check_not_deleted(request, targets);
  check_status(request, reader, warnings);
  check_budget_update(budget, targets, warnings);
  check_bid(request, targets, limits);
  return warnings;
}

}  // namespace changes
