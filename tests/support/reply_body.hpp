#pragma once
// The JSON-RPC messages in a Streamable HTTP reply body, which comes either as
// application/json (one message or a batch) or as text/event-stream (one message per event).

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace test {

// Throws std::runtime_error for a body that is neither, or holds text that is not JSON.
std::vector<nlohmann::json> messages_in_body(const std::string& content_type, const std::string& body);

}  // namespace test
