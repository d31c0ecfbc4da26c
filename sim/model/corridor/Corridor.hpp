#pragma once
// The corridor as plain data: nodes and the segments joining adjacent nodes, read from a
// SimGrid platform (PlatformReader) but usable without the engine.
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace rongou {

struct TransshipmentYard {
  int tracks = 0;
  int cranes = 0;
  int cranes_per_train = 0;
  double crane_rate_feu_per_hour = 0.0;
  double handling_fixed_hours = 0.0;
};

// A border crossing as a server: trains are processed (customs, inspection, hand-over) at
// `positions` at once, each taking the per-train time of its direction; where the neighbour
// accepts only so many trains a day, at most `trains_per_day` start a day in each direction.
struct BorderCrossing {
  int positions = 0;
  double processing_hours_westbound = 0.0;
  double processing_hours_eastbound = 0.0;
  double trains_per_day = 0.0; // 0: no quota
  // Hours of the day (0 to 24) when trains may start processing; none: open around the clock.
  // A window that closes before it opens spans midnight (22 to 6).
  std::optional<double> opens_hour;
  std::optional<double> closes_hour;
};

struct Node {
  std::string name;
  std::set<std::string> kinds; // terminal, junction, border, break_of_gauge, traction_change, port
  std::string country;
  std::string border_of;
  std::optional<TransshipmentYard> yard;
  std::optional<BorderCrossing> crossing; // border nodes whose platform gives their capacity
  std::optional<double> lat;              // degrees, for the network map
  std::optional<double> lon;
  bool is(const std::string& kind) const { return kinds.count(kind) > 0; }
};

struct Segment {
  std::string id;
  std::string from; // segments are undirected; from/to only name the ends
  std::string to;
  std::string mode; // rail, inland_rail, barge, road, sea
  double distance_km = 0.0;
  std::string distance_source;
  int gauge_mm = 0;
  double speed_km_per_day = 0.0;
  int max_train_feu = 0;
  bool electrified = false; // rail: overhead line for electric traction (emissions)
  // Road alternative riding on the same link (one route per host pair in SimGrid): 0 if none.
  double road_distance_km = 0.0;
  double road_speed_km_per_day = 0.0;
  // Capacity of the line itself (rail only). A single-track segment is cut into
  // passing_loops + 1 equal blocks, one train in a block at a time whatever its direction;
  // trains wait for a block only at a loop or an end node. headway_minutes: trains of one
  // direction enter the segment at least this far apart (double or single track).
  bool single_track = false;
  int passing_loops = 0;
  double headway_minutes = 0.0;
  bool limits_trains() const { return single_track || headway_minutes > 0.0; }
  int blocks() const { return single_track ? passing_loops + 1 : 1; }
  double nominal_hours() const { return distance_km / speed_km_per_day * 24.0; }
  bool joins(const std::string& a, const std::string& b) const {
    return (from == a && to == b) || (from == b && to == a);
  }
};

class Corridor {
public:
  std::string source_file;

  void add_node(Node node);
  Node* mutable_node(const std::string& name); // for what-ifs that add capacity
  std::vector<Segment*> mutable_segments(const std::string& id); // every segment of that link id
  std::vector<std::string> segment_ids() const;
  void add_segment(Segment segment);

  const Node* node(const std::string& name) const;
  const Segment* segment_between(const std::string& a, const std::string& b) const;
  const std::map<std::string, Node>& nodes() const { return nodes_; }
  const std::vector<Segment>& segments() const { return segments_; }
  std::vector<std::string> node_names() const;

  double route_length_km(const std::vector<std::string>& route) const; // throws if not connected

private:
  std::map<std::string, Node> nodes_;
  std::vector<Segment> segments_;
  std::map<std::pair<std::string, std::string>, std::size_t> by_ends_;
};

} // namespace rongou
