// A westbound market split among rail routes and sea (`choice.routes`), end to end through
// `rongou run`: fixed shares split the market as given, a dearer route never gains share, a
// closure of the northern route moves boxes to the Middle Corridor and to sea, modes.rail is
// the first route's, and one route holding every service changes nothing.
#include <cmath>
#include <filesystem>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "ChoiceRun.hpp"
#include "support/Files.hpp"
#include "support/RunCommand.hpp"
#include "support/TempDir.hpp"

using rongou::test::read_file;
using rongou::test::run_rongou;
using rongou::test::source_path;
using rongou::test::TempDir;

namespace {

const std::string kRoutes = source_path("tests/choice/choice-routes.yaml");
const std::string kShort = source_path("tests/choice/choice-short.yaml");

nlohmann::json run(const TempDir& tmp, const std::string& name, const std::vector<std::string>& sets = {},
                   const std::string& scenario = kRoutes) {
  return rongou::test::run_summary(tmp, name, scenario, sets);
}

int feu(const nlohmann::json& summary, const char* route) { return summary["routes"][route]["feu"].get<int>(); }

const char* const kSeaDelay = "{kind: sea_delay, from_day: 0, to_day: 364, extra_days: 10}";

} // namespace

TEST(ChoiceRoutes, FixedSharesSplitTheMarketAsGiven) {
  TempDir tmp;
  const auto j = run(tmp, "shares", {"choice.split=shares", "choice.shares={northern: 0.3, middle-corridor: 0.05, sea: 0.65}"});
  const int n = j["choice"]["feu"].get<int>();
  ASSERT_GT(n, 1000);
  EXPECT_EQ(feu(j, "northern") + feu(j, "middle-corridor") + feu(j, "sea"), n);
  // Each share within four standard deviations of a binomial draw of the market's boxes.
  for (const auto& [route, p] : {std::pair{"northern", 0.3}, {"middle-corridor", 0.05}, {"sea", 0.65}}) {
    const double share = j["routes"][route]["share_feu"].get<double>();
    EXPECT_NEAR(share, p, 4.0 * std::sqrt(p * (1.0 - p) / n)) << route;
  }
}

TEST(ChoiceRoutes, ADearerRouteNeverGainsShare) {
  TempDir tmp;
  const auto base = run(tmp, "base");
  const auto dearer = run(tmp, "dearer", {"choice.routes.1.risk_premium_usd_per_feu=2000"});
  ASSERT_GT(feu(base, "middle-corridor"), 20) << "the test needs boxes on the Middle Corridor";
  EXPECT_LT(feu(dearer, "middle-corridor"), feu(base, "middle-corridor"));
  EXPECT_GE(feu(dearer, "northern"), feu(base, "northern"));
  EXPECT_GE(feu(dearer, "sea"), feu(base, "sea"));
  EXPECT_GT(dearer["routes"]["middle-corridor"]["cost_usd_per_feu"].get<double>(),
            base["routes"]["middle-corridor"]["cost_usd_per_feu"].get<double>());
}

TEST(ChoiceRoutes, AClosureOfTheNorthernRouteMovesBoxesToTheOtherRoutes) {
  TempDir tmp;
  const auto open = run(tmp, "open");
  const auto closed = run(tmp, "closed",
                          {std::string("disruptions=[") + kSeaDelay +
                           ", {kind: closure, segment: [Brest, Malaszewicze], from_day: 56, to_day: 84}]"});
  // Shippers see the northern deliveries stop and its boxes on the way age: they book the others.
  EXPECT_LT(feu(closed, "northern"), feu(open, "northern"));
  EXPECT_GT(feu(closed, "middle-corridor"), feu(open, "middle-corridor"));
  EXPECT_GT(feu(closed, "sea"), feu(open, "sea"));
  EXPECT_GT(closed["routes"]["northern"]["door_to_door_days"]["p95"].get<double>(),
            open["routes"]["northern"]["door_to_door_days"]["p95"].get<double>());
}

TEST(ChoiceRoutes, ModesRailIsTheFirstRoute) {
  TempDir tmp;
  const auto j = run(tmp, "base");
  const auto& rail = j["modes"]["rail"]["transit_days"];
  const auto& northern = j["routes"]["northern"]["door_to_door_days"];
  ASSERT_GT(feu(j, "middle-corridor"), 0);
  EXPECT_EQ(rail["mean"], northern["mean"]);
  EXPECT_EQ(rail["p95"], northern["p95"]);
  EXPECT_GT(j["modes"]["rail"]["containers_delivered"].get<int>(), 0);
  EXPECT_LE(j["modes"]["rail"]["containers_delivered"].get<int>(), feu(j, "northern"));
}

TEST(ChoiceRoutes, OneRouteOfEveryServiceChangesNothing) {
  TempDir tmp;
  run(tmp, "plain", {}, kShort);
  const auto routed = run(tmp, "routed", {"choice.routes=[{name: chengdu-lodz, services: [westbound]}]"}, kShort);
  EXPECT_EQ(routed["routes"]["chengdu-lodz"]["share_feu"].get<double>(), routed["choice"]["rail_share"]["feu"].get<double>());
  for (const char* file : {"choice.csv", "containers.csv", "sea.csv", "trains.csv"})
    EXPECT_EQ(read_file(tmp.path() / "routed" / file), read_file(tmp.path() / "plain" / file)) << file;
}

TEST(ChoiceRoutes, CompareLeadsWithEveryRoute) {
  TempDir tmp;
  run(tmp, "a");
  run(tmp, "b", {"choice.routes.1.risk_premium_usd_per_feu=2000"});
  const auto r = run_rongou({"compare", (tmp.path() / "a").string(), (tmp.path() / "b").string()});
  ASSERT_EQ(r.exit_code, 0) << r;
  for (const char* route : {"northern", "middle-corridor", "sea"})
    for (const char* what : {"share of the market", "door to door, mean", "door to door, p95", "cost per FEU",
                             "CO2e per FEU, WTW"})
      EXPECT_NE(r.out.find(std::string(route) + ": " + what), std::string::npos) << route << " " << what;
}
