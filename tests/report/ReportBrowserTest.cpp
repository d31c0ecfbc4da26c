// Opens report.html in headless Chromium (Debian: chromium): the page loads with every chart
// and renders to a PNG that is not blank. Skipped only outside CI when Chromium is missing.
#include <gtest/gtest.h>

#include "Subprocess.hpp"

using namespace rongou::test;
namespace fs = std::filesystem;

namespace {
std::string find_chromium() {
  for (const char* name : {"chromium", "chromium-browser", "google-chrome"}) {
    const std::string cmd = std::string("command -v ") + name + " >/dev/null 2>&1";
    if (std::system(cmd.c_str()) == 0)
      return name;
  }
  return {};
}

std::string chromium_command(const std::string& chromium, const fs::path& profile) {
  return chromium + " --headless --no-sandbox --disable-gpu --disable-quic --no-first-run "
                    "--disable-background-networking --disable-component-update --disable-sync --hide-scrollbars "
                    "--user-data-dir=" +
         profile.string();
}
} // namespace

TEST(ReportInBrowser, LoadsWithEveryChartAndRendersToPng) {
  const std::string chromium = find_chromium();
  if (chromium.empty()) {
    if (std::getenv("CI"))
      FAIL() << "chromium is required in CI (scripts/test installs it)";
    GTEST_SKIP() << "chromium is not installed";
  }
  ScratchDir scratch;
  const auto run = run_command(rongou_exe() + " run " + baseline() + " --quiet --out " +
                                   (scratch.path() / "base").string(),
                               scratch.path());
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const fs::path html = scratch.path() / "base" / "report.html";

  const auto dom = run_command(chromium_command(chromium, scratch.path() / "profile1") + " --dump-dom file://" +
                                   html.string(),
                               scratch.path());
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
  const auto shot = run_command(chromium_command(chromium, scratch.path() / "profile2") + " --screenshot=" +
                                    png.string() + " --window-size=1300,4000 file://" + html.string(),
                                scratch.path());
  ASSERT_EQ(shot.exit_code, 0) << shot.err;
  ASSERT_TRUE(fs::exists(png));
  const std::string bytes = slurp(png);
  ASSERT_GT(bytes.size(), 8u);
  EXPECT_EQ(bytes.substr(1, 3), "PNG");
  // A blank 1300x4000 page compresses to a few kilobytes; charts and text do not.
  EXPECT_GT(bytes.size(), 100u * 1024u);
}
