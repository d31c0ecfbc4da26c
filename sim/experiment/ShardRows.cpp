#include "experiment/ShardRows.hpp"

#include <fmt/format.h>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "base/InputError.hpp"

namespace rongou {

namespace fs = std::filesystem;

namespace {

std::string read_file(const fs::path& file) {
  std::ifstream in(file);
  if (!in)
    throw InputError(fmt::format("{}: cannot read", file.string()));
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

} // namespace

ShardRows read_shard_rows(const std::vector<std::string>& shard_dirs, const std::string& manifest_name,
                          const std::string& csv_name, const std::string& command) {
  if (shard_dirs.empty())
    throw InputError(fmt::format("{}: give the output folders of the shards", command));
  ShardRows out;
  for (const auto& dir : shard_dirs) {
    const std::string m = read_file(fs::path(dir) / manifest_name);
    if (out.manifest_text.empty())
      out.manifest_text = m;
    else if (m != out.manifest_text)
      throw InputError(fmt::format("{}: {} differs from that of {}: not shards of one run", dir, manifest_name,
                                   shard_dirs.front()));
    std::istringstream csv(read_file(fs::path(dir) / csv_name));
    std::string line;
    std::getline(csv, line);
    if (out.header.empty())
      out.header = line;
    else if (line != out.header)
      throw InputError(fmt::format("{}: {} has another header than {}", dir, csv_name, shard_dirs.front()));
    while (std::getline(csv, line)) {
      const std::size_t point = std::stoul(line.substr(0, line.find(',')));
      const auto [it, inserted] = out.rows.emplace(point, std::make_pair(line, fs::path(dir)));
      if (!inserted && it->second.first != line)
        throw InputError(fmt::format("point {} differs between {} and {}", point, it->second.second.string(), dir));
    }
  }
  const auto manifest = nlohmann::json::parse(out.manifest_text);
  const std::size_t points = manifest.at("points").get<std::size_t>();
  std::vector<std::size_t> missing;
  for (std::size_t i = 0; i < points; ++i)
    if (!out.rows.contains(i))
      missing.push_back(i);
  if (!missing.empty())
    throw InputError(fmt::format("{}: {} of {} points missing (first: {}); run the missing shards", command,
                                 missing.size(), points, missing.front()));
  return out;
}

void refuse_shard_inside(const std::vector<std::string>& shard_dirs, const fs::path& target, const std::string& command) {
  for (const auto& dir : shard_dirs) {
    const fs::path d = fs::absolute(dir).lexically_normal();
    if (d == target || (d.string() + "/").starts_with(target.string() + "/"))
      throw InputError(fmt::format("{}: {} is inside the output folder {}", command, dir, target.string()));
  }
}

} // namespace rongou
