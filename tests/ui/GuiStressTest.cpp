// A seeded random walk through the real main window, as a radiologist and an annotator use it:
// open series (also while a model runs), run and cancel each model, review proposals, paint,
// erase, undo and redo, change layouts, scroll, add and remove training cases, start, pause and
// cancel a fine-tune, export, AI click (clicks, right clicks, boxes, prompt undo/redo, accept, new
// object; the tests' rule network as its model). After every action the invariants that lost work in the user walks
// of issue 14 are checked:
// - the views show the document's series, and no model's proposal is on a series it never ran on;
// - nothing but the user's own edit changes a voxel of an accepted, corrected or drawn label
//   (a re-run, a late result, a series switch and back, a layout change must not);
// - undo then redo gives back the same labels.
// CI runs it for LUMEN_STRESS_SECONDS (default 40); tests/benchmarks/gui_stress.sh runs it longer.
#include "ViewerFixture.h"
#include "TestSupport.h"
#include "logic/AiAssist.h"
#include "logic/InteractiveSegmentation.h"
#include "logic/SegmentEditor.h"
#include "ui/AiDocks.h"
#include "ui/FindingsPanel.h"
#include "ui/InteractivePanel.h"
#include "ui/TrainingPanel.h"

#include <QAbstractButton>
#include <QLabel>
#include <QElapsedTimer>
#include <QFileDialog>
#include <QMessageBox>
#include <QTime>
#include <QTimer>

#include <cstdio>
#include <functional>
#include <map>
#include <random>
#include <set>

using namespace lumen;
using test::Viewer;

namespace {

int envInt(const char* name, int fallback) {
    bool ok = false;
    const int v = qEnvironmentVariableIntValue(name, &ok);
    return ok ? v : fallback;
}

// Values of labels the user owns: drawn by hand, accepted, or a proposal the user corrected.
std::set<std::uint16_t> ownedLabels(const logic::Document& doc) {
    std::set<std::uint16_t> owned;
    if (!doc.labels()) return owned;
    for (const auto& l : doc.labels()->labels().labels()) owned.insert(l.value);
    for (const auto& s : doc.segments())
        if (s.proposed && !s.provenance.editedByUser) owned.erase(s.value);
    return owned;
}

// Answers whatever modal dialog the walk opened (errors, confirmations, file dialogs), so that
// the walk goes on: a file dialog gets a path in `folder`, a message box a random button.
class DialogAnswerer : public QObject {
public:
    DialogAnswerer(std::mt19937& random, QString folder) : random_(random), folder_(std::move(folder)) {
        timer_.setInterval(40);
        connect(&timer_, &QTimer::timeout, this, [this] { answer(); });
        timer_.start();
    }
    int answered = 0;

private:
    void answer() {
        QWidget* modal = QApplication::activeModalWidget();
        if (!modal || modal->objectName() == "progressDialog") return;
        ++answered;
        if (auto* files = qobject_cast<QFileDialog*>(modal)) {
            files->selectFile(folder_ + QString("/export-%1.dcm").arg(answered));
            QMetaObject::invokeMethod(files, "accept", Qt::QueuedConnection);
        } else if (auto* box = qobject_cast<QMessageBox*>(modal); box && !box->buttons().isEmpty()) {
            const auto buttons = box->buttons();
            QMetaObject::invokeMethod(buttons[int(random_() % unsigned(buttons.size()))], "click", Qt::QueuedConnection);
        } else if (auto* dialog = qobject_cast<QDialog*>(modal)) {
            QMetaObject::invokeMethod(dialog, "reject", Qt::QueuedConnection);
        }
    }
    std::mt19937& random_;
    QString folder_;
    QTimer timer_;
};

class Walk {
public:
    Walk(ui::MainWindow& window, unsigned seed) : w_(window), random_(seed) {
        for (const auto& p : static_cast<logic::StudyBrowserModel*>(w_.browser()->tree()->model())->database().patients())
            for (const auto& st : p.studies)
                for (const auto& se : st.series) series_.push_back(QString::fromStdString(se.seriesUid));
        actions_ = {
            {"open series", 4, [this] { w_.openSeries(pick(series_), chance(8)); }},
            {"run a model", 6, [this] { runModel(); }},
            {"cancel the model", 1, [this] { w_.aiPanel()->cancelButton()->click(); }},
            {"wait for the model", 6, [this] { test::waitFor([this] { return !w_.aiAssist()->busy(); }, 30000); }},
            {"accept all", 3, [this] { userEdit([this] { click(w_.aiPanel(), "acceptAllProposals"); }); }},
            {"reject all", 2, [this] { userEdit([this] { click(w_.aiPanel(), "rejectAllProposals"); }); }},
            {"review findings", 3, [this] { reviewFindings(); }},
            {"paint", 5, [this] { stroke(ui::InteractionMode::Paint); }},
            {"erase", 3, [this] { stroke(ui::InteractionMode::Erase); }},
            {"undo", 3, [this] { userEdit([this] { w_.document()->undoLabelEdit(); }); }},
            {"redo", 2, [this] { userEdit([this] { w_.document()->redoLabelEdit(); }); }},
            {"layout", 3, [this] { w_.setViewLayout(ui::Layout(random_() % 4)); }},
            {"scroll", 4, [this] { scroll(); }},
            {"add training case", 2, [this] { click(training(), "addTraining"); }},
            {"add validation case", 1, [this] { click(training(), "addValidation"); }},
            {"remove training case", 1, [this] { removeCase(); }},
            {"fine-tune", 1, [this] { fineTune(); }},
            {"pause or cancel the fine-tune", 1, [this] { click(training(), chance(2) ? "pauseFineTune" : "cancelFineTune"); }},
            {"export", 1, [this] { exportAnnotations(); }},
            {"wait", 4, [this] { Viewer::settle(int(50 + random_() % 800)); }},
            {"ai click", 4, [this] { aiClick(); }},
            {"ai prompt undo or redo", 1, [this] { chance(2) ? interactive()->undo() : interactive()->redo(); }},
            {"accept the ai object", 1, [this] { userEdit([this] { click(w_.aiDocks()->interactivePanel(), "interactiveAccept"); }); }},
            {"new ai object", 1, [this] { click(w_.aiDocks()->interactivePanel(), "interactiveNew"); }},
        };
        for (const auto& a : actions_) totalWeight_ += a.weight;
        QObject::connect(w_.aiAssist(), &logic::AiAssist::finished, [this](const QString& s) {
            ++(s == "Canceled" ? runsCanceled : runsDone);
            if (qEnvironmentVariableIsSet("LUMEN_STRESS_DEBUG")) std::printf("finished: %s\n", s.toUtf8().constData());
        });
        QObject::connect(w_.aiAssist(), &logic::AiAssist::failed, [this](const QString& why) {
            ++runsFailed;
            if (qEnvironmentVariableIsSet("LUMEN_STRESS_DEBUG")) std::printf("failed: %s\n", why.toUtf8().constData());
        });
    }

    void step() {
        int r = int(random_() % unsigned(totalWeight_));
        const Action* action = &actions_.front();
        for (const auto& a : actions_)
            if ((r -= a.weight) < 0) {
                action = &a;
                break;
            }
        last_ = action->name;
        if (qEnvironmentVariableIsSet("LUMEN_STRESS_DEBUG"))
            std::printf("%s %s\n", QTime::currentTime().toString("mm:ss.zzz").toUtf8().constData(), action->name.c_str());
        action->run();
        ++counts[action->name];
        ++actions;
        Viewer::settle(int(random_() % 120));
        check();
    }

    // Waits for the model, the load and the fine-tune to finish, then checks once more.
    void finish() {
        w_.aiPanel()->cancelButton()->click();
        click(training(), "cancelFineTune");
        test::waitFor([this] { return !w_.aiAssist()->busy() && !w_.busy() && !interactive()->busy(); }, 120000);
        Viewer::settle(500);
        check();
    }

    int actions = 0, runsDone = 0, runsCanceled = 0, runsFailed = 0;
    std::map<std::string, int> counts;
    std::vector<std::string> problems;

private:
    struct Action {
        std::string name;
        int weight;
        std::function<void()> run;
    };
    struct Owned {
        core::LabelMap labels;
        std::set<std::uint16_t> values;
    };

    bool chance(int oneIn) { return random_() % unsigned(oneIn) == 0; }
    template <typename T>
    const T& pick(const std::vector<T>& from) { return from[random_() % from.size()]; }
    ui::TrainingPanel* training() { return w_.aiDocks()->trainingPanel(); }
    QString uid() const { return QString::fromStdString(w_.document()->image().series.seriesUid); }
    static void click(QWidget* parent, const char* name) {
        if (auto* b = parent->findChild<QPushButton*>(name); b && b->isEnabled() && b->isVisible()) b->click();
    }
    ui::SliceView* someView() {
        std::vector<ui::SliceView*> views;
        for (auto* v : w_.viewerLayout()->visibleSliceViews())
            if (v->document() == w_.document()) views.push_back(v);
        return views.empty() ? nullptr : pick(views);
    }
    QPoint somePoint(QWidget* v) { return {int(random_() % unsigned(v->width())), int(random_() % unsigned(v->height()))}; }

    void runModel() {
        static const std::vector<QString> models{"brain-structures", "lesion-detector", "lesion-classifier"};
        if (!w_.aiPanel()->runButton()->isEnabled() || !w_.aiPanel()->selectModel(pick(models))) return;
        if (w_.document()->hasImage()) ranOn_.insert(uid());
        w_.aiPanel()->runButton()->click();
        // A model not made for this series (a brain model on the CT) asks first: the user
        // sometimes runs it anyway, sometimes leaves it.
        if (w_.aiPanel()->runAnywayButton()->isVisible() && random_() % 2) w_.aiPanel()->runAnywayButton()->click();
        if (qEnvironmentVariableIsSet("LUMEN_STRESS_DEBUG"))
            std::printf("%s run: %s\n", QTime::currentTime().toString("mm:ss.zzz").toUtf8().constData(), w_.aiPanel()->statusLabel()->text().toUtf8().constData());
    }
    void reviewFindings() {
        w_.findingsPanel()->focusFirstProposal();
        static const std::vector<int> keys{Qt::Key_A, Qt::Key_R, Qt::Key_N, Qt::Key_P};
        QTest::keyClick(w_.findingsPanel()->tree(), Qt::Key(pick(keys)));
    }
    // A user's own label change: the owned voxels may change, and are recorded afresh after it.
    void userEdit(const std::function<void()>& edit) {
        edit();
        remember();
    }
    void stroke(ui::InteractionMode mode) {
        ui::SliceView* v = someView();
        if (!v || !w_.document()->hasImage()) return;
        userEdit([&] {
            if (!w_.document()->labels() || w_.document()->labels()->labels().empty() || chance(4)) w_.segmentEditor()->addLabel();
            const auto& table = w_.document()->labels()->labels().labels();
            w_.segmentEditor()->setActiveLabel(pick(table).value);
            w_.segmentEditor()->setBrushRadius(1 + random_() % 8);
            w_.setInteractionMode(mode);
            Viewer::drag(v, Qt::LeftButton, somePoint(v), somePoint(v));
            w_.setInteractionMode(ui::InteractionMode::WindowLevel);
        });
    }
    // A click inside, a right click outside or a box, in AI click mode (then back to W/L).
    void aiClick() {
        ui::SliceView* v = someView();
        if (!v || !w_.document()->hasImage()) return;
        if (v->document() == w_.document()) ranOn_.insert(uid());  // its proposals may appear here
        w_.setInteractionMode(ui::InteractionMode::AiClick);
        const unsigned kind = random_() % 5;
        if (kind < 3) QTest::mouseClick(v, Qt::LeftButton, {}, somePoint(v));
        else if (kind == 3) QTest::mouseClick(v, Qt::RightButton, {}, somePoint(v));
        else Viewer::drag(v, Qt::LeftButton, somePoint(v), somePoint(v));
        w_.setInteractionMode(ui::InteractionMode::WindowLevel);
    }
    logic::InteractiveSegmentation* interactive() { return w_.aiDocks()->interactive(); }
    void scroll() {
        if (ui::SliceView* v = someView()) Viewer::wheel(v, somePoint(v), int(random_() % 9) - 4);
    }
    void removeCase() {
        QTreeWidget* cases = training()->casesTree();
        if (cases->topLevelItemCount() == 0) return;
        cases->setCurrentItem(cases->topLevelItem(int(random_() % unsigned(cases->topLevelItemCount()))));
        click(training(), "removeCase");  // the answerer confirms or cancels
    }
    void fineTune() {
        training()->setIterations(2);
        click(training(), "fineTune");
    }
    void exportAnnotations() {
        for (QAction* a : w_.findChildren<QAction*>())
            if (a->objectName() == (chance(2) ? "exportSeg" : "exportSr") && a->isEnabled()) return a->trigger();
    }

    void remember() {
        if (!w_.document()->labels()) return owned_.erase(uid()), void();
        owned_[uid()] = {w_.document()->labels()->clone(), ownedLabels(*w_.document())};
    }
    void problem(const std::string& what) {
        problems.push_back("after action " + std::to_string(actions) + " (" + last_ + "): " + what);
    }

    void check() {
        logic::Document& doc = *w_.document();
        if (!doc.hasImage() || w_.busy()) return;
        // The views show the document's series.
        for (auto* v : w_.viewerLayout()->visibleSliceViews())
            if (v->document() == &doc && !v->state().imageGeometry().isApprox(doc.volume().geometry())) {
                const auto& shown = v->state().imageGeometry().dims();
                const auto& is = doc.volume().geometry().dims();
                problem(v->objectName().toStdString() + " shows a " + std::to_string(shown[0]) + "×" + std::to_string(shown[1]) + "×" +
                        std::to_string(shown[2]) + " image, the document's is " + std::to_string(is[0]) + "×" + std::to_string(is[1]) +
                        "×" + std::to_string(is[2]));
            }
        // Proposals only where a model ran.
        bool proposals = !doc.proposedLabels().empty();
        for (const auto& f : doc.findings()) proposals |= f.status == core::Finding::Status::Proposed;
        if (proposals && !ranOn_.count(uid())) problem("proposals on a series no model ran on");
        // The user's voxels are the user's.
        const auto was = owned_.find(uid());
        if (was != owned_.end() && doc.labels()) {
            const core::LabelMap& now = *doc.labels();
            std::size_t changed = 0;
            if (now.geometry().voxelCount() == was->second.labels.geometry().voxelCount())
                for (std::size_t v = 0; v < now.geometry().voxelCount(); ++v) {
                    const std::uint16_t before = was->second.labels.at(v);
                    changed += before != 0 && was->second.values.count(before) && now.at(v) != before;
                }
            if (changed) problem(std::to_string(changed) + " voxels of accepted, corrected or drawn labels changed without a user edit");
        } else if (was != owned_.end() && !was->second.values.empty()) {
            problem("the labels of this series are gone");
        }
        // Undo then redo gives back the same labels (checked now and then: it copies the map).
        if (doc.labels() && doc.labelUndo().canUndo() && chance(5)) {
            const core::LabelMap before = doc.labels()->clone();
            doc.undoLabelEdit();
            doc.redoLabelEdit();
            if (!(*doc.labels() == before)) problem("undo then redo changed the labels");
        }
        remember();  // what the user owns now (acceptances change it)
    }

    ui::MainWindow& w_;
    std::mt19937 random_;
    std::vector<QString> series_;
    std::vector<Action> actions_;
    int totalWeight_ = 0;
    std::string last_;
    std::set<QString> ranOn_;
    std::map<QString, Owned> owned_;
};

}  // namespace

TEST_F(Viewer, ARandomWalkThroughTheWindowNeverCrashesLosesWorkOrMixesSeries) {
    const int seconds = envInt("LUMEN_STRESS_SECONDS", 40);
    const unsigned seed = unsigned(envInt("LUMEN_STRESS_SEED", 14));
    qputenv("LUMEN_NO_DIALOGS", "1");  // errors go to the status bar; the answerer handles the rest (guiApp sets it too)
    test::TempDir out("gui-stress");
    std::mt19937 answers(seed + 1);
    DialogAnswerer answerer(answers, QString::fromStdString(out.path().string()));
    // AI click's model: the tests' rule network (deterministic, instant), as a user's imported model.
    const std::string rule = qEnvironmentVariable("LUMEN_DATA_DIR").toStdString() + "/models/interactive-rule/1.0";
    ASSERT_EQ(test::run(test::quote((test::binaryDir() / "bin" / "make_interactive_rule_package").string()) + " " + test::quote(rule)).exitCode, 0);
    window->aiAssist()->refreshModels();
    ASSERT_TRUE(test::waitFor([this] { return window->aiDocks()->interactive()->hasModel(); }, 30000));
    Walk walk(*window, seed);
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < seconds * 1000 && walk.problems.empty()) walk.step();
    walk.finish();
    const double minutes = double(clock.elapsed()) / 60000.0;
    std::printf("GUI random walk, seed %u: %d actions in %.1f min (%.0f per minute), %d dialogs answered\n", seed, walk.actions,
                minutes, walk.actions / minutes, answerer.answered);
    std::printf("  model runs: %d with a result, %d canceled, %d failed or refused (another series opened meanwhile)\n",
                walk.runsDone, walk.runsCanceled, walk.runsFailed);
    for (const auto& [name, n] : walk.counts) std::printf("  %-30s %d\n", name.c_str(), n);
    for (const auto& p : walk.problems) std::printf("  PROBLEM %s\n", p.c_str());
    EXPECT_TRUE(walk.problems.empty()) << walk.problems.front();
    EXPECT_GE(walk.actions, 20);
}
