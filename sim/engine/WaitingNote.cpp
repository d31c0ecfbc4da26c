#include "engine/WaitingNote.hpp"

#include <fmt/format.h>
#include <map>
#include <utility>

namespace rongou::engine {

namespace {
std::map<std::string, std::string>& notes() {
  static std::map<std::string, std::string> by_actor;
  return by_actor;
}
} // namespace

WaitingNote::WaitingNote(std::string actor, std::string what) : actor_(std::move(actor)) {
  notes()[actor_] = std::move(what);
}

WaitingNote::WaitingNote(WaitingNote&& other) noexcept : actor_(std::exchange(other.actor_, {})) {}

WaitingNote& WaitingNote::operator=(WaitingNote&& other) noexcept {
  if (this != &other) {
    forget();
    actor_ = std::exchange(other.actor_, {});
  }
  return *this;
}

WaitingNote::~WaitingNote() { forget(); }

void WaitingNote::forget() {
  if (!actor_.empty())
    notes().erase(actor_);
  actor_.clear();
}

std::string describe_waiting_actors() {
  std::string text;
  for (const auto& [actor, what] : notes())
    text += fmt::format("\n  {} waits for {}", actor, what);
  return text;
}

} // namespace rongou::engine
