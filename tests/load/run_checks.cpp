#include "load/run_checks.hpp"

namespace load {

namespace {

std::string n(std::size_t value) { return std::to_string(value); }

class Checklist {
 public:
  void require(bool ok, std::string what) {
    if (!ok) failed_.push_back(std::move(what));
  }
  std::vector<std::string> failed() && { return std::move(failed_); }

 private:
  std::vector<std::string> failed_;
};

void check_replies(Checklist& c, const RunFigures& f) {
  const ReplyTally& r = f.replies;
  c.require(r.expected == static_cast<std::size_t>(f.calls),
            "only " + n(r.expected) + " of " + std::to_string(f.calls) + " calls were sent");
  c.require(r.missing == 0, n(r.missing) + " calls got no answer");
  c.require(r.duplicates == 0, n(r.duplicates) + " answers were duplicates");
  c.require(r.unknown == 0, n(r.unknown) + " messages answered no call");
  c.require(r.wrong == 0, n(r.wrong) + " answers were wrong");
  c.require(r.canaries == 0, n(r.canaries) + " answers contain a canary secret");
  c.require(r.problems.empty(), "problems were reported (listed above)");
}

void check_upstream(Checklist& c, const RunFigures& f, const LoadOptions& o) {
  const std::size_t calls = static_cast<std::size_t>(f.calls);
  // A transient fault costs exactly one more request; anything else is a retry nobody asked for.
  c.require(f.upstream_requests == calls + f.faults.transient, "upstream requests " + n(f.upstream_requests) +
                                                                   " != calls " + n(calls) + " + transient faults " +
                                                                   n(f.faults.transient));
  c.require(f.replies.error_results == f.faults.permanent,
            "error results " + n(f.replies.error_results) + " != permanent faults " + n(f.faults.permanent));
  c.require(f.faults.transient + f.faults.permanent >= calls / o.fault_every / 2, "too few faults were injected");
  c.require(f.max_per_checked_window <= static_cast<std::size_t>(o.qps),
            n(f.max_per_checked_window) + " upstream requests within " + std::to_string(1000 - o.jitter_ms) +
                " ms, above the limit of " + std::to_string(o.qps) + " per second");
}

void check_process(Checklist& c, const RunFigures& f, const LoadOptions& o) {
  c.require(f.sessions_opened == f.sessions && f.sessions_closed == f.sessions,
            "sessions opened " + n(f.sessions_opened) + ", closed " + n(f.sessions_closed) + " of " + n(f.sessions));
  c.require(f.peak_rss_kib > 0 && f.peak_rss_kib <= o.max_rss_mib * 1024,
            "peak RSS " + n(f.peak_rss_kib) + " KiB, bound " + n(o.max_rss_mib * 1024) + " KiB");
  c.require(f.exit_status == 0, "the server exited with status " + std::to_string(f.exit_status));
  c.require(!f.canary_in_log, "a canary secret appears in the server log " + f.log_path);
}

}  // namespace

std::vector<std::string> check_run(const RunFigures& f, const LoadOptions& o) {
  Checklist c;
  check_replies(c, f);
  check_upstream(c, f, o);
  check_process(c, f, o);
  return std::move(c).failed();
}

}  // namespace load
