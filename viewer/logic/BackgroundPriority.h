#pragma once

namespace lumen::logic {

// Lowers the calling thread's scheduling priority (Linux: nice +5 for this thread; the worker
// threads it starts inherit it). Jobs call it first so that, on a two-core machine, decoding on
// every core does not starve the GUI thread: the viewer keeps painting while a series loads.
// The AI worker process takes 10 (set in the child before exec): its LibTorch threads on every
// core would otherwise starve the GUI thread and the software renderer's threads it waits for.
void lowerCurrentThreadPriority(int steps = 5);

}  // namespace lumen::logic
