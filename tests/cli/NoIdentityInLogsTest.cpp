// Patient identity never reaches what Lumen's programs say beside their output: stderr (errors,
// warnings, progress), the AI worker's protocol, the files they write for machines (NIfTI, model
// results). A study whose name, ID, birth date and accession are unique strings goes through
// lumen-cli and lumen-ai, a truncated file and a wrong label map among it to draw error messages;
// every byte they wrote is searched. (Only `lumen-cli info`'s listing names patients: that is
// what it is for.)
#include "TestSupport.h"
#include "core/SyntheticCtGenerator.h"
#include "io/DicomSeriesWriter.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

using namespace lumen;
namespace fs = std::filesystem;

namespace {

const char* const kIdentity[] = {"Qzvxk", "Wilhelmina", "PID-771903", "ACC-55831", "19580214"};

// A small CT of that patient in `folder`.
io::DicomExportResult writeStudy(const fs::path& folder) {
    core::SyntheticCtGenerator::Options o;
    o.size = 48, o.slices = 12, o.pixelSpacing = 4, o.sliceSpacing = 4;
    io::DicomExportOptions options;
    options.modality = "CT";
    options.patient = {"PID-771903", "Qzvxk^Wilhelmina", "19580214", "F", {}};
    options.study.accessionNumber = "ACC-55831";
    return io::DicomSeriesWriter::write(core::SyntheticCtGenerator::generate(o), folder.string(), options);
}

TEST(NoIdentityInLogs, NothingLumenSaysBesideItsOutputNamesThePatient) {
    test::TempDir dir("identity");
    const fs::path study = dir / "study";
    const auto written = writeStudy(study);
    // A truncated copy of one slice beside the others: the indexer reports it.
    const std::string slice = test::readText(written.files.front());
    std::ofstream(study / "broken.dcm", std::ios::binary) << slice.substr(0, slice.size() / 2);
    std::ofstream(dir / "wrong.nii", std::ios::binary) << "not a label map";

    const std::string cli = test::quote(test::lumenCli().string()), ai = test::quote((test::binaryDir() / "bin" / "lumen-ai").string());
    const std::string in = test::quote(study.string());
    std::string said;  // everything but the outputs themselves
    const auto run = [&](const std::string& command, bool stdoutToo) {
        const test::CommandResult r = test::run(command);
        said += r.err + (stdoutToo ? r.out : std::string());
        return r;
    };
    const auto info = run(cli + " info " + in, false);
    ASSERT_NE(info.out.find("Qzvxk^Wilhelmina"), std::string::npos) << "the study carries the identity, and info lists it: " << info.out;
    run(cli + " load " + in + " --timing", true);
    run(cli + " convert " + in + " " + test::quote((dir / "ct.nii").string()), true);
    run(cli + " seg export --labels " + test::quote((dir / "wrong.nii").string()) + " --source " + in + " --out " + test::quote((dir / "seg.dcm").string()), true);
    run(cli + " anonymize " + in + " " + test::quote((dir / "anonymised").string()) + " --map " + test::quote((dir / "map.json").string()), true);
    const auto inferred = run(ai + " infer --model brain-structures --input " + in + " --output " + test::quote((dir / "result").string()), true);
    EXPECT_EQ(inferred.exitCode, 0) << inferred.err;
    run(ai + " infer --model brain-structures --strict --input " + in + " --output " + test::quote((dir / "strict").string()), true);
    // The worker, as the viewer drives it: one job, and shutdown once its result is in; its
    // protocol is stdout.
    const std::string request = R"({"type":"infer","id":"j1","model":"brain-structures","input":")" + study.string() + R"(","output":")" +
                                (dir / "worker").string() + R"(","device":"cpu","threads":1,"uncertainty":false,"modality":"CT","body_part":"CHEST"})";
    std::ofstream(dir / "request.json") << request;
    const std::string driver =
        "import subprocess, sys\n"
        "p = subprocess.Popen(sys.argv[1:], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)\n"
        "p.stdin.write(open('REQUEST').read() + '\\n'); p.stdin.flush()\n"
        "lines = []\n"
        "for line in p.stdout:\n"
        "    lines.append(line)\n"
        "    if '\"result\"' in line or '\"error\"' in line: break\n"
        "rest, err = p.communicate('{\"type\":\"shutdown\"}\\n', timeout=120)\n"
        "sys.stdout.write(''.join(lines) + rest); sys.stderr.write(err)\n";
    std::string script = driver;
    script.replace(script.find("REQUEST"), 7, (dir / "request.json").string());
    const auto worker = run(std::string(test::kDebianPython) + " -c " + test::quote(script) + " " + ai + " worker --device cpu", true);
    EXPECT_NE(worker.out.find("\"result\""), std::string::npos) << worker.out << worker.err;
    ASSERT_NE(said.find("broken.dcm"), std::string::npos) << "the truncated file was reported: " << said;
    ASSERT_FALSE(said.empty());
    for (const char* secret : kIdentity) EXPECT_EQ(said.find(secret), std::string::npos) << secret << " in:\n" << said;

    // The files made for machines: the NIfTI conversion and the models' results.
    std::vector<fs::path> machineFiles{dir / "ct.nii"};
    for (const auto& e : fs::directory_iterator(dir.path()))
        if (e.path().filename().string().rfind("result", 0) == 0 || e.path().filename().string().rfind("worker", 0) == 0) machineFiles.push_back(e.path());
    ASSERT_GE(machineFiles.size(), 3u);
    for (const auto& file : machineFiles) {
        const std::string bytes = file.extension() == ".gz" ? test::run("gzip -dc " + test::quote(file.string())).out : test::readText(file);
        for (const char* secret : kIdentity) EXPECT_EQ(bytes.find(secret), std::string::npos) << secret << " in " << file;
    }
}

// dataset export --anonymize: a folder named after the patient (as PACS exports often are) names
// neither a case nor an origin of the dataset; without it the origin says where the case came from.
TEST(NoIdentityInLogs, AnAnonymisedDatasetNamesNoPatientNorSourceFolder) {
    test::TempDir dir("identity-dataset");
    const fs::path study = dir / "Qzvxk_Wilhelmina";
    writeStudy(study);
    const std::string cli = test::quote(test::lumenCli().string());
    ASSERT_EQ(test::run(cli + " convert " + test::quote(study.string()) + " " + test::quote((dir / "ct.nii.gz").string())).exitCode, 0);
    const auto labelled = test::run(std::string(test::kDebianPython) + " -c " + test::quote(
        "import sys, nibabel as nib, numpy as np\nct = nib.load(sys.argv[1])\nlabels = np.zeros(ct.shape, np.uint8)\n"
        "labels[10:30, 10:30, 3:8] = 1\nnib.save(nib.Nifti1Image(labels, ct.affine), sys.argv[2])") + " " +
        test::quote((dir / "ct.nii.gz").string()) + " " + test::quote((dir / "labels.nii.gz").string()));
    ASSERT_EQ(labelled.exitCode, 0) << labelled.err;
    for (const bool anonymised : {false, true}) {
        const fs::path out = dir / (anonymised ? "anonymised" : "plain");
        const auto r = test::run(cli + " dataset export --format monai --out " + test::quote(out.string()) + " --case " + test::quote(study.string()) + " " +
                                 test::quote((dir / "labels.nii.gz").string()) + (anonymised ? " --anonymize" : ""));
        ASSERT_EQ(r.exitCode, 0) << r.err;
        std::string everything = r.out + r.err;
        for (const auto& f : test::filesUnder(out)) everything += f + test::readText(f);
        EXPECT_EQ(everything.find("Qzvxk") != std::string::npos, !anonymised) << everything.substr(0, 2000);
    }
}

}  // namespace
