#pragma once
// How a "get" action reads records by id, as the catalogue describes it under the action's
// "get" key (schemas/entities/*.json): which param holds the ids, which record field carries
// the id, and how the ids reach TikTok: inside the list filtering (campaign/get/ and the like)
// or as a query param of an info endpoint (file/image/ad/info/). Deleted objects can be asked
// for with a param that adds a filtering (primary_status STATUS_ALL).

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

namespace catalog {

using nlohmann::json;

struct GetSpec {
  std::string id_param = "ids";    // the action param holding the ids
  std::string id_field;            // the record field that carries the id
  std::string filter_key;          // filtering.<key> = ids, or empty
  std::string query_param;         // <param> = ids, or empty
  std::string deleted_param;       // boolean param that includes deleted objects, or empty
  json deleted_filtering;          // merged into filtering when deleted_param is true
  std::optional<int> page_size;    // sent with the request so one page holds every id
};

// Throws std::runtime_error naming what is malformed.
GetSpec parse_get_spec(const json& spec);

}  // namespace catalog
