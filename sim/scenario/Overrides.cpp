#include "scenario/Overrides.hpp"

#include <charconv>
#include <optional>
#include <fmt/format.h>
#include <vector>

#include "scenario/Diagnostics.hpp"

namespace rongou {

namespace {

std::vector<std::string> split_path(const std::string& path) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (true) {
    const std::size_t dot = path.find('.', start);
    parts.push_back(path.substr(start, dot - start));
    if (dot == std::string::npos)
      break;
    start = dot + 1;
  }
  return parts;
}

std::optional<std::size_t> as_index(const std::string& part) {
  std::size_t value = 0;
  const auto [end, ec] = std::from_chars(part.data(), part.data() + part.size(), value);
  if (ec != std::errc() || end != part.data() + part.size())
    return std::nullopt;
  return value;
}

} // namespace

void apply_override(YAML::Node& root, const std::string& assignment) {
  const auto fail = [&](const std::string& why) {
    throw InputError(fmt::format("--set {}: {}", assignment, why));
  };
  const std::size_t eq = assignment.find('=');
  if (eq == std::string::npos || eq == 0)
    fail("expected key.path=value");
  const std::string path = assignment.substr(0, eq);
  YAML::Node value;
  try {
    value = YAML::Load(assignment.substr(eq + 1));
  } catch (const YAML::ParserException& e) {
    fail("the value is not valid YAML: " + e.msg);
  }

  const std::vector<std::string> parts = split_path(path);
  // yaml-cpp nodes are references: `node = other` would overwrite the referenced value, so
  // walking down uses reset().
  YAML::Node node;
  node.reset(root);
  std::string walked;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    const std::string& part = parts[i];
    if (part.empty())
      fail("empty key in the path");
    const bool last = i + 1 == parts.size();
    const std::string here = walked.empty() ? part : walked + "." + part;
    if (node.IsSequence()) {
      const auto index = as_index(part);
      if (!index)
        fail(fmt::format("{} is a list: '{}' is not an index", walked, part));
      if (*index >= node.size())
        fail(fmt::format("{} has {} items: no index {}", walked, node.size(), *index));
      if (last) {
        node[*index] = value;
        return;
      }
      YAML::Node next = node[*index];
      node.reset(next);
    } else if (node.IsMap() || node.IsNull()) {
      // A missing key is created: the typed reader then rejects it with a suggestion if it
      // is not a scenario key.
      if (last) {
        node[part] = value;
        return;
      }
      if (!node[part] || node[part].IsNull())
        node[part] = YAML::Node(YAML::NodeType::Map);
      YAML::Node next = node[part];
      node.reset(next);
    } else {
      fail(fmt::format("{} is a single value, it has no key '{}'", walked.empty() ? "the root" : walked, part));
    }
    walked = here;
  }
}

} // namespace rongou
