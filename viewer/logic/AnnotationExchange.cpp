#include "logic/AnnotationExchange.h"

#include "core/AtomicFile.h"
#include "io/AnnotationJson.h"
#include "io/DicomRtStructure.h"
#include "io/DicomSegmentation.h"
#include "io/DicomStructuredReport.h"
#include "io/ImageFileWriter.h"
#include "io/IoError.h"
#include "io/LabelMapReader.h"
#include "io/LabelMapWriter.h"
#include "logic/Document.h"

#include <algorithm>
#include <filesystem>
#include <set>
#include <stdexcept>

namespace lumen::logic {

namespace {

const io::ImageStack& dicomSource(const AnnotationExchange::Snapshot& s, const std::string& path) {
    if (!s.fromDicom || s.source.instances.empty())
        throw io::IoError(path, "DICOM SEG, SR and RTSTRUCT need a DICOM series to reference; this image is not one");
    return s.source;
}

}  // namespace

namespace {

// A model's proposed labels are not annotations until accepted: exports leave them out.
core::AnnotationSet withoutProposals(core::AnnotationSet set) {
    std::set<std::uint16_t> proposed;
    for (const auto& s : set.segments)
        if (s.proposed) proposed.insert(s.value);
    if (proposed.empty() || set.labels.empty()) return set;
    core::LabelTable table = set.labels.labels();
    for (auto v : proposed) table.remove(v);
    core::LabelMap labels = core::LabelMap::fromVolume(set.labels.voxels().clone(), table);
    for (std::size_t v = 0; v < labels.geometry().voxelCount(); ++v)
        if (proposed.count(labels.at(v))) labels.set(v, 0);
    set.labels = std::move(labels);
    set.segments.erase(std::remove_if(set.segments.begin(), set.segments.end(), [](const core::SegmentInfo& s) { return s.proposed; }),
                       set.segments.end());
    return set;
}

}  // namespace

AnnotationExchange::Snapshot AnnotationExchange::target(const Document& document) {
    Snapshot s;
    if (!document.hasImage()) return s;
    s.fromDicom = document.image().fromDicom;
    s.source = document.image().stack;
    s.seriesUid = document.image().series.seriesUid;
    s.grid = document.volume().geometry();
    return s;
}

AnnotationExchange::Snapshot AnnotationExchange::snapshot(const Document& document) {
    Snapshot s = target(document);
    if (!document.hasImage()) return s;
    s.set = withoutProposals(document.annotations());
    if (!s.set.labels.empty() && s.set.labels.voxels().sharesVoxelsWith(document.annotations().labels.voxels()))
        s.set.labels = s.set.labels.clone();
    return s;
}

void AnnotationExchange::write(const Snapshot& snapshot, Format format, const std::string& path) {
    const core::AnnotationSet& set = snapshot.set;
    switch (format) {
        case Format::DicomSeg: {
            const io::ImageStack& source = dicomSource(snapshot, path);
            if (set.labels.empty() || set.labels.histogram().empty()) throw io::IoError(path, "there are no labelled voxels to export (a model's proposals count once accepted)");
            if (source.needsResampling()) throw io::IoError(path, "the series is tilted or irregular: a SEG needs one frame per source slice");
            io::DicomSegmentation::write(set, source, path);
            break;
        }
        case Format::DicomSr:
            io::DicomStructuredReport::write(set, dicomSource(snapshot, path), path);
            break;
        case Format::DicomRtStruct: {
            const io::ImageStack& source = dicomSource(snapshot, path);
            if (set.labels.empty() || set.labels.histogram().empty()) throw io::IoError(path, "there are no labelled voxels to export (a model's proposals count once accepted)");
            io::DicomRtStructure::write(set, source, path);
            break;
        }
        case Format::NiftiLabels:
        case Format::SlicerSegmentation:
            if (set.labels.empty()) throw io::IoError(path, "there is no label map to export");
            io::LabelMapWriter::write(set, path);
            break;
    }
}

std::vector<std::string> AnnotationExchange::exportForSending(const Document& document, const std::string& folder) {
    const std::vector<std::string> files = writeDicomObjects(snapshot(document), folder);
    if (files.empty()) throw io::IoError(folder, "there is nothing to send: no labelled voxels, findings, measurements or classifications (a model's proposals count once accepted)");
    return files;
}

std::vector<std::string> AnnotationExchange::writeDicomObjects(const Snapshot& snap, const std::string& folder) {
    dicomSource(snap, folder);
    const core::AnnotationSet& set = snap.set;
    std::vector<std::string> files;
    if (!set.labels.empty() && !set.labels.histogram().empty()) {
        files.push_back(folder + "/segmentation.dcm");
        write(snap, Format::DicomSeg, files.back());
    }
    const bool reviewedFinding = std::any_of(set.findings.begin(), set.findings.end(), [](const core::Finding& f) {
        return f.status != core::Finding::Status::Proposed && f.status != core::Finding::Status::Rejected;
    });
    if (reviewedFinding || !set.measurements.empty() || !set.classifications.empty()) {
        files.push_back(folder + "/report.dcm");
        write(snap, Format::DicomSr, files.back());
    }
    return files;
}

namespace {
bool near(const core::Point3& a, const core::Point3& b) { return (a - b).norm() < 0.01; }  // SR stores 0.01 mm or finer

template <typename T, typename Same>
void addNew(std::vector<T>& into, const std::vector<T>& from, Same same) {
    const std::size_t existing = into.size();
    for (const T& item : from)
        if (std::none_of(into.begin(), into.begin() + std::ptrdiff_t(existing), [&](const T& x) { return same(x, item); }))
            into.push_back(item);
}
}  // namespace

AnnotationExchange::Imported AnnotationExchange::read(const Snapshot& target, Format format, const std::string& path) {
    Imported in;
    in.format = format;
    in.seriesUid = target.seriesUid;
    switch (format) {
        case Format::DicomSeg: {
            std::size_t overlaps = 0;
            in.set = io::DicomSegmentation::read(path, dicomSource(target, path), &overlaps);
            if (overlaps) in.warnings.push_back(std::to_string(overlaps) + " voxels belong to more than one segment; the higher segment number was kept");
            break;
        }
        case Format::DicomRtStruct: {
            io::DicomRtStructure::Result rt = io::DicomRtStructure::read(path, dicomSource(target, path));
            in.warnings = rt.warnings;
            if (rt.overlaps) in.warnings.push_back(std::to_string(rt.overlaps) + " voxels lie inside more than one structure; the smaller structure keeps them");
            in.set = std::move(rt.set);
            break;
        }
        case Format::NiftiLabels:
        case Format::SlicerSegmentation: {
            if (target.grid.voxelCount() == 0) throw io::IoError(path, "open a series first");
            in.set.labels = io::LabelMapReader::read(path, target.grid, &in.warnings);
            if (std::filesystem::exists(io::labelSidecarPath(path)) && !io::LabelMapWriter::isSlicerPath(path)) {
                try {  // Lumen's own sidecar: names, colours, codes and provenance
                    core::AnnotationSet sidecar;
                    io::readLabelSidecar(io::readAnnotationText(io::labelSidecarPath(path)), sidecar);
                    for (const auto& l : sidecar.labels.labels().labels()) in.set.labels.labels().set(l);
                    in.set.segments = sidecar.segments;
                } catch (const io::AnnotationFormatError& e) {
                    in.warnings.push_back(io::labelSidecarPath(path) + " was not read: " + e.what());
                }
            }
            break;
        }
        case Format::DicomSr: {
            in.set = io::DicomStructuredReport::read(path);
            if (!in.set.seriesInstanceUid.empty() && target.fromDicom && in.set.seriesInstanceUid != in.seriesUid)
                throw io::IoError(path, "the report refers to another series (" + in.set.seriesInstanceUid + ")");
            break;
        }
    }
    return in;
}

void AnnotationExchange::apply(Document& document, Imported in) {
    if (!document.hasImage() || document.image().series.seriesUid != in.seriesUid)
        throw std::runtime_error("Another series was opened while the file was read; nothing was changed.");
    core::AnnotationSet set = document.annotations();
    if (in.format != Format::DicomSr) {
        set.labels = std::move(in.set.labels);
        set.segments = std::move(in.set.segments);
        document.setAnnotations(std::move(set), true);
        return;
    }
    // What is already here is not added again: importing a report twice, or one exported from
    // this document, must not double every item.
    const core::AnnotationSet& report = in.set;
    addNew(set.findings, report.findings, [](const core::Finding& a, const core::Finding& b) {
        return a.className == b.className && near(a.boxMin, b.boxMin) && near(a.boxMax, b.boxMax);
    });
    addNew(set.measurements, report.measurements, [](const core::Measurement& a, const core::Measurement& b) {
        return a.kind == b.kind && a.points.size() == b.points.size() && std::equal(a.points.begin(), a.points.end(), b.points.begin(), near);
    });
    addNew(set.classifications, report.classifications, [](const core::Classification& a, const core::Classification& b) {
        return a.className == b.className && a.level == b.level && a.provenance.source == b.provenance.source;
    });
    // Ids stay unique within the document.
    std::uint64_t next = 1;
    for (auto& f : set.findings) f.id = next++;
    next = 1;
    for (auto& m : set.measurements) m.id = next++;
    document.setAnnotations(std::move(set), true);
}

std::vector<std::string> AnnotationExchange::importFrom(Document& document, Format format, const std::string& path) {
    Imported in = read(target(document), format, path);
    std::vector<std::string> warnings = in.warnings;
    apply(document, std::move(in));
    return warnings;
}

}  // namespace lumen::logic
