#pragma once
// Turns a failed exchange with the Airbyte API into an UpstreamError a model can act on: the
// error envelope {message, errors: [{field, message, error_code}]} (or FastAPI's {detail})
// gives the message and the field at fault; the HTTP status gives the category and the next
// step; network failures say what could not be reached. The texts shared with other upstreams
// come from upstream/source_errors.hpp.

#include <string>

#include "execution/upstream_error.hpp"
#include "net/http_types.hpp"
#include "upstream/retry_policy.hpp"
#include "upstream/source_errors.hpp"

namespace airbyte {

struct ErrorContext {
  std::string what;  // "list connectors", "execute campaigns.list", ...
  int attempts = 1;
  // NonIdempotent: a failure after sending may have taken effect (say so, and set outcome_unknown).
  upstream::Idempotency idempotency = upstream::Idempotency::Idempotent;
};

execution::UpstreamError api_error(const net::HttpResult& result, const ErrorContext& context);

// Airbyte as an upstream: its name and the settings its errors point at.
const upstream::Source& airbyte_source();

}  // namespace airbyte
