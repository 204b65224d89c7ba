#include "load/figures.hpp"

#include <algorithm>
#include <iomanip>

namespace load {

void print_figures(std::ostream& out, const RunFigures& f, const LoadOptions& o) {
  const ReplyTally& r = f.replies;
  out << std::fixed << std::setprecision(1);
  out << "load [" << f.transport << "]: " << f.calls << " calls, " << f.sessions << " session(s), up to "
      << f.concurrency << " in flight, " << f.seconds << " s, " << (f.seconds > 0 ? f.calls / f.seconds : 0.0)
      << " calls/s\n";
  out << "  upstream: " << f.upstream_requests << " requests, "
      << (f.upstream_requests - std::min<std::size_t>(f.upstream_requests, f.calls)) << " retries, busiest 1 s window "
      << f.max_per_second;
  if (o.jitter_ms > 0) out << ", busiest " << 1000 - o.jitter_ms << " ms window " << f.max_per_checked_window;
  out << " (limit " << o.qps << " QPS)\n";
  out << "  faults injected: " << f.faults.transient + f.faults.permanent << " (" << f.faults.transient
      << " transient, " << f.faults.permanent << " permanent); error results: " << r.error_results << "\n";
  out << "  answers: " << r.answered << " of " << r.expected << " ids, " << r.ok << " ok, " << r.missing << " missing, "
      << r.duplicates << " duplicate, " << r.unknown << " unknown, " << r.wrong << " wrong, " << r.canaries
      << " with a canary";
  if (f.transport == "http")
    out << "; " << f.json_replies << " as JSON, " << f.event_stream_replies << " as event streams";
  out << "\n";
  out << "  server: peak RSS " << static_cast<double>(f.peak_rss_kib) / 1024 << " MiB (bound " << o.max_rss_mib
      << " MiB), exit status " << f.exit_status << ", log " << f.log_path << "\n";
  for (const auto& p : r.problems) out << "  problem: " << p << "\n";
}

}  // namespace load
