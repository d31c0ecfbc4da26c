// Bodies spawned on the engine run on actors that, once their body has ended, wait on their
// host for the next one. That must be invisible to the model: a body handed to a waiting
// actor runs at the very place in the engine's order where a new actor would, and the run
// still ends with its last body. Each test runs in a process of its own (ctest runs
// discovered tests one by one), which one SimGrid engine per process needs.
#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "engine/Engine.hpp"
#include "engine/FifoResource.hpp"
#include "engine/Grant.hpp"
#include "engine/Hold.hpp"
#include "support/Files.hpp"

using namespace rongou;
using namespace rongou::test;

namespace {

engine::Session& session() {
  static engine::Session s(source_path("platforms/rong-ou.xml"));
  return s;
}

// Where the calling body's stack is: the same place for bodies run by the same actor.
[[gnu::noinline]] std::uintptr_t stack_mark() {
  volatile char here = 0;
  return reinterpret_cast<std::uintptr_t>(&here);
}

bool near_any(std::uintptr_t mark, const std::vector<std::uintptr_t>& marks) {
  constexpr std::uintptr_t kNear = 64 * 1024; // a stack is 256 KiB: another actor's is farther
  for (const std::uintptr_t m : marks)
    if ((mark > m ? mark - m : m - mark) < kNear)
      return true;
  return false;
}

// At `at_h`, D wakes E (which waits on a grant), then each spawns a body: E spawns Y on
// `y_host`, D spawns X on `x_host`. An actor per body gives E, Y, E2, X, D: woken or new, an
// actor runs after those already on the run list, and before the actor that woke or made it
// goes on. With X and Y on different hosts, one may go to a waiting actor and the other to a
// new one: a wake-up one engine call later than a creation would change the order.
struct Interleaving {
  std::vector<std::string> log;
  std::uintptr_t x_mark = 0;
  std::uintptr_t y_mark = 0;
  Grant go;

  void start(const std::string& x_host, const std::string& y_host, double at_h) {
    engine::spawn("E", "Urumqi", [this, y_host] {
      go.wait();
      log.push_back("E");
      engine::spawn("Y", y_host, [this] {
        y_mark = stack_mark();
        log.push_back("Y");
      });
      log.push_back("E2");
    });
    engine::spawn("D", "Urumqi", [this, x_host, at_h] {
      engine::sleep_until_h(at_h);
      go.grant();
      engine::spawn("X", x_host, [this] {
        x_mark = stack_mark();
        log.push_back("X");
      });
      log.push_back("D");
    });
  }
};

} // namespace

TEST(EngineRunners, ABodyHandedToAWaitingActorRunsWhereANewActorWouldAndOnThatActorsStack) {
  session();
  // Three bodies on Chengdu end at hour 1: their actors wait there from then on.
  std::vector<std::uintptr_t> ended_marks;
  for (int i = 0; i < 3; ++i)
    engine::spawn("early " + std::to_string(i), "Chengdu", [&ended_marks] {
      engine::sleep_until_h(1);
      ended_marks.push_back(stack_mark());
    });
  Interleaving on_waiting_actors; // X and Y go to actors that wait on Chengdu
  on_waiting_actors.start("Chengdu", "Chengdu", 100);
  Interleaving on_new_actors; // nothing has ended on Baoji: X and Y get actors of their own
  on_new_actors.start("Baoji", "Baoji", 200);
  Interleaving mixed; // Y to an actor waiting on Chengdu, X to a new one on Jinghe
  mixed.start("Jinghe", "Chengdu", 300);
  session().run();

  const std::vector<std::string> actor_per_body{"E", "Y", "E2", "X", "D"};
  EXPECT_EQ(on_new_actors.log, actor_per_body);
  EXPECT_EQ(on_waiting_actors.log, actor_per_body);
  EXPECT_EQ(mixed.log, actor_per_body);
  ASSERT_EQ(ended_marks.size(), 3u);
  EXPECT_TRUE(near_any(on_waiting_actors.x_mark, ended_marks)) << "X ran on an actor whose body had ended";
  EXPECT_TRUE(near_any(on_waiting_actors.y_mark, ended_marks)) << "Y ran on an actor whose body had ended";
  EXPECT_TRUE(near_any(mixed.y_mark, ended_marks)) << "Y ran on an actor whose body had ended";
  EXPECT_FALSE(near_any(on_new_actors.x_mark, ended_marks)) << "X on Baoji had an actor of its own";
  EXPECT_FALSE(near_any(mixed.x_mark, ended_marks)) << "X on Jinghe had an actor of its own";
  EXPECT_DOUBLE_EQ(engine::now_h(), 300);
}

TEST(EngineRunners, TheRunEndsWithItsLastBodyWhileActorsWaitAndDaemonsStopThen) {
  session();
  FifoResource track(1);
  bool daemon_woke = false;
  engine::spawn_daemon("window", "Chengdu", [&] {
    const Hold hold = track.acquire(1);
    engine::sleep_until_h(100); // outlasts every body
    daemon_woke = true;
  });
  // Bodies that end early leave actors waiting on two hosts; the last body ends at hour 10.
  for (const char* host : {"Chengdu", "Baoji"})
    for (int i = 0; i < 2; ++i)
      engine::spawn(std::string("early ") + host, host, [] { engine::sleep_until_h(1); });
  engine::spawn("last", "Lanzhou", [] { engine::sleep_until_h(10); });
  session().run();
  EXPECT_DOUBLE_EQ(engine::now_h(), 10);
  EXPECT_FALSE(daemon_woke);
  EXPECT_EQ(track.available(), 0); // the daemon's hold was not given back at teardown
}
