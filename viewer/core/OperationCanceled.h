#pragma once
#include <stdexcept>

namespace lumen::core {

// Thrown by a long operation that noticed its Progress was canceled.
class OperationCanceled : public std::runtime_error {
public:
    OperationCanceled() : std::runtime_error("operation canceled") {}
};

}  // namespace lumen::core
