#include "logic/BackgroundPriority.h"

#ifdef __linux__
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

namespace lumen::logic {

void lowerCurrentThreadPriority(int steps) {
#ifdef __linux__
    // On Linux a nice value belongs to the thread (its tid), not to the whole process.
    const auto tid = static_cast<id_t>(::syscall(SYS_gettid));
    ::setpriority(PRIO_PROCESS, tid, ::getpriority(PRIO_PROCESS, tid) + steps);
#endif
}

}  // namespace lumen::logic
