#pragma once
// What merging the shards of a sharded command (sweep, sensitivity) shares: every shard
// folder holds the same manifest (MANIFEST.json, with the number of `points`) and a CSV
// whose first column is the point index; the rows of all shards together must hold every
// point once. A row is a pure function of its point, so the merged rows in point order are
// exactly the unsharded command's.
#include <cstddef>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace rongou {

struct ShardRows {
  std::string manifest_text;
  std::string header;
  std::map<std::size_t, std::pair<std::string, std::filesystem::path>> rows; // point -> (CSV row, shard folder)
};

// Throws InputError when the shards are of different runs, disagree on a point, or points are
// missing (`command` names the merge in messages: "sweep-merge").
ShardRows read_shard_rows(const std::vector<std::string>& shard_dirs, const std::string& manifest_name,
                          const std::string& csv_name, const std::string& command);

// Throws InputError when a shard folder is `target` or inside it.
void refuse_shard_inside(const std::vector<std::string>& shard_dirs, const std::filesystem::path& target,
                         const std::string& command);

} // namespace rongou
