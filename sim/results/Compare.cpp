#include "results/Compare.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <fstream>
#include <optional>
#include <regex>
#include <sstream>

#include "results/RunMetadataKeys.hpp"
#include "scenario/Diagnostics.hpp"

namespace rongou {

namespace fs = std::filesystem;
using Json = nlohmann::ordered_json;

namespace {

Json read_json(const fs::path& file) {
  std::ifstream in(file);
  if (!in)
    throw InputError(fmt::format("{}: cannot read (is this a results folder?)", file.string()));
  try {
    return Json::parse(in);
  } catch (const Json::parse_error& e) {
    throw InputError(fmt::format("{}: not valid JSON: {}", file.string(), e.what()));
  }
}

void collect_paths(const Json& node, KeyPath& prefix, bool top, std::vector<KeyPath>& out) {
  if (node.is_object()) {
    for (const auto& [key, value] : node.items()) {
      if (key == "ci95" || (top && is_run_metadata_key(key)))
        continue;
      prefix.push_back(key);
      collect_paths(value, prefix, false, out);
      prefix.pop_back();
    }
  } else if (node.is_array()) {
    for (std::size_t i = 0; i < node.size(); ++i) {
      prefix.push_back(std::to_string(i));
      collect_paths(node[i], prefix, false, out);
      prefix.pop_back();
    }
  } else if (node.is_number()) {
    out.push_back(prefix);
  }
}

} // namespace

std::string dotted(const KeyPath& keys) {
  std::string out;
  for (const auto& k : keys)
    out += (out.empty() ? "" : ".") + k;
  return out;
}

std::vector<KeyPath> statistic_paths(const Json& summary) {
  std::vector<KeyPath> out;
  KeyPath prefix;
  collect_paths(summary, prefix, true, out);
  return out;
}

std::optional<double> number_at(const Json& root, const KeyPath& path) {
  const Json* node = &root;
  for (const auto& part : path) {
    if (node->is_object() && node->contains(part))
      node = &(*node)[part];
    else if (node->is_array() && !part.empty() && std::all_of(part.begin(), part.end(), ::isdigit) &&
             std::stoul(part) < node->size())
      node = &(*node)[std::stoul(part)];
    else
      return std::nullopt;
  }
  if (!node->is_number())
    return std::nullopt;
  return node->get<double>();
}

namespace {

std::vector<double> sample(const ResultsFolder& r, const KeyPath& path, const std::vector<std::size_t>* only) {
  std::vector<double> values;
  if (r.reps.empty()) {
    if (auto v = number_at(r.summary, path))
      values.push_back(*v);
    return values;
  }
  for (std::size_t i = 0; i < r.reps.size(); ++i) {
    if (only && std::find(only->begin(), only->end(), r.indices[i]) == only->end())
      continue;
    if (auto v = number_at(r.reps[i], path))
      values.push_back(*v);
  }
  return values;
}

double mean_of(const std::vector<double>& v) {
  double s = 0.0;
  for (double x : v)
    s += x;
  return v.empty() ? std::nan("") : s / static_cast<double>(v.size());
}

} // namespace

ResultsFolder read_results_folder(const fs::path& dir) {
  ResultsFolder r;
  r.dir = dir;
  if (!fs::exists(dir / "summary.json") && fs::exists(dir / "sweep.json"))
    throw InputError(fmt::format("{}: is a sweep folder: compare its points ({}), or read its sweep.csv and report.html",
                                 dir.string(), (dir / "points" / "point-NNNN").string()));
  r.summary = read_json(dir / "summary.json");
  const fs::path reps = dir / "replications";
  if (!fs::is_directory(reps))
    return r;
  const std::regex name(R"(rep-(\d+)\.json)");
  std::vector<std::pair<std::size_t, fs::path>> files;
  for (const auto& entry : fs::directory_iterator(reps)) {
    std::smatch m;
    const std::string file = entry.path().filename().string();
    if (std::regex_match(file, m, name))
      files.emplace_back(std::stoul(m[1].str()), entry.path());
  }
  std::sort(files.begin(), files.end());
  for (const auto& [index, file] : files) {
    Json rep = read_json(file);
    r.indices.push_back(index);
    r.seeds.push_back(rep.value("seed", std::uint64_t{0}));
    r.reps.push_back(std::move(rep));
  }
  return r;
}

Comparison compare_results(const ResultsFolder& a, const ResultsFolder& b) {
  Comparison c;
  c.n_a = std::max<std::size_t>(1, a.reps.size());
  c.n_b = std::max<std::size_t>(1, b.reps.size());
  // Common random numbers: the replications both sides have, each run from the same seed.
  std::vector<std::size_t> common;
  bool seeds_match = !a.reps.empty() && !b.reps.empty();
  for (std::size_t i = 0; i < a.indices.size() && seeds_match; ++i) {
    const auto it = std::find(b.indices.begin(), b.indices.end(), a.indices[i]);
    if (it == b.indices.end())
      continue;
    if (b.seeds[static_cast<std::size_t>(it - b.indices.begin())] != a.seeds[i])
      seeds_match = false;
    else
      common.push_back(a.indices[i]);
  }
  if (seeds_match && common.size() >= 2)
    c.method = ComparisonMethod::Paired;
  else if (a.reps.size() >= 2 && b.reps.size() >= 2)
    c.method = ComparisonMethod::Welch;
  else
    c.method = ComparisonMethod::Single;
  if (c.method == ComparisonMethod::Paired)
    c.n_a = c.n_b = common.size();

  for (const auto& path : statistic_paths(a.summary)) {
    if (!number_at(b.summary, path))
      continue;
    ComparisonRow row;
    row.path = dotted(path);
    if (c.method == ComparisonMethod::Paired) {
      const auto va = sample(a, path, &common);
      const auto vb = sample(b, path, &common);
      row.a = mean_of(va);
      row.b = mean_of(vb);
      if (va.size() == vb.size() && !va.empty())
        row.difference = paired_difference(va, vb);
      else
        row.difference = welch_difference(va, vb); // a key missing from some replications
    } else if (c.method == ComparisonMethod::Welch) {
      const auto va = sample(a, path, nullptr);
      const auto vb = sample(b, path, nullptr);
      row.a = mean_of(va);
      row.b = mean_of(vb);
      row.difference = welch_difference(va, vb);
    } else {
      row.a = *number_at(a.summary, path);
      row.b = *number_at(b.summary, path);
      row.difference.difference = row.a - row.b;
      row.difference.half_width = std::nan("");
    }
    c.rows.push_back(std::move(row));
  }
  return c;
}

} // namespace rongou
