#pragma once
// The checks a change passes before it is previewed: deletes only when allowed, no deleted or
// missing targets, budgets within TikTok's minimums and the operator's caps
// (TIKTOK_MARKETING_MAX_BUDGET, TIKTOK_MARKETING_MAX_BUDGET_CHANGE_PCT), bids within
// TIKTOK_MARKETING_MAX_BID_CHANGE_PCT and only where TikTok takes them. A failed check throws an
// InvalidParams UpstreamError that names the rule or setting and the way out; what deserves a
// person's attention without being wrong (pausing everything that delivers, a budget below
// today's spend) comes back as warnings.

#include <optional>
#include <string>
#include <vector>

#include "changes/account_reader.hpp"
#include "changes/budget_rules.hpp"
#include "changes/change_request.hpp"

namespace changes {

struct Limits {
  bool allow_delete = false;
  std::optional<double> max_budget;   // absolute cap in the account currency
  double max_budget_change_pct = 50;  // most a budget may rise in one change
  double max_bid_change_pct = 50;     // most a bid may rise in one change
};

// What needs no reading: something to change, DELETE allowed, a create's budget mode and
// budget agree, a budget within the caps. Called before anything is read or sent.
void check_before_reading(const ChangeRequest& request, const Limits& limits, const BudgetRules& rules);

// The rest, against the targets as read.
std::vector<std::string> check_guard_rails(const ChangeRequest& request, const Targets& targets, const Limits& limits,
                                           const BudgetRules& rules, const AccountReader& reader);

// Throws the InvalidParams UpstreamError the guard rails use.
[[noreturn]] void refuse(std::string message, std::string next_step);

}  // namespace changes
