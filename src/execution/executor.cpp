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

}  // namespace execution
