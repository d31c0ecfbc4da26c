#include "model/rail/InspectionHolds.hpp"

namespace rongou {

void InspectionHolds::hold(int inspection, int lane, Direction d, double ready_h, Held held) {
  queues_[{inspection, lane, d}].emplace(std::make_pair(ready_h, held.container), held);
}

std::vector<InspectionHolds::Held> InspectionHolds::board(int inspection, int lane, Direction d, double now_h,
                                                          int room) {
  std::vector<Held> out;
  auto it = queues_.find({inspection, lane, d});
  if (it == queues_.end())
    return out;
  Queue& queue = it->second;
  while (!queue.empty() && static_cast<int>(out.size()) < room && queue.begin()->first.first <= now_h) {
    out.push_back(queue.begin()->second);
    queue.erase(queue.begin());
  }
  return out;
}

std::size_t InspectionHolds::waiting() const {
  std::size_t n = 0;
  for (const auto& [_, queue] : queues_)
    n += queue.size();
  return n;
}

} // namespace rongou
