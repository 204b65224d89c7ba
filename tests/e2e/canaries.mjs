// Every secret the end-to-end tests use: recognizable canary values, so that a leak is found
// wherever it lands (scripts/check-canaries.sh scans the suite's output and the server logs
// for the marker). The C++ tests and fakes have theirs in tests/support/canaries.hpp; the
// prefixes of the tokens the fake Airbyte API makes up must match the ones there.

export const MARKER = 'canary-';

export const TIKTOK_ACCESS_TOKEN = 'canary-tiktok-access-token-7f3a9c';
export const TIKTOK_APP_SECRET = 'canary-tiktok-app-secret-2b8e41';
// A TikTok token a connector is created with, passed as a tool argument.
export const ARGUMENT_TIKTOK_TOKEN = 'canary-argument-tiktok-token-c4d81e';
export const AIRBYTE_CLIENT_SECRET = 'canary-airbyte-client-secret-5d17c0';
export const MCP_AUTH_TOKEN = 'canary-mcp-auth-token-93e6fa';
export const WRONG_MCP_AUTH_TOKEN = 'canary-wrong-mcp-auth-token-4e2c7d';
// Made up by the fake Airbyte API (tests/fakes/fake_airbyte_server.cpp).
export const AIRBYTE_ACCESS_TOKEN_PREFIX = 'canary-airbyte-access-token-';
export const OAUTH_TIKTOK_TOKEN_PREFIX = 'canary-oauth-tiktok-token-';
