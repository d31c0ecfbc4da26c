#include "engine/Hold.hpp"

#include <stdexcept>
#include <utility>

#include "engine/Engine.hpp"
#include "engine/FifoResource.hpp"

namespace rongou {

Hold::Hold(Hold&& other) noexcept
    : resource_(std::exchange(other.resource_, nullptr)), units_(std::exchange(other.units_, 0)) {}

Hold& Hold::operator=(Hold&& other) noexcept {
  if (this != &other) {
    release();
    resource_ = std::exchange(other.resource_, nullptr);
    units_ = std::exchange(other.units_, 0);
  }
  return *this;
}

Hold::~Hold() {
  if (units_ > 0 && !engine::tearing_down())
    release();
}

void Hold::release() {
  if (units_ == 0)
    return;
  const int units = std::exchange(units_, 0);
  resource_->release(units);
}

void Hold::add(Hold&& other) {
  if (other.units_ == 0)
    return;
  if (units_ > 0 && resource_ != other.resource_)
    throw std::logic_error("a hold can only take over units of its own resource");
  resource_ = other.resource_;
  units_ += std::exchange(other.units_, 0);
  other.resource_ = nullptr;
}

} // namespace rongou
