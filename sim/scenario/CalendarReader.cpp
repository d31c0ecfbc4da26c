#include "scenario/CalendarReader.hpp"

#include <fmt/format.h>

#include "scenario/CalendarDate.hpp"
#include "scenario/ScenarioKeys.hpp"
#include "scenario/ScenarioLoader.hpp"

namespace rongou {

namespace {

void remember(Scenario& s, const std::string& path, const YAML::Node& node) {
  if (node.IsDefined() && node.Mark().line >= 0)
    s.positions[path] = {node.Mark().line + 1, node.Mark().column + 1};
}

// A date of the calendar as a day of the run (day 0 = calendar.start_date).
std::optional<double> read_date(const YamlReader& r, const YAML::Node& item, const std::string& key,
                                const std::string& path, std::optional<long> start) {
  const std::string full = YamlReader::join(path, key);
  const auto text = r.text(item, key, path, true);
  if (!text)
    return std::nullopt;
  const auto date = parse_iso_date(*text);
  if (!date) {
    r.error(item[key], full, fmt::format("'{}' is not a date; write YYYY-MM-DD (e.g. 2018-02-16)", *text));
    return std::nullopt;
  }
  if (!start) {
    r.error(item[key], full, "a date needs calendar.start_date, the date of day 0");
    return std::nullopt;
  }
  const double day = static_cast<double>(*date - *start);
  if (day < 0.0 || day > kMaxHorizonDays) {
    r.error(item[key], full, fmt::format("{} is before calendar.start_date or after the longest run", *text));
    return std::nullopt;
  }
  return day;
}

// from_day/to_day ([from, to), days of the run) or first_date/last_date (both days included).
std::optional<DayRange> read_range(const YamlReader& r, const YAML::Node& item, const std::string& path,
                                   std::optional<long> start) {
  const bool days = item["from_day"] || item["to_day"];
  const bool dates = item["first_date"] || item["last_date"];
  if (days == dates) {
    r.error(item, path, "give either from_day and to_day (days of the run) or first_date and last_date (dates)");
    return std::nullopt;
  }
  DayRange out;
  if (days) {
    const auto from = r.number(item, "from_day", path, true, 0.0, kMaxHorizonDays);
    const auto to = r.number(item, "to_day", path, true, 0.0, kMaxHorizonDays);
    if (!from || !to)
      return std::nullopt;
    out = {*from, *to};
    if (out.to_day <= out.from_day) {
      r.error(item["to_day"], YamlReader::join(path, "to_day"), "a period ends after it starts (to_day > from_day)");
      return std::nullopt;
    }
    return out;
  }
  const auto first = read_date(r, item, "first_date", path, start);
  const auto last = read_date(r, item, "last_date", path, start);
  if (!first || !last)
    return std::nullopt;
  if (*last < *first) {
    r.error(item["last_date"], YamlReader::join(path, "last_date"), "the last date comes before the first");
    return std::nullopt;
  }
  return DayRange{*first, *last + 1.0};
}

std::string read_name(const YamlReader& r, const YAML::Node& item, const std::string& path, Scenario& s) {
  remember(s, path, item);
  return r.text(item, "name", path, true).value_or("");
}

void read_demand_periods(const YamlReader& r, const YAML::Node& list, std::optional<long> start, Scenario& s) {
  if (!r.expect_sequence(list, "calendar.demand"))
    return;
  for (std::size_t i = 0; i < list.size(); ++i) {
    const std::string path = YamlReader::index("calendar.demand", i);
    const YAML::Node item = list[i];
    if (!r.expect_map(item, path))
      continue;
    r.check_keys(item, path, keys_at("calendar.demand.*"));
    DemandPeriod p;
    p.path = path;
    p.name = read_name(r, item, path, s);
    const auto range = read_range(r, item, path, start);
    const auto factor = r.number(item, "factor", path, true, 0.0, 100.0);
    if (const auto d = r.text(item, "direction", path, false)) {
      if (*d == "westbound")
        p.direction = Direction::Westbound;
      else if (*d == "eastbound")
        p.direction = Direction::Eastbound;
      else
        r.error(item["direction"], YamlReader::join(path, "direction"),
                fmt::format("'{}' is not a direction; use westbound or eastbound (or leave it out for both)", *d));
    }
    if (!range || !factor)
      continue;
    p.days = *range;
    p.factor = *factor;
    s.calendar.demand.push_back(std::move(p));
  }
}

void read_closures(const YamlReader& r, const YAML::Node& list, std::optional<long> start, Scenario& s) {
  if (!r.expect_sequence(list, "calendar.closures"))
    return;
  for (std::size_t i = 0; i < list.size(); ++i) {
    const std::string path = YamlReader::index("calendar.closures", i);
    const YAML::Node item = list[i];
    if (!r.expect_map(item, path))
      continue;
    r.check_keys(item, path, keys_at("calendar.closures.*"));
    CalendarClosure c;
    c.path = path;
    c.name = read_name(r, item, path, s);
    c.node = r.text(item, "node", path, true).value_or("");
    remember(s, YamlReader::join(path, "node"), item["node"]);
    const std::string weekdays_path = YamlReader::join(path, "weekdays");
    const auto names = r.text_list(item, "weekdays", path, false);
    for (std::size_t k = 0; k < names.size(); ++k) {
      if (const auto wd = parse_weekday(names[k]))
        c.weekdays.push_back(*wd);
      else
        r.error(item["weekdays"][k], YamlReader::index(weekdays_path, k),
                fmt::format("'{}' is not a weekday; use Mon, Tue, Wed, Thu, Fri, Sat or Sun", names[k]));
    }
    c.from_hour = r.number(item, "from_hour", path, false, 0.0, 24.0).value_or(0.0);
    c.to_hour = r.number(item, "to_hour", path, false, 0.0, 24.0).value_or(24.0);
    if (c.to_hour <= c.from_hour)
      r.error(item["to_hour"] ? item["to_hour"] : item, YamlReader::join(path, "to_hour"),
              "a closed day's hours end after they start (to_hour > from_hour)");
    if ((item["from_hour"] || item["to_hour"]) && !item["weekdays"])
      r.error(item, path, "from_hour and to_hour are the hours of the closed weekdays: give weekdays");
    if (const YAML::Node holidays = item["holidays"]) {
      const std::string list_path = YamlReader::join(path, "holidays");
      if (r.expect_sequence(holidays, list_path))
        for (std::size_t k = 0; k < holidays.size(); ++k) {
          const std::string hpath = YamlReader::index(list_path, k);
          if (!r.expect_map(holidays[k], hpath))
            continue;
          r.check_keys(holidays[k], hpath, keys_at("calendar.closures.*.holidays.*"));
          if (const auto range = read_range(r, holidays[k], hpath, start))
            c.holidays.push_back(*range);
        }
    }
    if (!item["weekdays"] && !item["holidays"])
      r.error(item, path, "a closure needs weekdays and/or holidays");
    s.calendar.closures.push_back(std::move(c));
  }
}

void read_weather(const YamlReader& r, const YAML::Node& list, Scenario& s) {
  if (!r.expect_sequence(list, "calendar.weather"))
    return;
  for (std::size_t i = 0; i < list.size(); ++i) {
    const std::string path = YamlReader::index("calendar.weather", i);
    const YAML::Node item = list[i];
    if (!r.expect_map(item, path))
      continue;
    r.check_keys(item, path, keys_at("calendar.weather.*"));
    RandomWindows w;
    w.path = path;
    w.name = read_name(r, item, path, s);
    const auto kind = r.text(item, "kind", path, true).value_or("");
    if (kind == "closure") {
      w.kind = DisruptionKind::Closure;
    } else if (kind == "slowdown") {
      w.kind = DisruptionKind::Slowdown;
      w.speed_factor = r.number(item, "speed_factor", path, true, 0.01, 1.0).value_or(1.0);
    } else if (item["kind"]) {
      r.error(item["kind"], YamlReader::join(path, "kind"),
              fmt::format("'{}' is not a kind of weather window; use closure or slowdown", kind));
    }
    if (item["speed_factor"] && w.kind != DisruptionKind::Slowdown)
      r.error(item["speed_factor"], YamlReader::join(path, "speed_factor"), "speed_factor goes with kind: slowdown");
    if (item["node"]) {
      w.node = r.text(item, "node", path, true).value_or("");
      remember(s, YamlReader::join(path, "node"), item["node"]);
      if (w.kind == DisruptionKind::Slowdown)
        r.error(item["node"], YamlReader::join(path, "node"), "a slowdown slows segments: give segments, not a node");
    }
    if (const YAML::Node segments = item["segments"]) {
      const std::string list_path = YamlReader::join(path, "segments");
      if (r.expect_sequence(segments, list_path))
        for (std::size_t k = 0; k < segments.size(); ++k) {
          const std::string spath = YamlReader::index(list_path, k);
          remember(s, spath, segments[k]);
          std::vector<std::string> ends;
          if (segments[k].IsSequence())
            for (const auto& end : segments[k])
              if (end.IsScalar())
                ends.push_back(end.Scalar());
          if (ends.size() != 2 || ends[0] == ends[1]) {
            r.error(segments[k], spath, "a segment is [first node, second node], two different nodes");
            continue;
          }
          w.segments.push_back(std::move(ends));
        }
    }
    if (item["node"].IsDefined() == item["segments"].IsDefined())
      r.error(item, path, "a weather window's area is a node or a list of segments: give exactly one");
    if (const YAML::Node season = item["season"]) {
      const std::string spath = YamlReader::join(path, "season");
      if (r.expect_map(season, spath)) {
        r.check_keys(season, spath, keys_at("calendar.weather.*.season"));
        const auto from = r.number(season, "from_day", spath, true, 0.0, 365.0);
        const auto to = r.number(season, "to_day", spath, true, 0.0, 365.0);
        if (from && to && *from == *to)
          r.error(season["to_day"], YamlReader::join(spath, "to_day"),
                  "a season of no days; leave season out for all year");
        else if (from && to)
          w.season = DayRange{*from, *to};
      }
    }
    w.windows_per_season = r.number(item, "windows_per_season", path, true, 0.0, 365.0).value_or(0.0);
    if (auto d = r.distribution(item, "duration_hours", path, true, kMaxHorizonHours))
      w.duration_hours = *d;
    s.calendar.weather.push_back(std::move(w));
  }
}

} // namespace

void read_calendar(const YamlReader& r, const YAML::Node& root, Scenario& s) {
  const YAML::Node calendar = root["calendar"];
  if (!calendar || calendar.IsNull())
    return;
  if (!r.expect_map(calendar, "calendar"))
    return;
  r.check_keys(calendar, "calendar", keys_at("calendar"));
  remember(s, "calendar", calendar);
  std::optional<long> start;
  if (const auto text = r.text(calendar, "start_date", "calendar", false)) {
    start = parse_iso_date(*text);
    if (!start)
      r.error(calendar["start_date"], "calendar.start_date",
              fmt::format("'{}' is not a date; write YYYY-MM-DD (e.g. 2018-01-01)", *text));
    else if (weekday_of(*start) != 0) {
      r.error(calendar["start_date"], "calendar.start_date",
              fmt::format("{} is not a Monday: day 0 of a run is a Monday", *text));
      start.reset();
    } else {
      s.calendar.start_date = *text;
    }
  }
  if (const YAML::Node list = calendar["demand"])
    read_demand_periods(r, list, start, s);
  if (const YAML::Node list = calendar["closures"])
    read_closures(r, list, start, s);
  if (const YAML::Node list = calendar["weather"])
    read_weather(r, list, s);
}

} // namespace rongou
