#include "log/level.hpp"

#include <array>
#include <utility>

namespace logging {

namespace {
constexpr std::array<std::pair<Level, std::string_view>, 8> kNames{{
    {Level::Debug, "debug"},
    {Level::Info, "info"},
    {Level::Notice, "notice"},
    {Level::Warning, "warning"},
    {Level::Error, "error"},
    {Level::Critical, "critical"},
    {Level::Alert, "alert"},
    {Level::Emergency, "emergency"},
}};
}  // namespace

std::string_view to_string(Level level) {
  for (const auto& [l, name] : kNames) {
    if (l == level) return name;
  }
  return "info";
}

std::optional<Level> parse_level(std::string_view name) {
  for (const auto& [l, n] : kNames) {
    if (n == name) return l;
  }
  return std::nullopt;
}

}  // namespace logging
