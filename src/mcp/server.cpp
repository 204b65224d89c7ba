#include "mcp/server.hpp"

#include <boost/asio/post.hpp>

#include "mcp/session.hpp"

namespace mcp {

Server::Server(ServerOptions options) : options_(std::move(options)), pool_(options_.workers ? options_.workers : 1) {}

Server::~Server() { join(); }

void Server::add_method(const std::string& method, MethodHandler handler) { methods_[method] = std::move(handler); }

void Server::add_capability(const std::string& name, json value) { extra_capabilities_[name] = std::move(value); }

const MethodHandler* Server::find_method(const std::string& method) const {
  auto it = methods_.find(method);
  return it == methods_.end() ? nullptr : &it->second;
}

json Server::capabilities() const {
  json caps{{"tools", {{"listChanged", false}}}, {"logging", json::object()}};
  for (const auto& [name, value] : extra_capabilities_.items()) caps[name] = value;
  return caps;
}

std::shared_ptr<Session> Server::open_session() { return std::make_shared<Session>(*this); }

void Server::post(std::function<void()> work) { boost::asio::post(pool_, std::move(work)); }

void Server::join() {
  if (joined_) return;
  joined_ = true;
  pool_.join();
}

}  // namespace mcp
