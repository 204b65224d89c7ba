#pragma once
// Executes catalogue actions against the TikTok Business API through tiktok::Client (or
// against the built-in demo account, which answers the same requests in-process).

#include <string>

#include "execution/executor.hpp"
#include "tiktok/client.hpp"
#include "tiktok/report_task.hpp"

namespace tiktok {

struct DirectSettings {
  std::string app_id;
  std::string app_secret;     // for oauth2/advertiser/get/ (advertiser_ids)
  std::string advertiser_id;  // the configured default, used by check()
  bool demo = false;
  TaskPolling report_tasks;   // how async report tasks are waited for
};

class DirectExecutor : public execution::Executor {
 public:
  DirectExecutor(const Client& client, DirectSettings settings);

  execution::Page fetch(const execution::Target& target, const json& params,
                        const execution::CallContext& context) override;
  execution::WriteAnswer write(const execution::Target& target, const json& body,
                               const execution::CallContext& context) override;
  execution::Page run_report_task(const execution::Target& target, const json& params,
                                  const execution::CallContext& context) override;
  bool runs_report_tasks() const override { return true; }
  execution::CheckReport check(const execution::CallContext& context) override;
  std::string mode() const override { return settings_.demo ? "demo" : "direct"; }

 private:
  json with_app_credentials(const catalog::Action& action, json params) const;

  const Client& client_;
  DirectSettings settings_;
};

}  // namespace tiktok
