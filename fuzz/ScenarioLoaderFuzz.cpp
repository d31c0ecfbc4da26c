// Fuzz input: YAML scenario text; lines at the top of the form `#set key.path=value` are
// also passed as --set overrides, so the override parser is fuzzed with the loader.
// `extends` is resolved against RONGOU_FUZZ_BASE (default: the current directory), so seeds
// taken from the broken corpus can reach real parent files.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include "scenario/Diagnostics.hpp"
#include "scenario/ScenarioLoader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  std::vector<std::string> overrides;
  std::size_t at = 0;
  while (text.compare(at, 5, "#set ") == 0) {
    const auto end = text.find('\n', at);
    overrides.push_back(text.substr(at + 5, end == std::string::npos ? std::string::npos : end - at - 5));
    if (end == std::string::npos)
      break;
    at = end + 1;
  }
  static const char* base = std::getenv("RONGOU_FUZZ_BASE");
  try {
    rongou::load_scenario_from_string(text, "fuzz.yaml", base != nullptr ? base : ".", overrides);
  } catch (const rongou::InputError&) {
    // the expected outcome for most inputs
  }
  return 0;
}
