#include "model/corridor/Corridor.hpp"

#include <fmt/format.h>
#include <stdexcept>

namespace rongou {

void Corridor::add_node(Node node) {
  const std::string name = node.name;
  nodes_[name] = std::move(node);
}

void Corridor::add_segment(Segment segment) {
  by_ends_[{segment.from, segment.to}] = segments_.size();
  by_ends_[{segment.to, segment.from}] = segments_.size();
  segments_.push_back(std::move(segment));
}

Node* Corridor::mutable_node(const std::string& name) {
  auto it = nodes_.find(name);
  return it == nodes_.end() ? nullptr : &it->second;
}

std::vector<Segment*> Corridor::mutable_segments(const std::string& id) {
  std::vector<Segment*> found;
  for (auto& s : segments_)
    if (s.id == id)
      found.push_back(&s);
  return found;
}

std::vector<std::string> Corridor::segment_ids() const {
  std::vector<std::string> ids;
  for (const auto& s : segments_)
    ids.push_back(s.id);
  return ids;
}

const Node* Corridor::node(const std::string& name) const {
  auto it = nodes_.find(name);
  return it == nodes_.end() ? nullptr : &it->second;
}

const Segment* Corridor::segment_between(const std::string& a, const std::string& b) const {
  auto it = by_ends_.find({a, b});
  return it == by_ends_.end() ? nullptr : &segments_[it->second];
}

std::vector<std::string> Corridor::node_names() const {
  std::vector<std::string> names;
  for (const auto& [name, _] : nodes_)
    names.push_back(name);
  return names;
}

double Corridor::route_length_km(const std::vector<std::string>& route) const {
  double total = 0.0;
  for (std::size_t i = 0; i + 1 < route.size(); ++i) {
    const Segment* s = segment_between(route[i], route[i + 1]);
    if (s == nullptr)
      throw std::invalid_argument(fmt::format("no segment joins {} and {}", route[i], route[i + 1]));
    total += s->distance_km;
  }
  return total;
}

} // namespace rongou
