#pragma once
// A scenario as a YAML tree, before typed reading: the file, its `extends` chain merged in,
// and the `--set` overrides applied. Inheritance and overrides work on the tree so that
// every section (present and future) gets them without code of its own.
#include <string>
#include <vector>
#include <yaml-cpp/yaml.h>

#include "scenario/Diagnostics.hpp"
#include "scenario/SourceMap.hpp"

namespace rongou {

struct ScenarioTree {
  YAML::Node root;     // null when the file could not be read or parsed
  SourceMap sources;   // which file or --set wrote each key path
  std::string file;    // the file asked for (or a label for text given directly)
  std::string base_directory; // where `file`'s relative paths start
};

// Reads `path` and its `extends` chain: a child's maps are merged into its parent's key by
// key (the child wins; lists and values are replaced whole). `extends` is relative to the
// file that names it. Missing files, malformed YAML and cycles go to `diagnostics`.
ScenarioTree read_scenario_tree(const std::string& path, Diagnostics& diagnostics);
ScenarioTree read_scenario_tree_from_string(const std::string& yaml, const std::string& label,
                                            const std::string& base_directory, Diagnostics& diagnostics);

// Applies `key.path=value` (list items by index; value read as YAML, so `[Mon, Wed]` is a
// list). Keys missing from the tree are created and left for the typed reading to judge, so
// an unknown key gets the same "did you mean" as in a file.
void apply_override(ScenarioTree& tree, const std::string& assignment, Diagnostics& diagnostics);

// The tree as YAML text, for saving beside results.
std::string emit_yaml(const YAML::Node& root);

} // namespace rongou
