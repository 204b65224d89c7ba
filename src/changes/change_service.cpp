#include "changes/change_service.hpp"

#include "changes/planner.hpp"
#include "execution/upstream_error.hpp"
#include "log/logger.hpp"
#include "util/date.hpp"

namespace changes {

ChangeService::ChangeService(execution::Executor& executor, const catalog::Catalog& catalog, Limits limits,
                             AuditLog& audit, ConfirmationStore& confirmations, const BudgetRules& rules)
    : executor_(executor),
      catalog_(catalog),
      limits_(limits),
      audit_(audit),
      confirmations_(confirmations),
      rules_(rules) {}

Plan ChangeService::plan(const ChangeRequest& request, const execution::CallContext& context) {
  check_before_reading(request, limits_, rules_);
  const AccountReader reader(executor_, catalog_, context);
  if (request.spec().creates()) {
    const auto named = reader.named(request);
    if (!named.empty()) {
      refuse("advertiser " + request.advertiser_id + " already has a " + request.spec().level + " named \"" +
                 request.params.value(request.spec().lookup_param, "") + "\" (id " +
                 text_of(named.front(), request.spec().id_field) + ")",
             "Choose another name; TikTok refuses duplicate names.");
    }
    Plan p = make_plan(request, {}, check_guard_rails(request, {}, limits_, rules_, reader));
    p.snapshot = snapshot_of_named(named, request.spec().id_field);
    return p;
  }
  const Targets targets = reader.targets(request);
  auto warnings = check_guard_rails(request, targets, limits_, rules_, reader);
  Plan p = make_plan(request, targets, std::move(warnings));
  if (p.changes.empty()) {
    refuse("nothing would change: the targets already have these values",
           "Read them with tiktok_marketing_execute to see their current values.");
  }
  return p;
}

ConfirmationStore::Issued ChangeService::hold(const ChangeRequest& request, Plan plan) {
  return confirmations_.issue(Binding::of(request), std::move(plan));
}

Outcome ChangeService::confirm(const ChangeRequest& request, const std::string& token, const std::string& client,
                               const execution::CallContext& context) {
  const Pending pending = confirmations_.redeem(token, Binding::of(request));
  return apply_approved(request, pending.plan, client, context);
}

json ChangeService::snapshot_now(const ChangeRequest& request, const AccountReader& reader) const {
  if (request.spec().creates()) return snapshot_of_named(reader.named(request), request.spec().id_field);
  return snapshot_of(request, reader.targets(request));
}

Outcome ChangeService::apply_approved(const ChangeRequest& request, const Plan& plan, const std::string& client,
                                      const execution::CallContext& context) {
  const AccountReader reader(executor_, catalog_, context);
  const auto moved = drift(plan.snapshot, snapshot_now(request, reader));
  if (!moved.empty()) {
    std::string lines;
    for (const auto& line : moved) lines += "\n- " + line;
    refuse("the targets changed since the preview, so the confirmation no longer holds:" + lines,
           "Nothing was changed. Call tiktok_marketing_change again without confirm to preview against the "
           "current state.");
  }
  Outcome outcome = apply_plan(request, plan, executor_, reader, context);
  audit(request, plan, outcome, client);
  return outcome;
}

void ChangeService::audit(const ChangeRequest& request, const Plan& plan, Outcome& outcome, const std::string& client) {
  json ids = json::array();
  for (const auto& r : outcome.results) ids.push_back(text_of(r, "id"));
  json entry{{"time", util::format_utc_time(std::chrono::system_clock::now())},
             {"advertiser_id", request.advertiser_id},
             {"entity", request.entity->name},
             {"action", request.action->name},
             {"ids", std::move(ids)},
             {"changes", changes_json(plan.changes)},
             {"status", outcome.status},
             {"results", outcome.results},
             {"request_id", outcome.request_id},
             {"client", client}};
  try {
    audit_.append(std::move(entry));
  } catch (const std::exception& e) {
    logging::error("change", e.what());
    outcome.message += (outcome.message.empty() ? "" : "\n") + std::string("Warning: the change was sent but the "
                       "audit log could not be written: ") + e.what();
  }
}

}  // namespace changes
