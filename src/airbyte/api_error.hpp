#pragma once
// Turns a failed exchange with the Airbyte API into an UpstreamError a model can act on: the
// error envelope {message, errors: [{field, message, error_code}]} (or FastAPI's {detail})
// gives the message and the field at fault; the HTTP status gives the category and the next
// step; network failures say what could not be reached.

#include <chrono>
#include <optional>
#include <string>

#include "execution/upstream_error.hpp"
#include "net/http_types.hpp"

namespace airbyte {

struct ErrorContext {
  std::string what;        // "list connectors", "execute campaigns.list", ...
  int attempts = 1;
  bool idempotent = true;  // false: a failure after sending may have taken effect (say so)
};

execution::UpstreamError api_error(const net::HttpResult& result, const ErrorContext& context);

// The delay a 429 or 503 asks for with Retry-After in seconds, if any (the HTTP-date form is
// not used by Airbyte and is ignored).
std::optional<std::chrono::milliseconds> retry_after(const net::HttpResult& result);

}  // namespace airbyte
