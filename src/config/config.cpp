#include "config/config.hpp"

namespace config {

std::string_view to_string(Transport transport) {
  switch (transport) {
    case Transport::Stdio: return "stdio";
    case Transport::Http: return "http";
    case Transport::Sse: return "sse";
  }
  return "stdio";
}

std::string_view to_string(Mode mode) {
  switch (mode) {
    case Mode::Unconfigured: return "unconfigured";
    case Mode::Demo: return "demo";
    case Mode::Direct: return "direct";
    case Mode::Hosted: return "hosted";
  }
  return "unconfigured";
}

Mode Config::mode() const {
  if (demo) return Mode::Demo;
  if (!airbyte.client_id.empty() && !airbyte.client_secret.empty()) return Mode::Hosted;
  if (!tiktok.access_token.empty()) return Mode::Direct;
  return Mode::Unconfigured;
}

bool Config::writes_enabled() const {
  const Mode m = mode();
  if (m == Mode::Demo) return writes.allow_writes.value_or(true);
  return m == Mode::Direct && writes.allow_writes.value_or(false);
}

std::string Config::tiktok_base_url() const {
  std::string url = tiktok.api_base_url.empty() ? (tiktok.sandbox ? kSandboxTikTokBaseUrl : kDefaultTikTokBaseUrl)
                                                : tiktok.api_base_url;
  while (!url.empty() && url.back() == '/') url.pop_back();
  return url;
}

}  // namespace config
