#pragma once
// Which file (or --set argument) each part of a resolved scenario came from. With `extends`
// and `--set`, one scenario tree mixes nodes from several sources; an error must name the
// source that wrote the key, not the file the user ran.
#include <map>
#include <string>

namespace rongou {

struct Origin {
  std::string source;     // a file path, or "--set key=value"
  bool has_marks = true;  // false for --set: yaml-cpp marks then point into the argument, not a file
};

class SourceMap {
public:
  // `path` and everything below it (unless set deeper) came from `origin`.
  void set(const std::string& path, Origin origin) { origins_[path] = std::move(origin); }
  // The origin recorded for the longest prefix of `path` (dotted, "" is the root).
  const Origin& lookup(const std::string& path) const;
  // Copies `from`'s entries at and below `from_path` to `to_path` here.
  void graft(const SourceMap& from, const std::string& path);
  // Drops entries strictly below `path` (a --set replaces the whole subtree).
  void erase_below(const std::string& path);
  bool empty() const { return origins_.empty(); }

private:
  std::map<std::string, Origin> origins_;
};

} // namespace rongou
