#pragma once
// Problems found in input files, each tied to a place (file:line:column) and a key path, so
// a user can go straight to the mistake. Validation collects them all before giving up.
#include <string>
#include <vector>

#include "base/InputError.hpp"

namespace rongou {

struct Diagnostic {
  std::string file;
  int line = 0;   // 1-based; 0 when unknown
  int column = 0; // 1-based; 0 when unknown
  std::string key_path;
  std::string message;
  std::string format() const;
};

class Diagnostics {
public:
  // The same message at the same place is kept once: a background lane's two directions
  // share one route as written, and would otherwise report each of its faults twice.
  void add(Diagnostic d);
  bool empty() const { return items_.empty(); }
  const std::vector<Diagnostic>& items() const { return items_; }
  std::string format() const;
  // Throws InputError carrying every diagnostic collected so far, if there is any.
  void throw_if_any() const;

private:
  std::vector<Diagnostic> items_;
};

std::string closest_match(const std::string& word, const std::vector<std::string>& candidates);

} // namespace rongou
