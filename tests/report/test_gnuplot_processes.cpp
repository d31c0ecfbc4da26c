// The chart scripts shared among gnuplot processes: every script drawn once, every process's
// messages returned, a failure in any of them reported.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <stdexcept>
#include <string>

#include "output/report/Gnuplot.hpp"
#include "support/Files.hpp"
#include "support/TempDir.hpp"

using namespace rongou;

namespace {

// A script that writes NAME.out and says NAME on gnuplot's output (the messages).
void write_script(const std::filesystem::path& dir, const std::string& name, std::size_t padding = 0) {
  test::write_file(dir / (name + ".gp"), "set print '" + name + ".out'\nprint '" + name + "'\nunset print\nprint 'said-" +
                                            name + "'\n# " + std::string(padding, 'x') + "\n");
}

struct Script {
  std::string file;
  std::uintmax_t bytes = 0;
};

// Every script drawn, in order; gnuplot's messages.
std::string draw_all(const std::filesystem::path& dir, const std::vector<Script>& scripts) {
  report::GnuplotDrawing drawing(dir);
  for (const auto& script : scripts)
    drawing.draw(script.file, script.bytes);
  return drawing.finish();
}

} // namespace

TEST(GnuplotProcesses, DrawEveryScriptOnceAndReturnEveryMessage) {
  test::TempDir dir;
  std::vector<Script> scripts;
  for (int i = 0; i < 6; ++i) {
    const std::string name = "chart" + std::to_string(i);
    write_script(dir.path(), name, static_cast<std::size_t>(100 * i));
    scripts.push_back({name + ".gp", static_cast<std::uintmax_t>(100 * i)});
  }
  const std::string messages = draw_all(dir.path(), scripts);
  for (int i = 0; i < 6; ++i) {
    const std::string name = "chart" + std::to_string(i);
    EXPECT_EQ(test::read_file(dir.path() / (name + ".out")), name + "\n");
    EXPECT_NE(messages.find("said-" + name + "\n"), std::string::npos) << messages;
  }
  for (const auto& entry : std::filesystem::directory_iterator(dir.path()))
    EXPECT_EQ(entry.path().extension() == ".log", false) << "a gnuplot log left behind: " << entry.path();
}

TEST(GnuplotProcesses, AFailingScriptFailsTheRunWithItsMessage) {
  test::TempDir dir;
  std::vector<Script> scripts;
  for (int i = 0; i < 4; ++i) {
    const std::string name = "chart" + std::to_string(i);
    write_script(dir.path(), name);
    scripts.push_back({name + ".gp", 10});
  }
  // The heaviest goes first to a process of its own: whichever process it lands in fails.
  test::write_file(dir.path() / "broken.gp", "plot no_such_function(x)\n");
  scripts.push_back({"broken.gp", 1000});
  try {
    draw_all(dir.path(), scripts);
    FAIL() << "expected gnuplot to fail";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("no_such_function"), std::string::npos) << e.what();
  }
}

// A report that fails while its charts are drawn stops gnuplot: nothing is left running.
TEST(GnuplotProcesses, AnAbandonedDrawingStopsItsProcesses) {
  test::TempDir dir;
  test::write_file(dir.path() / "slow.gp", "pause 600\n");
  const auto started = std::chrono::steady_clock::now();
  {
    report::GnuplotDrawing drawing(dir.path());
    drawing.draw("slow.gp", 1);
    drawing.draw("slow.gp", 1);
  }
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(60))
      << "the destructor waited for the scripts instead of stopping gnuplot";
}
