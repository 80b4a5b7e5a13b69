#include "ui/ViewerLayout.h"

#include "logic/Document.h"
#include "logic/ViewLinker.h"
#include "ui/SliceView.h"
#include "ui/VolumeView.h"

#include <QGridLayout>

#include <utility>

namespace lumen::ui {

using core::ViewOrientation;

ViewerLayout::ViewerLayout(logic::Document* primary, logic::Document* secondary, QWidget* parent)
    : QWidget(parent), primary_(primary), secondary_(secondary) {
    grid_ = new QGridLayout(this);
    grid_->setContentsMargins(0, 0, 0, 0);
    grid_->setSpacing(2);
    const ViewOrientation orientations[4] = {ViewOrientation::Axial, ViewOrientation::Coronal, ViewOrientation::Sagittal,
                                             ViewOrientation::Axial};
    for (int i = 0; i < 4; ++i) {
        auto* view = new SliceView(orientations[i], this);
        view->setObjectName(QString("sliceView%1").arg(i));
        view->setDocument(primary_);
        connect(view, &SliceView::activated, this, [this](SliceView* v) {
            active_ = v;
            emit activeViewChanged(v);
        });
        connect(view, &SliceView::scrolled, this, &ViewerLayout::onScrolled);
        connect(view, &SliceView::crosshairRequested, this, &ViewerLayout::onCrosshair);
        connect(view, &SliceView::cursorInfo, this, &ViewerLayout::cursorInfo);
        // Views of one series share its window (RadiAnt, Slicer): a drag or preset in one is in all.
        connect(view, &SliceView::windowLevelChanged, this, [this](SliceView* from) {
            if (std::exchange(linkingWindow_, true)) return;
            for (auto* other : slices_)
                if (other != from && other->document() == from->document()) other->setWindowLevel(from->state().windowLevel());
            linkingWindow_ = false;
        });
        slices_[std::size_t(i)] = view;
    }
    volume_ = new VolumeView(this);
    volume_->setObjectName("volumeView");
    volume_->setDocument(primary_);
    active_ = slices_[0];
    connect(primary_, &logic::Document::imageChanged, this, [this] {
        // A new series: the crosshair starts at its centre.
        if (primary_->hasImage()) {
            const auto& g = primary_->volume().geometry();
            setCrosshair(g.indexToWorld({(g.dims()[0] - 1) / 2.0, (g.dims()[1] - 1) / 2.0, (g.dims()[2] - 1) / 2.0}));
        }
    });
    arrange();
}

void ViewerLayout::setViewLayout(Layout layout) {
    layout_ = layout;
    arrange();
    // Once the grid has given the views their new sizes: each shows its whole image (a zoom
    // fitted to the old layout cut the image off or left it small).
    QMetaObject::invokeMethod(this, [this] {
        for (auto* v : visibleSliceViews()) v->fitToView();
    }, Qt::QueuedConnection);
}

void ViewerLayout::setComparison(bool compare) {
    comparing_ = compare;
    slices_[1]->setDocument(compare ? secondary_ : primary_);
    if (compare) slices_[1]->setOrientation(ViewOrientation::Axial);
    arrange();
}

void ViewerLayout::arrange() {
    for (auto* v : slices_) {
        grid_->removeWidget(v);
        v->hide();
    }
    grid_->removeWidget(volume_);
    volume_->hide();
    auto place = [&](QWidget* w, int row, int column) {
        grid_->addWidget(w, row, column);
        w->show();
    };
    const bool mpr = layout_ == Layout::Mpr;
    // Slot orientations per layout (slot 1 shows the prior when comparing).
    const ViewOrientation mprOrder[3] = {ViewOrientation::Axial, ViewOrientation::Coronal, ViewOrientation::Sagittal};
    if (mpr || layout_ == Layout::Grid)
        for (int i = 0; i < 3; ++i)
            if (!(comparing_ && i == 1) && slices_[std::size_t(i)]->orientation() != mprOrder[i])
                slices_[std::size_t(i)]->setOrientation(mprOrder[i]);
    switch (layout_) {
        case Layout::Single: place(slices_[0], 0, 0); break;
        case Layout::SideBySide:
            place(slices_[0], 0, 0);
            place(slices_[1], 0, 1);
            break;
        case Layout::Grid:
            place(slices_[0], 0, 0);
            place(slices_[1], 0, 1);
            place(slices_[2], 1, 0);
            place(slices_[3], 1, 1);
            break;
        case Layout::Mpr:
            place(slices_[0], 0, 0);
            place(slices_[1], 0, 1);
            place(slices_[2], 1, 0);
            place(volume_, 1, 1);
            break;
    }
    // Only rows and columns in use take space.
    const int rows = layout_ == Layout::Single || layout_ == Layout::SideBySide ? 1 : 2;
    const int columns = layout_ == Layout::Single ? 1 : 2;
    for (int r = 0; r < 2; ++r) grid_->setRowStretch(r, r < rows ? 1 : 0);
    for (int c = 0; c < 2; ++c) grid_->setColumnStretch(c, c < columns ? 1 : 0);
    for (auto* v : slices_) v->setCrosshair(mpr ? crosshair_ : std::nullopt);
    if (!active_ || !active_->isVisible()) active_ = slices_[0];
}

std::vector<SliceView*> ViewerLayout::visibleSliceViews() const {
    std::vector<SliceView*> out;
    for (auto* v : slices_)
        if (!v->isHidden()) out.push_back(v);
    return out;
}

void ViewerLayout::setLinkedScrolling(bool linked) {
    linked_ = linked;
    if (linked && active_) onScrolled(active_);  // else nothing showed it was on until the next scroll
}

void ViewerLayout::setMode(InteractionMode mode) {
    for (auto* v : slices_) v->setMode(mode);
}

void ViewerLayout::setSegmentEditor(logic::SegmentEditor* editor) {
    for (auto* v : slices_) v->setSegmentEditor(editor);
}

void ViewerLayout::setInteractiveSegmentation(logic::InteractiveSegmentation* interactive) {
    for (auto* v : slices_) v->setInteractiveSegmentation(interactive);
}

void ViewerLayout::setAlignedToGrid(bool aligned) {
    for (auto* v : slices_) {
        v->setAlignedToGrid(aligned);
        if (crosshair_ && layout_ == Layout::Mpr) v->moveTo(*crosshair_);
    }
}

void ViewerLayout::setHidePatientIdentity(bool hide) {
    for (auto* v : slices_) v->setHidePatientIdentity(hide);
}

void ViewerLayout::setOverlayStyle(const render::OverlayStyle& style) {
    for (auto* v : slices_) v->setOverlayStyle(style);
}

void ViewerLayout::setCrosshair(const std::optional<core::Point3>& point) {
    crosshair_ = point;
    for (auto* v : slices_) v->setCrosshair(layout_ == Layout::Mpr ? point : std::nullopt);
}

void ViewerLayout::applyWindowLevelPreset(int index) {
    if (active_) active_->applyWindowLevelPreset(index);  // the series' other views follow
}

void ViewerLayout::onCrosshair(const core::Point3& point) {
    setCrosshair(point);
    if (layout_ != Layout::Mpr) return;
    // Every other MPR view moves its plane through the point (the one clicked already shows it).
    auto* source = qobject_cast<SliceView*>(sender());
    for (int i = 0; i < 3; ++i)
        if (slices_[std::size_t(i)] != source) slices_[std::size_t(i)]->moveTo(point);
}

void ViewerLayout::onScrolled(SliceView* view) {
    if (layout_ == Layout::Mpr) {
        // The crosshair follows the scrolled plane.
        if (crosshair_) {
            const core::Vector3 n = view->state().viewDirection();
            setCrosshair(*crosshair_ + n * (view->state().center() - *crosshair_).dot(n));
        }
        return;
    }
    if (!linked_) return;
    auto frameOf = [](const SliceView* v) {
        return v->document() && v->document()->hasImage() ? v->document()->image().series.frameOfReferenceUid : std::string();
    };
    for (auto* other : visibleSliceViews()) {
        if (other == view || other->document() == view->document() || other->orientation() != view->orientation()) continue;
        if (logic::ViewLinker::syncScroll(view->state(), frameOf(view), other->state(), frameOf(other)))
            other->moveTo(view->state().center());
    }
}

}  // namespace lumen::ui
