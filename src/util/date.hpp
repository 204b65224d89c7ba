#pragma once
// Calendar dates in the YYYY-MM-DD form TikTok reports use, as days since 1970-01-01 so that
// ranges can be compared and split without time zones getting in the way.

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace util {

// Days since 1970-01-01 for a valid YYYY-MM-DD date; nullopt for any other text or an
// impossible date such as 2025-02-30.
std::optional<long> parse_date(std::string_view text);

// The YYYY-MM-DD form of a day number.
std::string format_date(long days);

// Today's date in UTC.
long today_utc();

// "2026-12-02T16:03:29Z": a moment in UTC, to the second.
std::string format_utc_time(std::chrono::system_clock::time_point at);

}  // namespace util
