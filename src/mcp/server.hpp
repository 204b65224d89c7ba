#pragma once
// The transport-agnostic MCP server: what it is (info, instructions, capabilities), what it
// offers (tools and any extra methods), and the worker pool that runs tool calls. One Server
// serves many sessions (one per stdio process or per HTTP session).
//
//   transport -> Session::receive -> dispatch -> (worker pool) tool handler -> ReplyChannel

#include <cstddef>
#include <functional>
#include <map>
#include <memory>
#include <string>

#include <boost/asio/thread_pool.hpp>
#include <nlohmann/json.hpp>

#include "mcp/reply_channel.hpp"
#include "mcp/tool_registry.hpp"

namespace mcp {

using nlohmann::json;

class Session;

struct ServerInfo {
  std::string name;
  std::string title;
  std::string version;
  std::string description;
};

struct ServerOptions {
  ServerInfo info;
  std::string instructions;
  std::size_t workers = 8;            // threads running tool calls concurrently
  std::size_t tools_page_size = 100;  // tools per tools/list page
  std::size_t max_depth = 64;         // nesting limit for incoming JSON
  bool validate_output = false;       // check structuredContent against outputSchema (tests)
};

// What an extra method sees of the session that received it.
struct MethodCall {
  const json& params;
  const std::string& protocol_version;
};

// Handlers for methods beyond the core set (resources/*, prompts/*, completion/complete...).
// Return the result object, or throw ProtocolError.
using MethodHandler = std::function<json(const MethodCall& call)>;

class Server {
 public:
  explicit Server(ServerOptions options);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  ToolRegistry& tools() { return tools_; }
  const ToolRegistry& tools() const { return tools_; }
  const ServerOptions& options() const { return options_; }

  // Adds a method outside the core set and the capability that announces it.
  void add_method(const std::string& method, MethodHandler handler);
  void add_capability(const std::string& name, json value);
  const MethodHandler* find_method(const std::string& method) const;
  json capabilities() const;

  // A new session whose server-initiated messages (none yet beyond replies) go nowhere.
  std::shared_ptr<Session> open_session();

  // Runs work on the tool worker pool.
  void post(std::function<void()> work);

  // Waits for queued and running work to finish, then stops the pool. Idempotent.
  void join();

 private:
  ServerOptions options_;
  ToolRegistry tools_;
  std::map<std::string, MethodHandler> methods_;
  json extra_capabilities_ = json::object();
  boost::asio::thread_pool pool_;
  bool joined_ = false;
};

}  // namespace mcp
