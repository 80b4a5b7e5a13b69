#include "io/DicomSegmentation.h"

#include "io/AtomicFile.h"
#include "io/ImageLoader.h"
#include "io/IoError.h"
#include "io/internal/DcmtkSupport.h"
#include "io/internal/DicomFileLoad.h"

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmfg/fgderimg.h>
#include <dcmtk/dcmfg/fgfracon.h>
#include <dcmtk/dcmfg/fgpixmsr.h>
#include <dcmtk/dcmfg/fgplanor.h>
#include <dcmtk/dcmfg/fgplanpo.h>
#include <dcmtk/dcmfg/fgseg.h>
#include <dcmtk/dcmiod/cielabutil.h>
#include <dcmtk/dcmiod/iodreferences.h>
#include <dcmtk/dcmseg/segdoc.h>
#include <dcmtk/dcmseg/segment.h>
#include <dcmtk/dcmseg/segutils.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <memory>

namespace lumen::io {

namespace {

using internal::check;
std::string number(double v) { return internal::decimalString(v); }

DcmSegTypes::E_SegmentAlgoType algorithmType(const core::Provenance& p) {
    if (!p.fromModel()) return DcmSegTypes::SAT_MANUAL;
    return p.editedByUser ? DcmSegTypes::SAT_SEMIAUTOMATIC : DcmSegTypes::SAT_AUTOMATIC;
}

std::string frameOfReference(const ImageStack& source) {
    return source.instances.empty() ? std::string() : internal::frameOfReferenceUid(source.instances.front().filePath);
}

}  // namespace

ImageStack DicomSegmentation::sourceStack(const std::string& seriesPath) {
    internal::ensureDcmtkReady();
    ImageStack stack = ImageLoader::dicomStack(seriesPath);  // the one the viewer opens
    if (stack.needsResampling())
        throw IoError(seriesPath, "the series is tilted or irregularly spaced; a segmentation needs one frame per source slice");
    for (const auto& f : stack.frames)
        if (f.instance == StackFrame::kGap) throw IoError(seriesPath, "the series has missing slices");
    return stack;
}

void DicomSegmentation::write(const core::AnnotationSet& set, const ImageStack& source, const std::string& path) {
    internal::ensureDcmtkReady();
    const core::LabelMap& labels = set.labels;
    const auto& g = source.geometry;
    if (labels.empty() || !labels.fits(g)) throw IoError(path, "the label map does not lie on the source series' grid");
    if (source.timePoints != 1) throw IoError(path, "segmentations of 4D series are not supported");
    const auto& d = g.dims();
    if (d[0] > 65535 || d[1] > 65535) throw IoError(path, "slices are too large for DICOM");

    IODGeneralEquipmentModule::EquipmentInfo equipment("Lumen", "Lumen", "1", "1.0");
    ContentIdentificationMacro content("1", "SEGMENTATION", "Lumen segmentation", "Lumen^Software");
    DcmSegmentation* raw = nullptr;
    check(DcmSegmentation::createBinarySegmentation(raw, static_cast<Uint16>(d[1]), static_cast<Uint16>(d[0]), equipment, content),
          path, "creating the segmentation");
    std::unique_ptr<DcmSegmentation> seg(raw);
    check(seg->importFromSourceImage(source.instances.front().filePath.c_str()), path, "reading the source's patient and study");
    seg->getSeries().setSeriesDescription("Lumen segmentation");
    seg->getSeries().setSeriesNumber("300");

    FGPixelMeasures measures;
    measures.setPixelSpacing((number(g.spacing().y) + "\\" + number(g.spacing().x)).c_str());
    measures.setSliceThickness(number(g.spacing().z).c_str());
    measures.setSpacingBetweenSlices(number(g.spacing().z).c_str());
    check(seg->addForAllFrames(measures), path, "pixel measures");
    const core::Vector3 row = g.axis(0), column = g.axis(1);
    FGPlaneOrientationPatient orientation;
    orientation.setImageOrientationPatient(number(row.x).c_str(), number(row.y).c_str(), number(row.z).c_str(), number(column.x).c_str(),
                                           number(column.y).c_str(), number(column.z).c_str());
    check(seg->addForAllFrames(orientation), path, "plane orientation");

    // Dimensions: segment, then position along the stack.
    char organisation[65];
    const std::string organisationUid = dcmGenerateUniqueIdentifier(organisation, SITE_INSTANCE_UID_ROOT);
    IODMultiframeDimensionModule& dims = seg->getDimensions();
    check(dims.addDimensionIndex(DCM_ReferencedSegmentNumber, organisationUid.c_str(), DCM_SegmentIdentificationSequence, "Segment"),
          path, "dimension index");
    check(dims.addDimensionIndex(DCM_ImagePositionPatient, organisationUid.c_str(), DCM_PlanePositionSequence, "Position"), path,
          "dimension index");

    std::vector<Uint8> pixels(d[0] * d[1]);
    Uint16 segmentNumber = 0;
    std::map<std::uint16_t, Uint16> numberOf;  // label value → segment number
    const auto histogram = labels.histogram();
    for (const auto& label : labels.labels().labels()) {
        if (!histogram.count(label.value)) continue;
        const core::SegmentInfo* info = set.segment(label.value);
        const core::Provenance provenance = info ? info->provenance : core::Provenance{};
        const bool coded = info && !info->codeValue.empty();
        const CodeSequenceMacro category = coded ? CodeSequenceMacro("91723000", "SCT", "Anatomical Structure")
                                                 : CodeSequenceMacro("85756007", "SCT", "Tissue");
        const CodeSequenceMacro type = coded ? CodeSequenceMacro(info->codeValue.c_str(), info->codingScheme.c_str(), info->codeMeaning.c_str())
                                             : CodeSequenceMacro("85756007", "SCT", "Tissue");
        DcmSegment* segment = nullptr;
        const auto algorithm = algorithmType(provenance);
        check(DcmSegment::create(segment, label.name.substr(0, 64).c_str(), category, type, algorithm,
                                 algorithm == DcmSegTypes::SAT_MANUAL ? "" : provenance.source.substr(0, 64).c_str()),
              path, "segment \"" + label.name + "\"");
        if (algorithm != DcmSegTypes::SAT_MANUAL) {  // the model's name and version from the provenance
            AlgorithmIdentificationMacro id;
            id.getAlgorithmFamilyCode().set("123110", "DCM", "Artificial Intelligence");
            id.setAlgorithmName(provenance.source.substr(0, 64).c_str());
            id.setAlgorithmVersion(provenance.modelVersion.empty() ? "unknown" : provenance.modelVersion.substr(0, 64).c_str());
            check(segment->setSegmentationAlgorithmIdentification(id), path, "algorithm of \"" + label.name + "\"");
        }
        double L, a, b;
        IODCIELabUtil::rgb2DicomLab(L, a, b, label.color.r / 255.0, label.color.g / 255.0, label.color.b / 255.0);
        segment->setRecommendedDisplayCIELabValue(static_cast<Uint16>(std::lround(L)), static_cast<Uint16>(std::lround(a)),
                                                  static_cast<Uint16>(std::lround(b)));
        segment->setSegmentDescription(label.name.substr(0, 64).c_str());
        check(seg->addSegment(segment, segmentNumber), path, "adding segment \"" + label.name + "\"");

        numberOf[label.value] = segmentNumber;
    }
    if (segmentNumber == 0) throw IoError(path, "the label map is empty: there is nothing to export");

    // Frames slice by slice: one pass over each slice's labels, then a mask per segment present.
    std::vector<std::uint16_t> slice(d[0] * d[1]);
    std::vector<char> seen(65536, 0);
    for (std::size_t k = 0; k < d[2]; ++k) {
        std::vector<std::uint16_t> present;
        for (std::size_t v = 0; v < slice.size(); ++v) {
            slice[v] = labels.at(k * slice.size() + v);
            if (slice[v] && !seen[slice[v]]) seen[slice[v]] = 1, present.push_back(slice[v]);
        }
        for (const std::uint16_t value : present) seen[value] = 0;
        std::sort(present.begin(), present.end());
        for (const std::uint16_t value : present) {
            const auto found = numberOf.find(value);
            if (found == numberOf.end()) continue;
            const Uint16 segmentNumber = found->second;
            for (std::size_t v = 0; v < slice.size(); ++v) pixels[v] = slice[v] == value;
            const core::Point3 p = g.indexToWorld({0, 0, double(k)});
            std::unique_ptr<FGPlanePosPatient> position(
                FGPlanePosPatient::createMinimal(number(p.x).c_str(), number(p.y).c_str(), number(p.z).c_str()));
            FGFrameContent frameContent;
            frameContent.setDimensionIndexValues(segmentNumber, 0);
            frameContent.setDimensionIndexValues(static_cast<Uint32>(k + 1), 1);
            const auto& frame = source.frames[k];
            const auto& instance = source.instances[frame.instance];
            ImageSOPInstanceReferenceMacro reference;
            reference.setReferencedSOPClassUID(instance.sopClassUid.c_str());
            reference.setReferencedSOPInstanceUID(instance.sopInstanceUid.c_str());
            if (instance.numberOfFrames > 1) reference.addReferencedFrameNumber(static_cast<Uint16>(frame.frame + 1));
            std::unique_ptr<FGDerivationImage> derivation(FGDerivationImage::createMinimal(
                {reference}, "Segmentation", CodeSequenceMacro("113076", "DCM", "Segmentation"),
                CodeSequenceMacro("121322", "DCM", "Source image for image processing operation")));
            FGSegmentation segmentation;
            segmentation.setReferencedSegmentNumber(segmentNumber);
            if (!position || !derivation) throw IoError(path, "cannot describe frame " + std::to_string(k));
            check(seg->addFrame(pixels.data(), segmentNumber, {position.get(), &frameContent, derivation.get(), &segmentation}), path,
                  "adding a frame");
        }
    }

    // Common Instance Reference: every source image, by series.
    OFVector<OFString> files;
    for (const auto& instance : source.instances) files.push_back(instance.filePath.c_str());
    IODReferences references;
    references.addFromFiles(files, IODReference::LEVEL_STUDY);
    OFString studyUid;
    seg->getStudy().getStudyInstanceUID(studyUid);
    seg->getCommonInstanceReference().addReferences(references, studyUid);

    const std::string temporary = temporarySibling(path);
    const OFCondition saved = seg->saveFile(temporary.c_str(), EXS_LittleEndianExplicit);
    if (saved.bad()) {
        std::remove(temporary.c_str());
        throw IoError(path, std::string("writing the segmentation failed: ") + saved.text());
    }
    commitFile(temporary, path);
}

core::AnnotationSet DicomSegmentation::read(const std::string& path, const ImageStack& source, std::size_t* overlaps) {
    internal::ensureDcmtkReady();
    DcmFileFormat file;
    OFCondition loaded = internal::loadDicomFile(file, path);
    if (loaded.bad()) throw IoError(path, std::string("cannot read the file: ") + loaded.text());
    DcmDataset& dataset = *file.getDataset();
    if (internal::getString(dataset, DCM_SOPClassUID) != UID_SegmentationStorage) throw IoError(path, "not a DICOM Segmentation");
    // DCMTK 3.6.7's getFrame() reads past an empty frame list (a SEGV on a SEG whose Pixel Data is
    // missing or short: fuzzing): the frames the SEG declares must be there before DCMTK reads it.
    {
        Sint32 frames = 0;
        Uint16 rows = 0, columns = 0;
        dataset.findAndGetSint32(DCM_NumberOfFrames, frames);
        dataset.findAndGetUint16(DCM_Rows, rows);
        dataset.findAndGetUint16(DCM_Columns, columns);
        const std::uint64_t bits = std::uint64_t(std::max<Sint32>(frames, 0)) * rows * columns;
        const std::uint64_t needed = internal::getString(dataset, DCM_SegmentationType) == "FRACTIONAL" ? bits : (bits + 7) / 8;
        DcmElement* pixels = nullptr;
        if (frames < 1 || needed == 0 || dataset.findAndGetElement(DCM_PixelData, pixels).bad() || !pixels || pixels->getLength() < needed)
            throw IoError(path, "its Pixel Data do not hold the " + std::to_string(frames) + " frame(s) of " + std::to_string(columns) + " × " +
                                    std::to_string(rows) + " it declares");
    }
    DcmSegmentation* raw = nullptr;
    loaded = DcmSegmentation::loadDataset(dataset, raw);
    std::unique_ptr<DcmSegmentation> seg(raw);
    if (loaded.bad() || !seg) throw IoError(path, std::string("not a readable DICOM Segmentation: ") + loaded.text());
    if (seg->getSegmentationType() != DcmSegTypes::ST_BINARY) throw IoError(path, "only binary segmentations are read (this one is fractional)");
    const auto& g = source.geometry;
    const auto& d = g.dims();
    const auto rows = static_cast<Uint16>(internal::getUInt16(dataset, DCM_Rows).value_or(0));
    const auto columns = static_cast<Uint16>(internal::getUInt16(dataset, DCM_Columns).value_or(0));
    if (rows != d[1] || columns != d[0])
        throw IoError(path, "its frames are " + std::to_string(columns) + " × " + std::to_string(rows) + " pixels; the series' slices are " +
                                std::to_string(d[0]) + " × " + std::to_string(d[1]));
    OFString segFor;
    seg->getFrameOfReference().getFrameOfReferenceUID(segFor);
    const std::string sourceFor = frameOfReference(source);
    if (!sourceFor.empty() && segFor.c_str() != sourceFor)
        throw IoError(path, "it belongs to another frame of reference than the series (" + std::string(segFor.c_str()) + ")");

    core::AnnotationSet set;
    set.labels = core::LabelMap(g, seg->getNumberOfSegments() > 255 ? core::PixelType::UInt16 : core::PixelType::UInt8);
    for (Uint16 n = 1; n <= seg->getNumberOfSegments(); ++n) {
        DcmSegment* segment = seg->getSegment(n);
        if (!segment) continue;
        OFString name;
        segment->getSegmentLabel(name);
        core::Label label{n, name.c_str(), core::LabelTable::defaultColor(n)};
        Uint16 L, a, b;
        if (segment->getRecommendedDisplayCIELabValue(L, a, b).good()) {
            double r, gg, bb;
            IODCIELabUtil::dicomLab2RGB(r, gg, bb, L, a, b);
            label.color = {static_cast<std::uint8_t>(std::lround(std::clamp(r, 0.0, 1.0) * 255)),
                           static_cast<std::uint8_t>(std::lround(std::clamp(gg, 0.0, 1.0) * 255)),
                           static_cast<std::uint8_t>(std::lround(std::clamp(bb, 0.0, 1.0) * 255)), 255};
        }
        set.labels.labels().set(label);
        core::SegmentInfo info;
        info.value = n;
        OFString scheme, value, meaning;
        segment->getSegmentedPropertyTypeCode().getCodingSchemeDesignator(scheme);
        segment->getSegmentedPropertyTypeCode().getCodeValue(value);
        segment->getSegmentedPropertyTypeCode().getCodeMeaning(meaning);
        if (value != "85756007") info.codingScheme = scheme.c_str(), info.codeValue = value.c_str(), info.codeMeaning = meaning.c_str();
        if (segment->getSegmentAlgorithmType() != DcmSegTypes::SAT_MANUAL) {
            OFString algorithm, version;
            segment->getSegmentAlgorithmName(algorithm);
            segment->getSegmentationAlgorithmIdentification().getAlgorithmVersion(version);
            info.provenance.source = algorithm.empty() ? "unknown algorithm" : algorithm.c_str();
            info.provenance.modelVersion = version.c_str();
            info.provenance.editedByUser = segment->getSegmentAlgorithmType() == DcmSegTypes::SAT_SEMIAUTOMATIC;
        }
        set.segments.push_back(info);
    }

    std::size_t overlapping = 0;
    for (std::size_t f = 0; f < seg->getNumberOfFrames(); ++f) {
        const auto frameNo = static_cast<Uint32>(f);
        auto* position = dynamic_cast<FGPlanePosPatient*>(seg->getFunctionalGroups().get(frameNo, DcmFGTypes::EFG_PLANEPOSPATIENT));
        auto* segmentation = dynamic_cast<FGSegmentation*>(seg->getFunctionalGroups().get(frameNo, DcmFGTypes::EFG_SEGMENTATION));
        auto* orientation = dynamic_cast<FGPlaneOrientationPatient*>(seg->getFunctionalGroups().get(frameNo, DcmFGTypes::EFG_PLANEORIENTPATIENT));
        if (!position || !segmentation || !orientation) throw IoError(path, "frame " + std::to_string(f + 1) + " has no position, orientation or segment");
        Float64 x, y, z, rx, ry, rz, cx, cy, cz;
        position->getImagePositionPatient(x, y, z);
        orientation->getImageOrientationPatient(rx, ry, rz, cx, cy, cz);
        // Written so that a NaN (a position or orientation of "nan") fails each test.
        if (!((core::Vector3{rx, ry, rz} - g.axis(0)).norm() <= 1e-3 && (core::Vector3{cx, cy, cz} - g.axis(1)).norm() <= 1e-3))
            throw IoError(path, "frame " + std::to_string(f + 1) + " is oriented differently from the series");
        const core::Vector3 index = g.worldToIndex({x, y, z});
        const double k = std::round(index.z);
        if (!(std::abs(index.x) <= 1e-2 && std::abs(index.y) <= 1e-2 && std::abs(index.z - k) <= 1e-2 && k >= 0 && k < double(d[2])))
            throw IoError(path, "frame " + std::to_string(f + 1) + " at (" + std::to_string(x) + ", " + std::to_string(y) + ", " +
                                    std::to_string(z) + ") mm is not a slice of the series");
        Uint16 segmentNumber = 0;
        segmentation->getReferencedSegmentNumber(segmentNumber);
        if (segmentNumber == 0 || segmentNumber > seg->getNumberOfSegments())
            throw IoError(path, "frame " + std::to_string(f + 1) + " names segment " + std::to_string(segmentNumber) + ", which does not exist");
        const DcmIODTypes::Frame* packed = seg->getFrame(f);
        std::unique_ptr<DcmIODTypes::Frame> frame(packed ? DcmSegUtils::unpackBinaryFrame(packed, rows, columns) : nullptr);
        if (!frame || frame->length < std::size_t(rows) * columns) throw IoError(path, "frame " + std::to_string(f + 1) + " has no pixel data");
        const auto slice = static_cast<std::size_t>(k);
        for (std::size_t j = 0; j < d[1]; ++j)
            for (std::size_t i = 0; i < d[0]; ++i) {
                if (!frame->pixData[j * d[0] + i]) continue;
                const std::uint16_t current = set.labels.at(i, j, slice);
                if (current != 0 && current != segmentNumber) ++overlapping;
                if (segmentNumber > current) set.labels.set(i, j, slice, segmentNumber);
            }
    }
    if (overlaps) *overlaps = overlapping;
    return set;
}

}  // namespace lumen::io
