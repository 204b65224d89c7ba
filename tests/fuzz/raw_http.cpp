#include "raw_http.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <map>
#include <utility>

namespace fuzz {

namespace {

constexpr std::string_view kSeparator = "\n===\n";

struct Head {
  std::string start_line;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
};

std::string_view take_line(std::string_view& text) {
  const auto end = text.find('\n');
  std::string_view line = text.substr(0, end);
  text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return line;
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

Head parse_head(std::string_view part) {
  Head head;
  head.start_line = std::string(take_line(part));
  while (!part.empty()) {
    const std::string_view line = take_line(part);
    if (line.empty()) break;
    const auto colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    head.headers.emplace_back(std::string(trim(line.substr(0, colon))), std::string(trim(line.substr(colon + 1))));
  }
  head.body = std::string(part);
  return head;
}

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string percent_decode(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '+') {
      out += ' ';
    } else if (text[i] == '%' && i + 2 < text.size() && hex_digit(text[i + 1]) >= 0 && hex_digit(text[i + 2]) >= 0) {
      out += static_cast<char>(hex_digit(text[i + 1]) * 16 + hex_digit(text[i + 2]));
      i += 2;
    } else {
      out += text[i];
    }
  }
  return out;
}

void parse_query(std::string_view query, std::map<std::string, std::string>& out) {
  while (!query.empty()) {
    const auto amp = query.find('&');
    const std::string_view pair = query.substr(0, amp);
    const auto eq = pair.find('=');
    const std::string key = percent_decode(pair.substr(0, eq));
    if (!key.empty()) out.emplace(key, eq == std::string_view::npos ? "" : percent_decode(pair.substr(eq + 1)));
    if (amp == std::string_view::npos) break;
    query.remove_prefix(amp + 1);
  }
}

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

net::Failure failure_named(std::string_view name) {
  if (name == "connect") return net::Failure::ConnectFailed;
  if (name == "timeout") return net::Failure::Timeout;
  if (name == "lost") return net::Failure::ConnectionLost;
  if (name == "tls") return net::Failure::Tls;
  if (name == "too_large") return net::Failure::TooLarge;
  if (name == "cancelled") return net::Failure::Cancelled;
  return net::Failure::Other;
}

}  // namespace

std::vector<std::string_view> split_parts(std::string_view input, std::size_t max_parts) {
  std::vector<std::string_view> parts;
  while (parts.size() + 1 < max_parts) {
    const auto end = input.find(kSeparator);
    if (end == std::string_view::npos) break;
    parts.push_back(input.substr(0, end));
    input.remove_prefix(end + kSeparator.size());
  }
  if (max_parts > 0) parts.push_back(input);
  return parts;
}

transport::HttpRequest parse_request(std::string_view part) {
  Head head = parse_head(part);
  transport::HttpRequest request;
  std::string_view start = head.start_line;
  const auto space = start.find(' ');
  request.method = std::string(start.substr(0, space));
  std::string_view target = space == std::string_view::npos ? std::string_view() : trim(start.substr(space + 1));
  target = target.substr(0, target.find(' '));  // drop " HTTP/1.1"
  const auto question = target.find('?');
  request.path = percent_decode(target.substr(0, question));
  if (question != std::string_view::npos) parse_query(target.substr(question + 1), request.query);
  for (auto& [name, value] : head.headers) request.headers.emplace(std::move(name), std::move(value));
  request.body = std::move(head.body);
  return request;
}

net::HttpResult parse_response(std::string_view part) {
  net::HttpResult result;
  if (part.rfind("FAIL", 0) == 0) {
    std::string_view rest = part.substr(4);
    const std::string_view line = trim(take_line(rest));
    const auto space = line.find(' ');
    result.failure = failure_named(line.substr(0, space));
    result.failure_detail = space == std::string_view::npos ? "" : std::string(line.substr(space + 1));
    return result;
  }
  if (part.rfind("HTTP/", 0) != 0) {
    result.status = 200;
    result.body = std::string(part);
    return result;
  }
  Head head = parse_head(part);
  std::string_view start = head.start_line;
  const auto space = start.find(' ');
  const std::string_view code = space == std::string_view::npos ? "" : start.substr(space + 1, 3);
  int status = 0;
  std::from_chars(code.data(), code.data() + code.size(), status);
  result.status = status >= 100 && status <= 999 ? status : 200;  // what an HTTP client can report
  for (auto& [name, value] : head.headers) result.headers.emplace(lower(name), std::move(value));
  result.body = std::move(head.body);
  return result;
}

std::vector<net::HttpResult> parse_responses(std::string_view input, std::size_t max_answers) {
  std::vector<net::HttpResult> answers;
  for (auto part : split_parts(input, max_answers)) answers.push_back(parse_response(part));
  return answers;
}

}  // namespace fuzz
