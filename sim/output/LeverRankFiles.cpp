#include "output/LeverRankFiles.hpp"

#include <cmath>
#include <fmt/format.h>

#include "output/CsvField.hpp"
#include "output/SummaryJson.hpp"
#include "output/TextFile.hpp"

namespace rongou {

using Json = nlohmann::ordered_json;

namespace {

std::string cell(double v) { return std::isnan(v) ? std::string() : fmt::format("{}", rounded(v)); }
std::string cell(const std::optional<double>& v) { return v ? cell(*v) : std::string(); }
Json number(double v) { return std::isnan(v) ? Json(nullptr) : Json(rounded(v)); }
Json number(const std::optional<double>& v) { return v ? number(*v) : Json(nullptr); }

} // namespace

std::string rank_csv(const RankResults& results) {
  std::string csv = "rank,lever,replications,cost_one_off_usd,cost_usd_per_year,annualised_cost_usd_per_year";
  for (const auto& m : results.metrics) {
    csv += fmt::format(",{},{},{},{},{}", csv_field(m.metric + "_base"), csv_field(m.metric + "_lever"),
                       csv_field(m.metric + "_effect"), csv_field(m.metric + "_effect_ci95"),
                       csv_field(m.metric + "_significant"));
    if (results.per_dollar)
      csv += fmt::format(",{},{}", csv_field(m.metric + "_effect_per_musd_year"),
                         csv_field(m.metric + "_effect_per_musd_year_ci95"));
  }
  csv += "\n";
  if (results.metrics.empty())
    return csv;
  for (const auto& first : results.metrics.front().levers) {
    const auto d = std::find_if(results.levers.begin(), results.levers.end(),
                                [&](const LeverDescription& l) { return l.label == first.label; });
    csv += fmt::format("{},{},{},{},{},{}", first.rank, csv_field(first.label), results.replications,
                       d->cost ? cell(d->cost->one_off_usd) : "", d->cost ? cell(d->cost->usd_per_year) : "",
                       cell(d->cost_usd_per_year));
    for (const auto& m : results.metrics) {
      const RankedLever& r = lever_in(m, first.label);
      csv += fmt::format(",{},{},{},{},{}", cell(m.base.mean), cell(r.lever_mean), cell(r.effect.difference),
                         cell(r.effect.half_width), std::isnan(r.effect.half_width) ? "" : r.effect.significant ? "1" : "0");
      if (results.per_dollar)
        csv += fmt::format(",{},{}", cell(r.effect_per_musd_year), cell(r.effect_per_musd_year_ci95));
    }
    csv += "\n";
  }
  return csv;
}

Json rank_json(const RankResults& results, const std::optional<Json>& precision) {
  Json out;
  out["program"] = "rongou";
  out["command"] = "rank";
  out["scenario"] = results.scenario;
  out["seed"] = results.seed;
  out["replications"] = results.replications;
  if (precision)
    out["precision"] = *precision;
  Json metrics = Json::array();
  for (const auto& m : results.metrics)
    metrics.push_back(m.metric);
  out["metrics"] = std::move(metrics);
  out["ranked_by"] = results.metrics.empty() ? Json(nullptr) : Json(results.metrics.front().metric);
  out["better"] = results.better == Better::Lower ? "lower" : "higher";
  out["per_dollar"] = results.per_dollar;
  out["discount_rate_pct"] = results.discount_rate_pct;
  out["horizon_years"] = results.horizon_years;
  Json base = Json::object();
  for (const auto& m : results.metrics)
    base[m.metric] = {{"mean", number(m.base.mean)}, {"ci95", number(m.base.half_width)}};
  out["base"] = std::move(base);
  Json levers = Json::array();
  if (!results.metrics.empty())
    for (const auto& first : results.metrics.front().levers) {
      const auto d = std::find_if(results.levers.begin(), results.levers.end(),
                                  [&](const LeverDescription& l) { return l.label == first.label; });
      Json lever;
      lever["rank"] = first.rank;
      lever["lever"] = first.label;
      lever["assignments"] = d->assignments;
      if (d->cost)
        lever["cost"] = {{"one_off_usd", d->cost->one_off_usd},
                         {"usd_per_year", d->cost->usd_per_year},
                         {"annualised_usd_per_year", number(d->cost_usd_per_year)}};
      Json effects = Json::object();
      for (const auto& m : results.metrics) {
        const RankedLever& r = lever_in(m, first.label);
        Json e;
        e["lever_mean"] = number(r.lever_mean);
        e["effect"] = number(r.effect.difference);
        e["ci95"] = number(r.effect.half_width);
        e["significant"] = r.effect.significant;
        if (results.per_dollar) {
          e["effect_per_musd_year"] = number(r.effect_per_musd_year);
          e["effect_per_musd_year_ci95"] = number(r.effect_per_musd_year_ci95);
        }
        effects[m.metric] = std::move(e);
      }
      lever["effects"] = std::move(effects);
      levers.push_back(std::move(lever));
    }
  out["levers"] = std::move(levers);
  return out;
}

void write_rank_files(const std::filesystem::path& dir, const RankResults& results, const std::optional<Json>& precision) {
  write_text_file(dir / "rank.csv", rank_csv(results));
  write_text_file(dir / "rank.json", rank_json(results, precision).dump(2) + "\n");
}

} // namespace rongou
