#include "io/DicomRtStructure.h"

#include "core/PolygonFill.h"
#include "io/AtomicFile.h"
#include "io/IoError.h"
#include "io/internal/ContourTracer.h"
#include "io/internal/DcmtkSupport.h"
#include "io/internal/DicomFileLoad.h"

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcuid.h>
#include <dcmtk/dcmrt/drtstrct.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <ctime>
#include <map>
#include <set>

namespace lumen::io {

namespace {

using internal::check;
using internal::decimalString;

std::string upper(std::string s) {
    for (char& c : s) c = char(std::toupper(static_cast<unsigned char>(c)));
    return s;
}

std::string newUid() {
    char uid[100];
    return dcmGenerateUniqueIdentifier(uid, SITE_INSTANCE_UID_ROOT);
}

std::string algorithm(const core::AnnotationSet& set, std::uint16_t value) {
    const core::SegmentInfo* info = set.segment(value);
    if (!info || !info->provenance.fromModel()) return "MANUAL";
    return info->provenance.editedByUser ? "SEMIAUTOMATIC" : "AUTOMATIC";
}

// Copies the source image's patient and study attributes.
void copyPatientAndStudy(DcmItem& from, DRTStructureSetIOD& rt, const std::string& path) {
    const auto get = [&](const DcmTagKey& tag) { return OFString(internal::getString(from, tag).c_str()); };
    check(rt.setPatientName(get(DCM_PatientName)), path, "patient name");
    check(rt.setPatientID(get(DCM_PatientID)), path, "patient ID");
    check(rt.setPatientBirthDate(get(DCM_PatientBirthDate)), path, "birth date");
    check(rt.setPatientSex(get(DCM_PatientSex)), path, "sex");
    check(rt.setStudyInstanceUID(get(DCM_StudyInstanceUID)), path, "study");
    check(rt.setStudyDate(get(DCM_StudyDate)), path, "study date");
    check(rt.setStudyTime(get(DCM_StudyTime)), path, "study time");
    check(rt.setReferringPhysicianName(get(DCM_ReferringPhysicianName)), path, "referring physician");
    check(rt.setStudyID(get(DCM_StudyID)), path, "study ID");
    check(rt.setAccessionNumber(get(DCM_AccessionNumber)), path, "accession number");
    check(rt.setStudyDescription(get(DCM_StudyDescription)), path, "study description");
    if (!get(DCM_SpecificCharacterSet).empty()) check(rt.setSpecificCharacterSet(get(DCM_SpecificCharacterSet)), path, "character set");
}

}  // namespace

std::string DicomRtStructure::interpretedType(const std::string& name) {
    const std::string n = upper(name);
    for (const char* prefix : {"GTV", "CTV", "PTV", "ITV"})
        if (n.rfind(prefix, 0) == 0) return prefix;
    if (n == "BODY" || n == "EXTERNAL" || n == "SKIN" || n.rfind("BODY", 0) == 0 || n.rfind("EXTERNAL", 0) == 0) return "EXTERNAL";
    return "ORGAN";
}

void DicomRtStructure::write(const core::AnnotationSet& set, const ImageStack& source, const std::string& path) {
    internal::ensureDcmtkReady();
    const core::LabelMap& labels = set.labels;
    const auto& g = source.geometry;
    if (labels.empty() || !labels.fits(g)) throw IoError(path, "the label map does not lie on the source series' grid");
    if (source.needsResampling() || source.timePoints != 1 || source.instances.empty())
        throw IoError(path, "an RT structure set needs a regular 3D series: contours lie on its slices");
    const auto histogram = labels.histogram();
    if (histogram.empty()) throw IoError(path, "the label map is empty: there is nothing to export");
    DcmFileFormat first;
    check(internal::loadDicomFile(first, source.instances.front().filePath), path, "reading the source image");
    const std::string frameOfReference = internal::getString(*first.getDataset(), DCM_FrameOfReferenceUID);
    if (frameOfReference.empty()) throw IoError(path, "the source series has no frame of reference: contours would float");

    DRTStructureSetIOD rt;
    copyPatientAndStudy(*first.getDataset(), rt, path);
    char date[16], time[16];
    const std::time_t now = std::time(nullptr);
    std::tm utc{};
    gmtime_r(&now, &utc);
    std::strftime(date, sizeof date, "%Y%m%d", &utc);
    std::strftime(time, sizeof time, "%H%M%S", &utc);
    check(rt.setSOPClassUID(UID_RTStructureSetStorage), path, "SOP class");
    check(rt.setSOPInstanceUID(newUid().c_str()), path, "SOP instance");
    check(rt.setSeriesInstanceUID(newUid().c_str()), path, "series");
    check(rt.setModality("RTSTRUCT"), path, "modality");
    check(rt.setSeriesNumber("301"), path, "series number");
    check(rt.setSeriesDescription("Lumen structures"), path, "series description");
    check(rt.setManufacturer("Lumen"), path, "manufacturer");
    check(rt.setInstanceNumber("1"), path, "instance number");
    check(rt.setInstanceCreationDate(date), path, "creation date");
    check(rt.setInstanceCreationTime(time), path, "creation time");
    check(rt.setFrameOfReferenceUID(frameOfReference.c_str()), path, "frame of reference");
    check(rt.setPositionReferenceIndicator(internal::getString(*first.getDataset(), DCM_PositionReferenceIndicator).c_str()), path,
          "position reference");
    check(rt.setStructureSetLabel("Lumen"), path, "structure set label");
    check(rt.setStructureSetName("Lumen structures"), path, "structure set name");
    check(rt.setStructureSetDate(date), path, "structure set date");
    check(rt.setStructureSetTime(time), path, "structure set time");

    // The referenced series: every slice image, which each contour then points to.
    DRTReferencedFrameOfReferenceSequence::Item* forItem = nullptr;
    check(rt.getReferencedFrameOfReferenceSequence().addItem(forItem), path, "frame of reference");
    check(forItem->setFrameOfReferenceUID(frameOfReference.c_str()), path, "frame of reference");
    DRTRTReferencedStudySequence::Item* study = nullptr;
    check(forItem->getRTReferencedStudySequence().addItem(study), path, "referenced study");
    check(study->setReferencedSOPClassUID(UID_RETIRED_DetachedStudyManagementSOPClass), path, "referenced study");
    check(study->setReferencedSOPInstanceUID(internal::getString(*first.getDataset(), DCM_StudyInstanceUID).c_str()), path, "referenced study");
    DRTRTReferencedSeriesSequence::Item* series = nullptr;
    check(study->getRTReferencedSeriesSequence().addItem(series), path, "referenced series");
    check(series->setSeriesInstanceUID(source.seriesUid.c_str()), path, "referenced series");
    const auto& d = g.dims();
    const auto sliceInstance = [&](std::size_t k) -> const core::InstanceRecord& { return source.instances.at(source.frames.at(k).instance); };
    for (std::size_t k = 0; k < d[2]; ++k) {
        if (source.frames[k].instance == StackFrame::kGap) continue;
        DRTContourImageSequence::Item* image = nullptr;
        check(series->getContourImageSequence().addItem(image), path, "contour image");
        check(image->setReferencedSOPClassUID(sliceInstance(k).sopClassUid.c_str()), path, "contour image");
        check(image->setReferencedSOPInstanceUID(sliceInstance(k).sopInstanceUid.c_str()), path, "contour image");
        if (sliceInstance(k).numberOfFrames > 1)
            check(image->setReferencedFrameNumber(std::to_string(source.frames[k].frame + 1).c_str()), path, "frame number");
    }

    // One ROI per labelled value: contours slice by slice.
    core::LabelTable table = labels.labels();
    std::vector<std::uint8_t> mask(d[0] * d[1]);
    for (const auto& [value, count] : histogram) {
        const core::Label* named = table.find(value);
        const core::Label label = named ? *named : core::Label{value, "ROI " + std::to_string(value), core::LabelTable::defaultColor(value)};
        const std::string number = std::to_string(value);
        DRTStructureSetROISequence::Item* roi = nullptr;
        check(rt.getStructureSetROISequence().addItem(roi), path, "ROI");
        check(roi->setROINumber(number.c_str()), path, "ROI number");
        check(roi->setReferencedFrameOfReferenceUID(frameOfReference.c_str()), path, "ROI frame of reference");
        check(roi->setROIName(label.name.substr(0, 64).c_str()), path, "ROI name");
        check(roi->setROIGenerationAlgorithm(algorithm(set, value).c_str()), path, "ROI algorithm");
        DRTROIContourSequence::Item* contours = nullptr;
        check(rt.getROIContourSequence().addItem(contours), path, "ROI contour");
        check(contours->setReferencedROINumber(number.c_str()), path, "ROI contour");
        check(contours->setROIDisplayColor((std::to_string(label.color.r) + "\\" + std::to_string(label.color.g) + "\\" +
                                            std::to_string(label.color.b)).c_str()), path, "ROI colour");
        int contourNumber = 0;
        for (std::size_t k = 0; k < d[2]; ++k) {
            bool any = false;
            for (std::size_t n = 0; n < mask.size(); ++n) any |= (mask[n] = labels.at(k * mask.size() + n) == value) != 0;
            if (!any) continue;
            if (source.frames[k].instance == StackFrame::kGap)
                throw IoError(path, "slice " + std::to_string(k + 1) + " is missing from the series but labelled");
            for (const auto& outline : internal::traceOutlines(mask, d[0], d[1])) {
                std::string data;
                for (const auto& v : outline) {
                    const core::Point3 p = g.indexToWorld({v[0], v[1], double(k)});
                    for (double c : {p.x, p.y, p.z}) data += (data.empty() ? "" : "\\") + decimalString(c);
                }
                DRTContourSequence::Item* contour = nullptr;
                check(contours->getContourSequence().addItem(contour), path, "contour");
                check(contour->setContourNumber(std::to_string(++contourNumber).c_str()), path, "contour number");
                check(contour->setContourGeometricType("CLOSED_PLANAR"), path, "contour type");
                check(contour->setNumberOfContourPoints(std::to_string(outline.size()).c_str()), path, "contour points");
                check(contour->setContourData(data.c_str(), OFFalse), path, "contour data");
                DRTContourImageSequence::Item* image = nullptr;
                check(contour->getContourImageSequence().addItem(image), path, "contour image");
                check(image->setReferencedSOPClassUID(sliceInstance(k).sopClassUid.c_str()), path, "contour image");
                check(image->setReferencedSOPInstanceUID(sliceInstance(k).sopInstanceUid.c_str()), path, "contour image");
            }
        }
        DRTRTROIObservationsSequence::Item* observation = nullptr;
        check(rt.getRTROIObservationsSequence().addItem(observation), path, "observation");
        check(observation->setObservationNumber(number.c_str()), path, "observation number");
        check(observation->setReferencedROINumber(number.c_str()), path, "observation ROI");
        check(observation->setRTROIInterpretedType(interpretedType(label.name).c_str()), path, "interpreted type");
        check(observation->setROIInterpreter(""), path, "interpreter");
    }

    DcmFileFormat out;
    check(rt.write(*out.getDataset()), path, "building the structure set");
    const std::string temporary = temporarySibling(path);
    const OFCondition saved = out.saveFile(temporary.c_str(), EXS_LittleEndianExplicit);
    if (saved.bad()) {
        std::remove(temporary.c_str());
        throw IoError(path, std::string("writing the structure set failed: ") + saved.text());
    }
    commitFile(temporary, path);
}

DicomRtStructure::Result DicomRtStructure::read(const std::string& path, const ImageStack& source) {
    internal::ensureDcmtkReady();
    DcmFileFormat file;
    check(internal::loadDicomFile(file, path), path, "reading");
    DcmDataset& ds = *file.getDataset();
    if (internal::getString(ds, DCM_SOPClassUID) != UID_RTStructureSetStorage) throw IoError(path, "not an RT Structure Set");
    DRTStructureSetIOD rt;
    check(rt.read(ds), path, "reading the structure set");
    const auto& g = source.geometry;
    const auto& d = g.dims();
    const std::string frameOfReference = source.instances.empty() ? std::string() : internal::frameOfReferenceUid(source.instances.front().filePath);

    Result result;
    struct Roi { std::string name; core::Rgba color{255, 0, 0, 255}; std::string frame; };
    std::map<long, Roi> rois;
    auto& ssr = rt.getStructureSetROISequence();
    for (std::size_t n = 0; n < ssr.getNumberOfItems(); ++n) {
        DRTStructureSetROISequence::Item* item = nullptr;
        if (ssr.getItem(n, item).bad()) continue;
        Sint32 number = 0;
        OFString name, frame;
        item->getROINumber(number);
        item->getROIName(name);
        item->getReferencedFrameOfReferenceUID(frame);
        rois[number] = {name.c_str(), core::LabelTable::defaultColor(std::uint16_t(std::clamp<long>(number, 1, 65535))), frame.c_str()};
    }
    // Each ROI's contours, grouped by slice, then filled even-odd.
    struct Filled { long number; std::vector<std::size_t> voxels; };
    std::vector<Filled> filled;
    auto& rcs = rt.getROIContourSequence();
    for (std::size_t n = 0; n < rcs.getNumberOfItems(); ++n) {
        DRTROIContourSequence::Item* item = nullptr;
        if (rcs.getItem(n, item).bad()) continue;
        Sint32 number = 0;
        item->getReferencedROINumber(number);
        auto roi = rois.find(number);
        if (roi == rois.end()) {
            result.warnings.push_back("contours of ROI " + std::to_string(number) + ", which the structure set does not list, were skipped");
            continue;
        }
        if (number < 1 || number > 65535) throw IoError(path, "ROI number " + std::to_string(number) + " cannot be a label value");
        if (!frameOfReference.empty() && !roi->second.frame.empty() && roi->second.frame != frameOfReference)
            throw IoError(path, "ROI \"" + roi->second.name + "\" lies in another frame of reference than the series");
        Sint32 r = 0, gr = 0, b = 0;
        if (item->getROIDisplayColor(r, 0).good() && item->getROIDisplayColor(gr, 1).good() && item->getROIDisplayColor(b, 2).good())
            roi->second.color = {std::uint8_t(std::clamp(r, 0, 255)), std::uint8_t(std::clamp(gr, 0, 255)), std::uint8_t(std::clamp(b, 0, 255)), 255};
        std::map<std::size_t, std::vector<internal::Polygon>> bySlice;
        std::size_t offSlice = 0, notClosed = 0;
        auto& cs = item->getContourSequence();
        for (std::size_t c = 0; c < cs.getNumberOfItems(); ++c) {
            DRTContourSequence::Item* contour = nullptr;
            if (cs.getItem(c, contour).bad()) continue;
            OFString type;
            contour->getContourGeometricType(type);
            OFVector<Float64> data;
            contour->getContourData(data);
            if (type != "CLOSED_PLANAR" || data.size() < 9 || data.size() % 3) {
                ++notClosed;
                continue;
            }
            internal::Polygon polygon;
            double kSum = 0, kMin = 1e300, kMax = -1e300;
            for (std::size_t p = 0; p + 2 < data.size(); p += 3) {
                const core::Vector3 idx = g.worldToIndex({data[p], data[p + 1], data[p + 2]});
                polygon.push_back({idx.x, idx.y});
                kSum += idx.z, kMin = std::min(kMin, idx.z), kMax = std::max(kMax, idx.z);
            }
            const double k = std::round(kSum / double(polygon.size()));
            const bool finite = std::all_of(polygon.begin(), polygon.end(), [](const auto& p) { return std::isfinite(p[0]) && std::isfinite(p[1]); });
            // On a slice: within a quarter of the slice spacing, and inside the series (a NaN fails).
            if (!(finite && kMax - k <= 0.25 && k - kMin <= 0.25 && k >= 0 && k < double(d[2]))) {
                ++offSlice;
                continue;
            }
            bySlice[std::size_t(k)].push_back(std::move(polygon));
        }
        if (notClosed) result.warnings.push_back(roi->second.name + ": " + std::to_string(notClosed) + " contours are not closed planar; skipped");
        if (offSlice) result.warnings.push_back(roi->second.name + ": " + std::to_string(offSlice) + " contours do not lie on a slice of the series; skipped");
        Filled f{number, {}};
        std::vector<std::uint8_t> mask(d[0] * d[1]);
        for (const auto& [k, polygons] : bySlice) {
            std::fill(mask.begin(), mask.end(), 0);
            core::fillEvenOdd(polygons, d[0], d[1], mask);
            for (std::size_t v = 0; v < mask.size(); ++v)
                if (mask[v]) f.voxels.push_back(k * mask.size() + v);
        }
        filled.push_back(std::move(f));
    }
    if (filled.empty()) throw IoError(path, "no ROI with contours");
    // Larger ROIs first, so that a structure inside another (an organ inside BODY, a GTV inside a
    // PTV) stays visible.
    std::stable_sort(filled.begin(), filled.end(), [](const Filled& a, const Filled& b) { return a.voxels.size() > b.voxels.size(); });
    const long highest = std::max_element(filled.begin(), filled.end(), [](const Filled& a, const Filled& b) { return a.number < b.number; })->number;
    core::LabelMap labels(g, highest > 255 ? core::PixelType::UInt16 : core::PixelType::UInt8);
    for (const Filled& f : filled) {
        const Roi& roi = rois[f.number];
        labels.labels().set({std::uint16_t(f.number), roi.name.empty() ? "ROI " + std::to_string(f.number) : roi.name, roi.color});
        for (std::size_t v : f.voxels) {
            result.overlaps += labels.at(v) != 0;
            labels.set(v, std::uint16_t(f.number));
        }
    }
    result.set.seriesInstanceUid = source.seriesUid;
    result.set.labels = std::move(labels);
    return result;
}

}  // namespace lumen::io
