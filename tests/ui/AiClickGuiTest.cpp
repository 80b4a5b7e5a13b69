// AI click (issue 18) as an annotator uses it (QTest under xvfb-run): K, clicks and a box on the
// demo brain's axial view, a right click outside, Ctrl+Z on the prompt, Accept. The model is the
// tests' rule network packaged (a positive click is always object, a negative one never), so the
// test checks the tool, not a model's accuracy (the benchmark does that).
#include "TestSupport.h"
#include "ViewerFixture.h"
#include "logic/AiAssist.h"
#include "logic/Document.h"
#include "logic/InteractiveSegmentation.h"
#include "ui/AiDocks.h"
#include "ui/InteractivePanel.h"

#include <QComboBox>
#include <QLabel>

using namespace lumen;
using test::Viewer;

namespace {

QPoint display(ui::SliceView* v, const core::Point3& world) {
    double x = 0, y = 0;
    v->state().worldToDisplay(world, v->width(), v->height(), x, y);
    return QPoint(int(std::lround(x)), int(std::lround(y)));
}

std::uint16_t labelAt(const logic::Document& doc, const core::Point3& p) {
    const auto& g = doc.volume().geometry();
    const auto x = g.worldToIndex(p);
    return doc.labels()->at(std::size_t(std::lround(x.x)), std::size_t(std::lround(x.y)), std::size_t(std::lround(x.z)));
}

}  // namespace

TEST_F(Viewer, AiClickSegmentsWithClicksUndoesOneAndAccepts) {
    logic::Document* doc = window->document();
    const std::string models = qEnvironmentVariable("LUMEN_DATA_DIR").toStdString() + "/models/interactive-rule/1.0";
    const auto made = test::run(test::quote((test::binaryDir() / "bin" / "make_interactive_rule_package").string()) + " " + test::quote(models));
    ASSERT_EQ(made.exitCode, 0) << made.err;
    window->aiAssist()->refreshModels();
    logic::InteractiveSegmentation* tool = window->aiDocks()->interactive();
    ui::InteractivePanel* panel = window->aiDocks()->interactivePanel();
    ASSERT_TRUE(test::waitFor([&] { return tool->hasModel(); }, 30000)) << "the panel picks the interactive model";
    EXPECT_EQ(panel->findChild<QComboBox*>("interactiveModel")->currentText(), "interactive-rule 1.0");

    QTest::keyClick(window.get(), Qt::Key_K);
    ASSERT_TRUE(test::menuAction(*window, "toolAiClick")->isChecked());
    ui::SliceView* axial = view(0);
    const core::Point3 centre = doc->volume().geometry().indexToWorld({90, 110, 110});  // left of the midline, above the ventricles
    const core::Point3 a = centre + core::Vector3{8, 0, 0}, b = centre + core::Vector3{8, 12, 0};
    axial->moveTo(centre);
    settle();
    const auto settled = [&] { return test::waitFor([&] { return !tool->busy(); }, 90000); };

    // Two clicks inside: one object, a proposal of the model.
    QTest::mouseClick(axial, Qt::LeftButton, {}, display(axial, a));
    ASSERT_TRUE(settled());
    QTest::mouseClick(axial, Qt::LeftButton, {}, display(axial, b));
    ASSERT_TRUE(settled());
    const std::uint16_t object = tool->objectLabel();
    ASSERT_NE(object, 0) << panel->findChild<QLabel*>("interactiveStatus")->text().toStdString();
    EXPECT_EQ(tool->prompts().size(), 2u);
    EXPECT_EQ(labelAt(*doc, a), object);
    EXPECT_EQ(labelAt(*doc, b), object);
    EXPECT_EQ(doc->proposedLabels(), std::vector<std::uint16_t>{object});

    // A right click on a: outside. Then Ctrl+Z takes that prompt back.
    QTest::mouseClick(axial, Qt::RightButton, {}, display(axial, a));
    ASSERT_TRUE(settled());
    EXPECT_EQ(tool->prompts().size(), 3u);
    EXPECT_NE(labelAt(*doc, a), object);
    settle();
    test::saveScreenshot(window.get(), "45-ai-click-negative");
    QTest::keyClick(window.get(), Qt::Key_Z, Qt::ControlModifier);
    ASSERT_TRUE(settled());
    EXPECT_EQ(tool->prompts().size(), 2u);
    EXPECT_EQ(labelAt(*doc, a), object);
    EXPECT_TRUE(tool->canRedo());

    // A box dragged round a third place: a prompt too.
    const core::Point3 c = centre + core::Vector3{-20, 0, 0};
    drag(axial, Qt::LeftButton, display(axial, c + core::Vector3{-5, -5, 0}), display(axial, c + core::Vector3{5, 5, 0}));
    ASSERT_TRUE(settled());
    ASSERT_EQ(tool->prompts().size(), 3u);
    EXPECT_EQ(tool->prompts().back().kind, ai::InteractivePrompt::Kind::Box);
    settle();
    test::saveScreenshot(window.get(), "46-ai-click-box");

    // Accept: an annotation with the prompts it took; the next click is a new object.
    panel->findChild<QPushButton*>("interactiveAccept")->click();
    EXPECT_TRUE(doc->proposedLabels().empty());
    bool found = false;
    for (const auto& s : doc->segments())
        if (s.value == object) {
            found = true;
            EXPECT_EQ(s.provenance.prompts, 3u);
            EXPECT_EQ(s.provenance.source, "interactive-rule");
            EXPECT_GT(s.provenance.editSeconds, 0.0);
        }
    EXPECT_TRUE(found);
    EXPECT_EQ(tool->objectLabel(), 0);
    EXPECT_FALSE(panel->findChild<QPushButton*>("interactiveAccept")->isEnabled());
    settle();
    test::saveScreenshot(window.get(), "47-ai-click-accepted");
}
