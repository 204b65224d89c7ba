#pragma once
// Reads the answer of Airbyte's execute endpoint, {status, result, connector_metadata,
// execution_metadata}, as one page in the shape direct mode produces: records from `result`
// (a list, or an object holding one), page_info from the metadata, and a search's cursor and
// has_more as extra meta. A status other than "success" is an error, never an empty page.

#include <string>

#include "airbyte/api_client.hpp"
#include "execution/executor.hpp"

namespace airbyte {

// Throws execution::UpstreamError for a failed status or an answer without records.
execution::Page to_page(const ApiResponse& response, const std::string& what);

}  // namespace airbyte
