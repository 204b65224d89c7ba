#include <catch2/catch.hpp>

#include <set>

#include "http_test_support.hpp"
#include "mcp/session.hpp"
#include "transport/session_id.hpp"
#include "transport/session_table.hpp"

using test::json;
using transport::EndReason;
using transport::SessionTable;
using namespace std::chrono_literals;

namespace {

// A clock the test moves by hand.
struct FakeClock {
  SessionTable::Clock::time_point now = SessionTable::Clock::time_point(std::chrono::hours(1000));
  SessionTable::Now fn() {
    return [this] { return now; };
  }
};

}  // namespace

TEST_CASE("session ids are 128 random bits in hex, all different") {
  std::set<std::string> ids;
  for (int i = 0; i < 1000; ++i) {
    auto id = transport::new_session_id();
    CHECK(transport::is_well_formed_session_id(id));
    ids.insert(id);
  }
  CHECK(ids.size() == 1000);
  CHECK_FALSE(transport::is_well_formed_session_id("not-an-id"));
}

TEST_CASE("a session is found by its id until it ends, and then the table says why") {
  mcp::Server server(test::test_server_options());
  SessionTable table({.max_sessions = 4, .idle_timeout = 60s});
  std::string id;
  {
    auto use = table.add(server.open_session());
    REQUIRE(use);
    id = (*use)->id();
  }
  CHECK(table.size() == 1);
  CHECK(table.use(id));
  CHECK_FALSE(table.use("0123456789abcdef0123456789abcdef"));
  CHECK(table.why_unknown("0123456789abcdef0123456789abcdef") == "no session has this id");

  CHECK(table.end(id, EndReason::Deleted));
  CHECK_FALSE(table.end(id, EndReason::Deleted));
  CHECK_FALSE(table.use(id));
  CHECK(table.why_unknown(id) == "the client ended it");
  CHECK(table.size() == 0);
}

TEST_CASE("an unused session expires after the idle timeout; one in use never does") {
  mcp::Server server(test::test_server_options());
  FakeClock clock;
  SessionTable table({.max_sessions = 4, .idle_timeout = 60s}, clock.fn());
  auto busy = table.add(server.open_session());
  std::string idle_id;
  {
    auto use = table.add(server.open_session());
    idle_id = (*use)->id();
  }
  clock.now += 59s;
  CHECK(table.expire_idle() == 0);
  clock.now += 2s;
  CHECK(table.expire_idle() == 1);
  CHECK_FALSE(table.use(idle_id));
  CHECK_THAT(table.why_unknown(idle_id), Catch::Contains("expired after 60 s"));
  CHECK(table.use((*busy)->id()));  // in use all along

  SECTION("using a session restarts its idle clock") {
    const std::string id = (*busy)->id();
    busy.reset();  // released now
    clock.now += 50s;
    { auto use = table.use(id); }
    clock.now += 50s;
    CHECK(table.expire_idle() == 0);
    clock.now += 11s;
    CHECK(table.expire_idle() == 1);
  }
}

TEST_CASE("a full table expires idle sessions to make room, and refuses when all are busy") {
  mcp::Server server(test::test_server_options());
  FakeClock clock;
  SessionTable table({.max_sessions = 2, .idle_timeout = 60s}, clock.fn());
  auto a = table.add(server.open_session());
  std::string b_id;
  {
    auto b = table.add(server.open_session());
    b_id = (*b)->id();
  }
  CHECK_FALSE(table.add(server.open_session()));  // b is idle but not for long enough
  clock.now += 61s;
  auto c = table.add(server.open_session());
  CHECK(c);
  CHECK_FALSE(table.use(b_id));
  CHECK_FALSE(table.add(server.open_session()));  // a and c are in use
  CHECK(table.size() == 2);
}

TEST_CASE("ending a session cancels its calls and closes its stream") {
  mcp::Server server(test::test_server_options());
  test::BlockingTool blocking;
  blocking.add_to(server);
  SessionTable table({});
  auto stream = std::make_shared<transport::EventStream>();
  auto session = server.open_session();
  std::string id;
  {
    auto use = table.add(session, stream);
    id = (*use)->id();
  }
  session->receive(test::initialize_request().dump(), {});
  session->receive(test::call_block(1).dump(), {});
  CHECK(session->in_flight() == 1);

  table.end_all();
  CHECK(session->wait_idle(30s));
  CHECK(blocking.count() == 1);
  CHECK(stream->closed());
  CHECK(table.why_unknown(id) == "the server is shutting down");
}
