#pragma once
// The sea side of a run: each westbound container offered at Chengdu also goes by sea, as
// data moved by two kinds of actor: one sailing dispatcher at the origin port (cut-off,
// vessel capacity, rolling) and one voyage per loaded sailing (ocean transit and delay,
// then the European port and the last leg for its containers). See docs/sea.md.
//
// Random draws come from streams of their own ("sea-inland" and "sea-europe" per container,
// "sea-sailing" per sailing), never from a rail stream: changing rail parameters leaves sea
// results unchanged, and the other way round.
#include <vector>

#include "journal/Journal.hpp"
#include "scenario/Scenario.hpp"
#include "model/sea/PortQueue.hpp"
#include "model/sea/SeaRoute.hpp"

namespace rongou {

struct SeaOffer {
  int container = 0;      // id shared with the rail twin
  double gate_in_h = 0.0; // at Chengdu
};

class SeaModel {
public:
  // Draws each container's inland leg and appends one SeaRecord per offer to the journal.
  SeaModel(const Scenario& scenario, SeaRoute route, const std::vector<SeaOffer>& offers, Journal& journal);

  // Creates the dispatcher actor; the engine runs it. Sailings go on until every offered
  // container has sailed, so each one arrives exactly once.
  void start();

  const SeaRoute& route() const { return route_; }

private:
  void dispatch();
  void voyage(std::size_t sailing, std::vector<std::size_t> records);

  const Scenario& scenario_;
  SeaRoute route_;
  Journal& journal_;
  std::size_t first_record_ = 0; // this model's records start here in journal.sea
  PortQueue queue_;
};

// The westbound containers of the journal, as sea offers (same ids, same gate-in times).
std::vector<SeaOffer> westbound_offers(const Journal& journal, int lane);

} // namespace rongou
