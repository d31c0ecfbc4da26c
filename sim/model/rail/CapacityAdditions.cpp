#include "model/rail/CapacityAdditions.hpp"

#include <fmt/format.h>

#include "scenario/ScenarioDiagnostic.hpp"

namespace rongou {

namespace {

void change_track(const Scenario& scenario, const CapacityAddition& add, Corridor& corridor,
                  Diagnostics& diagnostics) {
  const auto segments = corridor.mutable_segments(add.segment);
  if (segments.empty()) {
    const std::string suggestion = closest_match(add.segment, corridor.segment_ids());
    report_at_key(scenario, diagnostics, add.key_path + ".segment",
                  fmt::format("segment '{}' is not a link of platform {}{}", add.segment, corridor.source_file,
                              suggestion.empty() ? "" : fmt::format(" (did you mean '{}'?)", suggestion)));
    return;
  }
  for (Segment* s : segments) {
    if (s->mode != "rail") {
      report_at_key(scenario, diagnostics, add.key_path + ".segment",
                    fmt::format("'{}' is a {} segment: only a rail segment has a track to change", add.segment,
                                s->mode));
      return;
    }
    const bool was_single = s->single_track;
    if (add.single_track)
      s->single_track = *add.single_track;
    if (add.passing_loops) {
      if (!s->single_track) {
        report_at_key(scenario, diagnostics, add.key_path + ".passing_loops",
                      fmt::format("'{}' is double track: passing loops belong to a single track (track: single)",
                                  add.segment));
        return;
      }
      s->passing_loops = *add.passing_loops;
    } else if (s->single_track && !was_single) {
      report_at_key(scenario, diagnostics, add.key_path + ".track",
                    fmt::format("'{}' has no passing loops in the platform: give passing_loops", add.segment));
      return;
    }
    if (!s->single_track)
      s->passing_loops = 0;
    if (add.headway_minutes)
      s->headway_minutes = *add.headway_minutes;
  }
}

} // namespace

void apply_capacity_additions(const Scenario& scenario, Corridor& corridor, Diagnostics& diagnostics) {
  for (const auto& add : scenario.build) {
    if (!add.segment.empty()) {
      change_track(scenario, add, corridor, diagnostics);
      continue;
    }
    Node* node = corridor.mutable_node(add.node);
    if (node == nullptr) {
      const std::string suggestion = closest_match(add.node, corridor.node_names());
      report_at_key(scenario, diagnostics, add.key_path + ".node",
                    fmt::format("node '{}' is not in platform {}{}", add.node, corridor.source_file,
                                suggestion.empty() ? "" : fmt::format(" (did you mean '{}'?)", suggestion)));
      continue;
    }
    if (add.new_yard) {
      if (node->yard) {
        report_at_key(scenario, diagnostics, add.key_path + ".new_yard",
                      fmt::format("'{}' has a yard already; add to it with add_tracks and add_cranes", add.node));
      } else {
        TransshipmentYard yard;
        yard.tracks = add.new_yard->tracks;
        yard.cranes = add.new_yard->cranes;
        yard.cranes_per_train = add.new_yard->cranes_per_train;
        yard.crane_rate_feu_per_hour = add.new_yard->crane_rate_feu_per_hour;
        yard.handling_fixed_hours = add.new_yard->handling_fixed_hours;
        node->yard = yard;
        node->kinds.insert("break_of_gauge");
      }
    }
    if (add.add_tracks > 0 || add.add_cranes > 0) {
      if (!node->yard) {
        report_at_key(scenario, diagnostics, add.key_path,
                      fmt::format("'{}' has no transshipment yard to add tracks or cranes to (give new_yard)", add.node));
      } else {
        node->yard->tracks += add.add_tracks;
        // More cranes let more trains be worked at once; one train still uses at most
        // cranes_per_train of them (the length of a train limits the cranes over it).
        node->yard->cranes += add.add_cranes;
      }
    }
    const bool crossing_change = add.add_crossing_positions > 0 || add.crossing_processing_hours ||
                                 add.crossing_trains_per_day || add.crossing_opens_hour;
    if (crossing_change) {
      if (!node->crossing) {
        report_at_key(scenario, diagnostics, add.key_path,
                      fmt::format("'{}' is not a border crossing with capacity in platform {} (crossing_positions)",
                                  add.node, corridor.source_file));
        continue;
      }
      node->crossing->positions += add.add_crossing_positions;
      if (add.crossing_processing_hours) {
        node->crossing->processing_hours_westbound = *add.crossing_processing_hours;
        node->crossing->processing_hours_eastbound = *add.crossing_processing_hours;
      }
      if (add.crossing_trains_per_day)
        node->crossing->trains_per_day = *add.crossing_trains_per_day;
      if (add.crossing_opens_hour) {
        node->crossing->opens_hour = add.crossing_opens_hour;
        node->crossing->closes_hour = add.crossing_closes_hour;
      }
    }
  }
}

} // namespace rongou
