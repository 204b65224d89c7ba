#include "execution/result_cursor.hpp"

#include <array>
#include <cstdint>
#include <cstdio>

namespace execution {

namespace {

using nlohmann::json;

constexpr std::string_view kBase64Url = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

std::string base64url_encode(std::string_view bytes) {
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  std::uint32_t buffer = 0;
  int bits = 0;
  for (unsigned char c : bytes) {
    buffer = (buffer << 8) | c;
    bits += 8;
    while (bits >= 6) {
      bits -= 6;
      out.push_back(kBase64Url[(buffer >> bits) & 0x3F]);
    }
  }
  if (bits > 0) out.push_back(kBase64Url[(buffer << (6 - bits)) & 0x3F]);
  return out;
}

std::optional<std::string> base64url_decode(std::string_view text) {
  std::array<int, 256> value{};
  value.fill(-1);
  for (std::size_t i = 0; i < kBase64Url.size(); ++i) value[static_cast<unsigned char>(kBase64Url[i])] = static_cast<int>(i);
  if (text.size() % 4 == 1) return std::nullopt;
  std::string out;
  std::uint32_t buffer = 0;
  int bits = 0;
  for (unsigned char c : text) {
    if (value[c] < 0) return std::nullopt;
    buffer = (buffer << 6) | static_cast<std::uint32_t>(value[c]);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(static_cast<char>((buffer >> bits) & 0xFF));
    }
  }
  return out;
}

// FNV-1a, 32 bits: detects corruption (a cursor is not a secret; the params in it are
// validated again like any others).
std::string checksum_of(std::string_view bytes) {
  std::uint32_t hash = 2166136261u;
  for (unsigned char c : bytes) {
    hash ^= c;
    hash *= 16777619u;
  }
  char hex[9];
  std::snprintf(hex, sizeof hex, "%08x", hash);
  return hex;
}

json position_json(const CursorPosition& p) { return json{{"k", p.kind}, {"w", p.window}, {"pg", p.page}, {"o", p.offset}}; }

bool is_count(const json& j) { return j.is_number_unsigned() || (j.is_number_integer() && j.get<long long>() >= 0); }

std::optional<CursorPosition> position_from(const json& j) {
  if (!j.is_object() || !j.contains("k") || !j["k"].is_string()) return std::nullopt;
  CursorPosition p;
  p.kind = j["k"].get<std::string>();
  if (p.kind != "page" && p.kind != "task") return p;  // the caller refuses kinds it does not know
  for (const char* key : {"w", "pg", "o"}) {
    if (!j.contains(key) || !is_count(j[key])) return std::nullopt;
  }
  p.window = j["w"].get<std::size_t>();
  p.page = j["pg"].get<long long>();
  p.offset = j["o"].get<std::size_t>();
  if (p.page < 1) return std::nullopt;
  return p;
}

const char* kPassExactly = "; pass meta.next_cursor exactly as an earlier result returned it, or run the query again without cursor";

DecodedCursor refused_cursor(std::string why) { return {std::nullopt, "params.cursor " + why + kPassExactly}; }

}  // namespace

std::optional<std::string> encode_cursor(const ResultCursor& cursor) {
  const json payload{{"v", kCursorVersion},
                     {"e", cursor.entity},
                     {"a", cursor.action},
                     {"p", cursor.params},
                     {"at", position_json(cursor.position)}};
  const std::string text = payload.dump(-1, ' ', false, json::error_handler_t::replace);
  std::string out = base64url_encode(text) + "." + checksum_of(text);
  if (out.size() > kMaxCursorChars) return std::nullopt;
  return out;
}

DecodedCursor decode_cursor(std::string_view text) {
  if (text.empty()) return refused_cursor("is empty");
  if (text.size() > kMaxCursorChars) {
    return refused_cursor("is longer than any cursor this server makes (" + std::to_string(text.size()) + " characters, at most " +
                   std::to_string(kMaxCursorChars) + ")");
  }
  const auto dot = text.rfind('.');
  if (dot == std::string_view::npos || text.size() - dot - 1 != 8) return refused_cursor("is not a cursor made by this server");
  const auto bytes = base64url_decode(text.substr(0, dot));
  if (!bytes) return refused_cursor("is not a cursor made by this server (not base64url)");
  if (checksum_of(*bytes) != text.substr(dot + 1)) return refused_cursor("is corrupted (its checksum does not match)");
  const json payload = json::parse(*bytes, nullptr, false);
  if (!payload.is_object() || !payload.contains("v") || !payload["v"].is_number_integer()) {
    return refused_cursor("is not a cursor made by this server");
  }
  if (payload["v"].get<long long>() != kCursorVersion) {
    return refused_cursor("was made by another version of this server (cursor format " + payload["v"].dump() +
                   ", this server reads " + std::to_string(kCursorVersion) + ")");
  }
  const bool shaped = payload.contains("e") && payload["e"].is_string() && payload.contains("a") &&
                      payload["a"].is_string() && payload.contains("p") && payload["p"].is_object() &&
                      payload.contains("at");
  if (!shaped) return refused_cursor("is malformed (entity, action, params or position missing)");
  auto position = position_from(payload["at"]);
  if (!position) return refused_cursor("is malformed (its position is not valid)");
  if (position->kind != "page" && position->kind != "task") {
    return refused_cursor("holds a position of kind \"" + position->kind + "\", which this server cannot continue");
  }
  ResultCursor c;
  c.entity = payload["e"].get<std::string>();
  c.action = payload["a"].get<std::string>();
  c.params = payload["p"];
  c.position = *position;
  return {std::move(c), ""};
}

}  // namespace execution
