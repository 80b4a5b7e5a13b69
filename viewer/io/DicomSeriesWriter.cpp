#include "io/DicomSeriesWriter.h"

#include "core/ParallelFor.h"
#include "core/Progress.h"
#include "io/AtomicFile.h"
#include "io/IoError.h"
#include "io/internal/DcmtkSupport.h"

#include <dcmtk/dcmdata/dcuid.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <filesystem>

namespace lumen::io {

namespace fs = std::filesystem;
using core::PixelType;

namespace {

std::string newUid() {
    char buf[100];
    dcmGenerateUniqueIdentifier(buf, SITE_INSTANCE_UID_ROOT);
    return buf;
}

std::string number(double v) { return internal::decimalString(v); }

std::string decimals(const std::vector<double>& values) {
    std::string s;
    for (std::size_t i = 0; i < values.size(); ++i) s += (i ? "\\" : "") + number(values[i]);
    return s;
}

std::string nowDate() {
    char buf[16];
    const std::time_t t = std::time(nullptr);
    std::strftime(buf, sizeof buf, "%Y%m%d", std::localtime(&t));
    return buf;
}

std::string nowTime() {
    char buf[16];
    const std::time_t t = std::time(nullptr);
    std::strftime(buf, sizeof buf, "%H%M%S", std::localtime(&t));
    return buf;
}

// How real values are stored: as 16-bit integers, directly when they are integers that fit,
// else through a rescale (CT, SC) or quantised (MR, which has no rescale in its IOD).
struct Encoding {
    bool isSigned = true;
    double slope = 1, intercept = 0;
    std::vector<std::string> warnings;
};

Encoding chooseEncoding(const core::Volume& v, const std::string& modality) {
    Encoding e;
    const auto [lo, hi] = v.realRange();
    const core::Rescale& r = v.rescale();
    bool integral = core::isInteger(v.pixelType()) && r.slope == std::round(r.slope) && r.intercept == std::round(r.intercept);
    if (!integral && v.pixelType() == PixelType::Float32) {
        integral = true;
        const float* p = v.as<float>();
        for (std::size_t i = 0, n = v.voxelCount(); i < n && integral; ++i) {
            const double real = r.apply(p[i]);
            integral = real == std::round(real);
        }
    }
    if (integral && lo >= -32768 && hi <= 32767) return e;
    if (integral && lo >= 0 && hi <= 65535) { e.isSigned = false; return e; }
    e.isSigned = false;
    const double range = hi > lo ? hi - lo : 1.0;
    if (modality == "MR") {
        e.slope = range / 4095.0;
        e.intercept = lo;
        e.warnings.push_back("MR images have no rescale: real values were mapped onto 0..4095");
    } else {
        e.slope = range / 65535.0;
        e.intercept = lo;
        e.warnings.push_back("real values are stored with RescaleSlope " + number(e.slope) +
                             " (quantisation error up to half of it)");
    }
    return e;
}

struct SeriesContext {
    const core::Volume* volume;
    const DicomExportOptions* options;
    Encoding encoding;
    std::string sopClassUid, studyUid, seriesUid, frameOfReferenceUid, date, time;
};

void put(DcmDataset& ds, const DcmTagKey& tag, const std::string& value) {
    const OFCondition c = ds.putAndInsertString(tag, value.c_str());
    if (c.bad()) throw IoError("", std::string("cannot set ") + DcmTag(tag).getTagName() + ": " + c.text());
}

void writeSlice(const SeriesContext& ctx, std::size_t k, std::size_t t, const std::string& sopUid,
                const std::string& path) {
    const core::Volume& v = *ctx.volume;
    const DicomExportOptions& o = *ctx.options;
    const auto& g = v.geometry();
    DcmFileFormat file;
    DcmDataset& ds = *file.getDataset();
    put(ds, DCM_SpecificCharacterSet, "ISO_IR 192");
    put(ds, DCM_SOPClassUID, ctx.sopClassUid);
    put(ds, DCM_SOPInstanceUID, sopUid);
    put(ds, DCM_InstanceCreationDate, ctx.date);
    put(ds, DCM_InstanceCreationTime, ctx.time);
    put(ds, DCM_PatientName, o.patient.name);
    put(ds, DCM_PatientID, o.patient.patientId);
    put(ds, DCM_PatientBirthDate, o.patient.birthDate);
    put(ds, DCM_PatientSex, o.patient.sex);
    put(ds, DCM_StudyInstanceUID, ctx.studyUid);
    put(ds, DCM_StudyDate, o.study.date.empty() ? ctx.date : o.study.date);
    put(ds, DCM_StudyTime, o.study.time.empty() ? ctx.time : o.study.time);
    put(ds, DCM_ReferringPhysicianName, o.study.referringPhysician);
    put(ds, DCM_StudyID, o.study.studyId.empty() ? "1" : o.study.studyId);
    put(ds, DCM_AccessionNumber, o.study.accessionNumber);
    if (!o.study.description.empty()) put(ds, DCM_StudyDescription, o.study.description);
    put(ds, DCM_Modality, o.modality);
    put(ds, DCM_SeriesInstanceUID, ctx.seriesUid);
    put(ds, DCM_SeriesNumber, std::to_string(o.seriesNumber));
    // Laterality is required (empty) unless the body part is known; Lumen's exports are of
    // unpaired parts when they say which.
    if (o.bodyPart.empty()) put(ds, DCM_Laterality, "");
    else put(ds, DCM_BodyPartExamined, o.bodyPart);
    put(ds, DCM_SeriesDate, ctx.date);
    put(ds, DCM_SeriesTime, ctx.time);
    if (!o.seriesDescription.empty()) put(ds, DCM_SeriesDescription, o.seriesDescription);
    put(ds, DCM_Manufacturer, "Lumen");
    put(ds, DCM_FrameOfReferenceUID, ctx.frameOfReferenceUid);
    put(ds, DCM_PositionReferenceIndicator, "");
    const std::size_t nz = g.dims()[2];
    put(ds, DCM_InstanceNumber, std::to_string(t * nz + k + 1));
    put(ds, DCM_ContentDate, ctx.date);
    put(ds, DCM_ContentTime, ctx.time);
    // Value 3 is required for CT (AXIAL or LOCALIZER) and MR (image flavour).
    put(ds, DCM_ImageType, o.modality == "CT" ? "DERIVED\\SECONDARY\\AXIAL"
                           : o.modality == "MR" ? "DERIVED\\SECONDARY\\OTHER" : "DERIVED\\SECONDARY");
    put(ds, DCM_BurnedInAnnotation, "NO");
    put(ds, DCM_LossyImageCompression, "00");
    if (v.timePoints() > 1) {
        put(ds, DCM_TemporalPositionIdentifier, std::to_string(t + 1));
        put(ds, DCM_NumberOfTemporalPositions, std::to_string(v.timePoints()));
    }

    const core::Vector3 row = g.axis(0), col = g.axis(1), pos = g.indexToWorld({0, 0, double(k)});
    put(ds, DCM_ImagePositionPatient, decimals({pos.x, pos.y, pos.z}));
    put(ds, DCM_ImageOrientationPatient, decimals({row.x, row.y, row.z, col.x, col.y, col.z}));
    put(ds, DCM_PixelSpacing, decimals({g.spacing().y, g.spacing().x}));
    put(ds, DCM_SliceThickness, number(g.spacing().z));
    put(ds, DCM_SpacingBetweenSlices, number(g.spacing().z));
    put(ds, DCM_SliceLocation, number(pos.dot(row.cross(col))));

    const Encoding& e = ctx.encoding;
    ds.putAndInsertUint16(DCM_SamplesPerPixel, 1);
    put(ds, DCM_PhotometricInterpretation, v.invertedDisplay() ? "MONOCHROME1" : "MONOCHROME2");
    ds.putAndInsertUint16(DCM_Rows, Uint16(g.dims()[1]));
    ds.putAndInsertUint16(DCM_Columns, Uint16(g.dims()[0]));
    ds.putAndInsertUint16(DCM_BitsAllocated, 16);
    ds.putAndInsertUint16(DCM_BitsStored, 16);
    ds.putAndInsertUint16(DCM_HighBit, 15);
    ds.putAndInsertUint16(DCM_PixelRepresentation, e.isSigned ? 1 : 0);
    if (o.modality != "MR") {
        put(ds, DCM_RescaleIntercept, number(e.intercept));
        put(ds, DCM_RescaleSlope, number(e.slope));
        put(ds, DCM_RescaleType, o.modality == "CT" ? "HU" : "US");
    }
    if (o.windowCenter && o.windowWidth) {
        put(ds, DCM_WindowCenter, number(*o.windowCenter));
        put(ds, DCM_WindowWidth, number(*o.windowWidth));
    }
    if (o.modality == "CT") {
        put(ds, DCM_KVP, "");
        put(ds, DCM_AcquisitionNumber, "1");
        put(ds, DCM_PatientPosition, "HFS");
    } else if (o.modality == "MR") {
        put(ds, DCM_ScanningSequence, "RM");  // research mode: the acquisition is not known
        put(ds, DCM_SequenceVariant, "NONE");
        put(ds, DCM_ScanOptions, "");
        put(ds, DCM_MRAcquisitionType, "3D");
        put(ds, DCM_RepetitionTime, "");
        put(ds, DCM_EchoTime, "");
        put(ds, DCM_EchoTrainLength, "");
        put(ds, DCM_AcquisitionNumber, "1");
        put(ds, DCM_PatientPosition, "HFS");
    } else {
        put(ds, DCM_ConversionType, "WSD");
        // Secondary capture has no Image Plane module: say which way rows and columns run.
        put(ds, DCM_PatientOrientation, std::string(1, core::patientDirectionLetter(row)) + "\\" +
                                            core::patientDirectionLetter(col));
    }

    // Real value of each voxel → 16-bit stored value.
    const std::size_t n = g.sliceVoxelCount();
    std::vector<Uint16> pixels(n);
    const std::size_t offset = v.linearIndex(0, 0, k, t);
    core::visitScalarType(v.pixelType(), [&](auto tag) {
        using T = decltype(tag);
        const T* src = static_cast<const T*>(v.data()) + offset;
        for (std::size_t i = 0; i < n; ++i) {
            const double real = v.rescale().apply(double(src[i]));
            const double stored = std::round((real - e.intercept) / e.slope);
            pixels[i] = e.isSigned ? Uint16(Sint16(std::clamp(stored, -32768.0, 32767.0)))
                                   : Uint16(std::clamp(stored, 0.0, 65535.0));
        }
    });
    ds.putAndInsertUint16Array(DCM_PixelData, pixels.data(), Uint32(n));

    const OFCondition c = file.saveFile(path.c_str(), EXS_LittleEndianExplicit);
    if (c.bad()) throw IoError(path, std::string("cannot write: ") + c.text());
}

}  // namespace

DicomExportResult DicomSeriesWriter::write(const core::Volume& volume, const std::string& folder,
                                           const DicomExportOptions& options, core::Progress* progress) {
    if (volume.empty()) throw IoError(folder, "nothing to export: the volume is empty");
    if (volume.pixelType() == PixelType::Rgb24) throw IoError(folder, "colour volumes cannot be exported as DICOM");
    const auto& dims = volume.geometry().dims();
    if (dims[0] > 65535 || dims[1] > 65535) throw IoError(folder, "images wider than 65535 pixels cannot be DICOM");
    std::error_code ec;
    if (fs::exists(folder, ec) && !fs::is_empty(folder, ec))
        throw IoError(folder, "the output folder exists and is not empty");
    internal::ensureDcmtkReady();

    SeriesContext ctx{&volume, &options, chooseEncoding(volume, options.modality), "", "", "", "", nowDate(), nowTime()};
    ctx.sopClassUid = options.modality == "CT" ? UID_CTImageStorage
                      : options.modality == "MR" ? UID_MRImageStorage
                                                 : UID_SecondaryCaptureImageStorage;
    ctx.studyUid = options.study.studyUid.empty() ? newUid() : options.study.studyUid;
    ctx.seriesUid = newUid();
    ctx.frameOfReferenceUid = options.frameOfReferenceUid.empty() ? newUid() : options.frameOfReferenceUid;

    const std::size_t nz = dims[2], total = nz * volume.timePoints();
    std::vector<std::string> uids(total);
    for (auto& u : uids) u = newUid();  // DCMTK's UID counter is process-wide: generate up front

    std::string clean = fs::path(folder).lexically_normal().string();
    while (clean.size() > 1 && clean.back() == '/') clean.pop_back();  // "out/" names the folder "out"
    const fs::path target(clean);
    const fs::path temporary = temporarySibling(clean);
    fs::create_directories(temporary, ec);
    if (ec) throw IoError(folder, "cannot create the output folder: " + ec.message());
    DicomExportResult result{ctx.studyUid, ctx.seriesUid, {}, ctx.encoding.warnings};
    std::vector<std::string> names(total);
    if (progress) progress->beginStage("Writing DICOM", total);
    try {
        core::parallelFor(total, 0, [&](std::size_t i) {
            if (progress) progress->checkCanceled();
            char name[32];
            std::snprintf(name, sizeof name, "IM%05zu.dcm", i + 1);
            names[i] = name;
            writeSlice(ctx, i % nz, i / nz, uids[i], (temporary / name).string());
            if (progress) progress->advance();
        });
        if (fs::exists(target, ec)) fs::remove(target, ec);  // empty, checked above
        fs::rename(temporary, target);
    } catch (...) {
        fs::remove_all(temporary, ec);
        throw;
    }
    for (const auto& n : names) result.files.push_back((target / n).string());
    return result;
}

}  // namespace lumen::io
