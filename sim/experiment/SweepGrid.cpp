#include "experiment/SweepGrid.hpp"

#include <charconv>
#include <optional>
#include <fmt/format.h>

#include "scenario/Diagnostics.hpp"

namespace rongou {

namespace {

std::vector<std::string> split_top_level(const std::string& text) {
  std::vector<std::string> parts;
  std::string current;
  int depth = 0;
  char quote = 0;
  for (char c : text) {
    if (quote) {
      if (c == quote)
        quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '[' || c == '{') {
      ++depth;
    } else if (c == ']' || c == '}') {
      --depth;
    } else if (c == ',' && depth == 0) {
      parts.push_back(current);
      current.clear();
      continue;
    }
    current += c;
  }
  parts.push_back(current);
  return parts;
}

std::optional<std::size_t> parse_count(const std::string& text) {
  std::size_t value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || text.empty())
    return std::nullopt;
  return value;
}

} // namespace

SweepAxis parse_sweep_axis(const std::string& argument) {
  const std::size_t eq = argument.find('=');
  if (eq == std::string::npos || eq == 0)
    throw InputError(fmt::format("--set {}: expected key.path=value1,value2,...", argument));
  SweepAxis axis;
  axis.key = argument.substr(0, eq);
  axis.values = split_top_level(argument.substr(eq + 1));
  for (const auto& v : axis.values)
    if (v.empty())
      throw InputError(fmt::format("--set {}: an empty value in the list", argument));
  return axis;
}

std::size_t grid_size(const std::vector<SweepAxis>& axes) {
  std::size_t size = 1;
  for (const auto& a : axes)
    size *= a.values.size();
  return size;
}

std::vector<std::string> point_values(const std::vector<SweepAxis>& axes, std::size_t index) {
  std::vector<std::string> values(axes.size());
  for (std::size_t a = axes.size(); a-- > 0;) {
    const std::size_t count = axes[a].values.size();
    values[a] = axes[a].values[index % count];
    index /= count;
  }
  return values;
}

std::vector<std::string> point_assignments(const std::vector<SweepAxis>& axes, std::size_t index) {
  const auto values = point_values(axes, index);
  std::vector<std::string> out;
  for (std::size_t a = 0; a < axes.size(); ++a)
    out.push_back(axes[a].key + "=" + values[a]);
  return out;
}

Shard parse_shard(const std::string& text) {
  const std::size_t slash = text.find('/');
  const auto k = slash == std::string::npos ? std::nullopt : parse_count(text.substr(0, slash));
  const auto n = slash == std::string::npos ? std::nullopt : parse_count(text.substr(slash + 1));
  if (!k || !n || *k < 1 || *k > *n)
    throw InputError(fmt::format("--shard {}: expected K/N with 1 <= K <= N, e.g. 2/8", text));
  return {*k, *n};
}

} // namespace rongou
