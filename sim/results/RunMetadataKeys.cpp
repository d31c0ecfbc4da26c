#include "results/RunMetadataKeys.hpp"

namespace rongou {

bool is_run_metadata_key(const std::string& key) {
  return key == "scenario" || key == "seed" || key == "replications" || key == "horizon_days" ||
         key == "warmup_days" || key == "replications_requested" || key == "replication_seeds" ||
         key == "missing_replications";
}

} // namespace rongou
