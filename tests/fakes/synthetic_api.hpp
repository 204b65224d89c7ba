#pragma once
// Bulk answers for the fake TikTok API, for the benchmarks: campaign/get/ lists `campaigns`
// synthetic campaigns and report/integrated/get/ has `report_rows` rows, both paginated with
// page and page_size like TikTok. Each distinct query's body is built once and then served
// from memory, so the fake's own time stays small and steady next to the server's.

#include <cstddef>
#include <map>
#include <mutex>
#include <optional>
#include <string>

namespace fakes {

struct SyntheticSizes {
  std::size_t campaigns = 0;    // 0: campaign/get/ is left to the demo account
  std::size_t report_rows = 0;  // 0: report/integrated/get/ is left to the demo account
};

class SyntheticApi {
 public:
  explicit SyntheticApi(SyntheticSizes sizes) : sizes_(sizes) {}

  // The response body for an API path and its query, or nullopt when the path is not synthetic.
  std::optional<std::string> answer(const std::string& path, const std::map<std::string, std::string>& query);

 private:
  std::string build(const std::string& path, const std::map<std::string, std::string>& query) const;

  SyntheticSizes sizes_;
  std::mutex mutex_;
  std::map<std::string, std::string> bodies_;  // by path and query
};

}  // namespace fakes
