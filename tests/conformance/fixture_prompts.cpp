// The conformance suite's fixture prompts (scenarios prompts-*) and argument completion
// (completion-complete), served through the core's extra-method hook.

#include <algorithm>

#include "fixtures.hpp"
#include "jsonrpc/error_codes.hpp"
#include "mcp/protocol_error.hpp"
#include "mcp/server.hpp"

namespace fixture {

using nlohmann::json;

namespace {

const json kPrompts = json::parse(R"([
  {"name":"test_simple_prompt","description":"A prompt without arguments"},
  {"name":"test_prompt_with_arguments","description":"A prompt that repeats its two arguments",
   "arguments":[{"name":"arg1","description":"First test argument","required":true},
                {"name":"arg2","description":"Second test argument","required":true}]},
  {"name":"test_prompt_with_embedded_resource","description":"A prompt that embeds a resource",
   "arguments":[{"name":"resourceUri","description":"URI of the resource to embed","required":true}]},
  {"name":"test_prompt_with_image","description":"A prompt with an image"}
])");

// Values completion/complete offers for arg1, filtered by what the client typed.
const std::vector<std::string> kArg1Values = {"paris", "park", "party", "test", "testing", "tested"};

json user(json content) { return json{{"role", "user"}, {"content", std::move(content)}}; }

std::string argument(const json& params, const std::string& name) {
  const json arguments = params.value("arguments", json::object());
  if (!arguments.is_object() || !arguments.contains(name) || !arguments[name].is_string()) {
    throw mcp::ProtocolError(jsonrpc::kInvalidParams, "Invalid params: the prompt needs the argument " + name);
  }
  return arguments[name].get<std::string>();
}

json messages(const std::string& name, const json& params) {
  if (name == "test_simple_prompt") return json::array({user(text_content("This is a simple prompt for testing."))});
  if (name == "test_prompt_with_arguments") {
    return json::array({user(text_content("Prompt with arguments: arg1='" + argument(params, "arg1") + "', arg2='" +
                                  argument(params, "arg2") + "'"))});
  }
  if (name == "test_prompt_with_embedded_resource") {
    return json::array({user({{"type", "resource"},
                              {"resource",
                               {{"uri", argument(params, "resourceUri")},
                                {"mimeType", "text/plain"},
                                {"text", "Embedded resource content for testing."}}}}),
                        user(text_content("Please process the embedded resource above."))});
  }
  if (name == "test_prompt_with_image") {
    return json::array({user({{"type", "image"}, {"data", kPngBase64}, {"mimeType", "image/png"}}),
                        user(text_content("Please analyze the image above."))});
  }
  throw mcp::ProtocolError(jsonrpc::kInvalidParams, "Invalid params: unknown prompt " + name);
}

json complete(const json& params) {
  const json ref = params.value("ref", json::object());
  const json arg = params.value("argument", json::object());
  std::vector<std::string> values;
  if (ref.value("type", "") == "ref/prompt" && ref.value("name", "") == "test_prompt_with_arguments" &&
      arg.value("name", "") == "arg1") {
    const std::string typed = arg.value("value", "");
    std::copy_if(kArg1Values.begin(), kArg1Values.end(), std::back_inserter(values),
                 [&](const std::string& v) { return v.rfind(typed, 0) == 0; });
  }
  return json{{"completion", {{"values", values}, {"total", values.size()}, {"hasMore", false}}}};
}

}  // namespace

void add_prompts(mcp::Server& server) {
  server.add_capability("prompts", {{"listChanged", false}});
  server.add_capability("completions", json::object());
  server.add_method("prompts/list", [](const mcp::MethodCall&) { return json{{"prompts", kPrompts}}; });
  server.add_method("prompts/get", [](const mcp::MethodCall& call) {
    const json name = call.params.value("name", json());
    if (!name.is_string()) throw mcp::ProtocolError(jsonrpc::kInvalidParams, "Invalid params: params.name is required");
    return json{{"messages", messages(name.get<std::string>(), call.params)}};
  });
  server.add_method("completion/complete", [](const mcp::MethodCall& call) { return complete(call.params); });
}

}  // namespace fixture
