// The engine-side resources on their own: a few actors with hand-picked times, so that the
// order and instant of every grant can be checked. Each test runs in a process of its own
// (ctest runs discovered tests one by one), which one SimGrid engine per process needs.
#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "journal/Journal.hpp"
#include "engine/Engine.hpp"
#include "engine/FifoResource.hpp"
#include "engine/Hold.hpp"
#include "engine/WaitingNote.hpp"
#include "support/Files.hpp"

using namespace rongou;
using namespace rongou::test;

namespace {

const char* const kHost = "Chengdu";

engine::Session& session() {
  static engine::Session s(source_path("platforms/rong-ou.xml"));
  return s;
}

// An actor that asks at `ask_h` for `units`, holds them `hold_h` (they go back when its
// hold goes out of scope), and notes when it got them.
void claimant(FifoResource& resource, std::map<std::string, double>& got, const std::string& name, double ask_h,
              int units, double hold_h) {
  engine::spawn(name, kHost, [&resource, &got, name, ask_h, units, hold_h] {
    engine::sleep_until_h(ask_h);
    const Hold hold = resource.acquire(units);
    got[name] = engine::now_h();
    engine::sleep_h(hold_h);
  });
}

} // namespace

TEST(FifoResource, ServesClaimsInTheOrderTheyCame) {
  session();
  FifoResource track(1);
  std::map<std::string, double> got;
  claimant(track, got, "a", 0, 1, 10);
  claimant(track, got, "c", 2, 1, 4);
  claimant(track, got, "b", 1, 1, 6);
  session().run();
  EXPECT_DOUBLE_EQ(got["a"], 0);
  EXPECT_DOUBLE_EQ(got["b"], 10);
  EXPECT_DOUBLE_EQ(got["c"], 16);
  EXPECT_EQ(track.available(), 1);
}

TEST(FifoResource, AClaimForSeveralUnitsIsMetInOnePieceAndKeepsItsPlace) {
  session();
  FifoResource cranes(3);
  std::map<std::string, double> got;
  claimant(cranes, got, "a", 0, 2, 10);
  claimant(cranes, got, "b", 1, 2, 5); // one crane is free, b needs two: waits for a
  claimant(cranes, got, "c", 2, 1, 5); // one crane is free, but b came first
  session().run();
  EXPECT_DOUBLE_EQ(got["b"], 10);
  EXPECT_DOUBLE_EQ(got["c"], 10);
  EXPECT_EQ(cranes.available(), 3);
}

TEST(FifoResource, AClaimThatGivesUpLetsTheClaimsBehindItThrough) {
  session();
  FifoResource tracks(2);
  std::map<std::string, double> got;
  bool withdrawn = true;
  double gave_up_h = -1;
  claimant(tracks, got, "a", 0, 1, 20);
  engine::spawn("window", kHost, [&] {
    engine::sleep_until_h(1);
    withdrawn = static_cast<bool>(tracks.acquire_until(2, 5)); // one of two is free: waits, and gives up at 5
    gave_up_h = engine::now_h();
  });
  claimant(tracks, got, "c", 2, 1, 1); // behind the window's claim until it gives up
  session().run();
  EXPECT_FALSE(withdrawn);
  EXPECT_DOUBLE_EQ(gave_up_h, 5);
  EXPECT_DOUBLE_EQ(got["c"], 5);
  EXPECT_EQ(tracks.available(), 2);
}


TEST(Hold, GoesBackWhenItsScopeEndsAtThatVeryInstant) {
  session();
  FifoResource track(1);
  double b_got_h = -1;
  engine::spawn("a", kHost, [&] {
    {
      const Hold hold = track.acquire(1);
      engine::sleep_until_h(7);
    } // back here, at 7
    engine::sleep_until_h(50);
  });
  engine::spawn("b", kHost, [&] {
    engine::sleep_until_h(1);
    const Hold hold = track.acquire(1);
    b_got_h = engine::now_h();
  });
  session().run();
  EXPECT_DOUBLE_EQ(b_got_h, 7);
  EXPECT_EQ(track.available(), 1);
}

TEST(Hold, GoesBackWhenItsHoldersScopeEndsByAnException) {
  session();
  FifoResource track(1);
  double b_got_h = -1;
  std::string caught;
  engine::spawn("a", kHost, [&] {
    try {
      const Hold hold = track.acquire(1);
      engine::sleep_until_h(4);
      throw std::runtime_error("derailed");
    } catch (const std::runtime_error& e) {
      caught = e.what();
    }
    engine::sleep_until_h(50);
  });
  engine::spawn("b", kHost, [&] {
    engine::sleep_until_h(1);
    const Hold hold = track.acquire(1);
    b_got_h = engine::now_h();
  });
  session().run();
  EXPECT_EQ(caught, "derailed");
  EXPECT_DOUBLE_EQ(b_got_h, 4);
  EXPECT_EQ(track.available(), 1);
}

TEST(Hold, ReleasedEarlyGoesBackThenAndOnlyOnce) {
  session();
  FifoResource cranes(2);
  std::map<std::string, double> got;
  engine::spawn("a", kHost, [&] {
    Hold hold = cranes.acquire(2);
    engine::sleep_until_h(3);
    hold.release(); // handed over at 3
    EXPECT_FALSE(hold);
    engine::sleep_until_h(10);
  }); // its scope ends at 10: nothing more goes back
  claimant(cranes, got, "b", 1, 2, 20); // has both cranes from 3 to 23
  claimant(cranes, got, "c", 2, 1, 1);  // behind b: a crane only at 23
  session().run();
  EXPECT_DOUBLE_EQ(got["b"], 3);
  EXPECT_DOUBLE_EQ(got["c"], 23);
  EXPECT_EQ(cranes.available(), 2);
}

TEST(Hold, AMovedFromHoldGivesNothingBack) {
  session();
  FifoResource track(1);
  double b_got_h = -1;
  engine::spawn("a", kHost, [&] {
    Hold kept;
    {
      Hold taken = track.acquire(1);
      kept = std::move(taken);
      EXPECT_FALSE(taken);
      EXPECT_EQ(kept.units(), 1);
      engine::sleep_until_h(2);
    } // `taken` ends here, moved from: the track stays with `kept`
    engine::sleep_until_h(6);
  }); // `kept` ends here
  engine::spawn("b", kHost, [&] {
    engine::sleep_until_h(1);
    const Hold hold = track.acquire(1);
    b_got_h = engine::now_h();
  });
  session().run();
  EXPECT_DOUBLE_EQ(b_got_h, 6);
  EXPECT_EQ(track.available(), 1); // given back once
}

TEST(Hold, AHoldTakesOverAnotherOfItsResourceAndGivesBackBoth) {
  session();
  FifoResource cranes(3);
  Hold two = cranes.acquire(1);
  two.add(cranes.acquire(1));
  EXPECT_EQ(two.units(), 2);
  EXPECT_EQ(cranes.available(), 1);
  FifoResource other(1);
  Hold foreign = other.acquire(1);
  EXPECT_THROW(two.add(std::move(foreign)), std::logic_error);
  two.release();
  EXPECT_EQ(cranes.available(), 3);
}

TEST(FifoResource, ADaemonsHoldGivesNothingBackWhenTheEngineEndsItAfterTheRun) {
  session();
  FifoResource track(1);
  engine::spawn_daemon("window", kHost, [&] {
    const Hold hold = track.acquire(1);
    engine::sleep_until_h(100); // outlasts every regular actor
  });
  engine::spawn("train", kHost, [] { engine::sleep_until_h(10); });
  session().run();
  EXPECT_DOUBLE_EQ(engine::now_h(), 10);
  EXPECT_EQ(track.available(), 0); // the daemon's hold was not given back at teardown
}

TEST(WaitingNote, ADeadlockNamesWhatEachBlockedActorWaitsForAndNothingElse) {
  session();
  FifoResource none(0);
  engine::spawn("passed", kHost, [] {
    {
      const engine::WaitingNote note("passed", "a closure to end");
      engine::sleep_until_h(1);
    } // no longer waiting
    engine::sleep_until_h(2);
  });
  engine::spawn("stuck", kHost, [&] {
    const engine::WaitingNote note("stuck", "a track at the Dostyk yard");
    const Hold hold = none.acquire(1);
  });
  try {
    session().run();
    FAIL() << "expected a deadlock";
  } catch (const engine::SimulationError& e) {
    const std::string what = e.what();
    EXPECT_NE(what.find("\n  stuck waits for a track at the Dostyk yard"), std::string::npos) << what;
    EXPECT_EQ(what.find("passed"), std::string::npos) << what;
  }
}

TEST(WaitingNote, AMovedFromNoteForgetsNothingAndTheMovedOneForgetsOnce) {
  engine::WaitingNote kept;
  {
    engine::WaitingNote note("train-1", "a locomotive of section A-B");
    kept = std::move(note);
  }
  EXPECT_EQ(engine::describe_waiting_actors(), "\n  train-1 waits for a locomotive of section A-B");
  kept = engine::WaitingNote();
  EXPECT_EQ(engine::describe_waiting_actors(), "");
}

TEST(WaitingNote, NotesAreListedInActorNameOrderWhateverTheOrderTheyWereTaken) {
  auto c = std::make_unique<engine::WaitingNote>("train-c", "a track");
  const engine::WaitingNote a("train-a", "a locomotive");
  auto b = std::make_unique<engine::WaitingNote>("train-b", "a position");
  EXPECT_EQ(engine::describe_waiting_actors(),
            "\n  train-a waits for a locomotive\n  train-b waits for a position\n  train-c waits for a track");
  b.reset(); // forgotten from the middle
  EXPECT_EQ(engine::describe_waiting_actors(), "\n  train-a waits for a locomotive\n  train-c waits for a track");
  c.reset();
  EXPECT_EQ(engine::describe_waiting_actors(), "\n  train-a waits for a locomotive");
}
