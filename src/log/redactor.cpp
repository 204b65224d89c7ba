#include "log/redactor.hpp"

#include <algorithm>
#include <mutex>
#include <shared_mutex>
#include <vector>

namespace logging {

namespace {

struct Registry {
  std::shared_mutex mutex;
  std::vector<std::string> secrets;  // longest first, so a secret containing another is masked whole
};

Registry& registry() {
  static Registry r;
  return r;
}

}  // namespace

void add_secret(std::string_view value) {
  if (value.size() < 4) return;
  auto& r = registry();
  std::unique_lock lock(r.mutex);
  if (std::find(r.secrets.begin(), r.secrets.end(), value) != r.secrets.end()) return;
  r.secrets.emplace_back(value);
  std::sort(r.secrets.begin(), r.secrets.end(), [](const auto& a, const auto& b) { return a.size() > b.size(); });
}

void clear_secrets() {
  auto& r = registry();
  std::unique_lock lock(r.mutex);
  r.secrets.clear();
}

std::string redact(std::string text) {
  auto& r = registry();
  std::shared_lock lock(r.mutex);
  for (const auto& secret : r.secrets) {
    for (auto pos = text.find(secret); pos != std::string::npos; pos = text.find(secret, pos + kRedacted.size())) {
      text.replace(pos, secret.size(), kRedacted);
    }
  }
  return text;
}

bool contains_secret(std::string_view text) {
  auto& r = registry();
  std::shared_lock lock(r.mutex);
  return std::any_of(r.secrets.begin(), r.secrets.end(),
                     [&](const auto& s) { return text.find(s) != std::string_view::npos; });
}

}  // namespace logging
