// Files made to hurt: a deflate bomb, sequences nested without end, the inputs the fuzzers found
// (tests/fuzz/regressions), a DICOMDIR that points out of its folder. Each is refused with a reason, nothing crashes, and
// the good file beside each still loads.
#include "HostileDicom.h"
#include "TestSupport.h"
#include "io/AnnotationJson.h"
#include "io/DicomDirReader.h"
#include "io/DicomHeaderReader.h"
#include "io/ImageLoader.h"
#include "io/IoError.h"

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
