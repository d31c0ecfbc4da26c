#pragma once
// Top-level keys of summary.json that describe the run rather than measure it (name, seeds,
// horizon, replication bookkeeping): aggregating replications copies them, and comparing two
// results folders skips them.
#include <string>

namespace rongou {

bool is_run_metadata_key(const std::string& key);

} // namespace rongou
