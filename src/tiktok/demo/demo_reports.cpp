#include "tiktok/demo/demo_reports.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>
#include <tuple>

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

  // The share [lo, hi) of `den` of every figure; shares that tile 0..den add up exactly.
  Totals portion(long long lo, long long hi, long long den) const {
    auto cut = [&](long long v) { return v * hi / den - v * lo / den; };
    Totals t;
    t.spend_cents = cut(spend_cents), t.impressions = cut(impressions), t.clicks = cut(clicks), t.reach = cut(reach);
    t.video_play = cut(video_play), t.watched_2s = cut(watched_2s), t.watched_6s = cut(watched_6s);
    t.p25 = cut(p25), t.p50 = cut(p50), t.p75 = cut(p75), t.p100 = cut(p100), t.profile_visits = cut(profile_visits);
    t.likes = cut(likes), t.comments = cut(comments), t.shares = cut(shares), t.follows = cut(follows);
    t.music_clicks = cut(music_clicks), t.app_install = cut(app_install), t.conversion = cut(conversion);
    t.result = cut(result), t.secondary = cut(secondary), t.play_seconds_x100 = cut(play_seconds_x100);
    return t;
  }
};

struct Segment {
  std::string value;
  long long weight;
};

// How a day's delivery spreads over its hours (a diurnal curve peaking in the evening).
const std::vector<long long>& hour_weights() {
  static const std::vector<long long> w{2, 1, 1, 1, 1, 2, 3, 4, 5, 5, 5, 6, 6, 6, 6, 6, 6, 7, 8, 9, 9, 8, 6, 4};
  return w;
}

// The audience breakdowns the demo has, and each segment's share.
const std::map<std::string, std::vector<Segment>>& audience_segments() {
  static const std::map<std::string, std::vector<Segment>> m{
      {"gender", {{"MALE", 46}, {"FEMALE", 51}, {"NONE", 3}}},
      {"age", {{"AGE_13_17", 6}, {"AGE_18_24", 31}, {"AGE_25_34", 34}, {"AGE_35_44", 17}, {"AGE_45_54", 8},
               {"AGE_55_100", 4}}},
      {"country_code", {{"US", 52}, {"GB", 14}, {"DE", 11}, {"FR", 9}, {"CA", 8}, {"AU", 6}}},
      {"platform", {{"ANDROID", 55}, {"IPHONE", 40}, {"IPAD", 3}, {"OTHERS", 2}}},
  };
  return m;
}

const std::set<std::string> kUniqueVisitorMetrics{
    "reach", "frequency", "cost_per_1000_reached", "result", "cost_per_result", "result_rate", "real_time_result",
    "real_time_cost_per_result", "real_time_result_rate", "secondary_goal_result", "cost_per_secondary_goal_result",
    "secondary_goal_result_rate"};

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
  const bool audience = q.report_type == "AUDIENCE";
  bool daily = false, hourly = false, segmented = false;
  for (const auto& d : q.dimensions) {
    daily = daily || d == "stat_time_day";
    hourly = hourly || d == "stat_time_hour";
    const bool segment = audience_segments().count(d) > 0;
    segmented = segmented || segment;
    if (d == id_field || d == "stat_time_day" || d == "stat_time_hour" || (segment && audience)) continue;
    throw DemoError(40002, "Invalid dimensions: '" + d + "' cannot be used with data_level " + q.data_level + " and report_type " +
                               q.report_type + " (use " + id_field + ", stat_time_day or stat_time_hour" +
                               (audience ? ", gender, age, country_code or platform)" : ")"));
  }
  if (daily && hourly) throw DemoError(40002, "Invalid dimensions: stat_time_day and stat_time_hour cannot be combined");
  if (audience && !segmented) throw DemoError(40002, "AUDIENCE reports need an audience dimension such as gender or age");
  if (segmented) {
    for (const auto& m : q.metrics) {
      if (kUniqueVisitorMetrics.count(m)) throw DemoError(40002, "Metric '" + m + "' is not supported with audience dimensions");
    }
  }
  if (q.lifetime) {
    if (daily || hourly || segmented) throw DemoError(40002, "query_lifetime reports take no time or audience dimensions");
    return;
  }
  const long span = q.end_day - q.start_day + 1;
  if (span < 1) throw DemoError(40002, "end_date must not be earlier than start_date");
  if (hourly && span > 1 && q.span_limits) {
    throw DemoError(40002, "The time span between start_date and end_date cannot exceed 1 day when stat_time_hour is a dimension");
  }
  if (daily && span > 30 && q.span_limits) {
    throw DemoError(40002, "The time span between start_date and end_date cannot exceed 30 days when stat_time_day is a dimension");
  }
  if (span > 365 && q.span_limits) throw DemoError(40002, "The time span between start_date and end_date cannot exceed 365 days");
}

bool has(const std::vector<std::string>& list, const std::string& item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}

// What a row groups by besides the object: the day, or the hour, and audience segments.
struct Breakdown {
  bool daily = false;
  bool hourly = false;
  std::vector<std::string> segment_names;              // audience dimensions, in the order asked
  std::vector<const std::vector<Segment>*> segments;  // their segments
};

Breakdown breakdown_of(const ReportQuery& q) {
  Breakdown b;
  b.daily = has(q.dimensions, "stat_time_day");
  b.hourly = has(q.dimensions, "stat_time_hour");
  for (const auto& d : q.dimensions) {
    auto it = audience_segments().find(d);
    if (it == audience_segments().end()) continue;
    b.segment_names.push_back(d);
    b.segments.push_back(&it->second);
  }
  return b;
}

// (object id, time, segment values) -> totals; time is a day, an hour (day * 24 + hour) or 0.
using GroupKey = std::tuple<std::string, long, std::vector<std::string>>;
using Groups = std::map<GroupKey, Totals>;

void add_segments(Groups& groups, const std::string& object, long time, const Totals& t, const Breakdown& b,
                  std::size_t dimension, std::vector<std::string>& values) {
  if (dimension == b.segments.size()) {
    groups[{object, time, values}].add(t);
    return;
  }
  long long total = 0;
  for (const auto& s : *b.segments[dimension]) total += s.weight;
  long long below = 0;
  for (const auto& s : *b.segments[dimension]) {
    values.push_back(s.value);
    add_segments(groups, object, time, t.portion(below, below + s.weight, total), b, dimension + 1, values);
    values.pop_back();
    below += s.weight;
  }
}

void add_day(Groups& groups, const std::string& object, long day, const Totals& t, const Breakdown& b) {
  std::vector<std::string> values;
  if (!b.hourly) {
    add_segments(groups, object, b.daily ? day : 0, t, b, 0, values);
    return;
  }
  long long total = 0;
  for (long long w : hour_weights()) total += w;
  long long below = 0;
  for (std::size_t hour = 0; hour < hour_weights().size(); ++hour) {
    const long long w = hour_weights()[hour];
    add_segments(groups, object, day * 24 + static_cast<long>(hour), t.portion(below, below + w, total), b, 0, values);
    below += w;
  }
}

std::string hour_text(long hour_number) {
  char buf[16];
  std::snprintf(buf, sizeof buf, " %02ld:00:00", hour_number % 24);
  return util::format_date(hour_number / 24) + buf;
}

// The day an ad was created: where its lifetime report starts.
long creation_day(const json& ad) {
  const std::string created = ad.value("create_time", "");
  return util::parse_date(created.substr(0, 10)).value_or(util::today_utc());
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
  const bool by_id = has(q.dimensions, id_field);
  const Breakdown breakdown = breakdown_of(q);
  const auto campaign_filter = filter_ids(q.filtering, "campaign_ids");
  const auto adgroup_filter = filter_ids(q.filtering, "adgroup_ids");
  const auto ad_filter = filter_ids(q.filtering, "ad_ids");

  Groups groups;  // in key order, so rows come out sorted by id, then time, then segment
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
    const long first = q.lifetime ? creation_day(ad) : q.start_day;
    const long last = q.lifetime ? util::today_utc() : q.end_day;
    for (long day = first; day <= last; ++day) add_day(groups, object_id, day, ad_day(ad, *campaign, day), breakdown);
  }
  json rows = json::array();
  for (const auto& [key, totals] : groups) {
    if (totals.impressions == 0 && totals.spend_cents == 0) continue;  // TikTok omits rows without delivery
    const auto& [object_id, time, segments] = key;
    json dims = json::object();
    if (by_id) dims[id_field] = object_id;
    if (breakdown.daily) dims["stat_time_day"] = util::format_date(time) + " 00:00:00";
    if (breakdown.hourly) dims["stat_time_hour"] = hour_text(time);
    for (std::size_t i = 0; i < segments.size(); ++i) dims[breakdown.segment_names[i]] = segments[i];
    json metrics = json::object();
    for (const auto& m : q.metrics) {
      metrics[m] = attribute_levels().count(m) && m != "cash_spend" && m != "voucher_spend"
                       ? json(objects[object_id] ? objects[object_id]->value(m, "-") : "-")
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
