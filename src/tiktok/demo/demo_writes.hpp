#pragma once
// The write endpoints of the demo account, in TikTok v1.3 shapes: status updates of campaigns,
// ad groups and ads, campaign and ad group updates, and campaign creates. A write checks its
// whole body and every record it touches before it changes anything, so a refused write
// leaves the state as it was. Deleting a campaign or ad group deletes what it holds; renaming
// one renames it in the records that carry its name. Fields a body has beyond these are
// ignored, as TikTok ignores them.
//
// Not modelled: the rule that a new budget be at least 105% of today's spend, per-currency
// budget ratios (the demo's USD and EUR are both 1:1), CBO locks, and secondary statuses such
// as ADGROUP_STATUS_CAMPAIGN_DISABLE for the children of a paused parent.

#include <string>

#include <nlohmann/json.hpp>

#include "tiktok/demo/demo_account.hpp"

namespace tiktok::demo {

// What writes change: the account, and the counters that keep write results deterministic.
struct DemoState {
  Account account;
  long long writes = 0;   // successful writes so far: the demo's clock for modify_time
  long long created = 0;  // campaigns created so far: the source of new campaign ids
};

// The data of a successful write, for a JSON body object. Throws DemoError for what TikTok
// refuses: 40001 for an advertiser the account does not have, 40002 "field: message" for the rest.
using WriteHandler = nlohmann::json (*)(DemoState& state, const nlohmann::json& body);

// The handler of a POST path ("/campaign/update/"), or nullptr when the path takes no POST.
WriteHandler write_handler(const std::string& path);

}  // namespace tiktok::demo
