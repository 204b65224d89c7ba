#include "transport/http_message.hpp"

#include <algorithm>
#include <cctype>

#include "jsonrpc/message.hpp"
#include "log/redactor.hpp"

namespace transport {

bool CaseInsensitiveLess::operator()(const std::string& a, const std::string& b) const {
  return std::lexicographical_compare(a.begin(), a.end(), b.begin(), b.end(), [](unsigned char x, unsigned char y) {
    return std::tolower(x) < std::tolower(y);
  });
}

std::optional<std::string_view> HttpRequest::header(const std::string& name) const {
  auto it = headers.find(name);
  if (it == headers.end()) return std::nullopt;
  return std::string_view(it->second);
}

HttpResponse empty_response(int status) {
  HttpResponse response;
  response.status = status;
  return response;
}

HttpResponse json_error(int status, int code, std::string message) {
  return json_body(status, jsonrpc::make_error(nullptr, jsonrpc::Error{code, std::move(message), nullptr}));
}

HttpResponse json_body(int status, const nlohmann::json& body) {
  HttpResponse response;
  response.status = status;
  response.content_type = "application/json";
  response.body = logging::redact(jsonrpc::serialize(body));
  return response;
}

}  // namespace transport
