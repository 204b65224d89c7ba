#include "tiktok/demo/demo_writes.hpp"

#include <cstdio>
#include <map>
#include <optional>
#include <vector>

#include "tiktok/demo/demo_body.hpp"
#include "util/date.hpp"

namespace tiktok::demo {

namespace {

using nlohmann::json;

constexpr std::size_t kMaxIds = 20;
constexpr std::size_t kMaxNameLength = 512;
constexpr double kCampaignBudgetFloor = 50;
constexpr double kAdGroupBudgetFloor = 20;
constexpr double kBudgetCeiling = 10000000;

// A kind of record a write touches.
struct Kind {
  const char* name;      // CAMPAIGN, ADGROUP or AD: the prefix of its secondary_status
  const char* label;     // for messages
  const char* id_field;  // campaign_id, adgroup_id or ad_id
  json Account::*records;
};

const Kind kCampaign{"CAMPAIGN", "Campaign", "campaign_id", &Account::campaigns};
const Kind kAdGroup{"ADGROUP", "Ad group", "adgroup_id", &Account::ad_groups};
const Kind kAd{"AD", "Ad", "ad_id", &Account::ads};

std::string amount(double amount, const std::string& currency) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "%.2f %s", amount, currency.c_str());
  return buf;
}

// The demo's clock starts after every generated modify_time and moves one second per
// successful write: each write gets a new modify_time, and every run gets the same ones.
std::string next_time(DemoState& state) {
  static const long start_day = *util::parse_date("2026-11-25");
  const long long s = ++state.writes;
  char clock[16];
  std::snprintf(clock, sizeof clock, " %02lld:%02lld:%02lld", (s / 3600) % 24, (s / 60) % 60, s % 60);
  return util::format_date(start_day + static_cast<long>(s / 86400)) + clock;
}

// Generated ids have a 0 third digit ("1800000001..."), so a 9 there never collides.
std::string next_campaign_id(DemoState& state) {
  char buf[24];
  std::snprintf(buf, sizeof buf, "189%016lld", ++state.created);
  return buf;
}

std::string advertiser_of(const DemoState& state, const json& body) {
  const std::string advertiser_id = body_string(body, "advertiser_id");
  check_advertiser(state.account, advertiser_id);
  return advertiser_id;
}

std::string currency_of(const DemoState& state, const std::string& advertiser_id) {
  for (const auto& a : state.account.advertisers) {
    if (a["advertiser_id"] == advertiser_id) return a.value("currency", "USD");
  }
  return "USD";
}

json* find_record(DemoState& state, const Kind& kind, const std::string& advertiser_id, const std::string& id) {
  for (auto& r : state.account.*kind.records) {
    if (r["advertiser_id"] == advertiser_id && r[kind.id_field] == id) return &r;
  }
  return nullptr;
}

bool is_deleted(const json& record, const Kind& kind) {
  return record.value("secondary_status", "") == std::string(kind.name) + "_STATUS_DELETE";
}

void set_status(json& record, const Kind& kind, const std::string& status, const std::string& now) {
  record["operation_status"] = status == "DELETE" ? "DISABLE" : status;
  record["secondary_status"] = secondary_status(kind.name, status);
  record["modify_time"] = now;
}

// Deleting a campaign or an ad group deletes what it holds, as the generated account has it.
void delete_children(DemoState& state, const Kind& kind, const std::string& id, const std::string& now) {
  if (&kind == &kCampaign) {
    for (auto& g : state.account.ad_groups) {
      if (g["campaign_id"] == id && !is_deleted(g, kAdGroup)) set_status(g, kAdGroup, "DELETE", now);
    }
  }
  if (&kind == &kAd) return;
  for (auto& a : state.account.ads) {
    if (a[kind.id_field] == id && !is_deleted(a, kAd)) set_status(a, kAd, "DELETE", now);
  }
}

// Why a record cannot change status, or "" when it can.
std::string ineligible(const json* record, const Kind& kind, const std::string& id) {
  if (!record) return std::string(kind.label) + " " + id + " does not exist.";
  if (is_deleted(*record, kind)) return std::string(kind.label) + " " + id + " is deleted and cannot change status.";
  return "";
}

struct StatusChange {
  std::vector<std::string> applied;
  json error_list = json::array();  // [{<id_field>, error_message}], filled only with partial success
};

// Sets the body's operation_status on every listed record. Without partial success one
// ineligible id refuses the whole request; with it, ineligible ids are reported and skipped.
StatusChange change_status(DemoState& state, const json& body, const Kind& kind, const std::string& ids_field,
                           bool partial) {
  const std::string advertiser_id = advertiser_of(state, body);
  const std::vector<std::string> ids = body_ids(body, ids_field, kMaxIds);
  const std::string status = one_of(body_string(body, "operation_status"), "operation_status",
                                    {"ENABLE", "DISABLE", "DELETE"});
  StatusChange change;
  std::vector<json*> records;
  for (const auto& id : ids) {
    json* record = find_record(state, kind, advertiser_id, id);
    const std::string why = ineligible(record, kind, id);
    if (why.empty()) {
      records.push_back(record);
      change.applied.push_back(id);
    } else if (partial) {
      change.error_list.push_back({{kind.id_field, id}, {"error_message", why}});
    } else {
      refuse_field(ids_field, why);
    }
  }
  if (records.empty()) return change;
  const std::string now = next_time(state);
  for (json* record : records) {
    set_status(*record, kind, status, now);
    if (status == "DELETE") delete_children(state, kind, (*record)[kind.id_field].get<std::string>(), now);
  }
  return change;
}

json campaign_status_update(DemoState& state, const json& body) {
  const StatusChange change = change_status(state, body, kCampaign, "campaign_ids", false);
  const std::string status = body["operation_status"];
  json list = json::array();
  for (const auto& id : change.applied) list.push_back({{"campaign_id", id}, {"status", status}});
  return {{"campaign_ids", change.applied}, {"status", status}, {"campaign_list", std::move(list)}};
}

json adgroup_status_update(DemoState& state, const json& body) {
  const bool partial = optional_bool(body, "allow_partial_success", false);
  const StatusChange change = change_status(state, body, kAdGroup, "adgroup_ids", partial);
  json data = {{"adgroup_ids", change.applied}, {"status", body["operation_status"]}};
  if (partial) data["error_list"] = change.error_list;
  return data;
}

json ad_status_update(DemoState& state, const json& body) {
  const StatusChange change = change_status(state, body, kAd, "ad_ids", false);
  return {{"ad_ids", change.applied}, {"status", body["operation_status"]}};
}

// Names count in characters (UTF-8 code points), not bytes.
void check_name(const std::string& name, const std::string& field) {
  std::size_t length = 0;
  for (unsigned char c : name) length += (c & 0xC0) != 0x80;
  if (length < 1 || length > kMaxNameLength) {
    refuse_field(field, "Length must be between 1 and " + std::to_string(kMaxNameLength) + " characters.");
  }
}

// Among the advertiser's campaigns that are not deleted, other than `except_id`.
bool campaign_name_taken(const DemoState& state, const std::string& advertiser_id, const std::string& name,
                         const std::string& except_id = "") {
  for (const auto& c : state.account.campaigns) {
    if (c["advertiser_id"] == advertiser_id && c["campaign_name"] == name && c["campaign_id"] != except_id &&
        !is_deleted(c, kCampaign)) {
      return true;
    }
  }
  return false;
}

// TikTok's floors are in USD and scaled by a per-currency ratio (JPY x100). The demo's
// currencies are USD and EUR, both taken 1:1, so the floor is the same number in either.
void check_budget(double budget, const std::string& budget_mode, double floor, const Kind& kind,
                  const std::string& currency) {
  if (budget_mode == "BUDGET_MODE_INFINITE") {
    refuse_field("budget", std::string(&kind == &kCampaign ? "A campaign" : "An ad group") +
                         " with budget_mode BUDGET_MODE_INFINITE takes no budget.");
  }
  if (!(budget > floor)) refuse_field("budget", "The budget must be greater than " + amount(floor, currency) + ".");
  if (budget >= kBudgetCeiling) {
    refuse_field("budget", "The budget must be less than " + amount(kBudgetCeiling, currency) + ".");
  }
}

// The record an update changes: it must exist in this advertiser and not be deleted.
json& updatable(DemoState& state, const Kind& kind, const std::string& advertiser_id, const std::string& id) {
  json* record = find_record(state, kind, advertiser_id, id);
  if (!record) refuse_field(kind.id_field, std::string(kind.label) + " " + id + " does not exist.");
  if (is_deleted(*record, kind)) {
    refuse_field(kind.id_field, std::string(kind.label) + " " + id + " is deleted and cannot be updated.");
  }
  return *record;
}

// Copies a new name into the records that carry it alongside their own (ads carry their
// campaign's and ad group's names).
void rename_in_children(DemoState& state, const Kind& kind, const std::string& id, const std::string& name) {
  const std::string name_field = &kind == &kCampaign ? "campaign_name" : "adgroup_name";
  if (&kind == &kCampaign) {
    for (auto& g : state.account.ad_groups) {
      if (g["campaign_id"] == id) g[name_field] = name;
    }
  }
  for (auto& a : state.account.ads) {
    if (a[kind.id_field] == id) a[name_field] = name;
  }
}

json campaign_update(DemoState& state, const json& body) {
  const std::string advertiser_id = advertiser_of(state, body);
  const std::string id = body_string(body, "campaign_id");
  json& campaign = updatable(state, kCampaign, advertiser_id, id);
  const auto name = optional_string(body, "campaign_name");
  if (name) {
    check_name(*name, "campaign_name");
    if (campaign_name_taken(state, advertiser_id, *name, id)) {
      refuse_field("campaign_name", "Campaign name already exists.");
    }
  }
  const auto budget = optional_number(body, "budget");
  if (budget) {
    const std::string currency = currency_of(state, advertiser_id);
    check_budget(*budget, campaign["budget_mode"].get<std::string>(), kCampaignBudgetFloor, kCampaign, currency);
  }
  campaign["modify_time"] = next_time(state);
  if (budget) campaign["budget"] = *budget;
  if (name) {
    campaign["campaign_name"] = *name;
    rename_in_children(state, kCampaign, id, *name);
  }
  return campaign;
}

// A bid goes only with BID_TYPE_CUSTOM, and stays below the ad group's budget.
void check_bid(const json& adgroup, std::optional<double> bid, std::optional<double> budget,
               const std::string& currency) {
  const bool custom = adgroup.value("bid_type", "") == "BID_TYPE_CUSTOM";
  const bool limited = adgroup.value("budget_mode", "") != "BUDGET_MODE_INFINITE";
  const double new_budget = budget.value_or(adgroup.value("budget", 0.0));
  if (bid) {
    if (!custom) refuse_field("bid_price", "bid_price can only be set when bid_type is BID_TYPE_CUSTOM.");
    if (!(*bid > 0)) refuse_field("bid_price", "The bid must be greater than 0.");
    if (limited && *bid >= new_budget) {
      refuse_field("bid_price", "The bid must be less than the budget (" + amount(new_budget, currency) + ").");
    }
  } else if (budget && custom && limited && adgroup.value("bid_price", 0.0) >= *budget) {
    const std::string bid_text = amount(adgroup.value("bid_price", 0.0), currency);
    refuse_field("budget", "The budget must be greater than the bid (" + bid_text + ").");
  }
}

json adgroup_update(DemoState& state, const json& body) {
  const std::string advertiser_id = advertiser_of(state, body);
  const std::string id = body_string(body, "adgroup_id");
  json& adgroup = updatable(state, kAdGroup, advertiser_id, id);
  const std::string currency = currency_of(state, advertiser_id);
  const auto name = optional_string(body, "adgroup_name");
  if (name) check_name(*name, "adgroup_name");
  const auto budget = optional_number(body, "budget");
  if (budget) check_budget(*budget, adgroup["budget_mode"].get<std::string>(), kAdGroupBudgetFloor, kAdGroup, currency);
  const auto bid = optional_number(body, "bid_price");
  check_bid(adgroup, bid, budget, currency);
  adgroup["modify_time"] = next_time(state);
  if (budget) adgroup["budget"] = *budget;
  if (bid) adgroup["bid_price"] = *bid;
  if (name) {
    adgroup["adgroup_name"] = *name;
    rename_in_children(state, kAdGroup, id, *name);
  }
  return adgroup;
}

json campaign_create(DemoState& state, const json& body) {
  const std::string advertiser_id = advertiser_of(state, body);
  const std::string name = body_string(body, "campaign_name");
  check_name(name, "campaign_name");
  if (campaign_name_taken(state, advertiser_id, name)) refuse_field("campaign_name", "Campaign name already exists.");
  const std::string objective =
      one_of(body_string(body, "objective_type"), "objective_type",
             {"TRAFFIC", "REACH", "VIDEO_VIEWS", "ENGAGEMENT", "APP_PROMOTION", "LEAD_GENERATION", "WEB_CONVERSIONS",
              "PRODUCT_SALES", "RF_REACH"});
  const std::string budget_mode = one_of(body_string(body, "budget_mode"), "budget_mode",
                                         {"BUDGET_MODE_INFINITE", "BUDGET_MODE_DAY", "BUDGET_MODE_TOTAL"});
  const auto budget = optional_number(body, "budget");
  if (budget) {
    check_budget(*budget, budget_mode, kCampaignBudgetFloor, kCampaign, currency_of(state, advertiser_id));
  } else if (budget_mode != "BUDGET_MODE_INFINITE") {
    refuse_field("budget", "Missing data for required field.");
  }
  const std::string status =
      one_of(optional_string(body, "operation_status").value_or("ENABLE"), "operation_status", {"ENABLE", "DISABLE"});
  const std::string now = next_time(state);
  json campaign = campaign_record({advertiser_id, next_campaign_id(state), name, objective, budget.value_or(0.0),
                                   budget_mode, status, now, now});
  state.account.campaigns.push_back(campaign);
  return campaign;
}

}  // namespace

WriteHandler write_handler(const std::string& path) {
  static const std::map<std::string, WriteHandler> handlers{
      {"/campaign/status/update/", campaign_status_update},
      {"/adgroup/status/update/", adgroup_status_update},
      {"/ad/status/update/", ad_status_update},
      {"/campaign/update/", campaign_update},
      {"/adgroup/update/", adgroup_update},
      {"/campaign/create/", campaign_create},
  };
  auto it = handlers.find(path);
  return it == handlers.end() ? nullptr : it->second;
}

}  // namespace tiktok::demo
