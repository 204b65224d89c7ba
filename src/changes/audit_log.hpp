#pragma once
// The append-only record of every change the server sent (TIKTOK_MARKETING_AUDIT_LOG): one
// JSON object a line {time, advertiser_id, entity, action, ids, changes, status, results,
// request_id, client}, written and flushed to disk before the tool answers, passed through the
// secret redactor. Each entry also gives one info line on stderr. Thread-safe.

#include <mutex>
#include <string>

#include <nlohmann/json.hpp>

namespace changes {

class AuditLog {
 public:
  explicit AuditLog(std::string path);  // empty: stderr line only

  // Throws std::runtime_error when the line could not be written.
  void append(nlohmann::json entry);

  const std::string& path() const { return path_; }

 private:
  std::string path_;
  std::mutex mutex_;
};

}  // namespace changes
