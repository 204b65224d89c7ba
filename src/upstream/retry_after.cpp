#include "upstream/retry_after.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <string_view>

namespace upstream {

namespace {

using std::chrono::milliseconds;

constexpr long long kMaxSeconds = 24 * 60 * 60;

std::optional<long long> number(std::string_view text) {
  long long value = -1;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || ptr != text.data() + text.size() || value < 0) return std::nullopt;
  return value;
}

std::optional<unsigned> month_of(std::string_view name) {
  constexpr std::array<std::string_view, 12> kMonths = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                        "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  for (unsigned i = 0; i < kMonths.size(); ++i) {
    if (kMonths[i] == name) return i + 1;
  }
  return std::nullopt;
}

// "Sun, 06 Nov 1994 08:49:37 GMT", fixed width.
std::optional<std::chrono::sys_seconds> http_date(std::string_view text) {
  if (text.size() != 29 || text.substr(3, 2) != ", " || text[7] != ' ' || text[11] != ' ' || text[16] != ' ' ||
      text[19] != ':' || text[22] != ':' || text.substr(25) != " GMT") {
    return std::nullopt;
  }
  auto day = number(text.substr(5, 2));
  auto month = month_of(text.substr(8, 3));
  auto year = number(text.substr(12, 4));
  auto hour = number(text.substr(17, 2));
  auto minute = number(text.substr(20, 2));
  auto second = number(text.substr(23, 2));
  if (!day || !month || !year || !hour || !minute || !second || *hour > 23 || *minute > 59 || *second > 60) {
    return std::nullopt;
  }
  const std::chrono::year_month_day date{std::chrono::year(static_cast<int>(*year)), std::chrono::month(*month),
                                         std::chrono::day(static_cast<unsigned>(*day))};
  if (!date.ok()) return std::nullopt;
  return std::chrono::sys_days(date) + std::chrono::hours(*hour) + std::chrono::minutes(*minute) +
         std::chrono::seconds(*second);
}

}  // namespace

std::optional<milliseconds> retry_after(const net::HttpResult& result, std::chrono::system_clock::time_point now) {
  auto value = result.header("retry-after");
  if (!value) return std::nullopt;
  // Capped before multiplying, so that seconds * 1000 cannot overflow.
  if (auto seconds = number(*value)) return milliseconds(std::min(*seconds, kMaxSeconds) * 1000);
  auto when = http_date(*value);
  if (!when) return std::nullopt;
  // In seconds: a far date in nanoseconds, the clock's own unit, would overflow.
  const long long seconds = (*when - std::chrono::floor<std::chrono::seconds>(now)).count();
  return milliseconds(std::clamp(seconds, 0LL, kMaxSeconds) * 1000);
}

}  // namespace upstream
