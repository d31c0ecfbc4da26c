#pragma once
// The shippers' choice (`choice:`) in summary.json (`choice.*`) and choice.csv: formatting
// only, from ChoiceMetrics. Keys and columns: docs/outputs.md#choice.
#include <filesystem>
#include <nlohmann/json.hpp>

#include "results/ChoiceMetrics.hpp"

namespace rongou {

nlohmann::ordered_json choice_json(const ChoiceMetrics& m);
// `routes.<name>` of a market split among rail routes and sea (`choice.routes`).
nlohmann::ordered_json routes_json(const std::vector<RouteCarried>& routes);
// One row per week and class: week, direction, class, FEU by rail and by sea, overflow, rail
// share, the expected rail and sea days the shippers used: the westbound rows, then the
// eastbound ones when its shippers choose too (`eastbound` not null).
void write_choice_csv(const std::filesystem::path& file, const ChoiceMetrics& westbound,
                      const ChoiceMetrics* eastbound = nullptr);

} // namespace rongou
