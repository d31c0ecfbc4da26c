#include "scenario/ScenarioDiagnostic.hpp"

namespace rongou {

void report_at_key(const Scenario& scenario, Diagnostics& diagnostics, const std::string& key_path,
                   const std::string& message) {
  Diagnostic d{scenario.source_file, 0, 0, key_path, message};
  const Origin& origin = scenario.sources.lookup(key_path);
  if (!origin.source.empty())
    d.file = origin.source;
  if (origin.has_marks) {
    for (std::string p = key_path;; p = p.substr(0, p.rfind('.'))) {
      if (auto it = scenario.positions.find(p); it != scenario.positions.end()) {
        d.line = it->second.line;
        d.column = it->second.column;
        break;
      }
      if (p.find('.') == std::string::npos)
        break;
    }
  }
  diagnostics.add(std::move(d));
}

} // namespace rongou
