#pragma once
// How much of a run's per-record detail is written: `rongou run --detail all|focus|none`.
// A year of a large network writes millions of container, train and event rows
// (docs/outputs.md gives sizes); `focus` keeps those of the focus lane only, `none` writes
// none of containers.csv, trains.csv and events.csv. Every other file is written in full.
#include <optional>
#include <string_view>

namespace rongou {

enum class DetailLevel { All, Focus, None };

const char* to_string(DetailLevel level);
// nullopt for anything but "all", "focus" and "none".
std::optional<DetailLevel> parse_detail_level(std::string_view text);

} // namespace rongou
