#include "load/options.hpp"

#include <functional>
#include <map>
#include <stdexcept>
#include <string>

namespace load {

const char* const kUsage =
    "usage: load_driver [--calls N] [--sessions N] [--in-flight N] [--qps N] [--fault-every N]\n"
    "                   [--max-rss-mib N] [--jitter-ms N] [--transport http|stdio|both] [--binary PATH]\n"
    "                   [--log-dir DIR]\n"
    "Sends N tool calls (default 10000) over Streamable HTTP and over stdio to the server, with one\n"
    "upstream request in --fault-every faulted, and checks every answer, the rate limit and memory.\n";

namespace {

long long number(const std::string& flag, const std::string& value, long long min) {
  std::size_t used = 0;
  long long n = 0;
  try {
    n = std::stoll(value, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  if (used != value.size() || n < min) {
    throw std::invalid_argument(flag + " needs a whole number of at least " + std::to_string(min) + ", not " + value);
  }
  return n;
}

std::size_t count(const std::string& flag, const std::string& value, long long min) {
  return static_cast<std::size_t>(number(flag, value, min));
}

void set_transport(LoadOptions& o, const std::string& value) {
  if (value != "http" && value != "stdio" && value != "both")
    throw std::invalid_argument("--transport: http, stdio or both");
  o.http = value != "stdio";
  o.stdio = value != "http";
}

using Setter = std::function<void(LoadOptions&, const std::string& flag, const std::string& value)>;

const std::map<std::string, Setter>& setters() {
  static const std::map<std::string, Setter> table{
      {"--calls", [](LoadOptions& o, const auto& f, const auto& v) { o.calls = number(f, v, 1); }},
      {"--sessions", [](LoadOptions& o, const auto& f, const auto& v) { o.sessions = count(f, v, 1); }},
      {"--in-flight", [](LoadOptions& o, const auto& f, const auto& v) { o.in_flight = count(f, v, 1); }},
      {"--qps", [](LoadOptions& o, const auto& f, const auto& v) { o.qps = static_cast<int>(number(f, v, 1)); }},
      {"--fault-every", [](LoadOptions& o, const auto& f, const auto& v) { o.fault_every = count(f, v, 2); }},
      {"--max-rss-mib", [](LoadOptions& o, const auto& f, const auto& v) { o.max_rss_mib = count(f, v, 1); }},
      {"--jitter-ms",
       [](LoadOptions& o, const auto& f, const auto& v) { o.jitter_ms = static_cast<int>(number(f, v, 0)); }},
      {"--transport", [](LoadOptions& o, const auto&, const auto& v) { set_transport(o, v); }},
      {"--binary", [](LoadOptions& o, const auto&, const auto& v) { o.binary = v; }},
      {"--log-dir", [](LoadOptions& o, const auto&, const auto& v) { o.log_dir = v; }},
  };
  return table;
}

}  // namespace

LoadOptions parse_options(int argc, char** argv, LoadOptions o) {
  for (int i = 1; i < argc; ++i) {
    const std::string flag = argv[i];
    if (flag == "--help") throw std::invalid_argument("");
    const auto setter = setters().find(flag);
    if (setter == setters().end()) throw std::invalid_argument("unknown option " + flag);
    if (i + 1 >= argc) throw std::invalid_argument("missing value after " + flag);
    setter->second(o, flag, argv[++i]);
  }
  if (o.jitter_ms >= 1000) throw std::invalid_argument("--jitter-ms must be less than 1000");
  return o;
}

}  // namespace load
