// The PACS tab's retrieve as a radiologist sees it: from *Retrieve* to the first image on screen,
// the whole retrieve, and the GUI thread's longest stall meanwhile. Run by pacs_bench.sh, which
// starts Orthanc, uploads the CT and writes the server file ($LUMEN_PACS_SERVERS).
//
//   pacs_gui_bench DATA_ROOT RUNS
//
// Prints one JSON object per run: {"first_image_ms","total_ms","stall_ms","open_stall_ms"}.
#include "BenchSupport.h"
#include "logic/Document.h"
#include "ui/MainWindow.h"
#include "ui/PacsPanel.h"

#include <QApplication>
#include <QDir>
#include <QTabWidget>
#include <QTreeWidget>

#include <cstdio>

using namespace lumen;
using namespace lumen::bench;

int main(int argc, char** argv) {
    if (argc < 3) return std::fprintf(stderr, "usage: pacs_gui_bench DATA_ROOT RUNS\n"), 2;
    QApplication app(argc, argv);
    const QString root = argv[1];
    for (int run = 0; run < std::atoi(argv[2]); ++run) {
        const QString data = root + QString("/run%1").arg(run);
        QDir(data).removeRecursively();
        QDir().mkpath(data);
        qputenv("LUMEN_DATA_DIR", data.toLocal8Bit());  // an empty database: everything is fetched
        ui::MainWindow window;
        window.resize(1400, 900);
        window.show();
        spin([] { return false; }, 500);
        ui::PacsPanel* pacs = window.pacsPanel();
        window.findChild<QTabWidget*>("studyTabs")->setCurrentWidget(pacs);
        pacs->search();
        if (!spin([&] { return pacs->results()->topLevelItemCount() > 0; }, 30000)) return std::fprintf(stderr, "no study found\n"), 1;
        pacs->results()->setCurrentItem(pacs->results()->topLevelItem(0));
        spin([] { return false; }, 300);

        QElapsedTimer clock;
        double firstImage = -1, total = -1;
        logic::Document* document = window.document();
        // On screen: the views repaint on the event loop's next turn after the document changes.
        QObject::connect(document, &logic::Document::imageChanged, &window, [&] {
            if (document->arriving() && firstImage < 0) QTimer::singleShot(0, &window, [&] { firstImage = double(clock.nsecsElapsed()) / 1e6; });
        });
        StallMeter stall;
        stall.start();
        clock.start();
        pacs->retrieveSelected();
        if (!spin([&] { return !pacs->retrieving(); }, 600000)) return std::fprintf(stderr, "the retrieve did not finish\n"), 1;
        const double stallMs = stall.stop();
        // Then the series opens whole (the database's load replaces the arriving volume, the 3D
        // view renders it for the first time): measured apart, it is what opening it costs anyway.
        StallMeter opening;
        opening.start();
        if (!spin([&] { return !document->arriving() && document->hasImage(); }, 60000)) return std::fprintf(stderr, "the series did not open\n"), 1;
        total = double(clock.nsecsElapsed()) / 1e6;
        spin([] { return false; }, 3000);
        const double openingMs = opening.stop();
        std::printf("{\"first_image_ms\": %.0f, \"total_ms\": %.0f, \"stall_ms\": %.0f, \"open_stall_ms\": %.0f}\n", firstImage, total, stallMs,
                    openingMs);
        std::fflush(stdout);
    }
    return 0;
}
