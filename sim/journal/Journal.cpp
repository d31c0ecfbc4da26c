#include "journal/Journal.hpp"

#include <set>

namespace rongou {

std::string_view intern_node_name(std::string_view name) {
  // A set's elements never move, so views into them stay valid as it grows.
  static std::set<std::string, std::less<>> names;
  auto it = names.find(name);
  if (it == names.end())
    it = names.emplace(name).first;
  return *it;
}

const char* to_string(TrainEventKind kind) {
  switch (kind) {
  case TrainEventKind::Depart:
    return "depart";
  case TrainEventKind::Arrive:
    return "arrive";
  case TrainEventKind::LocomotiveWait:
    return "locomotive_wait";
  case TrainEventKind::LocomotiveAttached:
    return "locomotive_attached";
  case TrainEventKind::LocomotiveReleased:
    return "locomotive_released";
  case TrainEventKind::BorderStart:
    return "border_start";
  case TrainEventKind::BorderEnd:
    return "border_end";
  case TrainEventKind::YardQueue:
    return "yard_queue";
  case TrainEventKind::YardStart:
    return "yard_start";
  case TrainEventKind::YardEnd:
    return "yard_end";
  case TrainEventKind::Split:
    return "split";
  case TrainEventKind::Finish:
    return "finish";
  }
  return "?";
}

} // namespace rongou
