#pragma once
// The fields of a write's JSON body, read the way TikTok validates them: a missing or mistyped
// field is refused with DemoError 40002 and a "field: message" text. A null field counts as absent.

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace tiktok::demo {

// Throws DemoError 40002 with "name: message".
[[noreturn]] void refuse_field(const std::string& name, const std::string& message);

// A required, non-empty string.
std::string body_string(const nlohmann::json& body, const std::string& name);

// A string when present.
std::optional<std::string> optional_string(const nlohmann::json& body, const std::string& name);

// A number when present.
std::optional<double> optional_number(const nlohmann::json& body, const std::string& name);

// A boolean, or the fallback when absent.
bool optional_bool(const nlohmann::json& body, const std::string& name, bool fallback);

// A required list of 1 to max_ids id strings.
std::vector<std::string> body_ids(const nlohmann::json& body, const std::string& name, std::size_t max_ids);

// The value when it is one of the allowed ones.
std::string one_of(const std::string& value, const std::string& name, const std::vector<std::string>& allowed);

}  // namespace tiktok::demo
