#include "scenario/YamlReader.hpp"

#include <cmath>
#include <fmt/format.h>
#include <map>

#include "scenario/ScenarioKeys.hpp"

namespace rongou {

void YamlReader::error(const YAML::Node& at, const std::string& path, const std::string& message) const {
  Diagnostic d{file_, 0, 0, path, message};
  bool has_marks = true;
  if (sources_ != nullptr) {
    if (const Origin& origin = sources_->lookup(path); !origin.source.empty()) {
      d.file = origin.source;
      has_marks = origin.has_marks;
    }
  }
  if (has_marks && at.IsDefined() && at.Mark().line >= 0) {
    d.line = at.Mark().line + 1;
    d.column = at.Mark().column + 1;
  }
  diagnostics_.add(std::move(d));
}

void YamlReader::check_keys(const YAML::Node& map, const std::string& path,
                            const std::vector<std::string>& allowed) const {
  if (!map.IsMap())
    return;
  std::vector<std::string> seen;
  for (const auto& entry : map) {
    if (!entry.first.IsScalar()) {
      error(entry.first, path, "a key must be plain text");
      continue;
    }
    const auto key = entry.first.Scalar();
    if (std::find(seen.begin(), seen.end(), key) != seen.end()) {
      error(entry.first, join(path, key), "key given twice (the second would be ignored)");
      continue;
    }
    seen.push_back(key);
    if (std::find(allowed.begin(), allowed.end(), key) != allowed.end())
      continue;
    const std::string suggestion = closest_match(key, allowed);
    error(entry.first, join(path, key),
          suggestion.empty() ? "unknown key" : fmt::format("unknown key (did you mean '{}'?)", suggestion));
  }
}

bool YamlReader::expect_map(const YAML::Node& node, const std::string& path) const {
  if (node.IsMap())
    return true;
  error(node, path, "expected a mapping of keys to values");
  return false;
}

bool YamlReader::expect_sequence(const YAML::Node& node, const std::string& path) const {
  if (node.IsSequence())
    return true;
  error(node, path, "expected a list");
  return false;
}

namespace {

enum class NumberProblem { None, NotANumber, Tagged, NotFinite };

// A number is a plain scalar (or one tagged !!int or !!float) that reads as a finite double.
// Quoted scalars are strings, even "12"; so is `!!str 12`. yaml-cpp reads .inf and .nan
// (and 1e999 as the largest double, which fails): none of them is a quantity.
NumberProblem read_number(const YAML::Node& node, double& out) {
  if (!node.IsScalar() || node.Tag() == "!")
    return NumberProblem::NotANumber;
  const std::string& tag = node.Tag();
  if (tag != "?" && tag != "tag:yaml.org,2002:int" && tag != "tag:yaml.org,2002:float")
    return NumberProblem::Tagged;
  try {
    out = node.as<double>();
  } catch (const YAML::Exception&) {
    return NumberProblem::NotANumber;
  }
  return std::isfinite(out) ? NumberProblem::None : NumberProblem::NotFinite;
}

std::string short_tag(const std::string& tag) {
  const std::string core = "tag:yaml.org,2002:";
  return tag.rfind(core, 0) == 0 ? "!!" + tag.substr(core.size()) : tag;
}

} // namespace

bool YamlReader::number_at(const YAML::Node& node, const std::string& path, double& out) const {
  switch (read_number(node, out)) {
  case NumberProblem::None:
    return true;
  case NumberProblem::Tagged:
    error(node, path, fmt::format("expected a number, got a value tagged {}", short_tag(node.Tag())));
    return false;
  case NumberProblem::NotFinite:
    error(node, path, fmt::format("expected a finite number, got '{}'", node.Scalar()));
    return false;
  case NumberProblem::NotANumber:
    break;
  }
  error(node, path, fmt::format("expected a number, got '{}'", node.IsScalar() ? node.Scalar() : "a structure"));
  return false;
}

std::optional<double> YamlReader::number(const YAML::Node& map, const std::string& key, const std::string& path,
                                         bool required, double min, double max) const {
  const std::string full = join(path, key);
  const YAML::Node node = map[key];
  if (!node) {
    if (required)
      error(map, full, "missing required key");
    return std::nullopt;
  }
  double value = 0.0;
  if (!number_at(node, full, value))
    return std::nullopt;
  if (value < min || value > max) {
    error(node, full, fmt::format("{} is out of range [{}, {}]", value, min, max));
    return std::nullopt;
  }
  return value;
}

std::optional<long long> YamlReader::integer(const YAML::Node& map, const std::string& key, const std::string& path,
                                             bool required, long long min, long long max) const {
  const auto value = number(map, key, path, required, static_cast<double>(min), static_cast<double>(max));
  if (!value)
    return std::nullopt;
  if (std::floor(*value) != *value) {
    error(map[key], join(path, key), fmt::format("expected a whole number, got {}", *value));
    return std::nullopt;
  }
  // Above 2^53 a double rounds (2^53 + 1 reads as 2^53): judge the digits themselves.
  long long exact = 0;
  if (YAML::convert<long long>::decode(map[key], exact)) {
    if (exact < min || exact > max) {
      error(map[key], join(path, key), fmt::format("{} is out of range [{}, {}]", exact, min, max));
      return std::nullopt;
    }
    return exact;
  }
  return static_cast<long long>(*value);
}

std::optional<std::string> YamlReader::text(const YAML::Node& map, const std::string& key, const std::string& path,
                                            bool required) const {
  const YAML::Node node = map[key];
  if (!node) {
    if (required)
      error(map, join(path, key), "missing required key");
    return std::nullopt;
  }
  if (!node.IsScalar()) {
    error(node, join(path, key), "expected a text value");
    return std::nullopt;
  }
  return node.Scalar();
}

std::vector<std::string> YamlReader::text_list(const YAML::Node& map, const std::string& key,
                                               const std::string& path, bool required) const {
  std::vector<std::string> out;
  const YAML::Node node = map[key];
  const std::string full = join(path, key);
  if (!node) {
    if (required)
      error(map, full, "missing required key");
    return out;
  }
  if (!expect_sequence(node, full))
    return out;
  for (std::size_t i = 0; i < node.size(); ++i) {
    if (!node[i].IsScalar())
      error(node[i], index(full, i), "expected a text value");
    else
      out.push_back(node[i].Scalar());
  }
  return out;
}

std::optional<Distribution> YamlReader::distribution(const YAML::Node& map, const std::string& key,
                                                     const std::string& path, bool required, double max) const {
  const std::string full = join(path, key);
  const YAML::Node node = map[key];
  if (!node) {
    if (required)
      error(map, full, "missing required key");
    return std::nullopt;
  }
  if (node.IsScalar()) { // a bare number is a fixed value
    double plain = 0.0;
    if (!number_at(node, full, plain))
      return std::nullopt;
    if (plain < 0.0) {
      error(node, full, "must not be negative");
      return std::nullopt;
    }
    if (plain > max) {
      error(node, full, fmt::format("{} is out of range [0, {}]", plain, max));
      return std::nullopt;
    }
    Distribution d = Distribution::fixed(plain);
    d.ceiling = max;
    return d;
  }
  if (!expect_map(node, full))
    return std::nullopt;
  static const std::map<std::string, std::pair<Distribution::Kind, std::vector<std::string>>> kinds = {
      {"fixed", {Distribution::Kind::Fixed, distribution_parameters().at("fixed")}},
      {"uniform", {Distribution::Kind::Uniform, distribution_parameters().at("uniform")}},
      {"triangular", {Distribution::Kind::Triangular, distribution_parameters().at("triangular")}},
      {"normal", {Distribution::Kind::Normal, distribution_parameters().at("normal")}},
      {"lognormal", {Distribution::Kind::Lognormal, distribution_parameters().at("lognormal")}},
      {"exponential", {Distribution::Kind::Exponential, distribution_parameters().at("exponential")}},
  };
  const auto name = text(node, "dist", full, true);
  if (!name)
    return std::nullopt;
  const auto found = kinds.find(*name);
  if (found == kinds.end()) {
    std::vector<std::string> names;
    for (const auto& [n, _] : kinds)
      names.push_back(n);
    const std::string suggestion = closest_match(*name, names);
    error(node["dist"], join(full, "dist"),
          fmt::format("unknown distribution '{}'{}; known: fixed, uniform, triangular, normal, lognormal, exponential",
                      *name, suggestion.empty() ? "" : fmt::format(" (did you mean '{}'?)", suggestion)));
    return std::nullopt;
  }
  auto allowed = found->second.second;
  allowed.push_back("dist");
  check_keys(node, full, allowed);

  Distribution d;
  d.kind = found->second.first;
  d.ceiling = max;
  bool ok = true;
  auto param = [&](const char* p, double& into, double lo, double hi) {
    auto v = number(node, p, full, true, lo, hi);
    if (v)
      into = *v;
    else
      ok = false;
  };
  switch (d.kind) {
  case Distribution::Kind::Fixed:
    param("value", d.value, 0.0, max);
    break;
  case Distribution::Kind::Uniform:
    param("min", d.min, 0.0, max);
    param("max", d.max, 0.0, max);
    if (ok && d.max < d.min) {
      error(node, full, "uniform needs min <= max");
      ok = false;
    }
    break;
  case Distribution::Kind::Triangular:
    param("min", d.min, 0.0, max);
    param("mode", d.mode, 0.0, max);
    param("max", d.max, 0.0, max);
    if (ok && !(d.min <= d.mode && d.mode <= d.max)) {
      error(node, full, "triangular needs min <= mode <= max");
      ok = false;
    }
    break;
  case Distribution::Kind::Normal:
    param("mean", d.mean, 0.0, max);
    param("sd", d.sd, 0.0, max);
    break;
  case Distribution::Kind::Lognormal:
    param("mean", d.mean, 0.0, max);
    param("cv", d.cv, 0.0, kMaxCoefficientOfVariation);
    if (ok && d.mean <= 0.0) {
      error(node["mean"], join(full, "mean"), "lognormal needs a mean above 0");
      ok = false;
    }
    break;
  case Distribution::Kind::Exponential:
    param("mean", d.mean, 0.0, max);
    break;
  }
  return ok ? std::optional<Distribution>(d) : std::nullopt;
}

} // namespace rongou
