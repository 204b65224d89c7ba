#include "tiktok/demo/demo_reports.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>

#include "tiktok/demo/demo_account.hpp"
#include "tiktok/demo/demo_error.hpp"
#include "util/date.hpp"

namespace tiktok::demo {

namespace {

using nlohmann::json;

// Additive figures of one ad on one day (money in cents).
struct Totals {
  long long spend_cents = 0, impressions = 0, clicks = 0, reach = 0, video_play = 0, watched_2s = 0, watched_6s = 0,
            p25 = 0, p50 = 0, p75 = 0, p100 = 0, profile_visits = 0, likes = 0, comments = 0, shares = 0,
            follows = 0, music_clicks = 0, app_install = 0, conversion = 0, result = 0, secondary = 0,
            play_seconds_x100 = 0;

  void add(const Totals& o) {
    spend_cents += o.spend_cents, impressions += o.impressions, clicks += o.clicks, reach += o.reach;
    video_play += o.video_play, watched_2s += o.watched_2s, watched_6s += o.watched_6s;
    p25 += o.p25, p50 += o.p50, p75 += o.p75, p100 += o.p100, profile_visits += o.profile_visits;
    likes += o.likes, comments += o.comments, shares += o.shares, follows += o.follows;
    music_clicks += o.music_clicks, app_install += o.app_install, conversion += o.conversion, result += o.result;
    secondary += o.secondary, play_seconds_x100 += o.play_seconds_x100;
  }
};

const std::set<std::string> kLevels{"AUCTION_ADVERTISER", "AUCTION_CAMPAIGN", "AUCTION_ADGROUP", "AUCTION_AD"};

std::string level_id_field(const std::string& level) {
  if (level == "AUCTION_ADVERTISER") return "advertiser_id";
  if (level == "AUCTION_CAMPAIGN") return "campaign_id";
  if (level == "AUCTION_ADGROUP") return "adgroup_id";
  return "ad_id";
}

const json* find_by(const json& records, const char* field, const std::string& value) {
  for (const auto& r : records) {
    if (r.value(field, "") == value) return &r;
  }
  return nullptr;
}

double unit(std::uint64_t h, int shift) { return static_cast<double>((h >> shift) & 0xFFFF) / 65535.0; }

Totals ad_day(const json& ad, const json& campaign, long day) {
  Totals t;
  if (ad.value("operation_status", "") != "ENABLE" || campaign.value("operation_status", "") != "ENABLE") return t;
  const std::uint64_t h = stable_hash(ad.value("ad_id", "") + "/" + std::to_string(day));
  const std::string mode = campaign.value("budget_mode", "");
  const double budget = campaign.value("budget", 0.0);
  double daily = mode == "BUDGET_MODE_DAY" ? budget / 6 : mode == "BUDGET_MODE_TOTAL" ? budget / 360 : 7.0;
  const bool weekend = ((day + 4) % 7) >= 5;  // 1970-01-01 was a Thursday
  daily *= (0.55 + 0.75 * unit(h, 0)) * (weekend ? 1.15 : 1.0);
  t.spend_cents = static_cast<long long>(daily * 100);
  const double cpm = 4.0 + 8.0 * unit(h, 16);
  t.impressions = static_cast<long long>(daily / cpm * 1000);
  const std::string objective = campaign.value("objective_type", "");
  const double ctr = (objective == "TRAFFIC" ? 0.012 : 0.006) + 0.012 * unit(h, 32);
  t.clicks = static_cast<long long>(static_cast<double>(t.impressions) * ctr);
  t.reach = t.impressions * 7 / 10;
  t.video_play = t.impressions * 62 / 100;
  t.watched_2s = t.video_play * 55 / 100;
  t.watched_6s = t.video_play * 31 / 100;
  t.p25 = t.video_play * 40 / 100, t.p50 = t.video_play * 26 / 100, t.p75 = t.video_play * 17 / 100;
  t.p100 = t.video_play * 11 / 100;
  t.play_seconds_x100 = t.video_play * (320 + static_cast<long long>(200 * unit(h, 48)));
  t.profile_visits = t.clicks / 9, t.likes = t.impressions / 140, t.comments = t.impressions / 2100;
  t.shares = t.impressions / 1700, t.follows = t.impressions / 3000, t.music_clicks = t.impressions / 5000;
  if (objective == "WEB_CONVERSIONS" || objective == "LEAD_GENERATION") {
    t.conversion = static_cast<long long>(static_cast<double>(t.clicks) * (0.03 + 0.05 * unit(h, 8)));
  }
  if (objective == "APP_PROMOTION") t.app_install = t.clicks / 12;
  t.result = objective == "WEB_CONVERSIONS" || objective == "LEAD_GENERATION" ? t.conversion
             : objective == "VIDEO_VIEWS"                                      ? t.watched_6s
             : objective == "REACH"                                            ? t.reach
                                                                               : t.clicks;
  t.secondary = t.result / 10;
  return t;
}

std::string money(long long cents) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%lld.%02lld", cents / 100, cents % 100);
  return buf;
}

std::string fixed(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  return buf;
}

std::string per(long long cents, long long count, double scale = 1.0) {
  return count == 0 ? "-" : fixed(static_cast<double>(cents) / 100.0 / static_cast<double>(count) * scale);
}

std::string rate(long long part, long long whole) {
  return whole == 0 ? "0.00" : fixed(100.0 * static_cast<double>(part) / static_cast<double>(whole));
}

std::string count(long long v) { return std::to_string(v); }

json metric_value(const std::string& m, const Totals& t) {
  if (m == "spend") return money(t.spend_cents);
  if (m == "cash_spend") return money(t.spend_cents * 9 / 10);
  if (m == "voucher_spend") return money(t.spend_cents - t.spend_cents * 9 / 10);
  if (m == "impressions") return count(t.impressions);
  if (m == "clicks") return count(t.clicks);
  if (m == "reach") return count(t.reach);
  if (m == "ctr") return rate(t.clicks, t.impressions);
  if (m == "cpc") return t.clicks == 0 ? "0.00" : per(t.spend_cents, t.clicks);
  if (m == "cpm") return t.impressions == 0 ? "0.00" : per(t.spend_cents, t.impressions, 1000);
  if (m == "cost_per_1000_reached") return t.reach == 0 ? "0.00" : per(t.spend_cents, t.reach, 1000);
  if (m == "frequency") return t.reach == 0 ? "0.00" : fixed(static_cast<double>(t.impressions) / t.reach);
  if (m == "video_play_actions") return count(t.video_play);
  if (m == "video_watched_2s") return count(t.watched_2s);
  if (m == "video_watched_6s") return count(t.watched_6s);
  if (m == "average_video_play") return t.video_play == 0 ? "0.00" : fixed(t.play_seconds_x100 / 100.0 / t.video_play);
  if (m == "average_video_play_per_user") return t.reach == 0 ? "0.00" : fixed(t.play_seconds_x100 / 100.0 / t.reach);
  if (m == "video_views_p25") return count(t.p25);
  if (m == "video_views_p50") return count(t.p50);
  if (m == "video_views_p75") return count(t.p75);
  if (m == "video_views_p100") return count(t.p100);
  if (m == "profile_visits") return count(t.profile_visits);
  if (m == "likes") return count(t.likes);
  if (m == "comments") return count(t.comments);
  if (m == "shares") return count(t.shares);
  if (m == "follows") return count(t.follows);
  if (m == "clicks_on_music_disc") return count(t.music_clicks);
  if (m == "real_time_app_install" || m == "app_install") return count(t.app_install);
  if (m == "real_time_app_install_cost") return per(t.spend_cents, t.app_install);
  if (m == "conversion" || m == "real_time_conversion") return count(t.conversion);
  if (m == "cost_per_conversion" || m == "real_time_cost_per_conversion") return per(t.spend_cents, t.conversion);
  if (m == "conversion_rate" || m == "real_time_conversion_rate") return rate(t.conversion, t.clicks);
  if (m == "result" || m == "real_time_result") return count(t.result);
  if (m == "cost_per_result" || m == "real_time_cost_per_result") return per(t.spend_cents, t.result);
  if (m == "result_rate" || m == "real_time_result_rate") return rate(t.result, t.impressions);
  if (m == "secondary_goal_result") return count(t.secondary);
  if (m == "cost_per_secondary_goal_result") return per(t.spend_cents, t.secondary);
  if (m == "secondary_goal_result_rate") return rate(t.secondary, t.impressions);
  return "-";
}

// Attribute "metrics" (names and ids of the row's object) and the levels that have them.
const std::map<std::string, std::set<std::string>>& attribute_levels() {
  static const std::map<std::string, std::set<std::string>> m{
      {"campaign_name", {"AUCTION_CAMPAIGN", "AUCTION_ADGROUP", "AUCTION_AD"}},
      {"campaign_id", {"AUCTION_ADGROUP", "AUCTION_AD"}},
      {"adgroup_name", {"AUCTION_ADGROUP", "AUCTION_AD"}},
      {"adgroup_id", {"AUCTION_AD"}},
      {"placement_type", {"AUCTION_ADGROUP", "AUCTION_AD"}},
      {"ad_name", {"AUCTION_AD"}},
      {"ad_text", {"AUCTION_AD"}},
      {"cash_spend", {"AUCTION_ADVERTISER"}},
      {"voucher_spend", {"AUCTION_ADVERTISER"}},
  };
  return m;
}

void validate(const ReportQuery& q) {
  if (!kLevels.count(q.data_level)) throw DemoError(40002, "data_level: invalid value " + q.data_level);
  std::vector<std::string> bad;
  for (const auto& m : q.metrics) {
    auto attr = attribute_levels().find(m);
    const bool known = std::find(known_metrics().begin(), known_metrics().end(), m) != known_metrics().end();
    if (!known || (attr != attribute_levels().end() && !attr->second.count(q.data_level))) bad.push_back(m);
  }
  if (!bad.empty()) {
    std::string list;
    for (const auto& b : bad) list += (list.empty() ? "'" : ", '") + b + "'";
    throw DemoError(40002, "Invalid metric fields: [" + list + "] for data_level " + q.data_level);
  }
  const std::string id_field = level_id_field(q.data_level);
  bool daily = false;
  for (const auto& d : q.dimensions) {
    if (d == "stat_time_day") {
      daily = true;
    } else if (d != id_field) {
      throw DemoError(40002, "Invalid dimensions: '" + d + "' cannot be used with data_level " + q.data_level +
                                 " (use " + id_field + " and/or stat_time_day)");
    }
  }
  const long span = q.end_day - q.start_day + 1;
  if (span < 1) throw DemoError(40002, "end_date must not be earlier than start_date");
  if (daily && span > 30 && q.span_limits) {
    throw DemoError(40002, "The time span between start_date and end_date cannot exceed 30 days when stat_time_day is a dimension");
  }
  if (span > 365 && q.span_limits) throw DemoError(40002, "The time span between start_date and end_date cannot exceed 365 days");
}

std::set<std::string> filter_ids(const json& filtering, const std::string& field) {
  std::set<std::string> ids;
  if (!filtering.is_array()) return ids;
  for (const auto& f : filtering) {
    if (f.value("field_name", "") != field) continue;
    if (f.value("filter_type", "") != "IN") throw DemoError(40002, "filtering: " + field + " supports filter_type IN");
    json values = json::parse(f.value("filter_value", "[]"), nullptr, false);
    if (!values.is_array()) throw DemoError(40002, "filtering: filter_value of " + field + " must be a JSON array string");
    for (const auto& v : values) ids.insert(v.is_string() ? v.get<std::string>() : v.dump());
  }
  return ids;
}

void check_filter_fields(const json& filtering) {
  if (!filtering.is_array()) return;
  for (const auto& f : filtering) {
    const std::string name = f.value("field_name", "");
    if (name != "campaign_ids" && name != "adgroup_ids" && name != "ad_ids") {
      throw DemoError(40002, "filtering: unsupported field_name '" + name + "' (use campaign_ids, adgroup_ids or ad_ids)");
    }
  }
}

}  // namespace

const std::vector<std::string>& known_metrics() {
  static const std::vector<std::string> m{
      "spend", "cash_spend", "voucher_spend", "cpc", "cpm", "impressions", "clicks", "ctr", "reach",
      "cost_per_1000_reached", "frequency", "video_play_actions", "video_watched_2s", "video_watched_6s",
      "average_video_play", "average_video_play_per_user", "video_views_p25", "video_views_p50", "video_views_p75",
      "video_views_p100", "profile_visits", "likes", "comments", "shares", "follows", "clicks_on_music_disc",
      "real_time_app_install", "real_time_app_install_cost", "app_install", "conversion", "cost_per_conversion",
      "conversion_rate", "real_time_conversion", "real_time_cost_per_conversion", "real_time_conversion_rate",
      "result", "cost_per_result", "result_rate", "real_time_result", "real_time_cost_per_result",
      "real_time_result_rate", "secondary_goal_result", "cost_per_secondary_goal_result", "secondary_goal_result_rate",
      "campaign_name", "campaign_id", "adgroup_name", "adgroup_id", "placement_type", "ad_name", "ad_text"};
  return m;
}

json report_rows(const ReportQuery& q) {
  validate(q);
  check_filter_fields(q.filtering);
  const auto& acc = account();
  const std::string id_field = level_id_field(q.data_level);
  const bool daily = std::find(q.dimensions.begin(), q.dimensions.end(), "stat_time_day") != q.dimensions.end();
  const bool by_id = std::find(q.dimensions.begin(), q.dimensions.end(), id_field) != q.dimensions.end();
  const auto campaign_filter = filter_ids(q.filtering, "campaign_ids");
  const auto adgroup_filter = filter_ids(q.filtering, "adgroup_ids");
  const auto ad_filter = filter_ids(q.filtering, "ad_ids");

  // (object id, day) -> totals, in key order so rows come out sorted by id then date
  std::map<std::pair<std::string, long>, Totals> groups;
  std::map<std::string, const json*> objects;  // the record each row describes
  for (const auto& ad : acc.ads) {
    if (ad.value("advertiser_id", "") != q.advertiser_id) continue;
    if (!campaign_filter.empty() && !campaign_filter.count(ad.value("campaign_id", ""))) continue;
    if (!adgroup_filter.empty() && !adgroup_filter.count(ad.value("adgroup_id", ""))) continue;
    if (!ad_filter.empty() && !ad_filter.count(ad.value("ad_id", ""))) continue;
    const json* campaign = find_by(acc.campaigns, "campaign_id", ad.value("campaign_id", ""));
    const json* object = id_field == "ad_id"        ? &ad
                         : id_field == "adgroup_id" ? find_by(acc.ad_groups, "adgroup_id", ad.value("adgroup_id", ""))
                         : id_field == "campaign_id" ? campaign
                                                     : find_by(acc.advertisers, "advertiser_id", q.advertiser_id);
    const std::string object_id = by_id ? object->value(id_field, "") : "";
    if (by_id) objects[object_id] = object;
    for (long day = q.start_day; day <= q.end_day; ++day) {
      groups[{object_id, daily ? day : 0}].add(ad_day(ad, *campaign, day));
    }
  }
  json rows = json::array();
  for (const auto& [key, totals] : groups) {
    if (totals.impressions == 0 && totals.spend_cents == 0) continue;  // TikTok omits rows without delivery
    json dims = json::object();
    if (by_id) dims[id_field] = key.first;
    if (daily) dims["stat_time_day"] = util::format_date(key.second) + " 00:00:00";
    json metrics = json::object();
    for (const auto& m : q.metrics) {
      metrics[m] = attribute_levels().count(m) && m != "cash_spend" && m != "voucher_spend"
                       ? json(objects[key.first] ? objects[key.first]->value(m, "-") : "-")
                       : metric_value(m, totals);
    }
    rows.push_back({{"dimensions", std::move(dims)}, {"metrics", std::move(metrics)}});
  }
  if (!q.order_field.empty()) {
    const bool desc = q.order_type != "ASC";
    auto number = [&](const json& row) {
      const auto& v = row["metrics"].value(q.order_field, std::string("0"));
      try {
        return std::stod(v);
      } catch (const std::exception&) {
        return 0.0;
      }
    };
    std::stable_sort(rows.begin(), rows.end(),
                     [&](const json& a, const json& b) { return desc ? number(a) > number(b) : number(a) < number(b); });
  }
  return rows;
}

}  // namespace tiktok::demo
