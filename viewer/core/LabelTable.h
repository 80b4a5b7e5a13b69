#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace lumen::core {

struct Rgba {
    std::uint8_t r = 0, g = 0, b = 0, a = 255;
    bool operator==(const Rgba& o) const { return r == o.r && g == o.g && b == o.b && a == o.a; }
};

struct Label {
    std::uint16_t value = 0;  // 0 is background and never in the table
    std::string name;
    Rgba color;
};

// The labels of a LabelMap: value → name and colour, kept sorted by value.
class LabelTable {
public:
    const std::vector<Label>& labels() const { return labels_; }
    std::size_t size() const { return labels_.size(); }
    bool empty() const { return labels_.empty(); }

    // Adds or replaces the label with this value. Throws std::invalid_argument for value 0.
    void set(const Label& label);
    bool remove(std::uint16_t value);
    const Label* find(std::uint16_t value) const;
    std::uint16_t nextFreeValue() const;

    // A distinct, stable colour per label value for labels created without one.
    static Rgba defaultColor(std::uint16_t value);
    // For a new label: of the palette's colours, the one farthest from every colour in the table
    // (a model's labels bring their own colours, and a new segment looked like one of them).
    Rgba distinctColor() const;

    bool operator==(const LabelTable& o) const;

private:
    std::vector<Label> labels_;
};

}  // namespace lumen::core
