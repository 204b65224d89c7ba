#include "execution/executor.hpp"

#include "execution/upstream_error.hpp"

namespace execution {

WriteAnswer Executor::write(const Target& target, const json&, const CallContext&) {
  UpstreamError::Details d;
  d.category = ErrorCategory::Unsupported;
  d.message = target.entity.name + "." + target.action.name + " changes the account, which " + mode() +
              " mode cannot do";
  d.next_step = "Writes need direct mode: set TIKTOK_MARKETING_ACCESS_TOKEN (and TIKTOK_MARKETING_ALLOW_WRITES=true).";
  throw UpstreamError(std::move(d));
}

Page Executor::run_report_task(const Target& target, const json&, const CallContext&) {
  UpstreamError::Details d;
  d.category = ErrorCategory::Unsupported;
  d.source = "";
  d.message = target.entity.name + " with params.async runs TikTok's async report task (report/task/create, check, "
              "download), which " + mode() + " mode cannot do: async reports need direct mode";
  d.next_step = "Drop params.async to read the report synchronously (long daily ranges are split into 30-day "
                "windows), or run in direct mode with TIKTOK_MARKETING_ACCESS_TOKEN.";
  d.field = "async";
  throw UpstreamError(std::move(d));
}

}  // namespace execution
