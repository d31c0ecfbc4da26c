#pragma once
// A break-of-gauge yard: a train needs a free transshipment track, then cranes (up to the
// number that can work one train); containers move at cranes x crane rate. Trains queue,
// first come first served, when tracks or cranes are all busy.
#include <string_view>
#include <utility>

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

  // Blocks for the whole visit: queue, then transshipment of `feu` containers.
  YardVisit transship(int feu);

  // A capacity disruption: takes `tracks` tracks and `cranes` cranes out of service, queueing
  // for them behind the trains already waiting, and gives up at `until_h`. Returns
  // {tracks, cranes} taken, to be given back with restore().
  std::pair<int, int> withdraw(int tracks, int cranes, double until_h);
  void restore(int tracks, int cranes);

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
