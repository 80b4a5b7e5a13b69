#include "logic/ArrivingSeries.h"

#include "core/ParallelFor.h"
#include "io/DicomSeriesLoader.h"
#include "io/IoError.h"
#include "io/SeriesAssembler.h"
#include "io/StudyDatabase.h"

#include <QMetaObject>

#include <algorithm>
#include <cstring>
#include <sstream>
#include <vector>

namespace lumen::logic {

namespace {
// "a\b\c" → numbers; empty when a value is missing or not a number.
std::vector<double> numbers(const net::PacsRecord& r, const char* key) {
    std::vector<double> out;
    const auto it = r.find(key);
    if (it == r.end()) return out;
    std::stringstream in(it->second);
    for (std::string part; std::getline(in, part, '\\');) {
        try {
            out.push_back(std::stod(part));
        } catch (const std::exception&) {
            return {};
        }
    }
    return out;
}
// The grid with every voxel at the first image's lowest value: slices still to come show as
// background (black at any usual window), not as a plausible grey.
core::Volume blankLike(const core::Volume& slice, const core::ImageGeometry& grid) {
    core::Volume v = core::Volume::allocate(slice.pixelType(), grid);
    const std::size_t bytes = core::bytesPerVoxel(slice.pixelType()), n = slice.voxelsPerFrame();
    std::size_t lowest = 0;
    if (slice.pixelType() != core::PixelType::Rgb24)
        for (std::size_t i = 1; i < n; ++i)
            if (slice.storedValue(i) < slice.storedValue(lowest)) lowest = i;
    // One slice of the value, then copied slice by slice on every core: a fresh 200 MB buffer
    // costs its page faults as much as its bandwidth, and the first image waits for it.
    auto* out = static_cast<char*>(v.data());
    const std::size_t sliceBytes = slice.frameByteSize(), slices = grid.dims()[2];
    std::memcpy(out, static_cast<const char*>(slice.data()) + lowest * bytes, bytes);
    for (std::size_t done = bytes; done < sliceBytes; done *= 2) std::memcpy(out + done, out, std::min(done, sliceBytes - done));
    if (slices > 1) core::parallelFor(slices - 1, 0, [=](std::size_t k) { std::memcpy(out + (k + 1) * sliceBytes, out, sliceBytes); });
    return v;
}
}  // namespace

struct ArrivingSeries::Layout {
    io::ImageStack stack;
    std::map<std::string, std::size_t> sliceOf;   // SOP instance UID → slice
    std::map<std::string, std::size_t> recordOf;  // SOP instance UID → index into stack.instances
    io::LoadedImage image;                         // records of the patient, study, series
};

ArrivingSeries::ArrivingSeries(QString databasePath, QString seriesUid, PacsInstanceList listed, QObject* parent)
    : QObject(parent), databasePath_(std::move(databasePath)), seriesUid_(std::move(seriesUid)), listed_(std::move(listed)) {
    notify_.setSingleShot(true);
    notify_.setInterval(100);
    connect(&notify_, &QTimer::timeout, this, [this] { emit landedMore(landed_, total()); });
    worker_ = std::thread([this] { work(); });
}

ArrivingSeries::~ArrivingSeries() {
    {
        std::lock_guard lock(mutex_);
        stop_ = true;
    }
    wake_.notify_all();
    worker_.join();
}

int ArrivingSeries::total() const { return listed_ ? int(listed_->size()) : 0; }

void ArrivingSeries::add(const InstanceBatch& records) {
    if (!records) return;
    {
        std::lock_guard lock(mutex_);
        queue_.insert(queue_.end(), records->begin(), records->end());
    }
    wake_.notify_all();
}

// The listed instances as records that look like the first one but for UID, number, position
// and orientation, assembled as a finished series would be.
bool ArrivingSeries::layOut(const core::InstanceRecord& first) {
    auto failWith = [this](const QString& why) {
        QMetaObject::invokeMethod(this, [this, why] { emit unsuitable(why); });
        return false;
    };
    if (!first.hasPixelData) return failWith(tr("not an image series"));
    if (first.numberOfFrames > 1) return failWith(tr("multi-frame images"));
    core::SeriesRecord series;
    series.seriesUid = seriesUid_.toStdString();
    for (const net::PacsRecord& listed : *listed_) {
        const auto uid = listed.find("SOPInstanceUID");
        if (uid == listed.end()) return failWith(tr("the PACS lists an instance without its UID"));
        if (uid->second == first.sopInstanceUid) {
            series.instances.push_back(first);
            continue;
        }
        const std::vector<double> p = numbers(listed, "ImagePositionPatient"), o = numbers(listed, "ImageOrientationPatient");
        if (p.size() != 3) return failWith(tr("the PACS does not list the images' positions"));
        core::InstanceRecord r = first;
        r.filePath.clear();
        r.sopInstanceUid = uid->second;
        r.position = core::Point3{p[0], p[1], p[2]};
        if (o.size() == 6) r.orientation = std::array<double, 6>{o[0], o[1], o[2], o[3], o[4], o[5]};
        const std::vector<double> number = numbers(listed, "InstanceNumber");
        r.instanceNumber = number.size() == 1 ? std::optional<int>(int(number[0])) : std::nullopt;
        series.instances.push_back(std::move(r));
    }
    std::vector<io::ImageStack> stacks;
    try {
        stacks = io::SeriesAssembler::assemble(series);
    } catch (const io::IoError& e) {
        return failWith(QString::fromStdString(e.what()));
    }
    if (stacks.empty()) return failWith(tr("no images"));
    auto layout = std::make_unique<Layout>();
    layout->stack = *std::max_element(stacks.begin(), stacks.end(), [](const auto& a, const auto& b) { return a.frames.size() < b.frames.size(); });
    const io::ImageStack& stack = layout->stack;
    if (stack.needsResampling()) return failWith(tr("irregular slice spacing"));
    if (stack.timePoints > 1) return failWith(tr("several time points"));
    for (std::size_t i = 0; i < stack.instances.size(); ++i) layout->recordOf[stack.instances[i].sopInstanceUid] = i;
    for (std::size_t k = 0; k < stack.frames.size(); ++k)
        if (stack.frames[k].instance != io::StackFrame::kGap) layout->sliceOf[stack.instances[stack.frames[k].instance].sopInstanceUid] = k;
    io::StudyDatabase db(databasePath_.toStdString());
    if (auto record = db.series(series.seriesUid)) {
        layout->image.series = *record;
        layout->image.series.instances.clear();
    }
    if (auto context = db.context(series.seriesUid)) layout->image.patient = context->first, layout->image.study = context->second;
    layout->image.fromDicom = true;
    layout->image.windowCenter = first.windowCenter, layout->image.windowWidth = first.windowWidth;
    layout->image.files = stack.instances.size();
    layout_ = std::move(layout);
    return true;
}

void ArrivingSeries::work() {
    for (;;) {
        core::InstanceRecord record;
        {
            std::unique_lock lock(mutex_);
            wake_.wait(lock, [this] { return stop_ || !queue_.empty(); });
            if (stop_) return;
            record = std::move(queue_.front());
            queue_.pop_front();
        }
        try {
            take(record);
        } catch (const std::exception& e) {  // the database or memory failed: the final load says why, or shows it all
            if (!layout_) {
                failed_ = true;
                QMetaObject::invokeMethod(this, [this, why = QString::fromStdString(e.what())] { emit unsuitable(why); });
            }
        }
    }
}

// One instance now in the database: laid out (the first), decoded, and its slice handed to the
// owner's thread. An unreadable image leaves its slice blank; the final load says why.
void ArrivingSeries::take(const core::InstanceRecord& record) {
    if (!layout_ && (failed_ || !layOut(record))) {
        failed_ = true;
        return;
    }
    const auto slice = layout_->sliceOf.find(record.sopInstanceUid);
    if (slice == layout_->sliceOf.end()) return;  // not in the largest stack (a localizer)
    layout_->stack.instances[layout_->recordOf.at(record.sopInstanceUid)] = record;
    std::shared_ptr<core::Volume> pixels;
    try {
        pixels = std::make_shared<core::Volume>(io::DicomSeriesLoader::loadSlice(layout_->stack, slice->second));
    } catch (const io::IoError&) {
        return;
    }
    std::shared_ptr<io::LoadedImage> blank;  // allocated and filled here: a second of memory traffic off the GUI thread
    if (!allocated_) {
        blank = std::make_shared<io::LoadedImage>(layout_->image);
        blank->volume = blankLike(*pixels, layout_->stack.geometry);
        blank->volume.setRescale(pixels->rescale());
        allocated_ = true;
    }
    QMetaObject::invokeMethod(this, [this, k = slice->second, pixels, blank] {
        if (blank) image_ = blank;
        if (image_) place(k, *pixels);
    });
}

void ArrivingSeries::place(std::size_t slice, const core::Volume& pixels) {
    core::Volume& volume = image_->volume;
    // A slice of another type or rescale than the first waits for the final load.
    if (pixels.pixelType() != volume.pixelType() || !(pixels.rescale() == volume.rescale()) || pixels.frameByteSize() * volume.geometry().dims()[2] != volume.frameByteSize()) return;
    std::memcpy(static_cast<char*>(volume.data()) + slice * pixels.frameByteSize(), pixels.data(), pixels.frameByteSize());
    ++landed_;
    if (landed_ == 1) return emit ready(image_);
    if (!notify_.isActive()) notify_.start();
}

}  // namespace lumen::logic
