#pragma once
// network.json of a results folder, read back for the network map. The folder may come from
// anyone: the file must be a regular file inside it of at most kMaxNetworkJsonBytes, every
// name an identifier (base/Identifier.hpp), every number finite and in its range (degrees,
// trains a week, units, utilisation), every route node one of the file's nodes, and the
// counts of nodes, lanes and routes bounded. Anything else is an InputError naming the file
// and the key.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace rongou::report {

// The platform of the whole China-Europe network has under 100 nodes; its network.json is
// under 20 kB.
inline constexpr std::uintmax_t kMaxNetworkJsonBytes = 4 * 1024 * 1024;
inline constexpr std::size_t kMaxNetworkNodes = 10000;
inline constexpr std::size_t kMaxNetworkLanes = 1000;
inline constexpr std::size_t kMaxLaneRoutes = 1000;

struct NetworkNode {
  std::string name;
  std::string country;
  std::optional<double> lat, lon; // degrees
  std::string kind;               // terminal, yard, border or junction
};

struct NetworkLane {
  std::string name;
  bool background = false;
  bool focus = false;
  double westbound_per_week = 0.0;
  double eastbound_per_week = 0.0;
  std::vector<std::vector<std::string>> routes; // node names
};

struct NetworkServer {
  std::string node;
  std::string kind; // crossing, yard or track (a segment: not on the map)
  int units = 0;
  double utilisation = 0.0; // fraction of unit-hours busy
  double trains_per_day = 0.0;
  double mean_wait_hours = 0.0;
};

struct NetworkData {
  std::string focus_lane;
  std::vector<NetworkNode> nodes;
  std::vector<NetworkLane> lanes;
  std::vector<NetworkServer> servers;
  const NetworkNode* node(const std::string& name) const;
};

// Throws InputError as above.
NetworkData read_network_data(const std::filesystem::path& file);

} // namespace rongou::report
