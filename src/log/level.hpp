#pragma once
// Severity levels: the syslog set that MCP's logging uses, ordered from least to most severe.

#include <optional>
#include <string_view>

namespace logging {

enum class Level { Debug, Info, Notice, Warning, Error, Critical, Alert, Emergency };

std::string_view to_string(Level level);
std::optional<Level> parse_level(std::string_view name);

}  // namespace logging
