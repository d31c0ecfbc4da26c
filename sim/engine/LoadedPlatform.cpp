#include "engine/LoadedPlatform.hpp"

#include <algorithm>
#include <simgrid/s4u/Engine.hpp>
#include <simgrid/s4u/Host.hpp>
#include <simgrid/s4u/Link.hpp>

namespace rongou::engine {

namespace {
template <class Entity> Properties properties_of(const Entity& e) {
  Properties out;
  if (const auto* props = e.get_properties())
    for (const auto& [key, value] : *props)
      out.emplace(key, value);
  return out;
}
} // namespace

LoadedPlatform read_loaded_platform() {
  auto* engine = simgrid::s4u::Engine::get_instance();
  auto hosts = engine->get_all_hosts();
  std::sort(hosts.begin(), hosts.end(), [](auto* a, auto* b) { return a->get_name() < b->get_name(); });
  LoadedPlatform platform;
  for (const auto* host : hosts)
    platform.hosts.push_back({host->get_name(), host->get_speed(), properties_of(*host)});
  for (std::size_t i = 0; i < hosts.size(); ++i) {
    for (std::size_t j = i + 1; j < hosts.size(); ++j) {
      std::vector<simgrid::s4u::Link*> links;
      double latency = 0.0;
      hosts[i]->route_to(hosts[j], links, &latency);
      if (links.size() != 1)
        continue;
      const auto* link = links.front();
      platform.links.push_back({link->get_name(), hosts[i]->get_name(), hosts[j]->get_name(), link->get_bandwidth(),
                                link->get_latency(), properties_of(*link)});
    }
  }
  return platform;
}

} // namespace rongou::engine
