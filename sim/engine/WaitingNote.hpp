#pragma once
// What a blocked actor waits for, noted for as long as the note lives (a scope guard), so
// that a deadlock can be reported as who waits for what.
#include <string>

namespace rongou::engine {

class WaitingNote {
public:
  WaitingNote() = default; // notes nothing: for an actor that turns out not to wait
  WaitingNote(std::string actor, std::string what);
  WaitingNote(WaitingNote&& other) noexcept;
  WaitingNote& operator=(WaitingNote&& other) noexcept;
  WaitingNote(const WaitingNote&) = delete;
  WaitingNote& operator=(const WaitingNote&) = delete;
  ~WaitingNote();

private:
  void forget();

  std::string actor_; // empty: notes nothing
};

// One line "\n  ACTOR waits for WHAT" per note alive, in actor name order.
std::string describe_waiting_actors();

} // namespace rongou::engine
