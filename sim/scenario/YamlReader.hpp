#pragma once
// Typed, checked access to a YAML mapping. Every problem goes to Diagnostics with the file,
// line, column and dotted key path, and reading carries on so that all problems are reported.
#include <functional>
#include <optional>
#include <string>
#include <vector>
#include <yaml-cpp/yaml.h>

#include "base/Distribution.hpp"
#include "scenario/Diagnostics.hpp"
#include "scenario/SourceMap.hpp"

namespace rongou {

class YamlReader {
public:
  YamlReader(std::string file, Diagnostics& diagnostics, const SourceMap* sources = nullptr)
      : file_(std::move(file)), diagnostics_(diagnostics), sources_(sources) {}

  void error(const YAML::Node& at, const std::string& path, const std::string& message) const;

  // Reports keys of `map` not in `allowed`, suggesting the closest allowed key.
  void check_keys(const YAML::Node& map, const std::string& path, const std::vector<std::string>& allowed) const;
  bool expect_map(const YAML::Node& node, const std::string& path) const;
  bool expect_sequence(const YAML::Node& node, const std::string& path) const;

  std::optional<double> number(const YAML::Node& map, const std::string& key, const std::string& path,
                               bool required, double min, double max) const;
  std::optional<long long> integer(const YAML::Node& map, const std::string& key, const std::string& path,
                                   bool required, long long min, long long max) const;
  std::optional<std::string> text(const YAML::Node& map, const std::string& key, const std::string& path,
                                  bool required) const;
  std::vector<std::string> text_list(const YAML::Node& map, const std::string& key, const std::string& path,
                                     bool required) const;
  // A distribution whose parameters (and draws) lie in [0, max], max in the key's unit;
  // a lognormal's cv, dimensionless, in [0, kMaxCoefficientOfVariation].
  std::optional<Distribution> distribution(const YAML::Node& map, const std::string& key,
                                           const std::string& path, bool required, double max) const;
  static constexpr double kMaxCoefficientOfVariation = 100.0;

  static std::string join(const std::string& path, const std::string& key) {
    return path.empty() ? key : path + "." + key;
  }
  static std::string index(const std::string& path, std::size_t i) { return path + "." + std::to_string(i); }

  const std::string& file() const { return file_; }

private:
  // Reads a finite number at `node`, reporting at `path` why it is not one.
  bool number_at(const YAML::Node& node, const std::string& path, double& out) const;

  std::string file_;
  Diagnostics& diagnostics_;
  const SourceMap* sources_; // with extends and --set, keys come from several places
};

} // namespace rongou
