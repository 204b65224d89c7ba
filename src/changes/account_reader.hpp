#pragma once
// Reads what a change needs to know about the account through the same executor the read tool
// uses: the targets as they are now (deleted ones included), an object of a given name, what
// is delivering at a level, the advertiser's currency and today's spend.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "catalog/catalog.hpp"
#include "changes/change_request.hpp"
#include "execution/executor.hpp"

namespace changes {

// A record's string field, or "" when it is absent, null or not a string (TikTok sends nulls).
std::string text_of(const json& record, const std::string& key);

// A record's number, also when TikTok sends it as a string ("120.50"); 0 when it is neither.
double number_of(const json& value);

// TikTok shows a deleted object as DISABLE with secondary_status *_STATUS_DELETE; this says
// DELETE for it, else its operation_status.
std::string effective_status(const json& record);

// A record's value of a field as a change compares it (operation_status: the effective status).
json field_value(const json& record, const std::string& field);

using Targets = std::map<std::string, json>;  // id -> record

class AccountReader {
 public:
  AccountReader(execution::Executor& executor, const catalog::Catalog& catalog, const execution::CallContext& context);

  // Every target that exists in the advertiser; ids that do not are absent. Throws UpstreamError.
  Targets targets(const ChangeRequest& request) const;
  // Creates: the existing objects whose lookup field equals the request's value exactly.
  std::vector<json> named(const ChangeRequest& request) const;
  // Ids of the objects delivering at the request's level, when there are at most `max` of them.
  std::optional<std::vector<std::string>> delivering(const ChangeRequest& request, std::size_t max) const;
  std::optional<std::string> currency(const std::string& advertiser_id) const;
  // Spend so far today (UTC date) per target id, from the spend report; empty when not available.
  std::map<std::string, double> spend_today(const ChangeRequest& request) const;

 private:
  json list(const std::string& entity, json params) const;

  execution::Executor& executor_;
  const catalog::Catalog& catalog_;
  const execution::CallContext& context_;
};

}  // namespace changes
