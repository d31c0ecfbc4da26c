#pragma once
// A ferry line between two ports (scenario rail.ferries), shared by every train that crosses
// it: its sailings, their room, and the weather windows that cancel them. Boxes board in the
// order their trains reach the port; a sailing takes what it has room for and leaves the rest
// for the next one, so the wait for a sailing comes from the timetable and the capacity, never
// from a drawn delay. Each port has its own sailings, on the same timetable (end 0 sails from
// the line's first port, end 1 from its second); one weather closes both.
#include <array>
#include <cstddef>
#include <string>
#include <deque>
#include <utility>
#include <vector>

#include "base/RandomStream.hpp"
#include "journal/Journal.hpp"
#include "model/corridor/Corridor.hpp"
#include "scenario/Scenario.hpp"

namespace rongou {

class Grant;

class FerryLine {
public:
  // `weather` draws the line's weather windows, and nothing else.
  FerryLine(const FerrySpec& spec, const Segment& crossing, RandomStream weather);

  const FerrySpec& spec() const { return spec_; }
  const Segment& crossing() const { return crossing_; }
  // Hours a sailing takes from port to port: the crossing's length at its speed.
  double sailing_hours() const { return crossing_.nominal_hours(); }

  // The first sailing at or after `t_h` by the timetable (k from 0), and its time.
  double timetabled_h(std::size_t k) const;
  // Which end of the line `port` is: 0 for the first port, 1 for the second.
  int end_at(const std::string& port) const { return port == spec_.first_port ? 0 : 1; }
  // If `t_h` is inside a weather window, the window's end; otherwise `t_h`.
  double after_weather(double t_h);
  bool cancelled(int end, std::size_t k);

  struct Part {
    std::size_t sailing = 0;
    int feu = 0;
  };
  // Gives `feu` boxes that reach the port at `at_h` (not earlier than any before them) to the
  // first sailings with room that leave loading_hours or more after `at_h`; returns where they
  // went, in sailing order. With departure when_full, a sailing they fill leaves once loaded
  // (or when the weather lets it).
  std::vector<Part> board(int end, double at_h, int feu);
  // Blocks the calling actor until sailing `k` leaves; returns when it left.
  double wait_for(int end, std::size_t k);

  // Every sailing offered up to `end_h` (a timetabled time or a departure at or before it),
  // for the journal: end 0's, then end 1's.
  std::vector<FerrySailingRecord> sailings_until(double end_h, int line) const;

private:
  struct Sailing {
    double timetabled_h = 0.0;
    bool cancelled = false;
    int load_feu = 0;
    int trains = 0;
    bool full_left = false;   // when_full: left once full, at left_h
    double left_h = 0.0;
    std::vector<Grant*> waiting; // when_full: trains waiting for it to fill or reach its time
  };
  Sailing& sailing(int end, std::size_t k);
  double leaves_h(const Sailing& s) const { return s.full_left ? s.left_h : s.timetabled_h; }
  // Draws weather windows until one starts after `t_h`.
  void draw_weather_until(double t_h);

  FerrySpec spec_;
  const Segment& crossing_;
  RandomStream weather_;
  std::vector<std::pair<double, double>> windows_; // [start, end) in time order, as drawn
  double next_window_h_ = 0.0;                     // start of the next window to draw
  std::array<std::deque<Sailing>, 2> sailings_; // by end, from sailing 0
  std::array<std::size_t, 2> first_open_{};      // sailings before it take no more boxes
};

} // namespace rongou
