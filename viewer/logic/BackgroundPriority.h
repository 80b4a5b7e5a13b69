#pragma once

namespace lumen::logic {

// Lowers the calling thread's scheduling priority (Linux: nice +5 for this thread; the worker
// threads it starts inherit it). Jobs call it first so that, on a two-core machine, decoding on
// every core does not starve the GUI thread: the viewer keeps painting while a series loads.
void lowerCurrentThreadPriority();

}  // namespace lumen::logic
