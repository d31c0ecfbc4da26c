// A process's memory taken at once: the pages are there before they are used, they stay
// when freed, and free pages go back only once the process outgrows its reserve.
#include <gtest/gtest.h>

#include <cstdio>
#include <unistd.h>
#include <vector>

#include "base/HeapReserve.hpp"

using namespace rongou;

#if defined(__SANITIZE_ADDRESS__)
// AddressSanitizer's allocator holds freed blocks back from reuse: a reserve would be pages
// populated for nothing.
TEST(HeapReserve, UnderAddressSanitizerNothingIsReservedAndFreePagesGoBack) {
  EXPECT_EQ(reserve_heap(std::size_t{32} << 20), 0u);
  EXPECT_TRUE(heap_over_reserve());
}
#else

namespace {

double resident_mb() {
  std::FILE* statm = std::fopen("/proc/self/statm", "r");
  if (!statm)
    return 0.0;
  unsigned long size = 0, resident = 0;
  const int read = std::fscanf(statm, "%lu %lu", &size, &resident);
  std::fclose(statm);
  return read == 2 ? static_cast<double>(resident) * static_cast<double>(sysconf(_SC_PAGESIZE)) / 1048576.0 : 0.0;
}

} // namespace

TEST(HeapReserve, PagesAreThereAtOnceAndFreePagesGoBackOnlyPastTheReserve) {
  EXPECT_TRUE(heap_over_reserve()) << "without a reserve, free pages go back as they always did";
  constexpr std::size_t kReserve = std::size_t{32} << 20;
  const double before_mb = resident_mb();
  const std::size_t populated = reserve_heap(kReserve);
  if (populated > 0) { // glibc on Linux 5.14 or later
    EXPECT_GE(populated, kReserve - 2 * static_cast<std::size_t>(sysconf(_SC_PAGESIZE)));
    EXPECT_GE(resident_mb() - before_mb, 30.0) << "the reserve is resident once taken";
  }
  EXPECT_FALSE(heap_over_reserve());
  {
    // Memory the process then uses comes out of the reserve: it does not grow.
    std::vector<char> used(kReserve / 2, 1);
    EXPECT_FALSE(heap_over_reserve());
    if (populated > 0) {
      EXPECT_LT(resident_mb() - before_mb, 40.0) << "the block came from the reserved pages";
    }
  }
  // Holding as much again as the reserve beyond it (more than the quarter allowed): free
  // pages may go back now.
  std::vector<std::vector<char>> beyond;
  for (int i = 0; i < 3; ++i)
    beyond.emplace_back(kReserve, 1);
  EXPECT_TRUE(heap_over_reserve());
}
#endif
