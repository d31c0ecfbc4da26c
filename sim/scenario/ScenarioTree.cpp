#include "scenario/ScenarioTree.hpp"

#include <algorithm>
#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <optional>
#include <sstream>

namespace rongou {

namespace fs = std::filesystem;

namespace {

// Longer chains are almost surely a mistake and keep error messages readable.
constexpr std::size_t kMaxExtendsDepth = 16;
// A scenario is a page of text; refusing huge inputs keeps a wrong path (a log, an image)
// from being parsed for minutes.
constexpr std::uintmax_t kMaxFileBytes = 4u << 20;

std::string join(const std::string& path, const std::string& key) { return path.empty() ? key : path + "." + key; }

void report(Diagnostics& d, const std::string& file, const YAML::Node& at, const std::string& path,
            const std::string& message) {
  Diagnostic diag{file, 0, 0, path, message};
  if (at.IsDefined() && at.Mark().line >= 0) {
    diag.line = at.Mark().line + 1;
    diag.column = at.Mark().column + 1;
  }
  d.add(std::move(diag));
}

// A map entry by key without inserting anything (non-const operator[] would).
YAML::Node find_key(const YAML::Node& map, const std::string& key) {
  for (const auto& entry : map)
    if (entry.first.IsScalar() && entry.first.Scalar() == key)
      return entry.second;
  return YAML::Node(YAML::NodeType::Undefined);
}

// Child's maps take the parent's keys they lack; where both have a map, merge deeper.
// Inserting the parent's own key and value nodes keeps their line/column marks.
void merge_into(YAML::Node child, const YAML::Node& parent, const std::string& path, const SourceMap& parent_sources,
                SourceMap& sources) {
  for (const auto& entry : parent) {
    if (!entry.first.IsScalar())
      continue; // reported by the typed reading
    const std::string key = entry.first.Scalar();
    if (path.empty() && key == "extends")
      continue;
    const std::string p = join(path, key);
    YAML::Node mine = find_key(child, key);
    if (!mine.IsDefined()) {
      child.force_insert(entry.first, entry.second);
      sources.graft(parent_sources, p);
    } else if (mine.IsMap() && entry.second.IsMap()) {
      merge_into(mine, entry.second, p, parent_sources, sources);
    }
  }
}

std::optional<std::string> read_text(const std::string& path, std::string& problem) {
  std::error_code ec;
  if (!fs::exists(path, ec)) {
    problem = "file not found";
    return std::nullopt;
  }
  if (!fs::is_regular_file(path, ec)) {
    problem = "not a regular file";
    return std::nullopt;
  }
  if (fs::file_size(path, ec) > kMaxFileBytes) {
    problem = fmt::format("larger than {} bytes: not a scenario", kMaxFileBytes);
    return std::nullopt;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    problem = "cannot open";
    return std::nullopt;
  }
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string canonical_name(const std::string& path) {
  std::error_code ec;
  const auto c = fs::weakly_canonical(path, ec);
  return ec ? path : c.string();
}

ScenarioTree resolve(const std::string& text, const std::string& label, const std::string& base_directory,
                     std::vector<std::string>& chain, Diagnostics& diagnostics) {
  ScenarioTree tree;
  tree.file = label;
  tree.base_directory = base_directory;
  try {
    tree.root = YAML::Load(text);
  } catch (const YAML::ParserException& e) {
    diagnostics.add({label, e.mark.line + 1, e.mark.column + 1, "", "malformed YAML: " + e.msg});
    tree.root = YAML::Node();
    return tree;
  }
  tree.sources.set("", {label, true});
  if (!tree.root.IsMap())
    return tree; // the typed reading says what is wrong with it
  const YAML::Node extends = find_key(tree.root, "extends");
  if (!extends.IsDefined())
    return tree;
  tree.root.remove("extends");
  if (!extends.IsScalar() || extends.Scalar().empty()) {
    report(diagnostics, label, extends, "extends", "expected the file name of the parent scenario");
    return tree;
  }
  fs::path parent_path(extends.Scalar());
  if (parent_path.is_relative())
    parent_path = fs::path(base_directory) / parent_path;
  const std::string parent_file = parent_path.lexically_normal().string();
  const std::string parent_id = canonical_name(parent_file);
  if (auto seen = std::find(chain.begin(), chain.end(), parent_id); seen != chain.end()) {
    std::string cycle;
    for (auto it = seen; it != chain.end(); ++it)
      cycle += fs::path(*it).filename().string() + " -> ";
    report(diagnostics, label, extends, "extends",
           fmt::format("extends cycle: {}{}", cycle, fs::path(parent_id).filename().string()));
    return tree;
  }
  if (chain.size() >= kMaxExtendsDepth) {
    report(diagnostics, label, extends, "extends", fmt::format("more than {} levels of extends", kMaxExtendsDepth));
    return tree;
  }
  std::string problem;
  const auto parent_text = read_text(parent_file, problem);
  if (!parent_text) {
    report(diagnostics, label, extends, "extends", fmt::format("parent scenario '{}': {}", parent_file, problem));
    return tree;
  }
  chain.push_back(parent_id);
  const auto parent_base = fs::path(parent_file).parent_path().string();
  ScenarioTree parent =
      resolve(*parent_text, parent_file, parent_base.empty() ? "." : parent_base, chain, diagnostics);
  chain.pop_back();
  if (!parent.root.IsMap()) {
    if (parent.root.IsDefined() && !parent.root.IsNull())
      report(diagnostics, parent_file, parent.root, "", "expected a mapping of keys to values");
    else if (parent.root.IsNull() && !parent_text->empty() && diagnostics.empty())
      report(diagnostics, parent_file, parent.root, "", "the parent scenario is empty");
    return tree;
  }
  merge_into(tree.root, parent.root, "", parent.sources, tree.sources);
  return tree;
}

bool parse_index(const std::string& text, std::size_t& out) {
  if (text.empty() || text.size() > 9 || !std::all_of(text.begin(), text.end(), ::isdigit))
    return false;
  out = std::stoul(text);
  return true;
}

} // namespace

ScenarioTree read_scenario_tree_from_string(const std::string& yaml, const std::string& label,
                                            const std::string& base_directory, Diagnostics& diagnostics) {
  std::vector<std::string> chain{canonical_name(label)};
  return resolve(yaml, label, base_directory, chain, diagnostics);
}

ScenarioTree read_scenario_tree(const std::string& path, Diagnostics& diagnostics) {
  std::string problem;
  const auto text = read_text(path, problem);
  if (!text) {
    diagnostics.add({path, 0, 0, "", fmt::format("cannot read scenario: {}", problem)});
    ScenarioTree tree;
    tree.file = path;
    return tree;
  }
  const auto base = fs::path(path).parent_path().string();
  return read_scenario_tree_from_string(*text, path, base.empty() ? "." : base, diagnostics);
}

void apply_override(ScenarioTree& tree, const std::string& assignment, Diagnostics& diagnostics) {
  const Origin origin{"--set " + assignment, false};
  auto fail = [&](const std::string& path, const std::string& message) {
    diagnostics.add({origin.source, 0, 0, path, message});
  };
  const auto eq = assignment.find('=');
  if (eq == std::string::npos || eq == 0) {
    fail("", "expected key.path=value");
    return;
  }
  const std::string key_path = assignment.substr(0, eq);
  std::vector<std::string> keys;
  std::stringstream in(key_path);
  for (std::string k; std::getline(in, k, '.');)
    keys.push_back(k);
  if (key_path.back() == '.' || std::any_of(keys.begin(), keys.end(), [](const auto& k) { return k.empty(); })) {
    fail(key_path, "empty key in the path");
    return;
  }
  YAML::Node value;
  try {
    value = YAML::Load(assignment.substr(eq + 1));
  } catch (const YAML::ParserException& e) {
    fail(key_path, "malformed value: " + e.msg);
    return;
  }
  if (!tree.root.IsMap()) {
    fail(key_path, "the scenario could not be read, so it cannot be overridden");
    return;
  }
  if (keys.front() == "extends") {
    fail(key_path, "extends is resolved before overrides; name the parent in the file");
    return;
  }
  YAML::Node at = tree.root;
  std::string path;
  for (std::size_t i = 0; i < keys.size(); ++i) {
    const std::string& key = keys[i];
    const bool last = i + 1 == keys.size();
    const std::string here = join(path, key);
    if (at.IsSequence()) {
      std::size_t index = 0;
      if (!parse_index(key, index)) {
        fail(here, fmt::format("{} is a list: name an item by its number", path));
        return;
      }
      if (index >= at.size()) {
        fail(here, fmt::format("{} has {} item{} (numbered from 0)", path, at.size(), at.size() == 1 ? "" : "s"));
        return;
      }
      if (last)
        at[index] = value;
      else
        at.reset(at[index]);
    } else if (at.IsMap()) {
      YAML::Node child = find_key(at, key);
      if (last) {
        if (child.IsDefined())
          child = value; // same node as in the map: replaces the value in place
        else
          at[key] = value;
      } else if (child.IsDefined()) {
        at.reset(child);
      } else {
        // Build the missing mappings bottom-up and attach them once: growing a freshly
        // inserted node in place corrupts yaml-cpp 0.7's node memory.
        YAML::Node built = value;
        for (std::size_t k = keys.size() - 1; k > i; --k) {
          YAML::Node level(YAML::NodeType::Map);
          level[keys[k]] = built;
          built.reset(level); // not `=`, which would rewrite the node `built` refers to
        }
        at[key] = built;
        path = here; // everything from here down comes from this --set
        break;
      }
    } else {
      fail(here, fmt::format("{} is a single value, not a mapping or list", path));
      return;
    }
    path = here;
  }
  tree.sources.erase_below(path);
  tree.sources.set(path, origin);
}

std::string emit_yaml(const YAML::Node& root) {
  YAML::Emitter out;
  out << root;
  return std::string(out.c_str()) + "\n";
}

} // namespace rongou
