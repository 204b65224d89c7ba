// The conformance suite's fixture tools (scenarios tools-call-*, elicitation-*,
// json-schema-2020-12), and two tools the end-to-end tests use to watch cancellation.

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "fixtures.hpp"
#include "mcp/protocol_error.hpp"
#include "mcp/server.hpp"

namespace fixture {

using nlohmann::json;
using namespace std::chrono_literals;

const std::string kPngBase64 = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC";
const std::string kWavBase64 = "UklGRjQAAABXQVZFZm10IBAAAAABAAEAQB8AAIA+AAACABAAZGF0YRAAAAAAAAAAAAAAAAAAAAAAAAAA";

namespace {

const json kNoArguments = json{{"type", "object"}, {"properties", json::object()}};

json string_argument(const std::string& name, const std::string& description) {
  return json{{"type", "object"},
              {"properties", {{name, {{"type", "string"}, {"description", description}}}}},
              {"required", {name}}};
}

json image() { return json{{"type", "image"}, {"data", kPngBase64}, {"mimeType", "image/png"}}; }

mcp::ToolResult content(json items) {
  mcp::ToolResult result;
  result.content = std::move(items);
  return result;
}

void add(mcp::Server& server, const std::string& name, const std::string& description, json input_schema,
         mcp::ToolHandler handler) {
  server.tools().add(mcp::Tool{name, "", description, std::move(input_schema), std::nullopt, {}, std::move(handler)});
}

// Sleeps, waking early when the call is cancelled.
void pause(mcp::ToolContext& context, std::chrono::milliseconds duration) {
  std::mutex mutex;
  std::condition_variable_any never;
  std::unique_lock lock(mutex);
  never.wait_for(lock, context.stop_token(), duration, [] { return false; });
}

// Asks the client through elicitation/create and reports what it answered.
mcp::ToolResult elicit(mcp::ToolContext& context, const std::string& message, json requested_schema) {
  try {
    json answer = context.request_client("elicitation/create",
                                         {{"message", message}, {"requestedSchema", std::move(requested_schema)}});
    return mcp::ToolResult::text("Elicitation completed: action=" + answer.value("action", std::string("?")) +
                                 ", content=" + answer.value("content", json::object()).dump());
  } catch (const mcp::ProtocolError& e) {
    return mcp::ToolResult::error(std::string("Elicitation failed: ") + e.what());
  }
}

void add_content_tools(mcp::Server& server) {
  add(server, "test_simple_text", "Returns a fixed text.", kNoArguments, [](const json&, mcp::ToolContext&) {
    return mcp::ToolResult::text("This is a simple text response for testing.");
  });
  add(server, "test_image_content", "Returns a 1x1 PNG image.", kNoArguments,
      [](const json&, mcp::ToolContext&) { return content(json::array({image()})); });
  add(server, "test_audio_content", "Returns a short WAV clip.", kNoArguments, [](const json&, mcp::ToolContext&) {
    return content(json::array({{{"type", "audio"}, {"data", kWavBase64}, {"mimeType", "audio/wav"}}}));
  });
  add(server, "test_embedded_resource", "Returns an embedded text resource.", kNoArguments,
      [](const json&, mcp::ToolContext&) {
        return content(json::array({{{"type", "resource"},
                                     {"resource",
                                      {{"uri", "test://embedded-resource"},
                                       {"mimeType", "text/plain"},
                                       {"text", "This is an embedded resource content."}}}}}));
      });
  add(server, "test_multiple_content_types", "Returns text, an image and a resource.", kNoArguments,
      [](const json&, mcp::ToolContext&) {
        return content(json::array({text_content("Multiple content types test:"), image(),
                                    {{"type", "resource"},
                                     {"resource",
                                      {{"uri", "test://mixed-content-resource"},
                                       {"mimeType", "application/json"},
                                       {"text", R"({"test":"data","value":123})"}}}}}));
      });
  add(server, "test_error_handling", "Always fails (isError).", kNoArguments, [](const json&, mcp::ToolContext&) {
    return mcp::ToolResult::error("This tool intentionally returns an error for testing");
  });
  server.tools().add(mcp::Tool{
      "json_schema_2020_12_tool", "", "Tool with JSON Schema 2020-12 features",
      json::parse(R"({"$schema":"https://json-schema.org/draft/2020-12/schema","type":"object",
        "$defs":{"address":{"type":"object","properties":{"street":{"type":"string"},"city":{"type":"string"}}}},
        "properties":{"name":{"type":"string"},"address":{"$ref":"#/$defs/address"}},
        "additionalProperties":false})"),
      std::nullopt, {}, [](const json& arguments, mcp::ToolContext&) {
        return mcp::ToolResult::text("Received: " + arguments.dump());
      }});
}

void add_notifying_tools(mcp::Server& server) {
  add(server, "test_tool_with_logging", "Sends three info log messages while it runs.", kNoArguments,
      [](const json&, mcp::ToolContext& context) {
        context.log(logging::Level::Info, "fixture", "Tool execution started");
        pause(context, 50ms);
        context.log(logging::Level::Info, "fixture", "Tool processing data");
        pause(context, 50ms);
        context.log(logging::Level::Info, "fixture", "Tool execution completed");
        return mcp::ToolResult::text("Logging test completed");
      });
  add(server, "test_tool_with_progress", "Reports progress 0, 50 and 100 of 100.", kNoArguments,
      [](const json&, mcp::ToolContext& context) {
        context.report_progress(0, 100);
        pause(context, 50ms);
        context.report_progress(50, 100);
        pause(context, 50ms);
        context.report_progress(100, 100);
        // The TypeScript client handles notifications a tick later than responses and drops
        // progress that arrives after its call's response: let the last one land first.
        pause(context, 50ms);
        return mcp::ToolResult::text("Progress test completed");
      });
}

void add_client_request_tools(mcp::Server& server) {
  add(server, "test_sampling", "Asks the client's model to answer the prompt (sampling/createMessage).",
      string_argument("prompt", "The prompt to send to the LLM"), [](const json& arguments, mcp::ToolContext& context) {
        try {
          json answer = context.request_client(
              "sampling/createMessage",
              {{"messages", json::array({{{"role", "user"}, {"content", text_content(arguments["prompt"].get<std::string>())}}})},
               {"maxTokens", 100}});
          json reply = answer.value("content", json::object());
          if (reply.is_array() && !reply.empty()) reply = reply.front();
          return mcp::ToolResult::text("LLM response: " + reply.value("text", std::string()));
        } catch (const mcp::ProtocolError& e) {
          return mcp::ToolResult::error(std::string("Sampling failed: ") + e.what());
        }
      });
  add(server, "test_elicitation", "Asks the user for a username and an email (elicitation/create).",
      string_argument("message", "The message to show the user"), [](const json& arguments, mcp::ToolContext& context) {
        return elicit(context, arguments["message"].get<std::string>(), json::parse(R"({"type":"object",
          "properties":{"username":{"type":"string","description":"User's response"},
                        "email":{"type":"string","description":"User's email address"}},
          "required":["username","email"]})"));
      });
  add(server, "test_elicitation_sep1034_defaults", "Elicits values whose schema has defaults (SEP-1034).",
      kNoArguments, [](const json&, mcp::ToolContext& context) {
        return elicit(context, "Please review the defaults", json::parse(R"({"type":"object","properties":{
          "name":{"type":"string","description":"Name","default":"John Doe"},
          "age":{"type":"integer","description":"Age","default":30},
          "score":{"type":"number","description":"Score","default":95.5},
          "status":{"type":"string","description":"Status","enum":["active","inactive","pending"],"default":"active"},
          "verified":{"type":"boolean","description":"Verified","default":true}}})"));
      });
  add(server, "test_elicitation_sep1330_enums", "Elicits choices in every enum form (SEP-1330).", kNoArguments,
      [](const json&, mcp::ToolContext& context) {
        return elicit(context, "Please choose", json::parse(R"({"type":"object","properties":{
          "untitledSingle":{"type":"string","enum":["option1","option2","option3"]},
          "titledSingle":{"type":"string","oneOf":[{"const":"value1","title":"First Option"},
            {"const":"value2","title":"Second Option"},{"const":"value3","title":"Third Option"}]},
          "legacyEnum":{"type":"string","enum":["opt1","opt2","opt3"],
            "enumNames":["Option One","Option Two","Option Three"]},
          "untitledMulti":{"type":"array","items":{"type":"string","enum":["option1","option2","option3"]}},
          "titledMulti":{"type":"array","items":{"anyOf":[{"const":"value1","title":"First Choice"},
            {"const":"value2","title":"Second Choice"},{"const":"value3","title":"Third Choice"}]}}}})"));
      });
}

// For the end-to-end tests: a call that runs until cancelled, and how many saw their cancel.
void add_cancellation_tools(mcp::Server& server) {
  static std::atomic<int> cancelled_calls{0};
  add(server, "test_wait_for_cancel", "Reports progress, then waits until cancelled (at most 60 s).", kNoArguments,
      [](const json&, mcp::ToolContext& context) {
        context.report_progress(1, 2, "waiting for cancellation");
        pause(context, 60s);
        if (!context.cancelled()) return mcp::ToolResult::text("not cancelled");
        ++cancelled_calls;
        return mcp::ToolResult::text("cancelled");
      });
  add(server, "test_cancellation_count", "How many test_wait_for_cancel calls have been cancelled so far.",
      kNoArguments, [](const json&, mcp::ToolContext&) {
        return mcp::ToolResult::structured_json({{"cancelled", cancelled_calls.load()}});
      });
}

}  // namespace

void add_tools(mcp::Server& server) {
  add_content_tools(server);
  add_notifying_tools(server);
  add_client_request_tools(server);
  add_cancellation_tools(server);
}

}  // namespace fixture
