#pragma once
// Tools that exist only in tests, to exercise the protocol core without TikTok.

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "mcp/server.hpp"

namespace test {

inline void add_test_tools(mcp::Server& server) {
  server.tools().add(mcp::Tool{
      "echo", "Echo", "Returns its text.",
      nlohmann::json::parse(R"({"type":"object","properties":{"text":{"type":"string","minLength":1},
        "times":{"type":"integer","minimum":1,"maximum":3,"default":1}},"required":["text"],"additionalProperties":false})"),
      nlohmann::json::parse(R"({"type":"object","properties":{"echo":{"type":"string"}},"required":["echo"]})"),
      {.read_only = true},
      [](const nlohmann::json& args, mcp::ToolContext&) {
        std::string out;
        for (int i = 0; i < args["times"].get<int>(); ++i) out += args["text"].get<std::string>();
        return mcp::ToolResult::structured_json({{"echo", out}});
      }});
  server.tools().add(mcp::Tool{
      "wait_for_cancel", "", "Blocks until cancelled (at most 10 s), reporting progress first.",
      nlohmann::json{{"type", "object"}}, std::nullopt, {},
      [](const nlohmann::json&, mcp::ToolContext& ctx) {
        ctx.report_progress(1, 3, "started");
        ctx.report_progress(1, 3, "not increasing: dropped");
        ctx.report_progress(2, 3);
        ctx.log(logging::Level::Info, "test", "waiting");
        ctx.log(logging::Level::Debug, "test", "noise");
        std::mutex m;
        std::condition_variable_any cv;
        std::unique_lock lock(m);
        auto token = ctx.stop_token();
        cv.wait_for(lock, token, std::chrono::seconds(10), [] { return false; });
        return mcp::ToolResult::text(ctx.cancelled() ? "cancelled" : "timed out");
      }});
  server.tools().add(mcp::Tool{"fails", "", "Throws.", nlohmann::json{{"type", "object"}}, std::nullopt, {},
                               [](const nlohmann::json&, mcp::ToolContext&) -> mcp::ToolResult {
                                 throw std::runtime_error("boom");
                               }});
}

}  // namespace test
