#include "execution/page_info.hpp"

#include <string>

namespace execution {

using nlohmann::json;

long long page_count(const json& page_info, const char* key) {
  if (!page_info.is_object() || !page_info.contains(key)) return -1;
  const auto& v = page_info[key];
  if (v.is_number_float()) {
    // Upstream data: a float beyond long long (1e300) must not be converted, which is undefined.
    const double d = v.get<double>();
    return d > -0x1p63 && d < 0x1p63 ? static_cast<long long>(d) : -1;
  }
  if (v.is_number()) return v.get<long long>();
  if (v.is_string()) {
    try {
      return std::stoll(v.get<std::string>());
    } catch (const std::exception&) {
      return -1;
    }
  }
  return -1;
}

}  // namespace execution
