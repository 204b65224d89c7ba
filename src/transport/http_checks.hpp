#pragma once
// The request checks both HTTP transports make before a message reaches a session, each
// giving a ready JSON-RPC error response (status and code as the TypeScript SDK gives them).

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "jsonrpc/message.hpp"
#include "transport/http_message.hpp"

namespace transport {

// Whether the Accept header admits `media_type` ("type/subtype"), directly or through
// "type/*" or "*/*". No Accept header admits everything (RFC 9110).
bool accepts(const HttpRequest& request, std::string_view media_type);

// 415 unless Content-Type is application/json (parameters such as charset allowed).
std::optional<HttpResponse> check_json_content_type(const HttpRequest& request);

// 413 when the body is longer than `max_bytes`.
std::optional<HttpResponse> check_body_size(const HttpRequest& request, std::size_t max_bytes);
HttpResponse body_too_large(std::size_t max_bytes);

// 400 when the body is not JSON (-32700) or is a single message that is not JSON-RPC
// (-32600). A batch goes on: its entries are answered one by one.
std::optional<HttpResponse> check_decodable(const jsonrpc::Payload& payload);

// 405 naming the methods the path offers.
HttpResponse method_not_allowed(const HttpRequest& request, std::string_view allow, std::string_view advice);

// 404 for a path that is not an endpoint.
HttpResponse unknown_path(const HttpRequest& request, std::string_view endpoints);

// 503 when the session table is full.
HttpResponse too_many_sessions(std::size_t max_sessions);

// 404 with -32001 for a session id that names no live session.
HttpResponse session_not_found(std::string_view why, std::string_view advice);

}  // namespace transport
