#pragma once
// The configuration of a server in direct mode against a fake TikTok API at `base_url`: the
// canary token, the demo's default advertiser, two attempts per request and four workers. Tests
// change what they exercise on top of it.

#include <string>

#include "config/config.hpp"
#include "support/canaries.hpp"
#include "tiktok/demo/demo_account.hpp"

namespace test {

inline config::Config direct_config(const std::string& base_url) {
  config::Config c;
  c.tiktok.access_token = config::Secret(canary::kTikTokAccessToken);
  c.tiktok.advertiser_id = tiktok::demo::kDefaultAdvertiserId;
  c.tiktok.api_base_url = base_url;
  c.upstream.max_attempts = 2;
  c.workers = 4;
  return c;
}

}  // namespace test
