#pragma once
#include "core/Volume.h"

namespace lumen::core {

// The volume's real values (stored values through its rescale) as a volume of its own, in
// the narrowest type that holds them exactly: the same voxels when the rescale is identity,
// int16 when slope and intercept are integers and the range fits, float32 otherwise.
Volume toRealValues(const Volume& volume);

}  // namespace lumen::core
