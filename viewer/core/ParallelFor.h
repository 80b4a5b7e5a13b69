#pragma once
#include <cstddef>
#include <functional>

namespace lumen::core {

// Runs body(i) for i in [0, count) on up to `threads` threads (0 = all cores), handing out
// indices dynamically so uneven items balance. The first exception stops the remaining
// items and is rethrown on the calling thread.
void parallelFor(std::size_t count, unsigned threads, const std::function<void(std::size_t)>& body);

// Number of hardware threads, at least 1.
unsigned hardwareThreads();

}  // namespace lumen::core
