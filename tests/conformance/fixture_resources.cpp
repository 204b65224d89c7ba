// The conformance suite's fixture resources (scenarios resources-*), served through the
// core's extra-method hook.

#include "fixtures.hpp"
#include "jsonrpc/error_codes.hpp"
#include "mcp/protocol_error.hpp"
#include "mcp/server.hpp"

namespace fixture {

using nlohmann::json;

namespace {

// Resource not found, as the 2025 specification's examples give it.
constexpr int kResourceNotFound = -32002;

const std::string kTemplatePrefix = "test://template/";
const std::string kTemplateSuffix = "/data";

json resource_list() {
  return json::array({
      {{"uri", "test://static-text"},
       {"name", "static-text"},
       {"description", "A static text resource"},
       {"mimeType", "text/plain"}},
      {{"uri", "test://static-binary"},
       {"name", "static-binary"},
       {"description", "A static binary resource (a PNG image)"},
       {"mimeType", "image/png"}},
      {{"uri", "test://watched-resource"},
       {"name", "watched-resource"},
       {"description", "A resource clients may subscribe to"},
       {"mimeType", "text/plain"}},
  });
}

std::string required_uri(const json& params) {
  if (!params.contains("uri") || !params["uri"].is_string()) {
    throw mcp::ProtocolError(jsonrpc::kInvalidParams, "Invalid params: params.uri (a string) is required");
  }
  return params["uri"].get<std::string>();
}

// The id in test://template/{id}/data, or empty when `uri` does not match the template.
std::string template_id(const std::string& uri) {
  if (uri.size() <= kTemplatePrefix.size() + kTemplateSuffix.size() || uri.rfind(kTemplatePrefix, 0) != 0 ||
      uri.compare(uri.size() - kTemplateSuffix.size(), kTemplateSuffix.size(), kTemplateSuffix) != 0) {
    return "";
  }
  std::string id = uri.substr(kTemplatePrefix.size(), uri.size() - kTemplatePrefix.size() - kTemplateSuffix.size());
  return id.find('/') == std::string::npos ? id : "";
}

json read(const std::string& uri) {
  if (uri == "test://static-text") {
    return {{"uri", uri}, {"mimeType", "text/plain"}, {"text", "This is the content of the static text resource."}};
  }
  if (uri == "test://static-binary") return {{"uri", uri}, {"mimeType", "image/png"}, {"blob", kPngBase64}};
  if (uri == "test://watched-resource") {
    return {{"uri", uri}, {"mimeType", "text/plain"}, {"text", "This resource may change."}};
  }
  if (const std::string id = template_id(uri); !id.empty()) {
    const json data{{"id", id}, {"templateTest", true}, {"data", "Data for ID: " + id}};
    return {{"uri", uri}, {"mimeType", "application/json"}, {"text", data.dump()}};
  }
  throw mcp::ProtocolError(kResourceNotFound, "Resource not found: " + uri, json{{"uri", uri}});
}

}  // namespace

void add_resources(mcp::Server& server) {
  server.add_capability("resources", {{"subscribe", true}, {"listChanged", false}});
  server.add_method("resources/list", [](const mcp::MethodCall&) { return json{{"resources", resource_list()}}; });
  server.add_method("resources/templates/list", [](const mcp::MethodCall&) {
    return json{{"resourceTemplates",
                 json::array({{{"uriTemplate", kTemplatePrefix + "{id}" + kTemplateSuffix},
                               {"name", "template"},
                               {"description", "A resource template: {id} is substituted"},
                               {"mimeType", "application/json"}}})}};
  });
  server.add_method("resources/read", [](const mcp::MethodCall& call) {
    return json{{"contents", json::array({read(required_uri(call.params))})}};
  });
  // Nothing here ever changes, so a subscription never produces an update.
  server.add_method("resources/subscribe", [](const mcp::MethodCall& call) {
    required_uri(call.params);
    return json::object();
  });
  server.add_method("resources/unsubscribe", [](const mcp::MethodCall& call) {
    required_uri(call.params);
    return json::object();
  });
}

}  // namespace fixture
