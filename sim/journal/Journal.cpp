#include "journal/Journal.hpp"

#include <deque>
#include <limits>
#include <map>
#include <stdexcept>
#include <string>

namespace rongou {

namespace {
// Names in index order; a deque never moves its elements, so views into them stay valid.
// Lookups are by name through the map. One engine per process, and its actors take turns on
// one thread, so no lock.
struct NodeNames {
  std::deque<std::string> by_index;
  std::map<std::string, NodeIndex, std::less<>> index_of;
};
NodeNames& node_names() {
  static NodeNames names;
  return names;
}
} // namespace

NodeIndex intern_node_name(std::string_view name) {
  auto& names = node_names();
  if (auto it = names.index_of.find(name); it != names.index_of.end())
    return it->second;
  if (names.by_index.size() > std::numeric_limits<NodeIndex>::max())
    throw std::length_error("more node names than a train event can index");
  const auto index = static_cast<NodeIndex>(names.by_index.size());
  names.by_index.emplace_back(name);
  names.index_of.emplace(names.by_index.back(), index);
  return index;
}

std::string_view interned_node_name(NodeIndex index) { return node_names().by_index.at(index); }

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

namespace rongou {

const char* to_string(ServerKind kind) {
  switch (kind) {
  case ServerKind::Crossing:
    return "crossing";
  case ServerKind::Yard:
    return "yard";
  case ServerKind::Track:
    return "track";
  case ServerKind::Ferry:
    return "ferry";
  }
  return "?";
}

} // namespace rongou
