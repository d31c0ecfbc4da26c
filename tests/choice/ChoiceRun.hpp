#pragma once
// One `rongou run` of a choice test scenario into `tmp/name`, with `--set` overrides, and its
// summary.json; a failed run fails the test.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "support/Files.hpp"
#include "support/RunCommand.hpp"
#include "support/TempDir.hpp"

namespace rongou::test {

inline nlohmann::json run_summary(const TempDir& tmp, const std::string& name, const std::string& scenario,
                                  const std::vector<std::string>& sets = {}) {
  std::vector<std::string> args{"run", scenario, "--out", (tmp.path() / name).string(), "--no-report", "--quiet"};
  for (const auto& s : sets) {
    args.push_back("--set");
    args.push_back(s);
  }
  const auto r = run_rongou(args);
  EXPECT_EQ(r.exit_code, 0) << r;
  return nlohmann::json::parse(read_file(tmp.path() / name / "summary.json"));
}

} // namespace rongou::test
