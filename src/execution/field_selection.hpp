#pragma once
// select_fields / exclude_fields, as Airbyte's execute has them: dot paths into each record
// ("item_info.text"). A record keeps only the selected paths (select wins over exclude), or
// loses the excluded ones. Paths that a record lacks are simply absent from it.

#include <nlohmann/json.hpp>

namespace execution {

// `select` and `exclude` are arrays of dot paths, or null for none.
void select_fields(nlohmann::json& records, const nlohmann::json& select, const nlohmann::json& exclude);

}  // namespace execution
