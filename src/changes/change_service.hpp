#pragma once
// The safe write path, independent of MCP: plan a change (validate what needs no reading, read
// the targets, run the guard rails, work out from -> to), hold it behind a single-use
// confirmation token, and apply it only after re-reading the targets and finding them as
// previewed, once, with an audit line for every change sent.

#include <string>

#include "catalog/catalog.hpp"
#include "changes/applier.hpp"
#include "changes/audit_log.hpp"
#include "changes/budget_rules.hpp"
#include "changes/confirmation_store.hpp"
#include "changes/guard_rails.hpp"
#include "execution/executor.hpp"

namespace changes {

class ChangeService {
 public:
  ChangeService(execution::Executor& executor, const catalog::Catalog& catalog, Limits limits, AuditLog& audit,
                ConfirmationStore& confirmations, const BudgetRules& rules = BudgetRules::builtin());

  // Reads the targets and checks the guard rails; throws UpstreamError (InvalidParams for a
  // refused change, others for failed reads). Sends nothing that changes the account.
  Plan plan(const ChangeRequest& request, const execution::CallContext& context);

  ConfirmationStore::Issued hold(const ChangeRequest& request, Plan plan);

  // Redeems the token, then applies as apply_approved does.
  Outcome confirm(const ChangeRequest& request, const std::string& token, const std::string& client,
                  const execution::CallContext& context);

  // Re-reads the targets, refuses if they moved since `plan` was made, applies once, audits.
  Outcome apply_approved(const ChangeRequest& request, const Plan& plan, const std::string& client,
                         const execution::CallContext& context);

  const Limits& limits() const { return limits_; }

 private:
  json snapshot_now(const ChangeRequest& request, const AccountReader& reader) const;
  void audit(const ChangeRequest& request, const Plan& plan, Outcome& outcome, const std::string& client);

  execution::Executor& executor_;
  const catalog::Catalog& catalog_;
  Limits limits_;
  AuditLog& audit_;
  ConfirmationStore& confirmations_;
  const BudgetRules& rules_;
};

}  // namespace changes
