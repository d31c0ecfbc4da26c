#pragma once
#include <stdexcept>
#include <string>

namespace rongou {

// Bad input (a scenario, a platform, a results folder, a command line): the CLI turns it into
// exit code 2. The message already names the place.
class InputError : public std::runtime_error {
public:
  explicit InputError(const std::string& what) : std::runtime_error(what) {}
};

} // namespace rongou
