#include "engine/WaitingNote.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <vector>

namespace rongou::engine {

namespace {
WaitingNote::Notes& notes() {
  static WaitingNote::Notes alive;
  return alive;
}
} // namespace

WaitingNote::WaitingNote(std::string actor, std::string what)
    : entry_(notes().emplace(notes().end(), std::move(actor), std::move(what))), noted_(true) {}

WaitingNote::WaitingNote(WaitingNote&& other) noexcept
    : entry_(other.entry_), noted_(std::exchange(other.noted_, false)) {}

WaitingNote& WaitingNote::operator=(WaitingNote&& other) noexcept {
  if (this != &other) {
    forget();
    entry_ = other.entry_;
    noted_ = std::exchange(other.noted_, false);
  }
  return *this;
}

WaitingNote::~WaitingNote() { forget(); }

void WaitingNote::forget() {
  if (noted_)
    notes().erase(entry_);
  noted_ = false;
}

std::string describe_waiting_actors() {
  std::vector<const std::pair<std::string, std::string>*> sorted;
  for (const auto& note : notes())
    sorted.push_back(&note);
  std::stable_sort(sorted.begin(), sorted.end(), [](const auto* a, const auto* b) { return a->first < b->first; });
  std::string text;
  for (const auto* note : sorted)
    text += fmt::format("\n  {} waits for {}", note->first, note->second);
  return text;
}

} // namespace rongou::engine
