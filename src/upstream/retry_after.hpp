#pragma once
// The wait an upstream asks for in its Retry-After header: delay-seconds ("120") or an
// IMF-fixdate ("Wed, 21 Oct 2026 07:28:00 GMT", read against `now`; a date already past asks
// for no wait). Capped at a day, beyond any retry budget. The obsolete RFC 850 and asctime
// date forms are not read.

#include <chrono>
#include <optional>

#include "net/http_types.hpp"

namespace upstream {

// nullopt when the header is missing or unreadable.
std::optional<std::chrono::milliseconds> retry_after(
    const net::HttpResult& result, std::chrono::system_clock::time_point now = std::chrono::system_clock::now());

}  // namespace upstream
