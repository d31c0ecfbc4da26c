#pragma once
// What a blocked actor waits for, noted for as long as the note lives (a scope guard), so
// that a deadlock can be reported as who waits for what.
#include <list>
#include <string>
#include <utility>

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

  using Notes = std::list<std::pair<std::string, std::string>>; // actor, what it waits for

private:
  void forget();

  // Noting and forgetting take constant time whatever the number of waiting trains (thousands
  // when a network runs past saturation); only a deadlock report sorts the notes.
  Notes::iterator entry_;
  bool noted_ = false;
};

// One line "\n  ACTOR waits for WHAT" per note alive, in actor name order (notes of one actor
// in the order they were taken).
std::string describe_waiting_actors();

} // namespace rongou::engine
