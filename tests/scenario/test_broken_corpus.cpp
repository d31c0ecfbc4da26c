// Every file in tests/scenarios/broken/ must be refused by `rongou validate` with exit code
// 2 and the messages its `# expect:` lines name, at the right place. An expectation reads
//   # expect: PLACE: KEY.PATH: TEXT
// where PLACE is LINE:COL in the file itself, FILE:LINE:COL for another file (relative to
// the corpus folder, e.g. a parent named by extends), or the `--set ...` argument; KEY.PATH
// is `-` for messages without one. `# args:` adds command-line arguments.
#include <algorithm>
#include <filesystem>
#include <gtest/gtest.h>
#include <regex>
#include <sstream>

#include "support/Files.hpp"
#include "support/RunCommand.hpp"

namespace fs = std::filesystem;
using rongou::test::read_file;
using rongou::test::run_rongou;
using rongou::test::source_path;

namespace {

const fs::path kCorpus = source_path("tests/scenarios/broken");

std::vector<std::string> corpus_files() {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(kCorpus))
    if (entry.is_regular_file() && entry.path().extension() == ".yaml")
      names.push_back(entry.path().stem().string());
  std::sort(names.begin(), names.end());
  return names;
}

std::vector<std::string> header_values(const std::string& text, const std::string& tag) {
  std::vector<std::string> values;
  std::istringstream in(text);
  const std::string prefix = "# " + tag + ": ";
  for (std::string line; std::getline(in, line);)
    if (line.rfind(prefix, 0) == 0)
      values.push_back(line.substr(prefix.size()));
  return values;
}

struct Expectation {
  std::string prefix; // what the message line must start with
  std::string text;   // what it must contain after that
};

Expectation parse_expectation(const std::string& spec, const fs::path& file) {
  const auto first = spec.find(": ");
  const auto second = spec.find(": ", first + 2);
  EXPECT_NE(first, std::string::npos) << "bad expectation: " << spec;
  const std::string place = spec.substr(0, first);
  const std::string key = second == std::string::npos ? spec.substr(first + 2) : spec.substr(first + 2, second - first - 2);
  Expectation e;
  e.text = second == std::string::npos ? "" : spec.substr(second + 2);
  if (std::regex_match(place, std::regex(R"(\d+:\d+)")))
    e.prefix = file.string() + ":" + place + ": ";
  else if (place.rfind("--set", 0) == 0)
    e.prefix = place + ": ";
  else
    e.prefix = (kCorpus / place).string() + ": ";
  if (key != "-")
    e.prefix += key + ": ";
  return e;
}

class BrokenScenario : public ::testing::TestWithParam<std::string> {};

TEST_P(BrokenScenario, IsRefusedWithItsMessageAndLine) {
  const fs::path file = kCorpus / (GetParam() + ".yaml");
  const std::string text = read_file(file);
  const auto expects = header_values(text, "expect");
  ASSERT_FALSE(expects.empty()) << file << " has no '# expect:' line";

  std::vector<std::string> args = {"validate", file.string()};
  for (const auto& extra : header_values(text, "args")) {
    std::istringstream words(extra);
    for (std::string w; words >> w;)
      args.push_back(w);
  }
  const auto result = run_rongou(args);
  EXPECT_EQ(result.exit_code, 2) << result;
  EXPECT_EQ(result.out, "") << "diagnostics go to stderr";

  std::vector<std::string> lines;
  std::istringstream err(result.err);
  for (std::string line; std::getline(err, line);)
    lines.push_back(line);
  for (const auto& spec : expects) {
    const Expectation e = parse_expectation(spec, file);
    const bool found = std::any_of(lines.begin(), lines.end(), [&](const std::string& l) {
      return l.rfind(e.prefix, 0) == 0 && l.find(e.text, e.prefix.size()) != std::string::npos;
    });
    EXPECT_TRUE(found) << "expected a line starting '" << e.prefix << "' containing '" << e.text << "'\ngot:\n"
                       << result.err;
  }
  // Every line is a located diagnostic: a file (with line and column when known) or --set.
  for (const auto& l : lines)
    EXPECT_TRUE(l.rfind("--set ", 0) == 0 || l.rfind(kCorpus.string(), 0) == 0) << "unlocated message: " << l;
}

INSTANTIATE_TEST_SUITE_P(Corpus, BrokenScenario, ::testing::ValuesIn(corpus_files()),
                         [](const auto& info) {
                           std::string n = info.param;
                           std::replace(n.begin(), n.end(), '-', '_');
                           return n;
                         });

TEST(BrokenCorpus, HasAtLeastThirtyCases) { EXPECT_GE(corpus_files().size(), 30u); }

TEST(BrokenCorpus, ShippedScenariosValidate) {
  for (const auto& entry : fs::directory_iterator(source_path("scenarios")))
    if (entry.path().extension() == ".yaml") {
      const auto result = run_rongou({"validate", entry.path().string()});
      EXPECT_EQ(result.exit_code, 0) << entry.path() << "\n" << result;
    }
}

} // namespace
