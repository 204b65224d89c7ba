#pragma once
// The opaque meta.next_cursor of a read: everything needed to continue a result exactly after
// its last record, without server state (it survives a restart): the entity, the action, the
// prepared params it was made from and the position of the next record. Encoded as
// base64url(JSON) + "." + an 8-hex-digit checksum, so a corrupted cursor is detected.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace execution {

// Where the next record is. Kind "page": report window `window` (0 without windows), upstream
// page `page` (with the same page_size), `offset` records into that page. Kind "task": row
// `offset` of an async report task's result (a new task re-runs the report; window 0, page 1).
// A decoder that does not know a kind refuses the cursor.
struct CursorPosition {
  std::string kind = "page";
  std::size_t window = 0;
  long long page = 1;
  std::size_t offset = 0;
};

struct ResultCursor {
  std::string entity;
  std::string action;
  nlohmann::json params = nlohmann::json::object();  // prepared, without "cursor"
  CursorPosition position;
};

inline constexpr int kCursorVersion = 1;
// The longest cursor made or accepted (the catalogue's cursor param has the same maxLength).
inline constexpr std::size_t kMaxCursorChars = 8192;

// nullopt when the cursor would be longer than kMaxCursorChars (huge params).
std::optional<std::string> encode_cursor(const ResultCursor& cursor);

struct DecodedCursor {
  std::optional<ResultCursor> cursor;
  std::string error;  // why it was refused, when cursor is empty
};

DecodedCursor decode_cursor(std::string_view text);

}  // namespace execution
