#include "changes/audit_log.hpp"

#include <cerrno>
#include <cstring>
#include <stdexcept>

#include <fcntl.h>
#include <unistd.h>

#include "log/logger.hpp"
#include "log/redactor.hpp"

namespace changes {

namespace {

std::string summary(const nlohmann::json& e) {
  return e.value("status", "?") + " " + e.value("entity", "?") + "." + e.value("action", "?") + " for advertiser " +
         e.value("advertiser_id", "?") + " (" + std::to_string(e.value("changes", nlohmann::json::array()).size()) +
         " field changes, request_id " + e.value("request_id", "none") + ")";
}

void write_all(int fd, const std::string& text) {
  std::size_t done = 0;
  while (done < text.size()) {
    const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) throw std::runtime_error(std::string("cannot write the audit log: ") + std::strerror(errno));
    done += static_cast<std::size_t>(n);
  }
}

}  // namespace

AuditLog::AuditLog(std::string path) : path_(std::move(path)) {}

void AuditLog::append(nlohmann::json entry) {
  const std::string line = logging::redact(entry.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)) + "\n";
  std::lock_guard lock(mutex_);
  if (!path_.empty()) {
    // O_APPEND keeps each line whole even if another process appends to the same file.
    const int fd = ::open(path_.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0) throw std::runtime_error("cannot open the audit log " + path_ + ": " + std::strerror(errno));
    try {
      write_all(fd, line);
      if (::fsync(fd) != 0) throw std::runtime_error(std::string("cannot flush the audit log: ") + std::strerror(errno));
    } catch (...) {
      ::close(fd);
      throw;
    }
    ::close(fd);
  }
  logging::info("change", summary(entry));
}

}  // namespace changes
