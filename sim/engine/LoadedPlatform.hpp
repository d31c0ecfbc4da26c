#pragma once
// The platform the SimGrid engine has loaded, as plain data: hosts and the links that alone
// join two hosts, each with its properties. The model builds its corridor from this, so that
// only the engine layer reads SimGrid's objects.
#include <map>
#include <string>
#include <vector>

namespace rongou::engine {

using Properties = std::map<std::string, std::string>;

struct PlatformHost {
  std::string name;
  double speed = 0.0; // flop/s, as SimGrid read it
  Properties properties;
};

// A link that is, alone, the route between two hosts.
struct PlatformLink {
  std::string name;
  std::string from; // the host that comes first by name
  std::string to;
  double bandwidth = 0.0; // bytes/s, as SimGrid read it
  double latency = 0.0;   // s
  Properties properties;
};

struct LoadedPlatform {
  std::vector<PlatformHost> hosts; // sorted by name: SimGrid hands them out in hash order
  std::vector<PlatformLink> links; // in the order of their end hosts' names
};

// Reads the platform of the running Session's engine.
LoadedPlatform read_loaded_platform();

} // namespace rongou::engine
