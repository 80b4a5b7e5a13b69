#include "io/DicomHeaderReader.h"

#include "io/IoError.h"
#include "io/SystemMemory.h"
#include "io/internal/DcmtkSupport.h"
#include "io/internal/DicomFileLoad.h"
#include "io/internal/NestingCheck.h"

#include <dcmtk/dcmdata/dcistrmf.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace lumen::io {

using namespace internal;

namespace {

// Values up to this size are parsed at once; bigger ones (pixel data of non-images, icons,
// private blobs) are left on disk so a header read stays a few hundred microseconds.
constexpr Uint32 kMaxInlineValue = 4096;

// One open file for the cheap checks around DCMTK's parse.
class FileHandle {
public:
    explicit FileHandle(const std::string& path) : fd_(::open(path.c_str(), O_RDONLY | O_CLOEXEC)) {}
    ~FileHandle() { if (fd_ >= 0) ::close(fd_); }
    FileHandle(const FileHandle&) = delete;
    FileHandle& operator=(const FileHandle&) = delete;
    bool ok() const { return fd_ >= 0; }
    std::uint64_t size() const {
        struct stat st {};
        return ::fstat(fd_, &st) == 0 ? std::uint64_t(st.st_size) : 0;
    }
    std::size_t readAt(std::uint64_t offset, unsigned char* buf, std::size_t n) const {
        const ssize_t got = ::pread(fd_, buf, n, off_t(offset));
        return got > 0 ? std::size_t(got) : 0;
    }

private:
    int fd_;
};

bool plausibleDatasetStart(const unsigned char* b, std::size_t n) {
    if (n < 8) return false;
    const unsigned le = b[0] | (b[1] << 8), be = (b[0] << 8) | b[1];
    for (unsigned group : {0x0000u, 0x0002u, 0x0004u, 0x0008u})
        if (le == group || be == group) return true;
    return false;
}

std::uint32_t read32(const unsigned char* p, bool bigEndian) {
    return bigEndian ? (std::uint32_t(p[0]) << 24 | std::uint32_t(p[1]) << 16 | std::uint32_t(p[2]) << 8 | p[3])
                     : (std::uint32_t(p[3]) << 24 | std::uint32_t(p[2]) << 16 | std::uint32_t(p[1]) << 8 | p[0]);
}

bool isPixelDataTag(const unsigned char* p, bool bigEndian) {
    static const unsigned char le[4] = {0xE0, 0x7F, 0x10, 0x00}, be[4] = {0x7F, 0xE0, 0x00, 0x10};
    return std::memcmp(p, bigEndian ? be : le, 4) == 0;
}

// readUntilTag() stops right after the Pixel Data element's tag and length, so the stream
// position is the value's offset; confirm by finding the element header just before it, in
// explicit (12 bytes) or implicit (8 bytes) form: some files encode implicit VR under an
// explicit transfer syntax.
void locatePixelData(const FileHandle& file, offile_off_t stop, const DcmXfer& xfer, core::InstanceRecord& r) {
    const bool bigEndian = xfer.getByteOrder() == EBO_BigEndian;
    if (stop < 12) return;
    unsigned char h[12];
    if (file.readAt(std::uint64_t(stop) - 12, h, 12) != 12) return;
    const bool explicitForm = isPixelDataTag(h, bigEndian) &&
                              (std::memcmp(h + 4, "OB", 2) == 0 || std::memcmp(h + 4, "OW", 2) == 0 ||
                               std::memcmp(h + 4, "UN", 2) == 0);
    if (!explicitForm && !isPixelDataTag(h + 4, bigEndian)) return;
    r.hasPixelData = true;
    if (explicitForm) r.pixelDataVr.assign(reinterpret_cast<const char*>(h + 4), 2);
    const std::uint32_t length = read32(h + 8, bigEndian);
    if (length == 0xFFFFFFFFu) {
        r.encapsulated = true;
    } else {
        r.pixelDataOffset = std::uint64_t(stop);
        r.pixelDataLength = length;
        r.bigEndian = bigEndian;
    }
}

std::uint64_t expectedPixelBytes(const core::InstanceRecord& r) {
    // Native YBR_FULL_422 stores two samples per pixel (Y Y Cb Cr for each pixel pair).
    const unsigned samplesPerPixel = r.photometricInterpretation == "YBR_FULL_422" ? 2 : r.samplesPerPixel;
    const std::uint64_t samples = std::uint64_t(r.rows) * r.columns * r.numberOfFrames * samplesPerPixel;
    return r.bitsAllocated == 1 ? (samples + 7) / 8 : samples * (r.bitsAllocated / 8);
}

std::array<double, 6> checkedOrientation(const std::array<double, 6>& o, const std::string& path) {
    const core::Vector3 row{o[0], o[1], o[2]}, col{o[3], o[4], o[5]};
    if (!row.isFinite() || !col.isFinite() || std::abs(row.norm() - 1) > 0.01 ||
        std::abs(col.norm() - 1) > 0.01 || std::abs(row.dot(col)) > 0.01)
        throw IoError(path, "ImageOrientationPatient is not two orthogonal unit vectors");
    // Made exactly orthonormal (Gram-Schmidt): the tolerance above let a grid whose axes were not
    // reach the image geometry, which refuses one with an exception no reader catches (fuzzing).
    const auto r = row.normalized(), c = (col - r * r.dot(col)).normalized();
    return {r.x, r.y, r.z, c.x, c.y, c.z};
}

core::Point3 checkedPosition(const std::array<double, 3>& p, const std::string& path) {
    const core::Point3 v{p[0], p[1], p[2]};
    if (!v.isFinite()) throw IoError(path, "ImagePositionPatient is not a finite number");
    return v;
}

std::optional<std::array<double, 2>> checkedSpacing(DcmItem& item, const std::string& path) {
    auto s = getFixed<2>(item, DCM_PixelSpacing);
    if (!s) return std::nullopt;
    if (!((*s)[0] > 0) || !((*s)[1] > 0) || !std::isfinite((*s)[0]) || !std::isfinite((*s)[1]))
        throw IoError(path, "PixelSpacing must be two positive numbers");
    return s;
}

// Fills one frame from a functional-groups item (per-frame or shared).
void readFunctionalGroups(DcmItem& groups, core::FrameRecord& f, const std::string& path) {
    if (DcmItem* pos = firstItem(groups, DCM_PlanePositionSequence))
        if (auto p = getFixed<3>(*pos, DCM_ImagePositionPatient)) f.position = checkedPosition(*p, path);
    if (DcmItem* ori = firstItem(groups, DCM_PlaneOrientationSequence))
        if (auto o = getFixed<6>(*ori, DCM_ImageOrientationPatient)) f.orientation = checkedOrientation(*o, path);
    if (DcmItem* measures = firstItem(groups, DCM_PixelMeasuresSequence))
        if (auto s = checkedSpacing(*measures, path)) f.pixelSpacing = s;
    if (DcmItem* pvt = firstItem(groups, DCM_PixelValueTransformationSequence)) {
        f.rescaleSlope = getDouble(*pvt, DCM_RescaleSlope);
        f.rescaleIntercept = getDouble(*pvt, DCM_RescaleIntercept);
    }
    if (DcmItem* content = firstItem(groups, DCM_FrameContentSequence)) {
        f.temporalPositionIndex = getInt(*content, DCM_TemporalPositionIndex);
        f.stackId = getInt(*content, DCM_StackID);
        f.inStackPosition = getInt(*content, DCM_InStackPositionNumber);
        for (double v : getDoubles(*content, DCM_DimensionIndexValues)) f.dimensionIndexValues.push_back(int(v));
    }
}

template <typename T>
void fillMissing(std::optional<T>& target, const std::optional<T>& fallback) {
    if (!target) target = fallback;
}

void readEnhancedFrames(DcmDataset& ds, core::InstanceRecord& r, const std::string& path) {
    DcmSequenceOfItems* perFrame = nullptr;
    if (ds.findAndGetSequence(DCM_PerFrameFunctionalGroupsSequence, perFrame).bad() || !perFrame) return;
    core::FrameRecord shared;
    if (DcmItem* sharedItem = firstItem(ds, DCM_SharedFunctionalGroupsSequence))
        readFunctionalGroups(*sharedItem, shared, path);
    // Extra items (files cut down from a longer object) are ignored; missing ones are an error.
    const unsigned long n = r.numberOfFrames;
    if (perFrame->card() < n)
        throw IoError(path, "PerFrameFunctionalGroupsSequence has " + std::to_string(perFrame->card()) +
                                " items for " + std::to_string(r.numberOfFrames) + " frames");
    r.frames.resize(n);
    for (unsigned long i = 0; i < n; ++i) {
        core::FrameRecord& f = r.frames[i];
        readFunctionalGroups(*perFrame->getItem(i), f, path);
        fillMissing(f.position, shared.position);
        fillMissing(f.orientation, shared.orientation);
        fillMissing(f.pixelSpacing, shared.pixelSpacing);
        fillMissing(f.rescaleSlope, shared.rescaleSlope);
        fillMissing(f.rescaleIntercept, shared.rescaleIntercept);
    }
    // The first frame stands for the instance where the classic attributes are absent.
    fillMissing(r.position, r.frames[0].position);
    fillMissing(r.orientation, r.frames[0].orientation);
    fillMissing(r.pixelSpacing, r.frames[0].pixelSpacing);
    if (DcmItem* sharedItem = firstItem(ds, DCM_SharedFunctionalGroupsSequence))
        if (DcmItem* measures = firstItem(*sharedItem, DCM_PixelMeasuresSequence)) {
            if (!r.sliceThickness) r.sliceThickness = getDouble(*measures, DCM_SliceThickness);
            if (!r.spacingBetweenSlices) r.spacingBetweenSlices = getDouble(*measures, DCM_SpacingBetweenSlices);
        }
    if (r.frames[0].rescaleSlope) r.rescaleSlope = *r.frames[0].rescaleSlope;
    if (r.frames[0].rescaleIntercept) r.rescaleIntercept = *r.frames[0].rescaleIntercept;
}

void readImageAttributes(DcmDataset& ds, core::InstanceRecord& r, const std::string& path) {
    r.rows = getUInt16(ds, DCM_Rows).value_or(0);
    r.columns = getUInt16(ds, DCM_Columns).value_or(0);
    const std::string frames = getString(ds, DCM_NumberOfFrames);
    if (!frames.empty()) {
        char* end = nullptr;
        const long n = std::strtol(frames.c_str(), &end, 10);
        if (*end != '\0' || n < 1 || n > 2147483647L)
            throw IoError(path, "NumberOfFrames '" + frames + "' is not a frame count");
        r.numberOfFrames = std::uint32_t(n);
    }
    r.samplesPerPixel = getUInt16(ds, DCM_SamplesPerPixel).value_or(1);
    r.bitsAllocated = getUInt16(ds, DCM_BitsAllocated).value_or(0);
    r.bitsStored = getUInt16(ds, DCM_BitsStored).value_or(r.bitsAllocated);
    r.highBit = getUInt16(ds, DCM_HighBit).value_or(r.bitsStored ? r.bitsStored - 1 : 0);
    r.pixelRepresentation = getUInt16(ds, DCM_PixelRepresentation).value_or(0);
    r.planarConfiguration = getUInt16(ds, DCM_PlanarConfiguration).value_or(0);
    r.photometricInterpretation = getString(ds, DCM_PhotometricInterpretation);
    if (r.photometricInterpretation.empty()) r.photometricInterpretation = "MONOCHROME2";

    if (auto p = getFixed<3>(ds, DCM_ImagePositionPatient)) r.position = checkedPosition(*p, path);
    if (auto o = getFixed<6>(ds, DCM_ImageOrientationPatient)) r.orientation = checkedOrientation(*o, path);
    r.pixelSpacing = checkedSpacing(ds, path);
    r.sliceThickness = getDouble(ds, DCM_SliceThickness);
    r.spacingBetweenSlices = getDouble(ds, DCM_SpacingBetweenSlices);
    r.gantryTilt = getDouble(ds, DCM_GantryDetectorTilt);
    r.gridFrameOffsets = getDoubles(ds, DCM_GridFrameOffsetVector);
    r.rescaleSlope = getDouble(ds, DCM_RescaleSlope).value_or(1.0);
    r.rescaleIntercept = getDouble(ds, DCM_RescaleIntercept).value_or(0.0);
    if (!std::isfinite(r.rescaleSlope) || r.rescaleSlope == 0 || !std::isfinite(r.rescaleIntercept))
        throw IoError(path, "RescaleSlope/RescaleIntercept are not usable numbers");
    r.rescaleType = getString(ds, DCM_RescaleType);
    r.windowCenter = getDouble(ds, DCM_WindowCenter);
    r.windowWidth = getDouble(ds, DCM_WindowWidth);
    r.temporalPositionIdentifier = getInt(ds, DCM_TemporalPositionIdentifier);
    r.triggerTime = getDouble(ds, DCM_TriggerTime);
    r.echoNumber = getInt(ds, DCM_EchoNumbers);
    r.acquisitionTime = getString(ds, DCM_AcquisitionTime);
    r.contentTime = getString(ds, DCM_ContentTime);
    readEnhancedFrames(ds, r, path);
}

void validatePixelFormat(const core::InstanceRecord& r, const std::string& path) {
    if (r.rows == 0 || r.columns == 0)
        throw IoError(path, "image has " + std::to_string(r.rows) + " rows and " +
                                std::to_string(r.columns) + " columns");
    const auto ba = r.bitsAllocated;
    if (r.floatPixelData) return;
    if (ba != 1 && ba != 8 && ba != 16 && ba != 32)
        throw IoError(path, "unsupported BitsAllocated " + std::to_string(ba));
    if (r.bitsStored == 0 || r.bitsStored > ba || r.highBit >= ba)
        throw IoError(path, "BitsStored " + std::to_string(r.bitsStored) + " / HighBit " +
                                std::to_string(r.highBit) + " do not fit BitsAllocated " + std::to_string(ba));
    if (r.samplesPerPixel != 1 && r.samplesPerPixel != 3)
        throw IoError(path, "unsupported SamplesPerPixel " + std::to_string(r.samplesPerPixel));
    if (!r.encapsulated && r.pixelDataOffset != 0) {
        const std::uint64_t expected = expectedPixelBytes(r);
        if (r.pixelDataLength < expected)
            throw IoError(path, "pixel data holds " + std::to_string(r.pixelDataLength) + " bytes but " +
                                    std::to_string(r.rows) + "x" + std::to_string(r.columns) + "x" +
                                    std::to_string(r.numberOfFrames) + " frames need " + std::to_string(expected));
        if (r.pixelDataOffset + expected > r.fileSize)
            throw IoError(path, "file is truncated: pixel data needs " + std::to_string(expected) + " bytes, " +
                                    std::to_string(r.fileSize - r.pixelDataOffset) + " are present");
    }
    // Absurd sizes are refused here, before anything is allocated for them.
    if (r.encapsulated && std::uint64_t(r.numberOfFrames) * 8 > r.fileSize)
        throw IoError(path, std::to_string(r.numberOfFrames) + " compressed frames cannot fit in a file of " +
                                std::to_string(r.fileSize) + " bytes");
    const std::uint64_t decoded = std::uint64_t(r.rows) * r.columns * r.numberOfFrames * r.samplesPerPixel *
                                  std::max<unsigned>(1, ba / 8);
    // Reading /proc/meminfo per file would cost more than the header: small images cannot
    // exhaust memory on their own (the loader checks the whole volume).
    if (decoded > (std::uint64_t(64) << 20)) requireMemory(decoded, "decoding this image", path);
}

}  // namespace

namespace {
bool looksLikeDicom(const FileHandle& file) {
    unsigned char prefix[132];
    const std::size_t got = file.readAt(0, prefix, sizeof prefix);
    if (got == 132 && std::memcmp(prefix + 128, "DICM", 4) == 0) return true;
    return plausibleDatasetStart(prefix, got);
}
}  // namespace

bool DicomHeaderReader::looksLikeDicom(const std::string& path) {
    const FileHandle file(path);
    return file.ok() && io::looksLikeDicom(file);
}

std::optional<DicomHeader> DicomHeaderReader::read(const std::string& path) {
    const FileHandle handle(path);
    if (!handle.ok()) throw IoError(path, std::string("cannot open: ") + std::strerror(errno));
    const std::uint64_t size = handle.size();
    if (!io::looksLikeDicom(handle)) return std::nullopt;

    ensureDcmtkReady();
    DcmFileFormat file;
    OFCondition cond;
    offile_off_t stop = 0;
    const bool deflated = isDeflatedFile(path);
    if (deflated) {
        cond = loadDicomFile(file, path, kMaxInlineValue);  // inflated with a limit: stream positions are not file offsets
    } else {
        checkNesting(path);  // before DCMTK's recursion can overflow the stack
        DcmInputFileStream stream(path.c_str());
        if (stream.status().bad()) throw IoError(path, std::string("cannot open: ") + stream.status().text());
        file.transferInit();
        try {
            cond = file.readUntilTag(stream, EXS_Unknown, EGL_noChange, kMaxInlineValue, DCM_PixelData);
        } catch (const std::exception& e) {  // DCMTK lets a few standard exceptions through on malformed input
            throw IoError(path, std::string("malformed DICOM header (") + e.what() + ")");
        }
        file.transferEnd();
        stop = stream.tell();
    }
    DcmDataset& ds = *file.getDataset();
    if (cond.bad()) {
        const bool truncated = cond == EC_StreamNotifyClient;
        throw IoError(path, truncated ? "file ends inside the DICOM header (truncated)"
                                      : std::string("malformed DICOM header: ") + cond.text());
    }

    DicomHeader h;
    core::InstanceRecord& r = h.instance;
    r.filePath = path;
    r.fileSize = size;
    const DcmXfer xfer(deflated ? EXS_DeflatedLittleEndianExplicit : ds.getOriginalXfer());
    r.transferSyntaxUid = xfer.getXferID();
    r.sopClassUid = getString(ds, DCM_SOPClassUID);
    if (r.sopClassUid.empty()) r.sopClassUid = getString(*file.getMetaInfo(), DCM_MediaStorageSOPClassUID);
    r.sopInstanceUid = getString(ds, DCM_SOPInstanceUID);
    r.instanceNumber = getInt(ds, DCM_InstanceNumber);
    r.acquisitionNumber = getInt(ds, DCM_AcquisitionNumber);
    r.imageType = getString(ds, DCM_ImageType);

    if (deflated) r.hasPixelData = ds.tagExists(DCM_PixelData);  // read whole (rare and small)
    else locatePixelData(handle, stop, xfer, r);
    r.floatPixelData = !r.hasPixelData && (ds.tagExists(DCM_FloatPixelData) || ds.tagExists(DCM_DoubleFloatPixelData));
    if (r.floatPixelData) r.hasPixelData = true;

    if (!r.hasPixelData && ds.tagExists(DCM_Rows) && ds.tagExists(DCM_Columns) && ds.tagExists(DCM_BitsAllocated))
        throw IoError(path, "the image attributes are there but the Pixel Data is missing");
    if (r.hasPixelData || ds.tagExists(DCM_Rows)) readImageAttributes(ds, r, path);
    if (r.hasPixelData) validatePixelFormat(r, path);

    h.patient.patientId = getString(ds, DCM_PatientID);
    h.patient.name = getString(ds, DCM_PatientName);
    h.patient.birthDate = getString(ds, DCM_PatientBirthDate);
    h.patient.sex = getString(ds, DCM_PatientSex);
    h.study.studyUid = getString(ds, DCM_StudyInstanceUID);
    h.study.studyId = getString(ds, DCM_StudyID);
    h.study.date = getString(ds, DCM_StudyDate);
    h.study.time = getString(ds, DCM_StudyTime);
    h.study.description = getString(ds, DCM_StudyDescription);
    h.study.accessionNumber = getString(ds, DCM_AccessionNumber);
    h.study.referringPhysician = getString(ds, DCM_ReferringPhysicianName);
    h.series.seriesUid = getString(ds, DCM_SeriesInstanceUID);
    h.series.studyUid = h.study.studyUid;
    h.series.modality = getString(ds, DCM_Modality);
    h.series.description = getString(ds, DCM_SeriesDescription);
    h.series.seriesNumber = getInt(ds, DCM_SeriesNumber);
    h.series.frameOfReferenceUid = getString(ds, DCM_FrameOfReferenceUID);
    h.series.bodyPart = getString(ds, DCM_BodyPartExamined);
    h.series.date = getString(ds, DCM_SeriesDate);
    h.series.time = getString(ds, DCM_SeriesTime);
    return h;
}

}  // namespace lumen::io
