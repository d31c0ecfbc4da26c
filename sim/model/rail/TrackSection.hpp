#pragma once
// A segment whose line limits trains (Segment::limits_trains): a single track cut into blocks
// by passing loops, and/or a headway between trains of one direction.
//
// A train plans its whole way through when it reaches the segment's first node: block after
// block, it takes the earliest time it can run through the block alone, after it has run
// through the one before, and waits for it at the loop between them. Plans are kept as
// reservations, so a train planned later runs in the gaps the earlier ones left (crossing
// them at a loop) or behind them. No train ever holds a block while it waits, and no train
// waits inside a block: two trains facing each other in one block cannot happen, and nothing
// can deadlock. The plan costs no engine event: the train sleeps once to its far end, as on
// any other segment. A loop holds as many waiting trains as need it (real loops hold one or
// two: a simplification that can only shorten waits).
#include <cstddef>
#include <vector>

#include "journal/Journal.hpp"
#include "model/corridor/Corridor.hpp"

namespace rongou {

class TrackSection {
public:
  explicit TrackSection(const Segment& segment);

  struct Passage {
    double entered_h = 0.0; // into the first block (or onto the double track)
    double left_h = 0.0;    // out of the last block
    double wait_h = 0.0;    // at the first node and the loops: left - ready - running
  };
  // Plans a train ready at `ready_h` at the end `from` of the segment, running through it in
  // `running_h` (nominal time, delay and slowdown; each block takes its share by length).
  // `ready_h` must not go back in time from one call to the next: plans are made in the
  // engine's time order, and what lies behind the latest `ready_h` is forgotten.
  Passage pass(double ready_h, const std::string& from, double running_h);

  const Segment& segment() const { return segment_; }
  NodeIndex name() const { return name_; } // the segment id, as a server visit names it
  int blocks() const { return static_cast<int>(blocks_.size()); }

  // A block held by a train, for checks: [from_h, to_h), going from the segment's `from`
  // end (forward) or its `to` end.
  struct Occupation {
    double from_h = 0.0;
    double to_h = 0.0;
    bool forward = true;
  };
  // When `keep_history` is set, every occupation of every block is kept (for tests).
  void keep_history() { keep_history_ = true; }
  const std::vector<std::vector<Occupation>>& history() const { return history_; }

private:
  // The earliest time >= t_h at which `block` is free for `hours`.
  double block_free_from(std::size_t block, double t_h, double hours) const;
  // The earliest time >= t_h at which a train going `forward` keeps the headway to every
  // entry of its direction.
  double headway_free_from(bool forward, double t_h) const;
  void forget_before(double t_h);

  const Segment& segment_;
  NodeIndex name_;
  double headway_h_ = 0.0;
  // Per block, the reservations still ahead, by start time; they never overlap, so their
  // ends are in order too.
  std::vector<std::vector<Occupation>> blocks_;
  std::vector<double> entries_[2]; // per direction (forward, backward), in time order
  bool keep_history_ = false;
  std::vector<std::vector<Occupation>> history_;
};

} // namespace rongou
