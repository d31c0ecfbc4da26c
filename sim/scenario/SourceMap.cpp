#include "scenario/SourceMap.hpp"

namespace rongou {

namespace {
bool is_within(const std::string& path, const std::string& prefix) {
  if (prefix.empty())
    return true;
  return path.size() >= prefix.size() && path.compare(0, prefix.size(), prefix) == 0 &&
         (path.size() == prefix.size() || path[prefix.size()] == '.');
}
} // namespace

const Origin& SourceMap::lookup(const std::string& path) const {
  static const Origin unknown{"", false};
  std::string p = path;
  for (;;) {
    if (auto it = origins_.find(p); it != origins_.end())
      return it->second;
    if (p.empty())
      return unknown;
    const auto dot = p.rfind('.');
    p = dot == std::string::npos ? std::string() : p.substr(0, dot);
  }
}

void SourceMap::graft(const SourceMap& from, const std::string& path) {
  set(path, from.lookup(path));
  for (const auto& [p, o] : from.origins_)
    if (p != path && is_within(p, path))
      origins_[p] = o;
}

void SourceMap::erase_below(const std::string& path) {
  for (auto it = origins_.begin(); it != origins_.end();)
    if (it->first != path && is_within(it->first, path))
      it = origins_.erase(it);
    else
      ++it;
}

} // namespace rongou
