#pragma once
// A break-of-gauge yard: a train needs a free transshipment track, then cranes (up to the
// number that can work one train); containers move at cranes x crane rate. Trains queue,
// first come first served, when tracks or cranes are all busy.
#include <string_view>

#include "model/corridor/Corridor.hpp"
#include "journal/Journal.hpp"
#include "engine/FifoResource.hpp"

namespace rongou {

struct YardVisit {
  double queue_h = 0.0;
  double handling_h = 0.0;
};

class GaugeChangeYard {
public:
  GaugeChangeYard(std::string_view node, const TransshipmentYard& spec, Journal& journal);

  // Blocks for the whole visit: queue, then transshipment of `feu` containers. `waiting_place`
  // (a crossing position the train waits on) is given back when the train is on a track.
  YardVisit transship(int feu, Hold* waiting_place = nullptr);

  // Tracks and cranes out of service in a capacity disruption, back in service when released
  // or at scope exit. The cranes go back first (members are destroyed in reverse order), as a
  // train gives them back.
  struct OutOfService {
    Hold tracks;
    Hold cranes;
  };
  // A capacity disruption: takes `tracks` tracks and `cranes` cranes out of service one by
  // one, queueing for them behind the trains already waiting, and stops at `until_h` with
  // what it has.
  OutOfService withdraw(int tracks, int cranes, double until_h);

  static double handling_hours(const TransshipmentYard& spec, int cranes_working, int feu);

private:
  void sample();

  NodeIndex node_index_; // the yard's node, for samples
  TransshipmentYard spec_;
  Journal& journal_;
  FifoResource tracks_;
  // A train's cranes are claimed in one piece: two trains never each hold part of what they
  // need and wait for each other.
  FifoResource cranes_;
  int queued_ = 0;
  int on_tracks_ = 0;
};

} // namespace rongou
