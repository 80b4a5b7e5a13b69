#include "logic/MeasurementList.h"

#include <QCoreApplication>

#include <algorithm>

namespace lumen::logic {

namespace {
// The default names in the UI's language ("Länge 2"); the name is the user's text from then on.
class Names {
    Q_DECLARE_TR_FUNCTIONS(lumen::logic::MeasurementText)
public:
    static QString of(core::Measurement::Kind kind, std::size_t n) {
        switch (kind) {
            case core::Measurement::Kind::Length: return tr("Length %1").arg(n);
            case core::Measurement::Kind::Angle: return tr("Angle %1").arg(n);
            case core::Measurement::Kind::Ellipse: return tr("Ellipse %1").arg(n);
            case core::Measurement::Kind::Rectangle: return tr("Rectangle %1").arg(n);
        }
        return QString::number(n);
    }
};
}  // namespace

std::uint64_t MeasurementList::add(core::Measurement m) {
    m.id = nextId_++;
    if (m.label.empty()) {
        std::size_t sameKind = 1;
        for (const auto& existing : items_) sameKind += existing.kind == m.kind;
        m.label = Names::of(m.kind, sameKind).toStdString();
    }
    items_.push_back(std::move(m));
    return items_.back().id;
}

bool MeasurementList::remove(std::uint64_t id) {
    const auto it = std::find_if(items_.begin(), items_.end(), [&](const auto& m) { return m.id == id; });
    if (it == items_.end()) return false;
    items_.erase(it);
    if (selected_ == id) selected_.reset();
    return true;
}

const core::Measurement* MeasurementList::find(std::uint64_t id) const {
    for (const auto& m : items_)
        if (m.id == id) return &m;
    return nullptr;
}

void MeasurementList::setItems(std::vector<core::Measurement> items) {
    items_ = std::move(items);
    selected_.reset();
    nextId_ = 1;
    for (const auto& m : items_) nextId_ = std::max(nextId_, m.id + 1);
}

}  // namespace lumen::logic
