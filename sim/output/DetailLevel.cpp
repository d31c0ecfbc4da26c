#include "output/DetailLevel.hpp"

namespace rongou {

const char* to_string(DetailLevel level) {
  switch (level) {
  case DetailLevel::All: return "all";
  case DetailLevel::Focus: return "focus";
  case DetailLevel::None: return "none";
  }
  return "all";
}

std::optional<DetailLevel> parse_detail_level(std::string_view text) {
  for (DetailLevel level : {DetailLevel::All, DetailLevel::Focus, DetailLevel::None})
    if (text == to_string(level))
      return level;
  return std::nullopt;
}

} // namespace rongou
