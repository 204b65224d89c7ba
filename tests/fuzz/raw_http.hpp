#pragma once
// How the fuzz inputs spell HTTP exchanges, so the seed corpora are readable text: an input
// is one or more parts separated by a line "===", and each part is a raw HTTP message
//
//   POST /mcp?x=1 HTTP/1.1          HTTP/1.1 200 OK              FAIL timeout
//   Host: 127.0.0.1                 X-Request-Id: r-1
//                                                                (a transport failure)
//   {"jsonrpc":"2.0", ...}          {"code":0,"data":{...}}
//
// Lines end in "\n" or "\r\n". A response part that does not start with "HTTP/" or "FAIL" is
// a body answered with status 200.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "net/http_types.hpp"
#include "transport/http_message.hpp"

namespace fuzz {

// The parts of `input`, at most `max_parts` of them (the last one holds the rest).
std::vector<std::string_view> split_parts(std::string_view input, std::size_t max_parts);

// "METHOD /path?query" with headers and body; the query is split on & and = and
// percent-decoded the way cpp-httplib does before the transports see it.
transport::HttpRequest parse_request(std::string_view part);

// An upstream answer (status, lower-case headers, body) or a transport failure.
net::HttpResult parse_response(std::string_view part);

// The upstream answers a fuzz input scripts: at most max_answers parts, each parsed as above.
std::vector<net::HttpResult> parse_responses(std::string_view input, std::size_t max_answers);

}  // namespace fuzz
