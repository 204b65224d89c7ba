// Reading Retry-After: delay-seconds, the IMF-fixdate form against a given now, and the cap.

#include <catch2/catch.hpp>

#include "upstream/retry_after.hpp"

namespace {

using namespace std::chrono_literals;
using std::chrono::milliseconds;

net::HttpResult asking(std::string value) {
  net::HttpResult r;
  r.status = 429;
  r.headers["retry-after"] = std::move(value);
  return r;
}

// Wed, 21 Oct 2026 07:28:00 GMT
const std::chrono::system_clock::time_point kNow =
    std::chrono::sys_days(std::chrono::year(2026) / 10 / 21) + 7h + 28min;

}  // namespace

TEST_CASE("Retry-After is read in seconds") {
  CHECK(upstream::retry_after(asking("7")) == 7000ms);
  CHECK(upstream::retry_after(asking("0")) == 0ms);
  CHECK_FALSE(upstream::retry_after(asking("-1")));
  CHECK_FALSE(upstream::retry_after(asking("7 s")));
  CHECK_FALSE(upstream::retry_after(asking("")));
  net::HttpResult none;
  none.status = 429;
  CHECK_FALSE(upstream::retry_after(none));
}

// Found by fuzz_airbyte_response: a huge Retry-After overflowed seconds * 1000 (undefined).
TEST_CASE("a Retry-After beyond a day is read as a day") {
  CHECK(upstream::retry_after(asking("99999999999999999")) == milliseconds(86400000));
  CHECK(upstream::retry_after(asking("Fri, 31 Dec 9999 23:59:59 GMT"), kNow) == milliseconds(86400000));
}

TEST_CASE("a Retry-After date is read as the time left until it") {
  CHECK(upstream::retry_after(asking("Wed, 21 Oct 2026 07:28:30 GMT"), kNow) == 30000ms);
  CHECK(upstream::retry_after(asking("Wed, 21 Oct 2026 08:28:00 GMT"), kNow) == milliseconds(3600000));
  CHECK(upstream::retry_after(asking("Thu, 22 Oct 2026 07:28:00 GMT"), kNow) == milliseconds(86400000));
  SECTION("a date already past asks for no wait") {
    CHECK(upstream::retry_after(asking("Sun, 06 Nov 1994 08:49:37 GMT"), kNow) == 0ms);
  }
  SECTION("other date forms and impossible dates are not read") {
    CHECK_FALSE(upstream::retry_after(asking("Wednesday, 21-Oct-26 07:28:30 GMT"), kNow));  // RFC 850
    CHECK_FALSE(upstream::retry_after(asking("Wed Oct 21 07:28:30 2026"), kNow));           // asctime
    CHECK_FALSE(upstream::retry_after(asking("Wed, 31 Feb 2026 07:28:30 GMT"), kNow));
    CHECK_FALSE(upstream::retry_after(asking("Wed, 21 Oct 2026 25:28:30 GMT"), kNow));
    CHECK_FALSE(upstream::retry_after(asking("Wed, 21 Okt 2026 07:28:30 GMT"), kNow));
    CHECK_FALSE(upstream::retry_after(asking("Wed, 21 Oct 2026 07:28:30 UTC"), kNow));
  }
}
