// Opens report.html in headless Chromium (Debian: chromium): the page loads with every chart
// and renders to a PNG that is not blank. Skipped only outside CI when Chromium is missing.
#include <cstdlib>
#include <filesystem>
#include <gtest/gtest.h>

#include "support/Files.hpp"
#include "support/RunCommand.hpp"
#include "support/TempDir.hpp"

using namespace rongou::test;
namespace fs = std::filesystem;

namespace {
std::string find_chromium() {
  for (const char* name : {"chromium", "chromium-browser", "google-chrome"})
    if (on_path(name))
      return name;
  return {};
}

// Headless Chromium with a profile of its own, then `args`; stopped if it hangs.
CommandResult run_chromium(const std::string& chromium, const fs::path& profile, std::vector<std::string> args) {
  std::vector<std::string> all = {"--headless",
                                  "--no-sandbox",
                                  "--disable-gpu",
                                  "--disable-quic",
                                  "--no-first-run",
                                  "--disable-background-networking",
                                  "--disable-component-update",
                                  "--disable-sync",
                                  "--hide-scrollbars",
                                  "--user-data-dir=" + profile.string()};
  all.insert(all.end(), args.begin(), args.end());
  RunOptions options;
  options.timeout = std::chrono::seconds(120);
  return run_program(chromium, all, options);
}
} // namespace

TEST(ReportInBrowser, LoadsWithEveryChartAndRendersToPng) {
  const std::string chromium = find_chromium();
  if (chromium.empty()) {
    if (std::getenv("CI"))
      FAIL() << "chromium is required in CI (scripts/test installs it)";
    GTEST_SKIP() << "chromium is not installed";
  }
  TempDir scratch;
  const auto run = run_rongou(
      {"run", source_path("scenarios/baseline-2018.yaml"), "--quiet", "--out", (scratch.path() / "base").string()});
  ASSERT_EQ(run.exit_code, 0) << run;
  const fs::path html = scratch.path() / "base" / "report.html";

  const auto dom = run_chromium(chromium, scratch.path() / "profile1", {"--dump-dom", "file://" + html.string()});
  ASSERT_EQ(dom.exit_code, 0) << dom.err;
  for (const char* id : {"string_line", "transit", "cost", "waits", "weekly", "yards", "locomotives"})
    EXPECT_NE(dom.out.find(std::string("id=\"chart-") + id + "\""), std::string::npos) << id;
  for (const char* id : {"string_line", "transit", "cost", "waits", "weekly", "yards", "locomotives"}) {
    const auto at = dom.out.find(std::string("id=\"chart-") + id + "\"");
    ASSERT_NE(at, std::string::npos);
    const auto end = dom.out.find("</section>", at);
    EXPECT_NE(dom.out.substr(at, end - at).find("<svg"), std::string::npos) << id << " has no SVG after load";
  }
  EXPECT_NE(dom.out.find("id=\"provenance\""), std::string::npos);

  const fs::path png = scratch.path() / "report.png";
  const auto shot = run_chromium(chromium, scratch.path() / "profile2",
                                 {"--screenshot=" + png.string(), "--window-size=1300,4000", "file://" + html.string()});
  ASSERT_EQ(shot.exit_code, 0) << shot.err;
  ASSERT_TRUE(fs::exists(png));
  const std::string bytes = read_file(png);
  ASSERT_GT(bytes.size(), 8u);
  EXPECT_EQ(bytes.substr(1, 3), "PNG");
  // A blank 1300x4000 page compresses to a few kilobytes; charts and text do not.
  EXPECT_GT(bytes.size(), 100u * 1024u);
}
