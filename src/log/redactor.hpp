#pragma once
// The process-wide list of secret values (tokens, client secrets). Everything that leaves the
// process (log lines, protocol messages) passes through redact(), so a secret that slipped
// into a message (say, an upstream error page that echoes a header) is masked, not leaked.

#include <string>
#include <string_view>

namespace logging {

inline constexpr std::string_view kRedacted = "[REDACTED]";

// Registers a secret. Values shorter than 4 characters are ignored (they would mask ordinary
// text); configuration rejects such secrets anyway. Thread-safe.
void add_secret(std::string_view value);

// Forgets every registered secret (tests).
void clear_secrets();

// Returns text with every registered secret replaced by [REDACTED]. Thread-safe.
std::string redact(std::string text);

// True when text contains a registered secret.
bool contains_secret(std::string_view text);

}  // namespace logging
