#include "base/HeapReserve.hpp"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <optional>
#if defined(__GLIBC__)
#include <malloc.h>
#include <sys/mman.h>
#endif
#include <unistd.h>

namespace rongou {

namespace {
// With a reserve: free pages go back only above this resident memory. Without one (none
// asked for, or none could be taken) they go back as they always did.
std::optional<double> resident_limit_bytes;

// Resident memory of this process, from /proc/self/statm (0 where there is none).
double resident_bytes() {
  std::FILE* statm = std::fopen("/proc/self/statm", "r");
  if (!statm)
    return 0.0;
  unsigned long size = 0, resident = 0;
  const bool read = std::fscanf(statm, "%lu %lu", &size, &resident) == 2;
  std::fclose(statm);
  return read ? static_cast<double>(resident) * static_cast<double>(sysconf(_SC_PAGESIZE)) : 0.0;
}
} // namespace

bool heap_over_reserve() { return !resident_limit_bytes || resident_bytes() > *resident_limit_bytes; }

std::size_t reserve_heap(std::size_t bytes) {
#if defined(__GLIBC__) && !defined(__SANITIZE_ADDRESS__)
  // Every block from the heap, and the heap's top kept when blocks are freed: a block
  // given back to the system would come back as fresh pages, one fault each.
  mallopt(M_MMAP_THRESHOLD, static_cast<int>(kMaxHeapReserveBytes));
  // One arena: a thread's blocks come out of the reserve too, not out of a heap of its own.
  mallopt(M_ARENA_MAX, 1);
  mallopt(M_TRIM_THRESHOLD, static_cast<int>(kMaxHeapReserveBytes));
  if (bytes < kMinHeapReserveBytes)
    return 0;
  bytes = std::min(bytes, kMaxHeapReserveBytes);
  void* block = std::malloc(bytes);
  if (!block)
    return 0;
  const auto page = static_cast<std::uintptr_t>(sysconf(_SC_PAGESIZE));
  const auto from = (reinterpret_cast<std::uintptr_t>(block) + page - 1) & ~(page - 1);
  const auto to = (reinterpret_cast<std::uintptr_t>(block) + bytes) & ~(page - 1);
  std::size_t populated = 0;
#ifdef MADV_POPULATE_WRITE
  if (to > from && madvise(reinterpret_cast<void*>(from), to - from, MADV_POPULATE_WRITE) == 0)
    populated = to - from;
#endif
  std::free(block); // stays in the heap, populated, for what the run allocates next
  resident_limit_bytes = resident_bytes() + static_cast<double>(bytes) / 4.0;
  return populated;
#else
  (void)bytes;
  return 0;
#endif
}

} // namespace rongou
