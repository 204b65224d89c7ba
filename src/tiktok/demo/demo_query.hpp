#pragma once
// Reading a GET's query parameters the way TikTok validates them, for the demo's handlers
// (demo_api.cpp, demo_structure.cpp): a missing or malformed parameter is refused
// with DemoError 40002 and a "name: message" text, as TikTok words it.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace tiktok::demo::query {

using Params = std::map<std::string, std::string>;

std::optional<std::string> optional(const Params& q, const std::string& name);

// Present and non-empty, else 40002 "Missing data for required field."
std::string required(const Params& q, const std::string& name);

// A JSON-encoded parameter (arrays, filtering), or `fallback` when absent.
nlohmann::json json_value(const Params& q, const std::string& name, nlohmann::json fallback);

// A required JSON list of 1 to max_items strings.
std::vector<std::string> id_list(const Params& q, const std::string& name, std::size_t max_items);

// An integer in [1, max], or `fallback` when absent.
long long integer(const Params& q, const std::string& name, long long fallback, long long max);

// {list, page_info} for the page asked (page, page_size within max_page_size).
nlohmann::json page_of(const nlohmann::json& records, const Params& q, long long max_page_size,
                       long long default_page_size, const std::string& list_key = "list");

// Only `fields` of each record (a JSON list, or null for all); an unknown field is 40002.
nlohmann::json project(const nlohmann::json& records, const nlohmann::json& fields);

// Whether filtering[key] (a list, when present) holds `value`; a non-list is 40002.
bool listed_in(const nlohmann::json& filter, const std::string& key, const nlohmann::json& value);

// Whether filtering.primary_status (default STATUS_NOT_DELETE) shows an object that is deleted
// or not and has this operation_status; an unknown status is 40002.
bool status_allows(const nlohmann::json& filter, bool deleted, const std::string& operation);

}  // namespace tiktok::demo::query
