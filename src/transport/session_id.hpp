#pragma once
// Session ids for the HTTP transports: 128 random bits from the system's CSPRNG as 32 hex
// digits, so an id cannot be guessed and is safe in a header and a query string.

#include <string>
#include <string_view>

namespace transport {

// Throws std::runtime_error when the random source fails (never silently weaker ids).
std::string new_session_id();

// True when `id` has the shape new_session_id() produces.
bool is_well_formed_session_id(std::string_view id);

}  // namespace transport
