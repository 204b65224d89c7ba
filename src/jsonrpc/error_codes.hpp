#pragma once

// The JSON-RPC 2.0 error table, in one place (MCP uses the standard codes).
namespace jsonrpc {

inline constexpr int kParseError = -32700;
inline constexpr int kInvalidRequest = -32600;
inline constexpr int kMethodNotFound = -32601;
inline constexpr int kInvalidParams = -32602;
inline constexpr int kInternalError = -32603;
// Implementation-defined range (-32000..-32019), with the meanings the TypeScript SDK gives
// them over HTTP: a request the transport refuses (bad header, limit, auth), an unknown session.
inline constexpr int kTransportError = -32000;
inline constexpr int kSessionNotFound = -32001;
// The server is not initialized yet.
inline constexpr int kServerNotInitialized = -32002;
// A call stopped because the server is shutting down (the TypeScript SDK's ConnectionClosed).
inline constexpr int kServerShuttingDown = -32000;

}  // namespace jsonrpc
