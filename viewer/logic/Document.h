#pragma once
#include "core/LabelMap.h"
#include "io/ImageLoader.h"
#include "logic/MeasurementList.h"

#include <QObject>
#include <QString>

#include <optional>

namespace lumen::logic {

// The open series: image, overlay label map and measurements. Views observe it through its
// signals; tools and panels change it through its methods.
class Document : public QObject {
    Q_OBJECT
public:
    explicit Document(QObject* parent = nullptr) : QObject(parent) {}

    void setImage(io::LoadedImage image);
    void clear();
    bool hasImage() const { return !image_.volume.empty(); }
    const io::LoadedImage& image() const { return image_; }
    const core::Volume& volume() const { return image_.volume; }
    // What the title bar and corner text call this series.
    QString seriesTitle() const;

    void setLabels(std::optional<core::LabelMap> labels);
    const core::LabelMap* labels() const { return labels_ ? &*labels_ : nullptr; }

    const MeasurementList& measurements() const { return measurements_; }
    std::uint64_t addMeasurement(core::Measurement m);
    void removeMeasurement(std::uint64_t id);
    void selectMeasurement(std::optional<std::uint64_t> id);

    // Real value of the voxel nearest to a world point (time point t), if inside the volume.
    std::optional<double> valueAt(const core::Point3& world, std::size_t t = 0) const;

signals:
    void imageChanged();
    void labelsChanged();
    void measurementsChanged();

private:
    io::LoadedImage image_;
    std::optional<core::LabelMap> labels_;
    MeasurementList measurements_;
};

// "12.3 mm", "45.0°", "mean 40.1 ± 5.0 HU (min 12, max 80), 314 mm²": translated.
QString measurementText(const core::Measurement& m);
// What the view writes beside the shape: "12.3 mm", "40.1 ± 5.0 HU / 3.14 cm²".
QString measurementShortText(const core::Measurement& m);

}  // namespace lumen::logic
