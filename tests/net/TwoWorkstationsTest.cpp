// Several workstations, one PACS (docs/deployment.md): two lumen-cli processes with their own AE
// titles and folders. The first retrieves a study, labels it and sends the SEG back; the second
// finds the SEG by a query, retrieves it with the images it references and reads the same labels.
#include "OrthancServer.h"
#include "TestSupport.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

using namespace lumen;

namespace {

TEST(TwoWorkstations, AnnotationsSentByOneAreFoundAndOpenedByTheOther) {
    test::OrthancServer orthanc;
    ASSERT_TRUE(orthanc.running()) << orthanc.error();
    test::TempDir dir("two-workstations");
    const std::string cli = test::quote(test::lumenCli().string());
    ASSERT_EQ(test::run(cli + " synth-ct " + test::quote((dir / "scanner").string()) + " --slices 10 --size 48").exitCode, 0);
    ASSERT_TRUE(orthanc.store(test::filesUnder(dir / "scanner"))) << orthanc.error();
    const auto pacs = [&](const std::string& aet, const std::string& args) {
        return test::run(cli + " pacs " + args + " --dimse " + orthanc.dimse() + " --aet " + aet);
    };

    // Workstation 1: retrieve, label (voxels above the mean), send the SEG.
    auto r = pacs("LUMEN-WS1", "find --patient-id LUMEN-SYNTH --json");
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const std::string study = nlohmann::json::parse(r.out).at("results").at(0).at("StudyInstanceUID");
    const auto ws1 = dir / "ws1", ws2 = dir / "ws2";
    ASSERT_EQ(pacs("LUMEN-WS1", "get --study " + study + " --out " + test::quote((ws1 / "ct").string())).exitCode, 0);
    ASSERT_EQ(test::run(cli + " convert " + test::quote((ws1 / "ct").string()) + " " + test::quote((ws1 / "ct.nii.gz").string())).exitCode, 0);
    const auto labelled = test::run(std::string(test::kDebianPython) + " -c " + test::quote(
        "import nibabel as nib, numpy as np\n"
        "a = nib.load('" + (ws1 / "ct.nii.gz").string() + "'); v = np.asarray(a.dataobj)\n"
        "nib.save(nib.Nifti1Image((v > v.mean()).astype(np.uint8), a.affine), '" + (ws1 / "labels.nii.gz").string() + "')\n"));
    ASSERT_EQ(labelled.exitCode, 0) << labelled.err;
    r = test::run(cli + " seg export --labels " + test::quote((ws1 / "labels.nii.gz").string()) + " --source " + test::quote((ws1 / "ct").string()) +
                  " --out " + test::quote((ws1 / "seg.dcm").string()));
    ASSERT_EQ(r.exitCode, 0) << r.err;
    r = pacs("LUMEN-WS1", "send " + test::quote((ws1 / "seg.dcm").string()));
    ASSERT_EQ(r.exitCode, 0) << r.err;

    // Workstation 2: the SEG is in the study; retrieved with its images, it reads back the same labels.
    r = pacs("LUMEN-WS2", "find --level series --study " + study + " --modality SEG --json");
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const auto segs = nlohmann::json::parse(r.out).at("results");
    ASSERT_EQ(segs.size(), 1u) << "workstation 2 finds workstation 1's SEG";
    r = pacs("LUMEN-WS2", "find --level series --study " + study + " --modality CT --json");
    const std::string ctSeries = nlohmann::json::parse(r.out).at("results").at(0).at("SeriesInstanceUID");
    ASSERT_EQ(pacs("LUMEN-WS2", "get --study " + study + " --series " + ctSeries + " --out " + test::quote((ws2 / "ct").string())).exitCode, 0);
    ASSERT_EQ(pacs("LUMEN-WS2", "get --study " + study + " --series " + std::string(segs[0].at("SeriesInstanceUID")) + " --out " +
                                    test::quote((ws2 / "seg").string())).exitCode, 0);
    const auto segFiles = test::filesUnder(ws2 / "seg");
    ASSERT_EQ(segFiles.size(), 1u);
    r = test::run(cli + " seg import " + test::quote(segFiles[0]) + " --source " + test::quote((ws2 / "ct").string()) + " --out " +
                  test::quote((ws2 / "labels.nii.gz").string()));
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const auto same = test::run(std::string(test::kDebianPython) + " -c " + test::quote(
        "import nibabel as nib, numpy as np, sys\n"
        "a = np.asarray(nib.load('" + (ws1 / "labels.nii.gz").string() + "').dataobj)\n"
        "b = np.asarray(nib.load('" + (ws2 / "labels.nii.gz").string() + "').dataobj)\n"
        "sys.exit(0 if a.shape == b.shape and (a > 0).sum() > 0 and ((a > 0) == (b > 0)).all() else 1)\n"));
    EXPECT_EQ(same.exitCode, 0) << "workstation 2 reads workstation 1's labels voxel for voxel " << same.err;
}

}  // namespace
