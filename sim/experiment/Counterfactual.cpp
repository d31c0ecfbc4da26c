#include "experiment/Counterfactual.hpp"

#include <fmt/format.h>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <stdexcept>
#include <unistd.h>

#include "base/InputError.hpp"
#include "experiment/ProcessPool.hpp"
#include "run/Simulation.hpp"

namespace rongou {

namespace fs = std::filesystem;

NoSubsidyCounterfactual::NoSubsidyCounterfactual(const Scenario& scenario, const fs::path& scratch) {
  if (!scenario.choice || scenario.choice->counterfactual != Counterfactual::NoSubsidy)
    return;
  fs::create_directories(scratch);
  const fs::path answer = scratch / fmt::format(".no-subsidy-{}-{}.json", ::getpid(), scenario.seed);
  const Scenario without = without_subsidy(scenario);
  PoolTask task;
  task.log_file = answer.string() + ".log";
  task.body = [&without, &answer] {
    try {
      const Journal journal = simulate(without);
      // Each market's figures the effect is made of; the eastbound one when its shippers choose.
      const auto market = [](const ChoiceMetrics& m) {
        return nlohmann::json{{"rail_feu", m.rail_feu}, {"logistics_cost_usd", m.logistics_cost_usd},
                              {"subsidy_paid_usd", m.subsidy_paid_usd}};
      };
      nlohmann::json j = market(compute_choice_metrics(without, journal));
      if (without.choice->eastbound)
        j["eastbound"] = market(compute_choice_metrics(without, journal, Direction::Eastbound));
      std::ofstream out(answer);
      out << j.dump();
      return out ? 0 : 1;
    } catch (const InputError& e) {
      std::cerr << e.what();
      return 2;
    }
  };
  const auto outcomes = run_in_workers({task}, 1, [](std::size_t, const WorkerOutcome&) { return true; });
  std::stringstream log;
  log << std::ifstream(task.log_file).rdbuf();
  fs::remove(task.log_file);
  if (!outcomes.at(0).ok()) {
    fs::remove(answer);
    throw std::runtime_error(
        fmt::format("the run without subsidy failed ({}): {}", outcomes.at(0).describe(), log.str()));
  }
  std::ifstream in(answer);
  const auto j = nlohmann::json::parse(in);
  in.close();
  fs::remove(answer);
  const auto market = [](const nlohmann::json& m) {
    ChoiceMetrics out;
    out.rail_feu = m.at("rail_feu").get<int>();
    out.logistics_cost_usd = m.at("logistics_cost_usd").get<double>();
    out.subsidy_paid_usd = m.at("subsidy_paid_usd").get<double>();
    return out;
  };
  without_ = market(j);
  if (j.contains("eastbound"))
    without_eastbound_ = market(j.at("eastbound"));
  ran_ = true;
}

void NoSubsidyCounterfactual::apply(RunResults& results) const {
  if (ran_ && results.choice)
    results.choice->subsidy = subsidy_effect(*results.choice, without_);
  if (ran_ && results.choice_eastbound && without_eastbound_)
    results.choice_eastbound->subsidy = subsidy_effect(*results.choice_eastbound, *without_eastbound_);
}

} // namespace rongou
