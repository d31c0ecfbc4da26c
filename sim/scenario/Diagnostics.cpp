#include "scenario/Diagnostics.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <numeric>

namespace rongou {

void Diagnostics::add(Diagnostic d) {
  for (const auto& item : items_)
    if (item.file == d.file && item.line == d.line && item.column == d.column && item.key_path == d.key_path &&
        item.message == d.message)
      return;
  items_.push_back(std::move(d));
}

std::string Diagnostic::format() const {
  std::string place = file;
  if (line > 0)
    place += fmt::format(":{}:{}", line, column);
  if (key_path.empty())
    return fmt::format("{}: {}", place, message);
  return fmt::format("{}: {}: {}", place, key_path, message);
}

std::string Diagnostics::format() const {
  std::string text;
  for (const auto& d : items_)
    text += d.format() + "\n";
  return text;
}

void Diagnostics::throw_if_any() const {
  if (!items_.empty())
    throw InputError(format());
}

static std::size_t edit_distance(const std::string& a, const std::string& b) {
  std::vector<std::size_t> row(b.size() + 1);
  std::iota(row.begin(), row.end(), 0);
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

std::string closest_match(const std::string& word, const std::vector<std::string>& candidates) {
  std::string best;
  std::size_t best_distance = std::max<std::size_t>(2, word.size() * 2 / 5) + 1;
  for (const auto& c : candidates) {
    const std::size_t d = edit_distance(word, c);
    if (d < best_distance) {
      best_distance = d;
      best = c;
    }
  }
  return best;
}

} // namespace rongou
