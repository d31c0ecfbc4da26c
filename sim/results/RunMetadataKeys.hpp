#pragma once
#include <string>

namespace rongou {

// Top-level keys of a summary that describe the run rather than measure it: replications
// copy them instead of averaging them, and comparisons skip them.
inline bool is_run_metadata_key(const std::string& key) {
  return key == "scenario" || key == "seed" || key == "replications" || key == "horizon_days" ||
         key == "warmup_days" || key == "replications_requested" || key == "replication_seeds" ||
         key == "missing_replications";
}

} // namespace rongou
