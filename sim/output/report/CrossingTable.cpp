#include "output/report/CrossingTable.hpp"

#include <fmt/format.h>

#include "output/MarkupText.hpp"

namespace rongou::report {

std::string crossing_table(const RunData& run) {
  std::string rows;
  for (const auto& [group, kind] : kServerGroups) {
    const auto& servers = json_at(run.summary, {group});
    if (!servers.is_object())
      continue;
    for (const auto& [node, m] : servers.items()) {
      if (node == "ci95" || !m.is_object())
        continue;
      // With nobody ever waiting there is no queue to place.
      const auto longest = read_stat(m, "max_queue_trains");
      const auto& at = json_at(m, {"queue_at"});
      const std::string where = longest && longest->value > 0.0 && at.is_string() ? at.get<std::string>() : "–";
      const auto& wait = json_at(m, {"wait_hours"});
      rows += fmt::format("<tr><th>{}</th><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td>"
                          "<td>{}</td><td>{}</td></tr>\n",
                          html_escape(node), kind, stat_text(m, "units", 0), stat_text(m, "trains_per_day", 1),
                          stat_text(m, "utilisation", 2), stat_text(wait, "mean", 1), stat_text(wait, "p95", 1),
                          stat_text(m, "max_queue_trains", 0),
                          html_escape(where));
    }
  }
  if (rows.empty())
    return "";
  return "<h2 id=\"crossings\">Crossings and yards: where trains waited</h2>\n<p class=\"files\">After the warm-up "
         "(summary.json crossings.&lt;node&gt;, yards.&lt;node&gt; and tracks.&lt;segment&gt;). Units: processing "
         "positions of a crossing, trains a yard works at once, blocks of a single track (two tracks of a double "
         "track with a headway). Wait: from arrival at the node (or, for a crossing entered from its "
         "neighbour's station, at that station) until processing starts; on a track section, all the waits at its "
         "first node and at its passing loops. The longest queue is the most trains "
         "waiting at once; the queue stood where its trains spent most of their waiting hours: for a crossing into "
         "the EU, on the other side of the border. crossings.csv has each day.</p>\n"
         "<table class=\"headline\"><tr><th>node</th><th>kind</th><th>units</th><th>trains a day</th>"
         "<th>utilisation</th><th>wait h, mean</th><th>wait h, p95</th><th>longest queue</th>"
         "<th>queue stood at</th></tr>\n" +
         rows + "</table>\n";
}

} // namespace rongou::report
