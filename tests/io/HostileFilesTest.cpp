// Files made to hurt: a deflate bomb, sequences nested without end, the inputs the fuzzers found
// (tests/fuzz/regressions), a DICOMDIR that points out of its folder. Each is refused with a reason, nothing crashes, and
// the good file beside each still loads.
#include "HostileFiles.h"
#include "TestSupport.h"
#include "io/AnnotationJson.h"
#include "io/DicomDirReader.h"
#include "io/DicomHeaderReader.h"
#include "io/DicomSegmentation.h"
#include "io/ImageLoader.h"
#include "io/ImageFileWriter.h"
#include "io/IoError.h"
#include "io/SlicerSegmentation.h"
#include "io/TrainingDataset.h"

#include <gtest/gtest.h>

#include <cstring>
#include <filesystem>
#include <fstream>

using namespace lumen;
namespace fs = std::filesystem;

namespace {

fs::path fuzzDir() { return test::sourceDir() / "tests" / "fuzz"; }

std::string bytesOf(const fs::path& file) { return test::readText(file); }

void writeBytes(const fs::path& file, const std::string& bytes) { std::ofstream(file, std::ios::binary) << bytes; }

TEST(HostileFiles, ADeflateBombIsRefusedBeforeItFillsMemory) {
    test::TempDir dir("hostile");
    const fs::path bomb = dir / "bomb.dcm";
    writeBytes(bomb, test::deflateBomb(1100));
    ASSERT_LT(fs::file_size(bomb), 2u << 20) << "a small file";
    try {
        io::DicomHeaderReader::read(bomb.string());
        FAIL() << "a data set that inflates to 1.1 GB was read";
    } catch (const io::IoError& e) {
        EXPECT_NE(std::string(e.what()).find("expands past 1024 MB"), std::string::npos) << e.what();
    }
    // The same file with little inside is refused for what it is: an element longer than the data.
    writeBytes(bomb, test::deflateBomb(2));
    EXPECT_THROW(io::DicomHeaderReader::read(bomb.string()), io::IoError);
    // A good deflated file still loads, and as the same image as its uncompressed original.
    const io::LoadedImage deflated = io::ImageLoader::load((fuzzDir() / "corpus" / "dicom_file" / "deflated.dcm").string());
    const io::LoadedImage plain = io::ImageLoader::load((fuzzDir() / "corpus" / "dicom_file" / "explicit-little.dcm").string());
    ASSERT_EQ(deflated.volume.byteSize(), plain.volume.byteSize());
    EXPECT_EQ(std::memcmp(deflated.volume.data(), plain.volume.data(), plain.volume.byteSize()), 0);
}

// Sequences nested 200,000 deep (7 MB): DCMTK's recursive parser overflowed the stack and ended
// the process. Refused before DCMTK sees it, also when the nesting hides inside an element of VR
// UN (which DCMTK reads as an implicit VR sequence, CP-246); real nesting still loads (here 3
// levels, and an SR's in the SR tests).
TEST(HostileFiles, SequencesNestedWithoutEndAreRefused) {
    test::TempDir dir("hostile");
    for (const bool insideUnknown : {false, true}) {
        SCOPED_TRACE(insideUnknown ? "inside UN" : "explicit");
        writeBytes(dir / "deep.dcm", test::nestedSequences(200000, insideUnknown));
        try {
            io::DicomHeaderReader::read((dir / "deep.dcm").string());
            FAIL() << "200,000 nested sequences were handed to DCMTK";
        } catch (const io::IoError& e) {
            EXPECT_NE(std::string(e.what()).find("nest more than 64 levels"), std::string::npos) << e.what();
        }
        EXPECT_THROW(io::ImageLoader::load((dir / "deep.dcm").string()), io::IoError);

        writeBytes(dir / "shallow.dcm", test::nestedSequences(3, insideUnknown));
        const auto shallow = io::DicomHeaderReader::read((dir / "shallow.dcm").string());
        ASSERT_TRUE(shallow.has_value());
        EXPECT_EQ(shallow->instance.sopInstanceUid, "1.2.3.4");
    }
}

// Gzip that inflates far past what its header declares (2 GB of zeros in ~2 MB): a .seg.nrrd and
// a .nii.gz are read as the image they declare, inflating no further (the .seg.nrrd reader kept
// inflating into memory); a .seg.nrrd's detached data file must lie beside it.
TEST(HostileFiles, GzipThatExpandsWithoutEndIsReadOnlyAsFarAsTheImageGoes) {
    test::TempDir dir("hostile");
    core::LabelMap labels(core::ImageGeometry({8, 8, 4}, {1, 1, 2}, {}));
    labels.labels().set({1, "lesion", {255, 40, 40, 255}});
    std::string voxels;
    for (std::size_t n = 0; n < labels.geometry().voxelCount(); ++n) {
        labels.set(n, n % 3 == 0 ? 1 : 0);
        voxels += char(labels.at(n));
    }
    const fs::path good = dir / "good.seg.nrrd";
    io::SlicerSegmentation::write(labels, good.string());
    const std::string text = bytesOf(good);
    const std::string header = text.substr(0, text.find("\n\n") + 2);
    writeBytes(dir / "bomb.seg.nrrd", header + test::gzipBomb(voxels, 2048));
    ASSERT_LT(fs::file_size(dir / "bomb.seg.nrrd"), 4u << 20);
    const auto seg = io::SlicerSegmentation::read((dir / "bomb.seg.nrrd").string());
    EXPECT_EQ(seg.labels.count(1), labels.count(1));

    std::string detached = header;
    detached.replace(detached.find("encoding: gzip"), 14, "encoding: raw\ndata file: ../../etc/passwd");
    writeBytes(dir / "detached.seg.nrrd", detached);
    try {
        io::SlicerSegmentation::read((dir / "detached.seg.nrrd").string());
        ADD_FAILURE() << "read voxels from outside the file's folder";
    } catch (const io::IoError& e) {
        EXPECT_NE(std::string(e.what()).find("is not a file beside it"), std::string::npos) << e.what();
    }

    core::Volume ct = core::Volume::allocate(core::PixelType::Int16, core::ImageGeometry({16, 16, 8}, {1, 1, 2}, {}));
    for (std::size_t n = 0; n < ct.geometry().voxelCount(); ++n) reinterpret_cast<std::int16_t*>(ct.data())[n] = std::int16_t(n % 1000 - 500);
    io::ImageFileWriter::write(ct, (dir / "plain.nii").string(), false);
    writeBytes(dir / "bomb.nii.gz", test::gzipBomb(bytesOf(dir / "plain.nii"), 2048));
    const io::LoadedImage loaded = io::ImageLoader::load((dir / "bomb.nii.gz").string());
    ASSERT_EQ(loaded.volume.byteSize(), ct.byteSize());
    EXPECT_EQ(std::memcmp(loaded.volume.data(), ct.data(), ct.byteSize()), 0);
}

// One file of a harness's regression input, written as the harness writes it.
fs::path asFile(const fs::path& regression, const fs::path& dir, const std::string& name, std::size_t skip = 0) {
    writeBytes(dir / name, bytesOf(regression).substr(skip));
    return dir / name;
}

TEST(HostileFiles, WhatTheFuzzersFoundIsRefusedWithAReason) {
    test::TempDir dir("hostile");
    const fs::path regressions = fuzzDir() / "regressions";
    // DCMTK's RLE decoder read outside the fragment when the segment table was out of order.
    EXPECT_THROW(io::ImageLoader::load(asFile(regressions / "dicom_file" / "rle-segment-table-out-of-order", dir.path(), "rle.dcm").string()), io::IoError);
    // The same file in good order decodes to the uncompressed original.
    const io::LoadedImage rle = io::ImageLoader::load((fuzzDir() / "corpus" / "dicom_file" / "rle.dcm").string());
    const io::LoadedImage plain = io::ImageLoader::load((fuzzDir() / "corpus" / "dicom_file" / "explicit-little.dcm").string());
    EXPECT_EQ(std::memcmp(rle.volume.data(), plain.volume.data(), plain.volume.byteSize()), 0);
    // ITK's MetaIO divided by a zero step when ElementDataFile was a file-name pattern, and
    // overflowed a fixed buffer on a long header line: Lumen reads the header first.
    for (const char* input : {"metaimage-data-file-pattern-step-zero", "metaimage-long-header-line"}) {
        try {
            io::ImageLoader::load(asFile(regressions / "image_file" / input, dir.path(), "image.mha", 1).string());
            ADD_FAILURE() << input << " was read";
        } catch (const io::IoError& e) {
            EXPECT_NE(std::string(e.what()).find("MetaImage"), std::string::npos) << e.what();
        }
    }
    const fs::path pattern = dir / "pattern.mha";
    writeBytes(pattern, "ObjectType = Image\nNDims = 3\nDimSize = 2 2 2\nElementType = MET_UCHAR\nElementDataFile = slice%03d.raw 1 2 0\n");
    try {
        io::ImageLoader::load(pattern.string());
        ADD_FAILURE() << "a MetaImage naming a file pattern was read";
    } catch (const io::IoError& e) {
        EXPECT_NE(std::string(e.what()).find("ElementDataFile"), std::string::npos) << e.what();
    }
    // "NDims = -15": MetaIO read four billion numbers per axis field (a hang).
    try {
        io::ImageLoader::load(asFile(regressions / "image_file" / "metaimage-negative-ndims", dir.path(), "image.mha", 1).string());
        ADD_FAILURE() << "a MetaImage of NDims -15 was read";
    } catch (const io::IoError& e) {
        EXPECT_NE(std::string(e.what()).find("NDims"), std::string::npos) << e.what();
    }
    // A negative NIfTI vox_offset was converted to an unsigned offset.
    EXPECT_THROW(io::ImageLoader::load(asFile(regressions / "image_file" / "nifti-negative-vox-offset", dir.path(), "image.nii", 1).string()), io::IoError);
    // DCMTK threw std::out_of_range out of a malformed DICOMDIR record.
    const std::string dicomdir = bytesOf(regressions / "dicomdir" / "record-type-out-of-range");
    fs::create_directories(dir / "media");
    writeBytes(dir / "media" / "DICOMDIR", dicomdir.substr(0, dicomdir.find("\n--LUMEN-FILE--\n")));
    EXPECT_THROW(io::DicomDirReader::referencedFiles((dir / "media" / "DICOMDIR").string()), io::IoError);
    // A colour component of 2.6e31 wrapped into a byte; 300 would have become 44.
    EXPECT_THROW(io::annotationsFromJson(bytesOf(regressions / "annotations" / "colour-beyond-255").substr(1)), io::AnnotationFormatError);
    // A "format" of another type threw a json type_error past the reader.
    EXPECT_THROW(io::annotationsFromJson(bytesOf(regressions / "annotations" / "format-of-another-type").substr(1)), io::AnnotationFormatError);
    EXPECT_THROW(io::annotationsFromJson(R"({"format": "lumen-annotations", "version": "1"})"), io::AnnotationFormatError);
    core::AnnotationSet set;
    EXPECT_THROW(io::readLabelSidecar(R"([{"value": 1, "name": "lesion", "color": [300, 40, 40]}])", set), io::AnnotationFormatError);
    EXPECT_THROW(io::readLabelSidecar(R"([{"value": 70000, "name": "lesion", "color": [200, 40, 40]}])", set), io::AnnotationFormatError);
    EXPECT_NO_THROW(io::readLabelSidecar(R"([{"value": 7, "name": "lesion", "color": [200, 40, 40]}])", set));
    // A datalist that is a JSON string, or names an image by a number: json's type_error escaped.
    for (const std::string& datalist : {bytesOf(regressions / "training_set" / "datalist-that-is-a-string").substr(1),
                                       std::string(R"({"training": [{"image": 5, "label": "l.nii.gz"}]})")}) {
        writeBytes(dir / "datalist.json", datalist);
        try {
            io::TrainingDataset::read((dir / "datalist.json").string());
            ADD_FAILURE() << datalist << " was read";
        } catch (const io::IoError& e) {
            EXPECT_NE(std::string(e.what()).find("malformed training set"), std::string::npos) << e.what();
        }
    }
    // A series whose last file claims 64015 × 10256 pixels in 923 bytes: 1.3 GB was allocated
    // before decoding found nothing there. Refused by what the files can hold.
    const std::string series = bytesOf(regressions / "dicom_series" / "rows-64015-in-923-bytes");
    fs::create_directories(dir / "series");
    std::size_t at = 0;
    for (int n = 0;; ++n) {
        const std::size_t end = series.find("\n--LUMEN-FILE--\n", at);
        writeBytes(dir / "series" / (std::to_string(n) + ".dcm"), series.substr(at, end == std::string::npos ? std::string::npos : end - at));
        if (end == std::string::npos) break;
        at = end + 16;
    }
    try {
        io::ImageLoader::load((dir / "series").string());
        ADD_FAILURE() << "a series of 923-byte files loaded as 1.3 GB";
    } catch (const io::IoError& e) {
        EXPECT_NE(std::string(e.what()).find("(923 bytes) cannot hold the 1252 MB of pixels their headers claim"), std::string::npos) << e.what();
    }
    // A SEG frame whose position makes no number: the slice index NaN was converted to an integer.
    const io::ImageStack source = io::DicomSegmentation::sourceStack((fuzzDir() / "data" / "source").string());
    EXPECT_THROW(io::DicomSegmentation::read(asFile(regressions / "seg" / "frame-position-not-a-number", dir.path(), "seg.dcm").string(), source),
                 io::IoError);
    // A SEG without its Pixel Data: DCMTK's getFrame() read past an empty frame list (SEGV).
    try {
        io::DicomSegmentation::read(asFile(regressions / "seg" / "pixel-data-missing", dir.path(), "seg2.dcm").string(), source);
        ADD_FAILURE() << "a SEG without pixel data was read";
    } catch (const io::IoError& e) {
        EXPECT_NE(std::string(e.what()).find("Pixel Data do not hold"), std::string::npos) << e.what();
    }
    // Row and column directions 0.01 from perpendicular: the image geometry refused them with an
    // exception past every reader (abort). They are made orthonormal as they are read.
    EXPECT_NO_THROW(io::DicomHeaderReader::read(asFile(regressions / "dicom_file" / "orientation-not-quite-orthogonal", dir.path(), "tilted.dcm").string()));
    try {
        io::ImageLoader::load((dir / "tilted.dcm").string());
    } catch (const io::IoError&) {  // refused for what else is wrong with it, or loaded: either way no abort
    }
    // A NUL inside a MetaImage header: MetaIO then allocated 2^64 - 1 bytes.
    EXPECT_THROW(io::ImageLoader::load(asFile(regressions / "image_file" / "metaimage-nul-in-header", dir.path(), "nul.mha", 1).string()), io::IoError);
    // A .seg.nrrd space direction without its ")" sent the header reader round forever, filling memory.
    try {
        io::SlicerSegmentation::read(asFile(regressions / "label_exchange" / "space-direction-without-closing-parenthesis", dir.path(), "x.seg.nrrd", 1).string());
        ADD_FAILURE() << "a space direction without \")\" was read";
    } catch (const io::IoError& e) {
        EXPECT_NE(std::string(e.what()).find("closing parenthesis"), std::string::npos) << e.what();
    }
}

TEST(HostileFiles, ADicomdirThatPointsOutOfItsFolderIsRefused) {
    test::TempDir dir("hostile");
    const std::string input = bytesOf(fuzzDir() / "corpus" / "dicomdir" / "two-images");
    fs::create_directories(dir / "media");
    writeBytes(dir / "media" / "DICOMDIR", input.substr(0, input.find("\n--LUMEN-FILE--\n")));
    EXPECT_EQ(io::DicomDirReader::referencedFiles((dir / "media" / "DICOMDIR").string()).size(), 2u);
    const auto climbed = test::run(std::string(test::kDebianPython) + " -c " + test::quote(
        "import pydicom, sys\nd = pydicom.dcmread(sys.argv[1])\n"
        "d.DirectoryRecordSequence[-1].ReferencedFileID = ['..', '..', 'etc', 'passwd']\nd.save_as(sys.argv[1])") + " " +
        test::quote((dir / "media" / "DICOMDIR").string()));
    ASSERT_EQ(climbed.exitCode, 0) << climbed.err;
    try {
        io::DicomDirReader::referencedFiles((dir / "media" / "DICOMDIR").string());
        FAIL() << "a DICOMDIR naming ../../etc/passwd was followed";
    } catch (const io::IoError& e) {
        EXPECT_NE(std::string(e.what()).find("outside the DICOMDIR's folder"), std::string::npos) << e.what();
    }
}

}  // namespace
