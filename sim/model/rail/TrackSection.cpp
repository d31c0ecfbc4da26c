#include "model/rail/TrackSection.hpp"

#include <algorithm>

namespace rongou {

TrackSection::TrackSection(const Segment& segment)
    : segment_(segment), name_(intern_node_name(segment.id)), headway_h_(segment.headway_minutes / 60.0) {
  if (segment.single_track)
    blocks_.resize(static_cast<std::size_t>(segment.passing_loops) + 1);
  history_.resize(blocks_.size());
}

double TrackSection::block_free_from(std::size_t block, double t_h, double hours) const {
  const auto& held = blocks_[block];
  auto it = std::upper_bound(held.begin(), held.end(), t_h,
                             [](double t, const Occupation& o) { return t < o.to_h; });
  for (; it != held.end() && it->from_h < t_h + hours; ++it)
    t_h = std::max(t_h, it->to_h);
  return t_h;
}

double TrackSection::headway_free_from(bool forward, double t_h) const {
  if (headway_h_ <= 0.0)
    return t_h;
  const auto& entries = entries_[forward ? 0 : 1];
  for (auto it = std::upper_bound(entries.begin(), entries.end(), t_h - headway_h_);
       it != entries.end() && *it < t_h + headway_h_; ++it)
    t_h = std::max(t_h, *it + headway_h_);
  return t_h;
}

void TrackSection::forget_before(double t_h) {
  for (auto& held : blocks_) {
    const auto past = std::find_if(held.begin(), held.end(), [t_h](const Occupation& o) { return o.to_h > t_h; });
    held.erase(held.begin(), past);
  }
  for (auto& entries : entries_) {
    const auto past = std::upper_bound(entries.begin(), entries.end(), t_h - headway_h_);
    entries.erase(entries.begin(), past);
  }
}

TrackSection::Passage TrackSection::pass(double ready_h, const std::string& from, double running_h) {
  forget_before(ready_h);
  const bool forward = from == segment_.from;
  const std::size_t n = blocks_.size();
  const double block_h = n > 0 ? running_h / static_cast<double>(n) : running_h;
  auto block_at = [&](std::size_t k) { return forward ? k : n - 1 - k; };
  // Into the first block (or onto the double track): free, and the headway kept. Each search
  // only moves later, so the two agree after a few rounds.
  double t = ready_h;
  for (;;) {
    const double free = n > 0 ? block_free_from(block_at(0), t, block_h) : t;
    const double spaced = headway_free_from(forward, free);
    if (spaced == free) {
      t = free;
      break;
    }
    t = spaced;
  }
  Passage p;
  p.entered_h = t;
  auto& entries = entries_[forward ? 0 : 1];
  if (headway_h_ > 0.0)
    entries.insert(std::upper_bound(entries.begin(), entries.end(), t), t);
  for (std::size_t k = 0; k < n; ++k) {
    const std::size_t block = block_at(k);
    if (k > 0)
      t = block_free_from(block, t, block_h); // waiting at the loop before it
    const Occupation held{t, t + block_h, forward};
    auto& reservations = blocks_[block];
    reservations.insert(std::upper_bound(reservations.begin(), reservations.end(), t,
                                         [](double at, const Occupation& o) { return at < o.from_h; }),
                        held);
    if (keep_history_)
      history_[block].push_back(held);
    t += block_h;
  }
  if (n == 0)
    t += running_h;
  p.left_h = t;
  // Blocks' shares add up to the running time only to rounding: a wait that small is none.
  p.wait_h = std::max(0.0, t - ready_h - running_h);
  if (p.wait_h < 1e-9)
    p.wait_h = 0.0;
  return p;
}

} // namespace rongou
