#pragma once
// Every secret the C++ tests and fakes use: recognizable canary values, so that a leak is
// found wherever it lands (scripts/check-canaries.sh scans the suite's output and logs for
// the marker). The JavaScript tests have theirs in tests/e2e/canaries.mjs. Nothing but a
// secret may contain the marker.

#include <string_view>

namespace canary {

inline constexpr std::string_view kMarker = "canary-";

inline constexpr const char* kTikTokAccessToken = "canary-tiktok-access-token-7f3a9c";
inline constexpr const char* kTikTokAppSecret = "canary-tiktok-app-secret-2b8e41";
// A token TikTok does not accept (the fake answers 40105).
inline constexpr const char* kWrongTikTokToken = "canary-wrong-tiktok-token-0c4d2e";
// A TikTok token a connector is created with, passed as a tool argument.
inline constexpr const char* kArgumentTikTokToken = "canary-argument-tiktok-token-c4d81e";
inline constexpr const char* kAirbyteClientSecret = "canary-airbyte-client-secret-5d17c0";
inline constexpr const char* kWrongAirbyteClientSecret = "canary-wrong-airbyte-client-secret-9a0b3f";
// The fake Airbyte API issues access tokens with this prefix (then a serial and its port),
// and stores this prefix plus the secret id as the TikTok token of an OAuth connector.
inline constexpr const char* kAirbyteAccessTokenPrefix = "canary-airbyte-access-token-";
inline constexpr const char* kOAuthTikTokTokenPrefix = "canary-oauth-tiktok-token-";
inline constexpr const char* kMcpAuthToken = "canary-mcp-auth-token-93e6fa";
inline constexpr const char* kWrongMcpAuthToken = "canary-wrong-mcp-auth-token-4e2c7d";

inline bool appears_in(std::string_view text) { return text.find(kMarker) != std::string_view::npos; }

}  // namespace canary
