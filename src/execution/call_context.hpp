#pragma once
// What an execution can see of the call that asked for it: cancellation and a way to report
// progress and log lines. Independent of MCP (the tools layer adapts its ToolContext).

#include <functional>
#include <optional>
#include <stop_token>
#include <string>

namespace execution {

struct CallContext {
  std::stop_token stop;
  std::function<void(double progress, std::optional<double> total, const std::string& message)> progress;
  std::function<void(const std::string& message)> log;

  void report(double done, std::optional<double> total, const std::string& message) const {
    if (progress) progress(done, total, message);
  }
  void note(const std::string& message) const {
    if (log) log(message);
  }
};

}  // namespace execution
