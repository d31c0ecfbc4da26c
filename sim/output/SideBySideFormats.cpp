#include "output/SideBySideFormats.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "output/CsvField.hpp"
#include "output/Quantity.hpp"

namespace rongou {

namespace {

using Json = nlohmann::ordered_json;

} // namespace

std::string value_cell(const std::optional<ValueCi>& v, const std::string& unit) {
  if (!v)
    return "–";
  std::string text = human_number(v->mean, unit);
  if (!std::isnan(v->half_width))
    text = fmt::format("{} ± {}", text, human_number(v->half_width, unit));
  return text;
}

std::string change_cell(const std::optional<DifferenceCi>& c, const std::string& unit, ComparisonMethod method) {
  if (!c)
    return "–";
  std::string text = human_change(c->difference, unit);
  if (method != ComparisonMethod::Single && !std::isnan(c->half_width)) {
    text = fmt::format("{} ± {}", text, human_number(c->half_width, unit));
    if (c->significant)
      text += "*";
  }
  return text;
}

namespace {

// Display width of UTF-8 text: code points, not bytes ("±" and "–" are one column).
std::size_t width_of(const std::string& text) {
  std::size_t n = 0;
  for (unsigned char c : text)
    n += (c & 0xC0) != 0x80 ? 1 : 0;
  return n;
}

std::string pad_left(const std::string& text, std::size_t width) {
  return fmt::format("{}{}", std::string(width > width_of(text) ? width - width_of(text) : 0, ' '), text);
}
std::string pad_right(const std::string& text, std::size_t width) {
  return fmt::format("{}{}", text, std::string(width > width_of(text) ? width - width_of(text) : 0, ' '));
}

// A table: the first column (labels) left-aligned, the rest right-aligned.
std::string aligned(const std::vector<std::vector<std::string>>& cells) {
  std::vector<std::size_t> widths;
  for (const auto& row : cells)
    for (std::size_t i = 0; i < row.size(); ++i) {
      widths.resize(std::max(widths.size(), row.size()));
      widths[i] = std::max(widths[i], width_of(row[i]));
    }
  std::string out;
  for (const auto& row : cells) {
    std::string line;
    for (std::size_t i = 0; i < row.size(); ++i)
      line += i == 0 ? pad_right(row[i], widths[i]) : fmt::format("  {}", pad_left(row[i], widths[i]));
    while (!line.empty() && line.back() == ' ')
      line.pop_back();
    out += line + "\n";
  }
  return out;
}

std::string section_name(const std::string& section) {
  if (section == "key")
    return "Key results";
  if (section == "changed most")
    return "What changed most";
  if (section == "changed")
    return "Every statistic that differs";
  return "Every statistic";
}

std::string section_title(const std::string& section) {
  return section == "changed most" ? "What changed most (largest relative change against the first folder first)"
                                   : section_name(section);
}

std::string number_or_empty(double v) { return std::isnan(v) ? std::string() : fmt::format("{}", v); }
Json number_or_null(double v) { return std::isnan(v) ? Json() : Json(v); }

} // namespace

std::string method_text(const SideBySideColumn& column, const SideBySideColumn& first) {
  switch (column.method) {
  case ComparisonMethod::Paired:
    return fmt::format("paired t over {} replications run from the same seeds as {} (common random numbers)",
                       std::min(column.replications, first.replications), first.name);
  case ComparisonMethod::Welch:
    return fmt::format("Welch's t ({} and {} independent replications)", column.replications, first.replications);
  case ComparisonMethod::Single:
    break;
  }
  return "no interval: run both with --replications 2 or more";
}

std::vector<SideBySideLine> side_by_side_lines(const SideBySide& table, SideBySideRows rows) {
  std::vector<SideBySideLine> lines;
  for (const auto& k : key_results(table))
    lines.push_back({"key", k.label, table.find(k.path)});
  switch (rows) {
  case SideBySideRows::Headline:
    if (table.columns.size() > 1)
      for (const auto* r : changed_most(table, kChangedMost))
        lines.push_back({"changed most", r->path, r});
    break;
  case SideBySideRows::All:
    for (const auto& r : table.rows)
      lines.push_back({"all", r.path, &r});
    break;
  case SideBySideRows::Changed:
    for (const auto& r : table.rows)
      if (r.changed())
        lines.push_back({"changed", r.path, &r});
    break;
  }
  return lines;
}

std::string format_side_by_side_text(const SideBySide& table, SideBySideRows rows) {
  const auto& first = table.columns.front();
  std::string out = table.columns.size() == 1
                        ? "One results folder:\n"
                        : fmt::format("{} results folders; changes are against the first, {}:\n", table.columns.size(),
                                      first.name);
  std::vector<std::vector<std::string>> folders;
  for (std::size_t i = 0; i < table.columns.size(); ++i) {
    const auto& c = table.columns[i];
    folders.push_back({fmt::format("  {}", c.name), c.dir.string(),
                       c.replications == 1 ? "1 run" : fmt::format("{} replications", c.replications),
                       i == 0 ? "(reference)" : method_text(c, first)});
  }
  // Left-aligned throughout: paths and words.
  std::vector<std::size_t> widths(4, 0);
  for (const auto& f : folders)
    for (std::size_t i = 0; i < 4; ++i)
      widths[i] = std::max(widths[i], width_of(f[i]));
  for (const auto& f : folders)
    out += fmt::format("{}  {}  {}  {}\n", pad_right(f[0], widths[0]), pad_right(f[1], widths[1]),
                       pad_right(f[2], widths[2]), f[3]);

  const auto lines = side_by_side_lines(table, rows);
  std::vector<std::string> sections;
  for (const auto& l : lines)
    if (std::find(sections.begin(), sections.end(), l.section) == sections.end())
      sections.push_back(l.section);
  for (const auto& section : sections) {
    out += fmt::format("\n{}\n", section_title(section));
    std::vector<std::vector<std::string>> values{{"", "unit"}};
    for (const auto& c : table.columns)
      values.front().push_back(c.name);
    for (const auto& l : lines) {
      if (l.section != section)
        continue;
      const std::string unit = unit_of(l.row->path);
      std::vector<std::string> cells{l.label, unit};
      for (const auto& v : l.row->values)
        cells.push_back(value_cell(v, unit));
      values.push_back(std::move(cells));
    }
    out += aligned(values);
    if (table.columns.size() < 2)
      continue;
    out += fmt::format("\n{}: change against {}\n", section_name(section), first.name);
    std::vector<std::vector<std::string>> changes{{"", "unit"}};
    for (std::size_t i = 1; i < table.columns.size(); ++i)
      changes.front().push_back(table.columns[i].name);
    for (const auto& l : lines) {
      if (l.section != section)
        continue;
      const std::string unit = unit_of(l.row->path);
      std::vector<std::string> cells{l.label, unit};
      for (std::size_t i = 1; i < table.columns.size(); ++i)
        cells.push_back(change_cell(l.row->changes[i], unit, table.columns[i].method));
      changes.push_back(std::move(cells));
    }
    out += aligned(changes);
  }
  const bool intervals = std::any_of(table.columns.begin() + 1, table.columns.end(),
                                     [](const SideBySideColumn& c) { return c.method != ComparisonMethod::Single; });
  out += "\n– : the folder has no such statistic";
  out += intervals ? "; ± : 95 % interval; * : the interval of the change excludes zero\n" : "\n";
  return out;
}

std::string format_side_by_side_csv(const SideBySide& table, SideBySideRows rows) {
  std::string out = "section,key,label,unit";
  for (const auto& c : table.columns)
    out += fmt::format(",{},{}", csv_field(c.name), csv_field(fmt::format("{}_ci95", c.name)));
  for (std::size_t i = 1; i < table.columns.size(); ++i) {
    const auto& n = table.columns[i].name;
    out += fmt::format(",{},{},{}", csv_field(fmt::format("{}_change", n)),
                       csv_field(fmt::format("{}_change_ci95", n)), csv_field(fmt::format("{}_significant", n)));
  }
  out += "\n";
  for (const auto& l : side_by_side_lines(table, rows)) {
    out += fmt::format("{},{},{},{}", csv_field(l.section), csv_field(l.row->path), csv_field(l.label),
                       csv_field(unit_of(l.row->path)));
    for (const auto& v : l.row->values)
      out += v ? fmt::format(",{},{}", v->mean, number_or_empty(v->half_width)) : ",,";
    for (std::size_t i = 1; i < table.columns.size(); ++i) {
      const auto& c = l.row->changes[i];
      const bool interval = c && table.columns[i].method != ComparisonMethod::Single && !std::isnan(c->half_width);
      out += c ? fmt::format(",{},{},{}", c->difference, interval ? number_or_empty(c->half_width) : "",
                             interval ? (c->significant ? "yes" : "no") : "")
               : ",,,";
    }
    out += "\n";
  }
  return out;
}

std::string format_side_by_side_json(const SideBySide& table, SideBySideRows rows) {
  Json j;
  j["folders"] = Json::array();
  for (std::size_t i = 0; i < table.columns.size(); ++i) {
    const auto& c = table.columns[i];
    Json f = {{"name", c.name}, {"dir", c.dir.string()}, {"replications", c.replications}};
    if (i > 0)
      f["method"] = c.method == ComparisonMethod::Paired  ? "paired"
                    : c.method == ComparisonMethod::Welch ? "welch"
                                                          : "none";
    j["folders"].push_back(std::move(f));
  }
  j["rows"] = Json::array();
  for (const auto& l : side_by_side_lines(table, rows)) {
    Json r = {{"section", l.section}, {"key", l.row->path}, {"label", l.label}, {"unit", unit_of(l.row->path)}};
    r["values"] = Json::array();
    for (const auto& v : l.row->values)
      r["values"].push_back(v ? Json{{"mean", v->mean}, {"ci95", number_or_null(v->half_width)}} : Json());
    r["changes"] = Json::array();
    for (std::size_t i = 0; i < table.columns.size(); ++i) {
      const auto& c = l.row->changes[i];
      const bool interval = c && table.columns[i].method != ComparisonMethod::Single && !std::isnan(c->half_width);
      r["changes"].push_back(c ? Json{{"change", c->difference},
                                      {"ci95", interval ? Json(c->half_width) : Json()},
                                      {"significant", interval ? Json(c->significant) : Json()}}
                               : Json());
    }
    j["rows"].push_back(std::move(r));
  }
  return j.dump(2) + "\n";
}

} // namespace rongou
