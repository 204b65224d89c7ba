#include "transport/session_id.hpp"

#include <openssl/rand.h>

#include <stdexcept>

namespace transport {

namespace {

constexpr std::size_t kRandomBytes = 16;

}  // namespace

std::string new_session_id() {
  unsigned char bytes[kRandomBytes];
  if (RAND_bytes(bytes, sizeof bytes) != 1) throw std::runtime_error("the random number generator failed");
  static constexpr char kHex[] = "0123456789abcdef";
  std::string id;
  id.reserve(2 * kRandomBytes);
  for (unsigned char b : bytes) {
    id += kHex[b >> 4];
    id += kHex[b & 0x0f];
  }
  return id;
}

bool is_well_formed_session_id(std::string_view id) {
  return id.size() == 2 * kRandomBytes && id.find_first_not_of("0123456789abcdef") == std::string_view::npos;
}

}  // namespace transport
