#include "output/Provenance.hpp"

#include "output/TextFile.hpp"

#include <nlohmann/json.hpp>

#ifndef RONGOU_VERSION
#define RONGOU_VERSION "unknown"
#endif

namespace rongou {

std::string Provenance::rongou_version() { return RONGOU_VERSION; }

std::string Provenance::join_command(const std::vector<std::string>& argv) {
  std::string line;
  for (const auto& arg : argv) {
    if (!line.empty())
      line += ' ';
    const bool plain = !arg.empty() && arg.find_first_of(" \t\n'\"\\$`*?;&|<>()") == std::string::npos;
    if (plain) {
      line += arg;
      continue;
    }
    // Single quotes keep the line pasteable into a POSIX shell.
    line += '\'';
    for (char c : arg)
      line += c == '\'' ? std::string("'\\''") : std::string(1, c);
    line += '\'';
  }
  return line;
}

void write_provenance_json(const std::filesystem::path& file, const Scenario& scenario, const Provenance& provenance) {
  nlohmann::ordered_json j;
  j["program"] = "rongou";
  j["version"] = provenance.version;
  j["scenario"] = scenario.name;
  j["scenario_file"] = scenario.source_file;
  j["platform_file"] = scenario.platform_file;
  j["seed"] = scenario.seed;
  j["command"] = provenance.command;
  if (provenance.detail != DetailLevel::All)
    j["detail"] = to_string(provenance.detail);
  write_text_file(file, j.dump(2) + "\n");
}

} // namespace rongou
