#pragma once
// Keeps a tool result under a character budget by returning the whole records that fit and
// saying in meta how many were left out and how to narrow the query (never cutting a record).

#include <cstddef>
#include <string>

#include <nlohmann/json.hpp>

namespace execution {

struct BoundedResult {
  nlohmann::json value;  // {data, meta}
  std::string text;      // its serialisation, within the budget where possible
};

// `narrowing_hint` tells the model how to ask for less (entity-specific).
BoundedResult bound_output(nlohmann::json data, nlohmann::json meta, std::size_t max_chars,
                           const std::string& narrowing_hint);

}  // namespace execution
