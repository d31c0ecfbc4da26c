// The floor under any `rongou run`: a program that links Debian's SimGrid and does nothing.
// Its process time is what starting such a program costs (dynamic loading and relocation of
// libsimgrid and the libraries it needs, their static initialisers) before rongou does
// anything; rongou_bench times it next to the whole `rongou run` (docs/performance.md).
#include <simgrid/s4u/Engine.hpp>

int main(int argc, char**) {
  // A real reference into libsimgrid, so the linker keeps it (never true when run).
  return argc > 1000 ? static_cast<int>(simgrid::s4u::Engine::get_clock()) : 0;
}
