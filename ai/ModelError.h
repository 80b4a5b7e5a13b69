#pragma once
#include <stdexcept>
#include <string>

namespace lumen::ai {

// Anything wrong with a model package, a manifest, a registry entry or a model/input mismatch:
// the message is written for the user ("model.json: input.patch_size must have 3 entries").
class ModelError : public std::runtime_error {
public:
    explicit ModelError(const std::string& what) : std::runtime_error(what) {}
};

}  // namespace lumen::ai
