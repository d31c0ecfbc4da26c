#include "output/report/NetworkData.hpp"

#include <cmath>
#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <set>

#include "base/Identifier.hpp"
#include "output/report/ResultsFile.hpp"
#include "scenario/Diagnostics.hpp"

namespace rongou::report {

namespace fs = std::filesystem;
using Json = nlohmann::json;

namespace {

class Reader {
public:
  explicit Reader(const fs::path& file) : file_(file) {}

  [[noreturn]] void fail(const std::string& key, const std::string& what) const {
    throw InputError(fmt::format("{}: {}: {}", file_.string(), key, what));
  }
  const Json& member(const Json& object, const std::string& where, const char* key) const {
    if (!object.is_object() || !object.contains(key))
      fail(where.empty() ? key : where + "." + key, "missing");
    return object[key];
  }
  const Json& array(const Json& object, const std::string& where, const char* key, std::size_t max) const {
    const Json& a = member(object, where, key);
    if (!a.is_array())
      fail(where + "." + key, "not a list");
    if (a.size() > max)
      fail(where + "." + key, fmt::format("{} entries, more than {}", a.size(), max));
    return a;
  }
  std::string name(const Json& value, const std::string& key, bool may_be_empty = false) const {
    if (!value.is_string())
      fail(key, fmt::format("{} is not text", value.dump().substr(0, 80)));
    const std::string text = value.get<std::string>();
    if (may_be_empty && text.empty())
      return text;
    if (auto problem = identifier_problem(text))
      fail(key, "not a name: " + *problem);
    return text;
  }
  double number(const Json& value, const std::string& key, double min, double max) const {
    if (!value.is_number())
      fail(key, fmt::format("{} is not a number", value.dump().substr(0, 80)));
    const double v = value.get<double>();
    if (!std::isfinite(v) || v < min || v > max)
      fail(key, fmt::format("{} is not a finite number in [{:g}, {:g}]", value.dump().substr(0, 80), min, max));
    return v;
  }
  std::optional<double> degrees(const Json& value, const std::string& key, double limit) const {
    if (value.is_null())
      return std::nullopt;
    return number(value, key, -limit, limit);
  }
  bool flag(const Json& value, const std::string& key) const {
    if (!value.is_boolean())
      fail(key, fmt::format("{} is not true or false", value.dump().substr(0, 80)));
    return value.get<bool>();
  }
  std::string one_of(const Json& value, const std::string& key, std::initializer_list<const char*> allowed) const {
    if (value.is_string())
      for (const char* a : allowed)
        if (value.get<std::string>() == a)
          return a;
    std::string list;
    for (const char* a : allowed)
      list += (list.empty() ? "" : ", ") + std::string(a);
    fail(key, fmt::format("{} is not one of {}", value.dump().substr(0, 80), list));
  }

private:
  fs::path file_;
};

} // namespace

const NetworkNode* NetworkData::node(const std::string& name) const {
  for (const auto& n : nodes)
    if (n.name == name)
      return &n;
  return nullptr;
}

NetworkData read_network_data(const fs::path& file) {
  const std::string text = read_results_file(file, kMaxNetworkJsonBytes);
  Json root;
  try {
    root = Json::parse(text);
  } catch (const Json::exception& e) { // parse errors, and numbers beyond a double
    throw InputError(fmt::format("{}: malformed JSON: {}", file.string(), e.what()));
  }
  const Reader r(file);
  if (!root.is_object())
    r.fail("-", "not a JSON object");
  NetworkData data;
  data.focus_lane = r.name(r.member(root, "", "focus_lane"), "focus_lane");
  std::set<std::string> names;
  const Json& nodes = r.array(root, "", "nodes", kMaxNetworkNodes);
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    const std::string at = fmt::format("nodes.{}", i);
    NetworkNode n;
    n.name = r.name(r.member(nodes[i], at, "name"), at + ".name");
    n.country = r.name(r.member(nodes[i], at, "country"), at + ".country", true);
    n.lat = r.degrees(r.member(nodes[i], at, "lat"), at + ".lat", 90.0);
    n.lon = r.degrees(r.member(nodes[i], at, "lon"), at + ".lon", 180.0);
    n.kind = r.one_of(r.member(nodes[i], at, "kind"), at + ".kind", {"terminal", "yard", "border", "junction"});
    if (!names.insert(n.name).second)
      r.fail(at + ".name", fmt::format("node {} is listed twice", n.name));
    data.nodes.push_back(std::move(n));
  }
  const Json& lanes = r.array(root, "", "lanes", kMaxNetworkLanes);
  for (std::size_t i = 0; i < lanes.size(); ++i) {
    const std::string at = fmt::format("lanes.{}", i);
    NetworkLane l;
    l.name = r.name(r.member(lanes[i], at, "name"), at + ".name");
    l.background = r.flag(r.member(lanes[i], at, "background"), at + ".background");
    l.focus = r.flag(r.member(lanes[i], at, "focus"), at + ".focus");
    const Json& per_week = r.member(lanes[i], at, "trains_per_week");
    // A lane's timetable has at most a train an hour each way (168 a week); 10,000 is far above.
    l.westbound_per_week = r.number(r.member(per_week, at + ".trains_per_week", "westbound"),
                                    at + ".trains_per_week.westbound", 0.0, 10000.0);
    l.eastbound_per_week = r.number(r.member(per_week, at + ".trains_per_week", "eastbound"),
                                    at + ".trains_per_week.eastbound", 0.0, 10000.0);
    const Json& routes = r.array(lanes[i], at, "routes", kMaxLaneRoutes);
    for (std::size_t k = 0; k < routes.size(); ++k) {
      const std::string rat = fmt::format("{}.routes.{}", at, k);
      if (!routes[k].is_array() || routes[k].size() > kMaxNetworkNodes)
        r.fail(rat, fmt::format("not a list of at most {} node names", kMaxNetworkNodes));
      std::vector<std::string> route;
      for (std::size_t s = 0; s < routes[k].size(); ++s) {
        const std::string node = r.name(routes[k][s], fmt::format("{}.{}", rat, s));
        if (!names.count(node))
          r.fail(fmt::format("{}.{}", rat, s), fmt::format("{} is not one of the file's nodes", node));
        route.push_back(node);
      }
      l.routes.push_back(std::move(route));
    }
    data.lanes.push_back(std::move(l));
  }
  const Json& servers = r.array(root, "", "servers", 4 * kMaxNetworkNodes);
  for (std::size_t i = 0; i < servers.size(); ++i) {
    const std::string at = fmt::format("servers.{}", i);
    NetworkServer s;
    s.node = r.name(r.member(servers[i], at, "node"), at + ".node");
    s.kind = r.one_of(r.member(servers[i], at, "kind"), at + ".kind", {"crossing", "yard", "track", "ferry"});
    s.units = static_cast<int>(r.number(r.member(servers[i], at, "units"), at + ".units", 0.0, 1e6));
    // Busy unit-hours over available ones: at most 1 as rongou computes it; a little room above
    // for rounding, none for nonsense.
    s.utilisation = r.number(r.member(servers[i], at, "utilisation"), at + ".utilisation", 0.0, 1.5);
    s.trains_per_day = r.number(r.member(servers[i], at, "trains_per_day"), at + ".trains_per_day", 0.0, 1e6);
    s.mean_wait_hours =
        r.number(r.member(servers[i], at, "mean_wait_hours"), at + ".mean_wait_hours", 0.0, 36500.0 * 24.0);
    data.servers.push_back(std::move(s));
  }
  return data;
}

} // namespace rongou::report
