// DICOM SR TID 1500: dciodvfy finds no errors, pydicom reads the tree Lumen meant to write, and
// Lumen → SR → Lumen keeps every finding, measurement and classification; a report without
// Lumen's private items (what another system writes) still reads from its standard content.
#include "TestSupport.h"
#include "core/SyntheticCtGenerator.h"
#include "io/DicomSegmentation.h"
#include "io/DicomSeriesWriter.h"
#include "io/DicomStructuredReport.h"
#include "io/IoError.h"

#include <gtest/gtest.h>

#include <fstream>

using namespace lumen;

namespace {

core::Provenance model(const std::string& name, bool edited) {
    core::Provenance p;
    p.source = name, p.modelVersion = "2", p.author = edited ? "Doe^Jane" : "";
    p.created = "2026-11-26T10:00:00Z", p.modified = "2026-11-26T10:05:00Z";
    p.editedByUser = edited, p.voxelsAdded = edited ? 120 : 0, p.voxelsRemoved = edited ? 7 : 0, p.editSeconds = edited ? 12.5 : 0;
    return p;
}

core::Measurement measurement(std::uint64_t id, core::Measurement::Kind kind, std::vector<core::Point3> points, double value) {
    core::Measurement m;
    m.id = id, m.kind = kind, m.points = std::move(points), m.value = value;
    return m;
}

struct ReportCase {
    test::TempDir dir{"sr"};
    io::ImageStack source;
    core::AnnotationSet set;
    std::string sr;

    ReportCase() {
        core::SyntheticCtGenerator::Options o;
        o.size = 32, o.slices = 8;
        io::DicomExportOptions options;
        options.modality = "CT";
        options.patient = {"P4", "Sr^Test", "", "F", {}};
        io::DicomSeriesWriter::write(core::SyntheticCtGenerator::generate(o), (dir / "ct").string(), options);
        source = io::DicomSegmentation::sourceStack((dir / "ct").string());
        set.seriesInstanceUid = source.seriesUid;

        core::Finding box;
        box.id = 7, box.className = "lesion", box.score = 0.8731, box.status = core::Finding::Status::Edited;
        box.boxMin = {-10.5, 20.25, -30}, box.boxMax = {4.5, 31, -18.75};
        box.provenance = model("lesion-detector", true);
        core::Finding point = box;
        point.id = 8, point.className = "a class name longer than sixteen characters", point.score = 1;
        point.boxMin = point.boxMax = {1, 2, 3};
        point.status = core::Finding::Status::Accepted;
        point.provenance = {};
        point.provenance.author = "annotator^";
        core::Finding rejected = box;
        rejected.id = 9, rejected.score = 0.12, rejected.status = core::Finding::Status::Rejected;
        rejected.provenance = model("lesion-detector", false);
        set.findings = {box, point, rejected};

        core::Classification c;
        c.className = "lesion", c.probabilities = {{"no-lesion", 0.2}, {"lesion", 0.8}};
        c.provenance = model("lesion-classifier", false);
        set.classifications = {c};

        using K = core::Measurement::Kind;
        auto length = measurement(1, K::Length, {{0, 0, -20}, {30.125, 40, -20}}, 50.0940928);
        length.label = "aorta";
        auto angle = measurement(2, K::Angle, {{10, 0, -20}, {0, 0, -20}, {0, 10, -20}}, 90);
        auto ellipse = measurement(3, K::Ellipse, {{-10, -5, -20}, {10, 5, -20}}, 157.079633);
        ellipse.statistics = core::RegionStatistics{55.5, 12.25, -3, 99, 156.9, 279};
        ellipse.units = "HU", ellipse.label = "liver ROI";
        auto rectangle = measurement(4, K::Rectangle, {{0, -10, 5}, {0, 10, 25}}, 400);
        rectangle.planeNormal = {1, 0, 0}, rectangle.planeRight = {0, 1, 0};
        rectangle.statistics = core::RegionStatistics{1.5, 2, -1, 4, 400, 711};
        rectangle.units = "HU";
        set.measurements = {length, angle, ellipse, rectangle};
        sr = (dir / "report.dcm").string();
    }
};

void expectNear(const core::Point3& a, const core::Point3& b, const std::string& what) {
    EXPECT_LT((a - b).norm(), 1e-4) << what;  // SCOORD3D holds 32-bit floats
}

// What survives any reader: the standard content.
void expectSameContent(const core::AnnotationSet& a, const core::AnnotationSet& b) {
    ASSERT_EQ(a.findings.size(), b.findings.size());
    for (std::size_t n = 0; n < a.findings.size(); ++n) {
        const auto &x = a.findings[n], &y = b.findings[n];
        EXPECT_EQ(x.className, y.className);
        EXPECT_DOUBLE_EQ(x.score, y.score);
        EXPECT_EQ(x.status, y.status);
        expectNear(x.boxMin, y.boxMin, "box min");
        expectNear(x.boxMax, y.boxMax, "box max");
        EXPECT_EQ(x.provenance.source, y.provenance.source);
        EXPECT_EQ(x.provenance.modelVersion, y.provenance.modelVersion);
        EXPECT_EQ(x.provenance.author, y.provenance.author);
    }
    ASSERT_EQ(a.measurements.size(), b.measurements.size());
    for (std::size_t n = 0; n < a.measurements.size(); ++n) {
        const auto &x = a.measurements[n], &y = b.measurements[n];
        EXPECT_EQ(x.kind, y.kind) << n;
        EXPECT_NEAR(x.value, y.value, 1e-8 * std::abs(x.value)) << n;
        ASSERT_EQ(x.points.size(), y.points.size()) << n;
        for (std::size_t p = 0; p < x.points.size(); ++p) expectNear(x.points[p], y.points[p], "measurement point");
        EXPECT_LT((x.planeNormal - y.planeNormal).norm(), 1e-6) << n;
        EXPECT_EQ(x.statistics.has_value(), y.statistics.has_value());
        if (x.statistics && y.statistics) {
            EXPECT_DOUBLE_EQ(x.statistics->mean, y.statistics->mean);
            EXPECT_DOUBLE_EQ(x.statistics->standardDeviation, y.statistics->standardDeviation);
            EXPECT_DOUBLE_EQ(x.statistics->minimum, y.statistics->minimum);
            EXPECT_DOUBLE_EQ(x.statistics->maximum, y.statistics->maximum);
            EXPECT_EQ(x.units, y.units);
        }
    }
    ASSERT_EQ(a.classifications.size(), b.classifications.size());
    for (std::size_t n = 0; n < a.classifications.size(); ++n) {
        EXPECT_EQ(a.classifications[n].className, b.classifications[n].className);
        EXPECT_EQ(a.classifications[n].probabilities, b.classifications[n].probabilities);
        EXPECT_EQ(a.classifications[n].provenance.source, b.classifications[n].provenance.source);
    }
}

}  // namespace

TEST(DicomSr, PassesDciodvfyAndRoundTripsEveryItem) {
    ReportCase c;
    io::DicomStructuredReport::write(c.set, c.source, c.sr);
    for (const auto& error : test::dciodvfyErrors(c.sr, "Comprehensive3DSR")) ADD_FAILURE() << error;

    std::size_t skipped = 99;
    const core::AnnotationSet back = io::DicomStructuredReport::read(c.sr, &skipped);
    EXPECT_EQ(skipped, 0u);
    EXPECT_EQ(back.seriesInstanceUid, c.source.seriesUid);
    expectSameContent(c.set, back);
    // Lumen's own items bring back what the standard has no place for.
    for (std::size_t n = 0; n < c.set.findings.size(); ++n) {
        const auto &x = c.set.findings[n].provenance, &y = back.findings[n].provenance;
        EXPECT_EQ(back.findings[n].id, c.set.findings[n].id);
        EXPECT_EQ(std::tie(x.created, x.modified, x.editedByUser, x.voxelsAdded, x.voxelsRemoved, x.editSeconds),
                  std::tie(y.created, y.modified, y.editedByUser, y.voxelsAdded, y.voxelsRemoved, y.editSeconds));
    }
    for (std::size_t n = 0; n < c.set.measurements.size(); ++n) {
        EXPECT_EQ(back.measurements[n].label, c.set.measurements[n].label);
        EXPECT_EQ(back.measurements[n].id, c.set.measurements[n].id);
        EXPECT_LT((back.measurements[n].planeRight - c.set.measurements[n].planeRight).norm(), 1e-12);
    }
    EXPECT_EQ(back.measurements[2].statistics->samples, 279u);
}

TEST(DicomSr, PydicomReadsTheTemplateTreeAndItsReferences) {
    ReportCase c;
    io::DicomStructuredReport::write(c.set, c.source, c.sr);
    const std::string script = R"(
import sys, pydicom
ds = pydicom.dcmread(sys.argv[1])
ct = pydicom.dcmread(sys.argv[2])
assert ds.SOPClassUID == '1.2.840.10008.5.1.4.1.1.88.34', ds.SOPClassUID
assert ds.ConceptNameCodeSequence[0].CodeValue == '126000'
assert ds.ContentTemplateSequence[0].TemplateIdentifier == '1500'
assert ds.PatientID == ct.PatientID and ds.StudyInstanceUID == ct.StudyInstanceUID
refs = ds.CurrentRequestedProcedureEvidenceSequence[0].ReferencedSeriesSequence[0]
assert refs.SeriesInstanceUID == ct.SeriesInstanceUID
print('images', len(refs.ReferencedSOPSequence))
def named(items, code):
    return [i for i in items if 'ConceptNameCodeSequence' in i and i.ConceptNameCodeSequence[0].CodeValue == code]
groups = named(named(ds.ContentSequence, '126010')[0].ContentSequence, '125007')
print('groups', len(groups))
length = named(groups[3].ContentSequence, '410668003')[0].MeasuredValueSequence[0]
print('length', length.NumericValue, length.MeasurementUnitsCodeSequence[0].CodeValue)
region = named(groups[0].ContentSequence, '111030')[0]
assert region.ReferencedFrameOfReferenceUID == ct.FrameOfReferenceUID
print('box', region.GraphicType, [float(v) for v in region.GraphicData])
)";
    const std::string py = (c.dir / "read.py").string();
    std::ofstream(py) << script;
    const auto r = test::run(std::string(test::kDebianPython) + " " + py + " " + c.sr + " " + c.source.instances.front().filePath);
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.out.find("images " + std::to_string(c.source.instances.size())), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("groups 8"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("length 50.0940928 mm"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("box MULTIPOINT [-10.5, 20.25, -30.0, 4.5, 31.0, -18.75]"), std::string::npos) << r.out;
}

TEST(DicomSr, AReportWithoutLumensPrivateItemsReadsFromItsStandardContent) {
    ReportCase c;
    io::DicomStructuredReport::write(c.set, c.source, c.sr);
    const std::string foreign = (c.dir / "foreign.dcm").string();
    const std::string script = R"(
import sys, pydicom
ds = pydicom.dcmread(sys.argv[1])
def strip(items):
    keep = [i for i in items if not ('ConceptNameCodeSequence' in i and i.ConceptNameCodeSequence[0].CodeValue == 'ITEM-DETAILS')]
    for i in keep:
        if 'ContentSequence' in i: i.ContentSequence = strip(i.ContentSequence)
    return keep
ds.ContentSequence = strip(ds.ContentSequence)
ds.save_as(sys.argv[2])
)";
    const std::string py = (c.dir / "strip.py").string();
    std::ofstream(py) << script;
    const auto r = test::run(std::string(test::kDebianPython) + " " + py + " " + c.sr + " " + foreign);
    ASSERT_EQ(r.exitCode, 0) << r.err;
    std::size_t skipped = 99;
    const core::AnnotationSet back = io::DicomStructuredReport::read(foreign, &skipped);
    EXPECT_EQ(skipped, 0u);
    expectSameContent(c.set, back);
    EXPECT_EQ(back.measurements[0].label, "aorta");  // from the tracking identifier
    EXPECT_TRUE(back.findings[0].provenance.created.empty());  // the private items really are gone
}

TEST(DicomSr, BadInputIsAClearError) {
    ReportCase c;
    EXPECT_THROW(io::DicomStructuredReport::read(c.source.instances.front().filePath), io::IoError);  // an image
    io::DicomStructuredReport::write(c.set, c.source, c.sr);
    const std::string text = test::readText(c.sr);
    const std::string truncated = (c.dir / "truncated.dcm").string();
    std::ofstream(truncated, std::ios::binary) << text.substr(0, text.size() / 2);
    EXPECT_THROW(io::DicomStructuredReport::read(truncated), io::IoError);
    // A failed write leaves the previous report as it was.
    core::AnnotationSet broken = c.set;
    broken.measurements[0].points.resize(1);
    EXPECT_THROW(io::DicomStructuredReport::write(broken, c.source, c.sr), io::IoError);
    EXPECT_EQ(test::readText(c.sr), text);
}
