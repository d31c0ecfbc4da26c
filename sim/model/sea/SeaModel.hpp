#pragma once
// The sea side of one lane: each westbound container offered at the lane's origin also goes
// by sea, as data moved by two kinds of actor: one sailing dispatcher per loop at the origin
// port (blank sailings, cut-off, this lane's vessel slots, rolling) and one voyage per loaded
// sailing (ocean transit and delay, then the European port and the last leg for its
// containers). Each container is booked on one loop when the run starts (the shipper's
// choice, docs/sea.md#pre-carriage) and waits in that loop's queue. Each lane with a sea
// alternative has its own model and its own slots. See docs/sea.md.
//
// Random draws come from streams of their own ("sea-inland" and "sea-europe" per container,
// "sea-sailing", "sea-blank" and "sea-rolled" per sailing of a loop, the loop's name appended
// for a loop of `loops:`; "sea-feeder/<hub>" per feeder sailing, drawn by FeederService for
// loops that discharge at a hub), never from a rail stream: changing rail parameters leaves sea
// results unchanged, and the other way round. The focus lane draws them from the scenario
// seed, every other lane from the seed mixed with its lane index (as lane demand does), so
// adding a lane's sea alternative leaves every other lane's sea results unchanged.
#include <cstdint>
#include <string>
#include <vector>

#include "base/RandomStream.hpp"
#include "journal/Journal.hpp"
#include "scenario/Scenario.hpp"
#include <memory>

#include "model/sea/FeederService.hpp"
#include "model/sea/PortQueue.hpp"
#include "model/sea/SeaRoute.hpp"

namespace rongou {

struct SeaOffer {
  int container = 0;      // id shared with the rail twin
  double gate_in_h = 0.0; // at the lane's origin
};

class SeaModel {
public:
  // Draws each container's inland leg and appends one SeaRecord per offer to the journal;
  // the route's legs go to journal.sea_legs. `lane` has a sea alternative (Scenario::sea_of).
  SeaModel(const Scenario& scenario, int lane, SeaRoute route, const std::vector<SeaOffer>& offers, Journal& journal);
  // The focus lane's.
  SeaModel(const Scenario& scenario, SeaRoute route, const std::vector<SeaOffer>& offers, Journal& journal);
  // The focus lane's eastbound chain (SeaSpec::eastbound, route from build_sea_route eastbound):
  // its records, sailings and legs go to journal.sea_eastbound, .sailings_eastbound and
  // .sea_legs_eastbound, and it draws from the streams named above with "/eastbound" appended
  // ("sea-sailing/ae10/eastbound"), so the westbound draws are those of a run without it.
  SeaModel(const Scenario& scenario, int lane, Direction direction, SeaRoute route, const std::vector<SeaOffer>& offers,
           Journal& journal);
  // Open for booking during the run (`choice:`): containers come one by one through offer().
  // Its loops must call at the European port (no hub). Eastbound, the focus lane's eastbound
  // chain, recorded and drawn as the constructor above records and draws it.
  SeaModel(const Scenario& scenario, int lane, Direction direction, SeaRoute route, Journal& journal);

  // During the run, at or before the offer's gate-in: books a container on a loop (as the
  // constructor books its offers) and appends its SeaRecord. Returns its index in journal.sea
  // (journal.sea_eastbound eastbound).
  std::size_t offer(const SeaOffer& offer);

  // Creates the dispatcher actor; the engine runs it. Sailings go on until every offered
  // container has sailed, so each one arrives exactly once.
  void start();

  const SeaRoute& route() const { return route_; }

private:
  struct LoopQueue {
    SeaLoop loop;
    double ocean_h = 0.0;             // scheduled transit origin port -> European port, or -> its hub
    int feeder = -1;                  // index in feeders_ when the loop discharges at a hub
    std::vector<std::size_t> records; // journal.sea index of each item of `queue`
    PortQueue queue;
  };
  void dispatch(std::size_t loop);
  void voyage(std::size_t sailing, std::vector<std::size_t> records);
  // Discharge, customs and the last leg of record `i`, whose vessel berthed at the European
  // port at `berth_h` (a loop's mother vessel or a feeder).
  void discharge(std::size_t i, double berth_h);
  // Books each offer on a loop and fills the loops' queues (docs/sea.md#pre-carriage).
  void book(const std::vector<SeaOffer>& offers);
  // The loops with their scheduled ocean transit and feeders, queues empty.
  void set_up_loops();
  struct Booking {
    std::size_t loop = 0;
    double cutoff_h = 0.0;
  };
  // The sailing a box ready at the port at `ready_h` is booked on.
  Booking choose(double ready_h) const;
  // The offer's sea record (inland leg drawn, pre-carriage timed) and the loop it is booked on.
  std::pair<SeaRecord, std::size_t> booked(const SeaOffer& offer) const;

  // A stream's name: the purpose, the loop's name for a loop of `loops:`, "/eastbound" eastbound.
  std::string stream(const char* purpose, const SeaLoop* loop = nullptr) const;
  // The port the vessels load at: the origin port westbound, the European port eastbound.
  const std::string& loading_port() const;
  std::vector<SeaRecord>& sea_records() { return direction_ == Direction::Westbound ? journal_.sea : journal_.sea_eastbound; }
  std::vector<SailingRecord>& sailings() {
    return direction_ == Direction::Westbound ? journal_.sailings : journal_.sailings_eastbound;
  }
  // The land legs' delays: westbound the inland leg then the last leg, eastbound the other
  // way round (SeaSpec keeps the westbound geography).
  const Distribution& first_leg_delay() const;
  const Distribution& final_leg_delay() const;

  const Scenario& scenario_;
  Direction direction_ = Direction::Westbound;
  const SeaSpec& sea_;
  int lane_ = 0;
  std::uint64_t seed_ = 0;
  // The per-container streams' purposes, after direction_ (which they depend on).
  StreamPurpose inland_purpose_{stream("sea-inland")};
  StreamPurpose europe_purpose_{stream("sea-europe")};
  std::string name_prefix_; // of its actors: "" for the focus lane, else the lane's name
  SeaRoute route_;
  Journal& journal_;
  std::size_t first_record_ = 0; // this model's records start here in journal.sea
  bool open_ = false;            // books offers during the run (offer())
  std::vector<LoopQueue> loops_;
  // One feeder per hub the loops name (heap-held: the engine's actors keep pointers to them).
  std::vector<std::unique_ptr<FeederService>> feeders_;
};

// Lane `lane`'s containers of one direction in the journal, as sea offers (same ids, same
// gate-in times).
std::vector<SeaOffer> sea_offers(const Journal& journal, int lane, Direction direction);

} // namespace rongou
