#pragma once
// Units of a FifoResource that a claimant holds, as SimPy's `with resource.request()`: they
// go back when the hold is released or, at the latest, when it goes out of scope (also by an
// exception). A hold is moved, never copied; a moved-from or empty hold gives nothing back.
namespace rongou {

class FifoResource;

class Hold {
public:
  Hold() = default; // holds nothing: a claim that gave up
  Hold(Hold&& other) noexcept;
  Hold& operator=(Hold&& other) noexcept; // gives back what this held first
  Hold(const Hold&) = delete;
  Hold& operator=(const Hold&) = delete;
  // Gives the units back, unless the engine is tearing the actor down at the end of the run
  // (engine::tearing_down): nothing happens after the run.
  ~Hold();

  explicit operator bool() const { return units_ > 0; }
  int units() const { return units_; }

  // Gives the units back now; the first waiting claims they meet have them at once.
  void release();
  // Takes over the units of `other`, a hold of the same resource, which is left empty.
  void add(Hold&& other);

private:
  friend class FifoResource;
  Hold(FifoResource& resource, int units) : resource_(&resource), units_(units) {}

  FifoResource* resource_ = nullptr;
  int units_ = 0;
};

} // namespace rongou
