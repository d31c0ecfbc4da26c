#pragma once
// A mode's recent performance as shippers see it: the door-to-door days of the containers it
// delivered within a moving window. Pure (no engine), tested on its own.
#include <deque>
#include <utility>
#include <vector>

namespace rongou {

struct WindowStats {
  int deliveries = 0;
  double mean_days = 0.0;
  double p95_days = 0.0; // nearest rank: the ceil(0.95 n)-th smallest
};

class DeliveryWindow {
public:
  explicit DeliveryWindow(double window_h) : window_h_(window_h) {}
  // A container delivered at `arrived_h` after `days` door to door.
  void add(double arrived_h, double days);
  // Deliveries in (now_h - window, now_h]; older ones are dropped for good. `overdue_days`:
  // boxes still on their way that have already taken longer than the deliveries' mean, each
  // counted at its age so far (a lower bound), so a backlog shows before it is delivered.
  WindowStats stats(double now_h, const std::vector<double>& overdue_days = {});

private:
  double window_h_;
  std::deque<std::pair<double, double>> items_; // (arrived_h, days)
};

} // namespace rongou
