#pragma once
// What the official conformance suite (@modelcontextprotocol/conformance) expects a server to
// offer in its tool, resource and prompt scenarios, built on the same protocol core as the
// production server. These exist only in the fixture binary, never in the production tool list.

#include <string>

#include <nlohmann/json.hpp>

namespace mcp {
class Server;
}

namespace fixture {

// A text content block.
inline nlohmann::json text_content(const std::string& value) { return {{"type", "text"}, {"text", value}}; }

// A 1x1 PNG and a short silent WAV, base64-encoded.
extern const std::string kPngBase64;
extern const std::string kWavBase64;

// test_simple_text, test_tool_with_progress, test_sampling, ... plus two for the end-to-end
// tests: test_wait_for_cancel and test_cancellation_count.
void add_tools(mcp::Server& server);

// resources/list, resources/read, resources/templates/list, resources/(un)subscribe.
void add_resources(mcp::Server& server);

// prompts/list, prompts/get and completion/complete.
void add_prompts(mcp::Server& server);

}  // namespace fixture
