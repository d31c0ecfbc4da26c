#include "experiment/Aggregate.hpp"

#include <cmath>

#include "results/Confidence.hpp"
#include "output/SummaryJson.hpp"

namespace rongou {

using Json = nlohmann::ordered_json;

namespace {

Json number_or_null(double v) { return std::isnan(v) ? Json(nullptr) : Json(rounded(v)); }

std::vector<double> numbers_at(const std::vector<const Json*>& nodes, const std::string& key) {
  std::vector<double> values;
  for (const Json* n : nodes)
    if (n && n->is_object() && n->contains(key) && (*n)[key].is_number())
      values.push_back((*n)[key].get<double>());
  return values;
}

std::vector<const Json*> children_at(const std::vector<const Json*>& nodes, const std::string& key) {
  std::vector<const Json*> out;
  for (const Json* n : nodes)
    out.push_back(n && n->is_object() && n->contains(key) ? &(*n)[key] : nullptr);
  return out;
}

std::vector<const Json*> elements_at(const std::vector<const Json*>& nodes, std::size_t i) {
  std::vector<const Json*> out;
  for (const Json* n : nodes)
    out.push_back(n && n->is_array() && i < n->size() ? &(*n)[i] : nullptr);
  return out;
}

bool all_numbers(const Json& array) {
  for (const auto& v : array)
    if (!v.is_number())
      return false;
  return !array.empty();
}

Json aggregate_node(const Json& shape, const std::vector<const Json*>& nodes, bool top_level);

// The value that gives `key` its shape: the first replication's, or, where that one is null
// (a statistic it could not compute, e.g. a warm-up too short to judge), the first later
// replication's that is not.
const Json& shape_of(const Json& first, const std::vector<const Json*>& nodes, const std::string& key) {
  if (!first.is_null())
    return first;
  for (const Json* n : nodes)
    if (n && n->is_object() && n->contains(key) && !(*n)[key].is_null())
      return (*n)[key];
  return first;
}

Json aggregate_array(const Json& shape, const std::vector<const Json*>& nodes, Json* ci_out) {
  Json means = Json::array();
  Json cis = Json::array();
  const bool numeric = all_numbers(shape);
  for (std::size_t i = 0; i < shape.size(); ++i) {
    const auto elements = elements_at(nodes, i);
    if (numeric) {
      std::vector<double> values;
      for (const Json* e : elements)
        if (e && e->is_number())
          values.push_back(e->get<double>());
      const MeanCi ci = mean_ci95(values);
      means.push_back(number_or_null(ci.mean));
      cis.push_back(number_or_null(ci.half_width));
    } else {
      means.push_back(aggregate_node(shape[i], elements, false));
    }
  }
  if (numeric && ci_out)
    *ci_out = std::move(cis);
  return means;
}

Json aggregate_node(const Json& shape, const std::vector<const Json*>& nodes, bool top_level) {
  if (shape.is_array())
    return aggregate_array(shape, nodes, nullptr);
  if (!shape.is_object())
    return shape;
  Json out = Json::object();
  Json ci = Json::object();
  for (const auto& [key, first] : shape.items()) {
    if (key == "ci95")
      continue;
    const Json& value = shape_of(first, nodes, key);
    if (top_level && is_run_metadata_key(key)) {
      out[key] = value;
    } else if (value.is_number()) {
      const MeanCi stats = mean_ci95(numbers_at(nodes, key));
      out[key] = number_or_null(stats.mean);
      ci[key] = number_or_null(stats.half_width);
    } else if (value.is_array()) {
      Json array_ci;
      out[key] = aggregate_array(value, children_at(nodes, key), &array_ci);
      if (!array_ci.is_null())
        ci[key] = std::move(array_ci);
    } else if (value.is_object()) {
      out[key] = aggregate_node(value, children_at(nodes, key), false);
    } else if (value.is_boolean()) {
      // A verdict (warmup.sufficient) holds for the experiment only if it holds for every
      // replication; flags that never vary (a lane's `focus`) stay as they are.
      bool all = true;
      for (const Json* n : nodes)
        if (n && n->is_object() && n->contains(key) && (*n)[key].is_boolean())
          all = all && (*n)[key].get<bool>();
      out[key] = all;
    } else {
      out[key] = value;
    }
  }
  if (!ci.empty())
    out["ci95"] = std::move(ci);
  return out;
}

} // namespace

Json aggregate_summaries(const std::vector<Json>& replications) {
  if (replications.empty())
    return Json::object();
  std::vector<const Json*> nodes;
  for (const auto& r : replications)
    nodes.push_back(&r);
  return aggregate_node(replications.front(), nodes, true);
}

Json experiment_summary(std::uint64_t scenario_seed, std::size_t requested, const std::vector<Json>& done,
                        const std::vector<std::uint64_t>& done_seeds, const std::vector<MissingReplication>& missing) {
  Json j = aggregate_summaries(done);
  j["seed"] = scenario_seed;
  j["replications"] = done.size();
  j["replications_requested"] = requested;
  j["replication_seeds"] = done_seeds;
  Json gaps = Json::array();
  for (const auto& m : missing)
    gaps.push_back({{"replication", m.index}, {"seed", m.seed}, {"reason", m.reason}});
  j["missing_replications"] = std::move(gaps);
  return j;
}

} // namespace rongou
