// A model's proposals before they are annotations: proposed labels are accepted (reviewer and
// time recorded) or rejected (voxels gone, Undo brings them back), the proposed state survives
// the workspace file, exports leave unaccepted labels out; findings under the score threshold
// are hidden and "accept all shown" reviews only what is shown.
#include "TestSupport.h"
#include "io/AnnotationJson.h"
#include "logic/AnnotationExchange.h"
#include "logic/Document.h"
#include "logic/SegmentEditor.h"

#include "CoreApp.h"

#include <QSignalSpy>

#include <gtest/gtest.h>

#include <algorithm>

using namespace lumen;

namespace {

// Two proposed labels (1: columns 0-9, 2: columns 10-19) and one the user drew (3: columns 20-24).
void propose(logic::Document& doc) {
    io::LoadedImage im;
    im.volume = core::Volume::zeros(core::PixelType::Int16, core::ImageGeometry({30, 10, 4}, {1, 1, 1}, {0, 0, 0}));
    doc.setImage(im);
    core::AnnotationSet set;
    set.labels = core::LabelMap(doc.volume().geometry());
    for (std::uint16_t v : {1, 2, 3}) set.labels.labels().set({v, "L" + std::to_string(v), {255, 0, 0, 255}});
    for (std::size_t i = 0; i < set.labels.geometry().voxelCount(); ++i)
        if (const std::size_t x = i % 30; x < 25) set.labels.set(i, std::uint16_t(x < 10 ? 1 : x < 20 ? 2 : 3));
    for (std::uint16_t v : {1, 2}) {
        core::SegmentInfo s;
        s.value = v;
        s.provenance.source = "brain-structures", s.provenance.modelVersion = "1.0";
        s.proposed = true;
        set.segments.push_back(s);
    }
    doc.setAnnotations(set);
}

std::size_t count(const logic::Document& doc, std::uint16_t value) {
    const auto h = doc.labels()->histogram();
    return h.count(value) ? h.at(value) : 0;
}

}  // namespace

TEST(ProposalReview, ProposedLabelsAreAcceptedOrRejectedAndSurviveTheWorkspaceFile) {
    test::coreApp();
    logic::Document doc;
    propose(doc);
    // The workspace file keeps which labels are still proposals.
    core::AnnotationSet back;
    io::readLabelSidecar(io::labelSidecarJson(doc.annotations()), back);
    ASSERT_EQ(back.segments.size(), 2u);
    EXPECT_TRUE(back.segments[0].proposed && back.segments[1].proposed);

    logic::SegmentEditor editor(&doc);
    editor.acceptProposal(1);
    EXPECT_FALSE(doc.segments()[0].proposed);
    EXPECT_FALSE(doc.segments()[0].provenance.modified.empty()) << "when it was reviewed";
    EXPECT_EQ(doc.segments()[0].provenance.source, "brain-structures") << "still the model's, now accepted";
    editor.rejectProposal(3);  // not a proposal: nothing happens
    EXPECT_EQ(count(doc, 3), 200u);
    editor.rejectProposal(2);
    EXPECT_EQ(count(doc, 2), 0u);
    EXPECT_EQ(doc.labels()->labels().find(2), nullptr);
    EXPECT_EQ(doc.segments().size(), 1u);
    doc.undoLabelEdit();
    EXPECT_EQ(count(doc, 2), 400u) << "Undo brings the rejected voxels back";
    EXPECT_EQ(editor.acceptAllProposals(), 1) << "and the proposal itself, to review again";
}

TEST(ProposalReview, ExportsLeaveUnacceptedLabelsOut) {
    test::coreApp();
    test::TempDir dir("proposals");
    logic::Document doc;
    propose(doc);
    const auto file = (dir / "labels.nii.gz").string();
    logic::AnnotationExchange::exportTo(doc, logic::AnnotationExchange::Format::NiftiLabels, file);
    const auto py = test::run(std::string(test::kDebianPython) + " -c \"import nibabel as nib, numpy as np; a=np.asarray(nib.load('" + file +
                              "').dataobj); print(sorted(set(a.flatten().tolist())), int((a==3).sum()))\"");
    ASSERT_EQ(py.exitCode, 0) << py.err;
    EXPECT_EQ(py.out, "[0, 3] 200\n") << "only the user's label; the proposals are not annotations yet";
    EXPECT_EQ(count(doc, 1), 400u) << "the document keeps them";
    logic::SegmentEditor(&doc).acceptAllProposals();
    logic::AnnotationExchange::exportTo(doc, logic::AnnotationExchange::Format::NiftiLabels, file);
    const auto after = test::run(std::string(test::kDebianPython) + " -c \"import nibabel as nib, numpy as np; a=np.asarray(nib.load('" + file +
                                 "').dataobj); print(sorted(set(a.flatten().tolist())))\"");
    EXPECT_EQ(after.out, "[0, 1, 2, 3]\n");
}

TEST(ProposalReview, TheScoreThresholdHidesWeakProposalsAndAcceptAllShownReviewsOnlyThose) {
    test::coreApp();
    logic::Document doc;
    propose(doc);
    for (double score : {0.9, 0.5, 0.1}) {
        core::Finding f;
        f.className = "lesion", f.score = score, f.status = core::Finding::Status::Proposed;
        f.provenance.source = "lesion-detector";
        doc.addFinding(f);
    }
    core::Finding mine;
    mine.className = "lesion", mine.score = 0;  // hand-drawn: always shown
    doc.addFinding(mine);
    doc.setFindingThreshold(0.3);
    int shown = 0;
    for (const auto& f : doc.findings()) shown += doc.findingVisible(f);
    EXPECT_EQ(shown, 3);
    EXPECT_EQ(doc.reviewVisibleProposals(core::Finding::Status::Accepted), 2);
    EXPECT_EQ(doc.findings()[0].status, core::Finding::Status::Accepted);
    EXPECT_EQ(doc.findings()[1].status, core::Finding::Status::Accepted);
    EXPECT_EQ(doc.findings()[2].status, core::Finding::Status::Proposed) << "hidden, so not reviewed";
    EXPECT_FALSE(doc.findings()[0].provenance.modified.empty());
}

TEST(ProposalReview, UndoOfARejectionBringsBackTheLabelsNameAndProvenance) {
    test::coreApp();
    logic::Document doc;
    propose(doc);
    logic::SegmentEditor editor(&doc);
    EXPECT_EQ(editor.rejectAllProposals(), 2);
    EXPECT_TRUE(doc.proposedLabels().empty());
    ASSERT_TRUE(doc.undoLabelEdit());
    ASSERT_TRUE(doc.undoLabelEdit());
    ASSERT_NE(doc.labels()->labels().find(1), nullptr);
    EXPECT_EQ(doc.labels()->labels().find(1)->name, "L1") << "its name, not a generic one";
    auto proposed = doc.proposedLabels();
    std::sort(proposed.begin(), proposed.end());
    EXPECT_EQ(proposed, (std::vector<std::uint16_t>{1, 2})) << "still the model's proposals";
    EXPECT_EQ(count(doc, 1), 400u);
    ASSERT_TRUE(doc.redoLabelEdit());
    EXPECT_EQ(doc.labels()->labels().find(1), nullptr);
}

TEST(ProposalReview, CorrectionEffortCountsWhatEachLabelGainedAndLost) {
    test::coreApp();
    logic::Document doc;
    propose(doc);
    logic::SegmentEditor editor(&doc);
    editor.setActiveLabel(2);
    editor.setBrushRadius(0.5);
    // Paint label 2 over label 1's column 5 (one voxel per slice along a stroke in the view plane).
    editor.beginStroke({5, 5, 1}, {0, 0, 1});
    editor.endStroke();
    const auto* one = &doc.segments()[0];
    const auto* two = &doc.segments()[1];
    ASSERT_EQ(one->value, 1);
    EXPECT_GT(one->provenance.voxelsRemoved, 0u) << "label 1 lost the voxels";
    EXPECT_EQ(one->provenance.voxelsAdded, 0u);
    EXPECT_EQ(two->provenance.voxelsAdded, one->provenance.voxelsRemoved) << "label 2 gained what 1 lost";
    EXPECT_TRUE(one->provenance.editedByUser && two->provenance.editedByUser);
    EXPECT_FALSE(two->provenance.author.empty()) << "who corrected it";
}

TEST(ProposalReview, ARerunOfADetectorReplacesItsUnreviewedFindingsAndKeepsReviewedOnes) {
    test::coreApp();
    logic::Document doc;
    propose(doc);
    auto finding = [](double x, core::Finding::Status status = core::Finding::Status::Proposed) {
        core::Finding f;
        f.className = "lesion", f.boxMin = {x, 0, 0}, f.boxMax = {x + 4, 4, 2}, f.status = status, f.score = 0.9;
        f.provenance.source = "lesion-detector";
        return f;
    };
    EXPECT_EQ(doc.replaceModelFindings("lesion-detector", {finding(0), finding(10)}), std::make_pair(2, 0));
    auto reviewed = doc.findings()[0];
    reviewed.status = core::Finding::Status::Accepted;
    doc.updateFinding(reviewed);
    core::Finding drawn = finding(20, core::Finding::Status::Accepted);
    drawn.provenance.source = "user";
    doc.addFinding(drawn);
    // The same two again: the accepted one is not repeated, the unreviewed one is replaced.
    EXPECT_EQ(doc.replaceModelFindings("lesion-detector", {finding(0), finding(10)}), std::make_pair(1, 1));
    EXPECT_EQ(doc.replaceModelFindings("lesion-detector", {finding(0), finding(10)}), std::make_pair(1, 1));
    ASSERT_EQ(doc.findings().size(), 3u) << "no pile of copies";
    int proposed = 0;
    for (const auto& f : doc.findings()) proposed += f.status == core::Finding::Status::Proposed;
    EXPECT_EQ(proposed, 1);
}

TEST(ProposalReview, AFillOverAProposalSaysWhatItTookAndOnlyEmptyKeepsIt) {
    test::coreApp();
    logic::Document doc;
    propose(doc);
    logic::SegmentEditor editor(&doc);
    editor.setActiveLabel(3);
    QSignalSpy said(&editor, &logic::SegmentEditor::reported);
    const std::vector<core::Point3> square{{4.5, 2.5, 1}, {14.5, 2.5, 1}, {14.5, 6.5, 1}, {4.5, 6.5, 1}};
    ASSERT_GT(editor.fillPolygon(square, {0, 0, 1}), 0u);
    ASSERT_EQ(said.count(), 1);
    const QString text = said.last().at(0).toString();
    EXPECT_TRUE(text.contains("from L1") && text.contains("from L2")) << text.toStdString();
    EXPECT_TRUE(text.contains("only empty voxels")) << text.toStdString();
    editor.setOnlyEmpty(true);
    const auto before = count(doc, 1);
    const std::vector<core::Point3> other{{0.5, 2.5, 2}, {8.5, 2.5, 2}, {8.5, 6.5, 2}, {0.5, 6.5, 2}};
    editor.fillPolygon(other, {0, 0, 1});
    EXPECT_EQ(count(doc, 1), before) << "only empty voxels: the proposal is kept";
}
