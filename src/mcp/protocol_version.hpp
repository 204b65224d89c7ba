#pragma once
// The MCP protocol versions this server speaks, negotiation, and which fields each defines.

#include <array>
#include <string>
#include <string_view>

namespace mcp {

// Newest first.
inline constexpr std::array<std::string_view, 4> kSupportedVersions{"2025-11-25", "2025-06-18", "2025-03-26",
                                                                     "2024-11-05"};
inline constexpr std::string_view kLatestVersion = kSupportedVersions.front();
// What a Streamable HTTP client that sends no MCP-Protocol-Version header is assumed to speak.
inline constexpr std::string_view kDefaultHttpVersion = "2025-03-26";

bool is_supported(std::string_view version);

// The client's version when supported, otherwise the latest supported one.
std::string negotiate(std::string_view requested);

// What a negotiated version defines (dates compare correctly as strings).
struct Features {
  bool annotations = false;        // Tool.annotations (2025-03-26)
  bool batching = false;           // JSON-RPC batch arrays (2025-03-26 only)
  bool progress_message = false;   // ProgressNotification.message (2025-03-26)
  bool titles = false;             // BaseMetadata.title (2025-06-18)
  bool structured_output = false;  // Tool.outputSchema, CallToolResult.structuredContent (2025-06-18)
  bool resource_links = false;     // resource_link content (2025-06-18)
  bool icons = false;              // icons, Implementation.description (2025-11-25)
};

Features features_of(std::string_view version);

}  // namespace mcp
