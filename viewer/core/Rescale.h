#pragma once
#include <string>

namespace lumen::core {

// Modality rescale: real value = slope · stored + intercept (HU for CT, SUV-ready counts for PET).
struct Rescale {
    double slope = 1.0;
    double intercept = 0.0;
    std::string units;  // "HU", "US" (unspecified), ... as in RescaleType; empty when unknown

    double apply(double stored) const { return slope * stored + intercept; }
    bool isIdentity() const { return slope == 1.0 && intercept == 0.0; }
    bool operator==(const Rescale& o) const {
        return slope == o.slope && intercept == o.intercept && units == o.units;
    }
};

}  // namespace lumen::core
