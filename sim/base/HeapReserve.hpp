#pragma once
// Memory a process will need, taken from the system in one go and kept for the rest of the
// process: a run's (its journal, trains' stacks, queues, from the scenario's memory estimate)
// or a report's (the results files it reads back).
//
// Taken a page at a time, every fresh page costs a page fault; on a virtual machine a fault
// costs 10-25 us, and a 10-year baseline took 41,000 of them, a quarter of its time
// (docs/performance.md). Populating the pages in one call costs a small part of that. The
// heap then keeps what is freed (no trimming, no separate mappings for large blocks), so that
// later allocations reuse pages already there instead of faulting in new ones; free pages go
// back only once the process outgrows the reserve.
#include <cstddef>

namespace rongou {

// Reserves about `bytes` of heap, populated, for the rest of the process, and keeps freed
// memory in the heap from now on. At most kMaxHeapReserveBytes; nothing below
// kMinHeapReserveBytes. Does nothing but the keeping where the C library or the kernel
// cannot (outside glibc; kernels before 5.14 have no MADV_POPULATE_WRITE), and nothing at
// all under AddressSanitizer, whose allocator stands in for the C library's and holds freed
// blocks back from reuse. Returns the bytes populated.
std::size_t reserve_heap(std::size_t bytes);

// Whether free pages should go back to the system now: always without a reserve; with one,
// once the process holds a quarter of the reserve more than it held when the reserve was
// taken (a long run whose freed stacks and buffers the heap cannot all reuse), so that idle
// pages stay a fraction of what the run needs.
bool heap_over_reserve();

inline constexpr std::size_t kMinHeapReserveBytes = std::size_t{1} << 20;
inline constexpr std::size_t kMaxHeapReserveBytes = std::size_t{1} << 30;

} // namespace rongou
