#pragma once
// provenance.json: what produced a results folder. Only deterministic fields (no clock time,
// no host name), so that the same scenario, seed and command give byte-identical outputs.
#include <filesystem>
#include <string>
#include <vector>

#include "output/DetailLevel.hpp"
#include "scenario/Scenario.hpp"

namespace rongou {

struct Provenance {
  std::string version = rongou_version();
  std::string command; // the command line as typed, arguments quoted where needed
  // Which per-record files were written; recorded in provenance.json as "detail" unless
  // `all`, so that the report can say why a chart is missing or covers the focus lane only.
  DetailLevel detail = DetailLevel::All;
  static std::string rongou_version();
  static std::string join_command(const std::vector<std::string>& argv);
};

void write_provenance_json(const std::filesystem::path& file, const Scenario& scenario, const Provenance& provenance);

} // namespace rongou
