#pragma once
// Keeps a tool result under a character budget by returning the whole records that fit and
// saying in meta how many were left out and how to narrow the query (never cutting a record).

#include <cstddef>
#include <functional>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

namespace execution {

struct BoundedResult {
  nlohmann::json value;  // {data, meta}
  std::string text;      // its serialisation, within the budget where possible
};

// The cursor that continues after the first `kept` records, or nullopt when nothing follows them.
using CursorAfter = std::function<std::optional<std::string>(std::size_t kept)>;

// `narrowing_hint` tells the model how to ask for less (entity-specific). With `cursor_after`,
// meta.next_cursor continues after the last record returned (whether or not any were cut).
BoundedResult bound_output(nlohmann::json data, nlohmann::json meta, std::size_t max_chars,
                           const std::string& narrowing_hint, const CursorAfter& cursor_after = {});

}  // namespace execution
